using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Network;

/// <summary>
/// CDS-VPC-22 <c>GET /capital/ip_list.dspy</c> 查询子网/虚拟出网网关/公网 IP 信息: CDS DescribeIPInfo of a subnet or
/// virtual gateway the caller may act on (403 / 资源不存在); <c>IPType</c> ∈ <c>subnet</c>, <c>virtual_gateway</c>,
/// <c>pubnet</c>. <c>data</c> = CDS's <c>{SegmentNum, SegmentList}</c>. spec: 26-capital-online-vpc.md; §3.6.
/// </summary>
public sealed record IpList : IQuery<Reply<JsonObject>>
{
    /// <summary>Subnet or virtual gateway id.</summary>
    [JsonPropertyName("NetId")] public string? NetId { get; init; }
    /// <summary><c>subnet</c> / <c>virtual_gateway</c> / <c>pubnet</c>.</summary>
    [JsonPropertyName("IPType")] public string? IpType { get; init; }
}

public sealed class IpListValidator : AbstractValidator<IpList>
{
    public IpListValidator()
    {
        RuleFor(x => x.NetId).Id();
        RuleFor(x => x.IpType).Required().OneOf(["subnet", "virtual_gateway", "pubnet"]);
    }
}

public sealed class IpListHandler(CdsService cds) : IQueryHandler<IpList, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(IpList q, CancellationToken ct)
    {
        var net = await cds.LoadOwnedNetAsync(q.NetId, ct);
        return await cds.ReadOwnedAsync(net, CdsActions.DescribeIpInfo,
            new JsonObject { ["NetId"] = net.VendorId, ["IPType"] = q.IpType!.Trim() }, ct);
    }
}
