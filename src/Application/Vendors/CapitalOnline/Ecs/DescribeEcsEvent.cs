using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Domain.Common;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Ecs;

/// <summary>
/// CDS-ECS-09 <c>GET /capital/describe_event.dspy</c> 获取事件信息: CDS DescribeEvent of an event kboss recorded as the
/// last one of a host or image the caller owns (another org's: 403; an event kboss did not start: 资源不存在).
/// <c>data</c> = <c>{EventId, EventStatus, EventType, TaskList}</c>. spec: 28-capital-online-ecs.md;
/// analysis/vendors.md §3.8.
/// </summary>
public sealed record DescribeEcsEvent : IQuery<Reply<JsonNode>>
{
    /// <summary>CDS EventId (from create_ecs, operate_ecs, …).</summary>
    [JsonPropertyName("EventId")] public string? EventId { get; init; }
}

public sealed class DescribeEcsEventValidator : AbstractValidator<DescribeEcsEvent>
{
    public DescribeEcsEventValidator() => RuleFor(x => x.EventId).Id();
}

public sealed class DescribeEcsEventHandler(CdsEcs ecs) : IQueryHandler<DescribeEcsEvent, Reply<JsonNode>>
{
    public async ValueTask<Reply<JsonNode>> Handle(DescribeEcsEvent q, CancellationToken ct)
    {
        var row = await ecs.LoadByEventAsync(q.EventId.Trimmed(), ct);
        return await ecs.PassAsync(await ecs.KeyOfAsync(row, ct), CdsActions.DescribeEvent,
            new JsonObject { ["EventId"] = q.EventId.Trimmed() }, ct);
    }
}
