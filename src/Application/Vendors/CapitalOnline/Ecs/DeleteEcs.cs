using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Ecs;

/// <summary>
/// CDS-ECS-14 <c>GET /capital/delete_ecs.dspy</c> 删除云服务器: CDS DeleteInstance of hosts the caller owns, one call
/// per host through the outside-call pattern (row <c>deleting</c> → <c>deleted</c>; a host already being deleted
/// answers without a second call; a lost answer is settled by the reconciler). <c>DeleteEip</c> (CDS: 1 deletes the
/// bound EIPs) is refused unless 0: EIPs are bought and deleted through their own endpoints (analysis/vendors.md §6
/// #30). <c>data</c> = <c>{EventIds}</c>. spec: 28-capital-online-ecs.md; analysis/vendors.md §3.8, §5.4.
/// </summary>
public sealed record DeleteEcs : ICommand<Reply<JsonNode>>
{
    /// <summary>Host ids (JSON array or comma-separated).</summary>
    [JsonPropertyName("EcsIds")] public string? EcsIds { get; init; }
    /// <summary>可选: 0 only unbinds the host's EIPs (default).</summary>
    [JsonPropertyName("DeleteEip")] public string? DeleteEip { get; init; }
}

public sealed class DeleteEcsValidator : AbstractValidator<DeleteEcs>
{
    /// <summary>DeleteEip=1.</summary>
    public const string DeleteEipMessage = "不支持删除云服务器时同时删除EIP,请通过delete_eip删除";

    public DeleteEcsValidator()
    {
        RuleFor(x => x.EcsIds).IdList();
        RuleFor(x => x.DeleteEip).Must(v => string.IsNullOrWhiteSpace(v) || v.Trim() == "0")
            .WithMessage(DeleteEipMessage);
    }
}

public sealed class DeleteEcsHandler(CdsService cds, CdsEcs ecs) : ICommandHandler<DeleteEcs, Reply<JsonNode>>
{
    public async ValueTask<Reply<JsonNode>> Handle(DeleteEcs c, CancellationToken ct)
    {
        var rows = await ecs.LoadAsync(CdsResourceTypes.Ecs, CdsEcs.Ids(c.EcsIds).Select(i => i!.ToString()), ct);
        var events = new JsonArray();
        string? message = null;
        foreach (var row in rows)
        {
            var answer = await cds.DeleteAsync(row, CdsActions.DeleteInstance,
                new JsonObject { ["EcsIds"] = new JsonArray(row.VendorId), ["DeleteEip"] = 0 }, ct);
            if (answer?.Data is not { } data) continue;
            message = answer.Message;
            var eventId = CdsEcs.EventOf(data);
            await ecs.RecordEventAsync([row], eventId, ct);
            if (eventId is not null) events.Add(eventId);
        }
        return Reply.Ok(message ?? "删除任务已在处理中", (JsonNode)new JsonObject { ["EventIds"] = events });
    }
}
