using System.Text.Json.Nodes;
using Kboss.Application.Common.Models;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Ecs;

/// <summary>
/// CDS-ECS-01 <c>GET /capital/region_az_info.dspy</c> 获取地区可用区信息: CDS DescribeRegions with the caller's
/// operator key; <c>data</c> = CDS's <c>Data</c> (<c>[{RegionGroupName, RegionList:[{RegionCode, AzList}]}]</c>).
/// spec: 28-capital-online-ecs.md; analysis/vendors.md §3.8.
/// </summary>
public sealed record DescribeRegionAz : IQuery<Reply<JsonNode>>;

public sealed class DescribeRegionAzHandler(CdsEcs ecs) : IQueryHandler<DescribeRegionAz, Reply<JsonNode>>
{
    public async ValueTask<Reply<JsonNode>> Handle(DescribeRegionAz q, CancellationToken ct) =>
        await ecs.CatalogAsync(CdsActions.DescribeRegions, [], ct);
}
