using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Domain.Approval;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kboss.Application.Approval;

/// <summary>
/// The safety net for lost DingTalk events (Quartz job <c>ApprovalReconciler</c>, analysis/platform.md §4.1 step 5):
/// asks DingTalk about every record still <c>running</c> after <c>Approval:ReconcileAfterSeconds</c> and applies a
/// finished one's result exactly as the callback would (<see cref="ApprovalResults"/>). No transaction is open during
/// the DingTalk calls; one org's failure never stops the others. Answers how many records changed.
/// </summary>
public sealed record ReconcileApprovals : ICommand<int>
{
    /// <summary>Age override (tests use zero); null: the configured age.</summary>
    public TimeSpan? After { get; init; }
}

public sealed class ReconcileApprovalsHandler(IKbossDbContext db, ApprovalConfig config,
    IDingTalkApprovalClient dingTalk, ApprovalResults results, ApprovalOptions options, TimeProvider clock,
    ILogger<ReconcileApprovalsHandler> log) : ICommandHandler<ReconcileApprovals, int>
{
    public async ValueTask<int> Handle(ReconcileApprovals c, CancellationToken ct)
    {
        var before = clock.GetUtcNow().UtcDateTime - (c.After ?? options.ReconcileAfter);
        var open = await db.ApprovalRecords.AsNoTracking()
            .Where(r => r.Status == ApprovalStatus.Running && r.StatusChangedAt <= before)
            .OrderBy(r => r.StatusChangedAt).Take(200).Select(r => new { r.OrgId, r.ApvId }).ToListAsync(ct);
        var changed = 0;
        foreach (var org in open.GroupBy(r => r.OrgId))
        {
            DingTalkApp app;
            try
            {
                app = config.App(await config.KeyAsync(org.Key, ct));
            }
            catch (BusinessException)
            {
                continue; // keys removed: nothing to ask
            }
            foreach (var record in org)
            {
                try
                {
                    var state = await dingTalk.GetInstanceAsync(app, record.ApvId, ct);
                    if (ResultOf(state) is { } result && await results.ApplyAsync(org.Key, record.ApvId, result, ct))
                        changed++;
                }
                catch (OutsideCallException e)
                {
                    log.LogWarning("Approval {ApvId} not reconciled: {Reason}", record.ApvId, e.Message);
                }
            }
        }
        return changed;
    }

    /// <summary>The record status a DingTalk instance state means, or null while it runs.</summary>
    public static string? ResultOf(DingTalkInstanceState state) => state.Status.ToUpperInvariant() switch
    {
        "COMPLETED" when state.Result?.ToLowerInvariant() is "agree" => ApprovalStatus.Agree,
        "COMPLETED" when state.Result?.ToLowerInvariant() is "refuse" => ApprovalStatus.Refuse,
        "TERMINATED" or "CANCELED" => ApprovalStatus.Terminate,
        _ => null,
    };
}
