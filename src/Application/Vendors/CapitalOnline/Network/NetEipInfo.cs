using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Network;

/// <summary>
/// CDS-VPC-23 <c>GET /capital/net_eip_info.dspy</c> 查询子网/虚拟出网网关 下的EIP: CDS NetEIPInfo of subnets or
/// virtual gateways the caller may all act on (<c>NetIdList</c>: JSON array or comma list, §5.3). <c>data</c> =
/// <c>{Data: [{NetId, NetName, NetType, IPNum, IPMask, EIP_INFO_LIST}]}</c>. spec: 26-capital-online-vpc.md; §3.6.
/// </summary>
public sealed record NetEipInfo : IQuery<Reply<JsonObject>>
{
    /// <summary>Subnet / virtual gateway ids.</summary>
    [JsonPropertyName("NetIdList")] public string? NetIdList { get; init; }
}

public sealed class NetEipInfoValidator : AbstractValidator<NetEipInfo>
{
    public NetEipInfoValidator() => RuleFor(x => x.NetIdList).IdList();
}

public sealed class NetEipInfoHandler(CdsService cds) : IQueryHandler<NetEipInfo, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(NetEipInfo q, CancellationToken ct)
    {
        var nets = new List<Domain.Vendors.CdsResource>();
        foreach (var id in CdsListParam.Items(q.NetIdList).Distinct()) nets.Add(await cds.LoadOwnedNetAsync(id, ct));
        return await cds.ReadOwnedAsync(nets[0], CdsActions.NetEipInfo, new JsonObject
        {
            ["NetIdList"] = new JsonArray(nets.Select(n => (JsonNode)JsonValue.Create(n.VendorId!)).ToArray()),
        }, ct);
    }
}
