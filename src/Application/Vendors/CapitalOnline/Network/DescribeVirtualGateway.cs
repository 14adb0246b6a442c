using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Network;

/// <summary>
/// CDS-VPC-07 <c>GET /capital/describe_virtual_gateway.dspy</c> 查询虚拟出网网关: CDS DescribeVirtualGateWay, kept to
/// the gateways the caller's org owns (no <c>orgid</c> documented, §6 #24); <c>VPCId</c>, when given, must be the
/// caller's. <c>data</c> = <c>{Total, VirtualGateWayList}</c>. spec: 26-capital-online-vpc.md.
/// </summary>
public sealed record DescribeVirtualGateway : IQuery<Reply<JsonObject>>, IOrgScoped
{
    /// <summary>Not documented: the caller's org (an operator may name a customer it owns).</summary>
    public string? Orgid { get; set; }
    /// <summary>Region (required by CDS).</summary>
    [JsonPropertyName("RegionCode")] public string? RegionCode { get; init; }
    /// <summary>Keyword.</summary>
    [JsonPropertyName("Keyword")] public string? Keyword { get; init; }
    /// <summary>Page from 1.</summary>
    [JsonPropertyName("PageNumber")] public string? PageNumber { get; init; }
    /// <summary>VPC filter.</summary>
    [JsonPropertyName("VPCId")] public string? VpcId { get; init; }
    /// <summary>Zone filter.</summary>
    [JsonPropertyName("AvailableZoneCode")] public string? AvailableZoneCode { get; init; }
}

public sealed class DescribeVirtualGatewayValidator : AbstractValidator<DescribeVirtualGateway>
{
    public DescribeVirtualGatewayValidator()
    {
        RuleFor(x => x.RegionCode).Id();
        RuleFor(x => x.Keyword).MaxChars(CdsRules.NameMax).NoControlChars();
        RuleFor(x => x.PageNumber).PageNumber();
        RuleFor(x => x.VpcId).MaxChars(CdsRules.IdMax);
        RuleFor(x => x.AvailableZoneCode).MaxChars(CdsRules.IdMax);
    }
}

public sealed class DescribeVirtualGatewayHandler(CdsService cds)
    : IQueryHandler<DescribeVirtualGateway, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(DescribeVirtualGateway q, CancellationToken ct)
    {
        var query = CdsQuery.Of(CdsKinds.VirtualGateway, q.Orgid!, q.RegionCode).Filter("Keyword", q.Keyword)
            .Owned("VPCId", CdsResourceTypes.Vpc, q.VpcId).Filter("AvailableZoneCode", q.AvailableZoneCode)
            .Paged(q.PageNumber);
        return Reply.Ok("查询成功", await cds.DescribeAsync(query, ct));
    }
}
