using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Ecs;

/// <summary>
/// CDS-ECS-08 <c>GET /capital/get_ecs_status.dspy</c> 批量获取云服务器状态: CDS DescribeInstanceStatus of hosts the
/// caller owns — every id checked first (one of another org: 403, an unknown one: 资源不存在). <c>EcsIds</c>: a JSON
/// array (<c>["ins-1","ins-2"]</c>) or comma-separated. <c>data</c> = <c>{EcsStatus:{"&lt;id&gt;":{Status,
/// StatusDisplay}}}</c>. spec: 28-capital-online-ecs.md; analysis/vendors.md §3.8, §5.3.
/// </summary>
public sealed record GetEcsStatus : IQuery<Reply<JsonNode>>
{
    /// <summary>Host ids (required).</summary>
    [JsonPropertyName("EcsIds")] public string? EcsIds { get; init; }
}

public sealed class GetEcsStatusValidator : AbstractValidator<GetEcsStatus>
{
    public GetEcsStatusValidator() => RuleFor(x => x.EcsIds).IdList();
}

public sealed class GetEcsStatusHandler(CdsEcs ecs) : IQueryHandler<GetEcsStatus, Reply<JsonNode>>
{
    public async ValueTask<Reply<JsonNode>> Handle(GetEcsStatus q, CancellationToken ct)
    {
        var ids = CdsEcs.Ids(q.EcsIds);
        var rows = await ecs.LoadAsync(CdsResourceTypes.Ecs, ids.Select(i => i!.ToString()), ct);
        return await ecs.PassAsync(await ecs.KeyOfAsync(rows[0], ct), CdsActions.DescribeInstanceStatus,
            new JsonObject { ["EcsIds"] = ids }, ct);
    }
}
