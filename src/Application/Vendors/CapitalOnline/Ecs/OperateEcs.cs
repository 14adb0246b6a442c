using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Ecs;

/// <summary>
/// CDS-ECS-13 <c>GET /capital/operate_ecs.dspy</c> 批量操作云服务器开、关机、重启: CDS OperateInstance (kboss
/// <c>EcsId</c> → CDS <c>EcsIds</c>) of live hosts the caller owns, <c>OpType</c> ∈ start_up_ecs, shutdown_ecs,
/// restart_ecs, hard_shutdown_ecs, free_shutdown_ecs; sent once, audited. <c>data</c> = <c>{EventId}</c>; a host in
/// the wrong state is CDS's InvalidOperation.InstanceStatusUnsupported (<c>upstream_failed</c> with its message).
/// spec: 28-capital-online-ecs.md; analysis/vendors.md §3.8, §5.4.
/// </summary>
public sealed record OperateEcs : ICommand<Reply<JsonNode>>
{
    /// <summary>云服务器id列表 (JSON array, "注意使用双引号"; comma-separated also accepted).</summary>
    [JsonPropertyName("EcsId")] public string? EcsId { get; init; }
    /// <summary>Operation.</summary>
    [JsonPropertyName("OpType")] public string? OpType { get; init; }
}

public sealed class OperateEcsValidator : AbstractValidator<OperateEcs>
{
    public OperateEcsValidator()
    {
        RuleFor(x => x.EcsId).IdList();
        RuleFor(x => x.OpType).Required().OneOf(EcsSpec.OpTypes);
    }
}

public sealed class OperateEcsHandler(CdsEcs ecs) : ICommandHandler<OperateEcs, Reply<JsonNode>>
{
    public async ValueTask<Reply<JsonNode>> Handle(OperateEcs c, CancellationToken ct)
    {
        var ids = CdsEcs.Ids(c.EcsId);
        var rows = await ecs.LoadAsync(CdsResourceTypes.Ecs, ids.Select(i => i!.ToString()), ct);
        return await ecs.ChangeAsync(rows, c.OpType.Trimmed(), CdsActions.OperateInstance,
            new JsonObject { ["EcsIds"] = ids, ["OpType"] = c.OpType.Trimmed() }, ct);
    }
}
