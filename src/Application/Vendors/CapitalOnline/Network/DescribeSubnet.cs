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
/// CDS-VPC-04 <c>GET /capital/describe_subnet.dspy</c> 查询子网信息: CDS DescribeSubnet with the filters passed on,
/// kept to the subnets <c>orgid</c> owns; <c>VPCId</c>, when given, must be the org's. <c>data</c> =
/// <c>{Total, SubnetList}</c>. spec: 26-capital-online-vpc.md; analysis/vendors.md §3.6.
/// </summary>
public sealed record DescribeSubnet : IQuery<Reply<JsonObject>>, IOrgScoped
{
    /// <summary>用户的orgid (required).</summary>
    public string? Orgid { get; set; }
    /// <summary>Region (required).</summary>
    [JsonPropertyName("RegionCode")] public string? RegionCode { get; init; }
    /// <summary>Name or id keyword.</summary>
    [JsonPropertyName("Keyword")] public string? Keyword { get; init; }
    /// <summary>Page from 1.</summary>
    [JsonPropertyName("PageNumber")] public string? PageNumber { get; init; }
    /// <summary>VPC filter.</summary>
    [JsonPropertyName("VPCId")] public string? VpcId { get; init; }
    /// <summary>Zone filter.</summary>
    [JsonPropertyName("AvailableZoneCode")] public string? AvailableZoneCode { get; init; }
}

public sealed class DescribeSubnetValidator : AbstractValidator<DescribeSubnet>
{
    public DescribeSubnetValidator()
    {
        RuleFor(x => x.RegionCode).Id();
        RuleFor(x => x.Keyword).MaxChars(CdsRules.NameMax).NoControlChars();
        RuleFor(x => x.PageNumber).PageNumber();
        RuleFor(x => x.VpcId).MaxChars(CdsRules.IdMax);
        RuleFor(x => x.AvailableZoneCode).MaxChars(CdsRules.IdMax);
    }
}

public sealed class DescribeSubnetHandler(CdsService cds) : IQueryHandler<DescribeSubnet, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(DescribeSubnet q, CancellationToken ct)
    {
        var query = CdsQuery.Of(CdsKinds.Subnet, q.Orgid!, q.RegionCode).Filter("Keyword", q.Keyword)
            .Owned("VPCId", CdsResourceTypes.Vpc, q.VpcId).Filter("AvailableZoneCode", q.AvailableZoneCode)
            .Paged(q.PageNumber);
        return Reply.Ok("查询成功", await cds.DescribeAsync(query, ct));
    }
}
