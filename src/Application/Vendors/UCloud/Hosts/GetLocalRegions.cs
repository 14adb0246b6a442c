using System.Text.Json.Nodes;
using Kboss.Application.Common.Models;
using Mediator;

namespace Kboss.Application.Vendors.UCloud.Hosts;

/// <summary>
/// UC-H-05 <c>GET /ucloud/get_local_regions.dspy</c> 获取地域可用区: the local table of UCloud's public regions and
/// zones (analysis/vendors.md §2.7 E-UC-2; UCloud's region list, docs.ucloud.cn/api/summary/regionlist), no vendor
/// call. <c>data</c> = <c>[{Name, Region, Zone:[{ZoneName, ZoneId}]}]</c> as documented. spec: 30-ucloud-hosts.md.
/// </summary>
public sealed record GetLocalRegions : IQuery<Reply<JsonArray>>;

/// <summary>UCloud's public regions and their zones (E-UC-2).</summary>
public static class UCloudRegions
{
    public static readonly IReadOnlyList<(string Name, string Region, string[] Zones)> All =
    [
        ("华北一", "cn-bj2", ["cn-bj2-02", "cn-bj2-03", "cn-bj2-04", "cn-bj2-05"]),
        ("华北二", "cn-wlcb", ["cn-wlcb-01"]),
        ("上海二", "cn-sh2", ["cn-sh2-01", "cn-sh2-02", "cn-sh2-03"]),
        ("广州", "cn-gd", ["cn-gd-02"]),
        ("福建", "cn-qz", ["cn-qz-01"]),
        ("香港", "hk", ["hk-01", "hk-02"]),
        ("洛杉矶", "us-ca", ["us-ca-01"]),
        ("新加坡", "sg", ["sg-01", "sg-02"]),
        ("东京", "jpn-tky", ["jpn-tky-01"]),
        ("法兰克福", "ge-fra", ["ge-fra-01"]),
    ];

    /// <summary>True for a known region.</summary>
    public static bool IsKnown(string? region) => All.Any(r => r.Region == region?.Trim());
}

public sealed class GetLocalRegionsHandler : IQueryHandler<GetLocalRegions, Reply<JsonArray>>
{
    public ValueTask<Reply<JsonArray>> Handle(GetLocalRegions q, CancellationToken ct) =>
        ValueTask.FromResult(Reply.Ok("查询成功", new JsonArray(UCloudRegions.All.Select(r => (JsonNode)new JsonObject
        {
            ["Name"] = r.Name, ["Region"] = r.Region,
            ["Zone"] = new JsonArray(r.Zones.Select(z => (JsonNode)new JsonObject
            {
                ["ZoneName"] = $"{r.Name}{z[^1]}", ["ZoneId"] = z,
            }).ToArray()),
        }).ToArray())));
}
