using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Network;

/// <summary>
/// CDS-VPC-01 <c>GET /capital/describe_vpc.dspy</c> 查询VPC信息: CDS DescribeVPC in <c>RegionCode</c>, kept to the
/// VPCs <c>orgid</c> owns (default and with <c>flag</c>: the caller's org) and, when given, those with a subnet in
/// <c>AvailableZoneCode</c>. <c>data</c> = <c>{Total, VPCList}</c> as CDS sends them. spec: 26-capital-online-vpc.md;
/// analysis/vendors.md §3.6, §6 #25.
/// </summary>
public sealed record DescribeVpc : IQuery<Reply<JsonObject>>, IOrgScoped
{
    /// <summary>用户的orgid.</summary>
    public string? Orgid { get; set; }
    /// <summary>地域 (required by CDS).</summary>
    [JsonPropertyName("RegionCode")] public string? RegionCode { get; init; }
    /// <summary>地域可用区 (local filter).</summary>
    [JsonPropertyName("AvailableZoneCode")] public string? AvailableZoneCode { get; init; }
    /// <summary>Customer view: always the caller's own org (the pipeline already refuses another's).</summary>
    public string? Flag { get; init; }
}

public sealed class DescribeVpcValidator : AbstractValidator<DescribeVpc>
{
    public DescribeVpcValidator()
    {
        RuleFor(x => x.RegionCode).Id();
        RuleFor(x => x.AvailableZoneCode).MaxChars(CdsRules.IdMax);
        RuleFor(x => x.Flag).MaxChars(CdsRules.IdMax);
    }
}

public sealed class DescribeVpcHandler(CdsService cds) : IQueryHandler<DescribeVpc, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(DescribeVpc q, CancellationToken ct)
    {
        var query = CdsQuery.Of(CdsKinds.Vpc, q.Orgid!, q.RegionCode);
        if (q.AvailableZoneCode.TrimmedOrNull() is { } zone)
            query = query.Within(await cds.VpcsWithSubnetInAsync(q.Orgid!, zone, ct));
        return Reply.Ok("查询成功", await cds.DescribeAsync(query, ct));
    }
}
