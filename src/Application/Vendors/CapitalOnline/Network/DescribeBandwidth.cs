using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Network;

/// <summary>
/// CDS-VPC-16 <c>GET /capital/describe_bandwidth.dspy</c> 查询共享带宽: CDS DescribeBandwidth in <c>RegionCode</c>
/// (and <c>AvailableZoneCode</c>), kept to the caller's org's bandwidths (no <c>orgid</c> documented, §6 #24).
/// <c>data</c> = <c>{Total, BandwidthList}</c>. spec: 26-capital-online-vpc.md; analysis/vendors.md §3.6.
/// </summary>
public sealed record DescribeBandwidth : IQuery<Reply<JsonObject>>, IOrgScoped
{
    /// <summary>Not documented: the caller's org (an operator may name a customer it owns).</summary>
    public string? Orgid { get; set; }
    /// <summary>Region.</summary>
    [JsonPropertyName("RegionCode")] public string? RegionCode { get; init; }
    /// <summary>Zone filter.</summary>
    [JsonPropertyName("AvailableZoneCode")] public string? AvailableZoneCode { get; init; }
}

public sealed class DescribeBandwidthValidator : AbstractValidator<DescribeBandwidth>
{
    public DescribeBandwidthValidator()
    {
        RuleFor(x => x.RegionCode).Id();
        RuleFor(x => x.AvailableZoneCode).MaxChars(CdsRules.IdMax);
    }
}

public sealed class DescribeBandwidthHandler(CdsService cds) : IQueryHandler<DescribeBandwidth, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(DescribeBandwidth q, CancellationToken ct) =>
        Reply.Ok("查询成功", await cds.DescribeAsync(CdsQuery.Of(CdsKinds.Bandwidth, q.Orgid!, q.RegionCode)
            .Filter("AvailableZoneCode", q.AvailableZoneCode), ct));
}
