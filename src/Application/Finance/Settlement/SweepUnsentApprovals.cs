using System.Text.Json.Serialization;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Invoices;
using Kboss.Domain.Approval;
using Kboss.Domain.Finance;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kboss.Application.Finance.Settlement;

/// <summary>
/// The Quartz job <c>ApprovalIdSweep</c> (ADR 0040): provider settlements and invoice applications left in approval
/// without an approval id — the process stopped between DingTalk's answer and the confirm step — for longer than
/// <see cref="After"/>. When the hub's record of the item holds a DingTalk id, it is stored (the lost confirm);
/// while the hub's record is still sending, the item waits for the hub's own reconciler; otherwise (no record, or the
/// send failed) the item is compensated like a refused send: a settlement's bills are released and it is pending
/// again, an invoice application becomes 发起审批失败 and its recharge records are free. Audited.
/// </summary>
public sealed record SweepUnsentApprovals : ICommand<Reply<UnsentApprovalSweep>>
{
    /// <summary>Age after which a missing approval id counts as lost.</summary>
    public static readonly TimeSpan After = TimeSpan.FromMinutes(15);

    /// <summary>The instant to sweep at (tests: a later clock); null = now.</summary>
    [JsonIgnore]
    internal DateTime? Now { get; init; }
}

/// <summary>What a sweep did.</summary>
/// <param name="Confirmed">Items given the approval id the hub recorded.</param>
/// <param name="Released">Items compensated.</param>
public sealed record UnsentApprovalSweep(int Confirmed, int Released);

public sealed class SweepUnsentApprovalsHandler(IKbossDbContext db, SettlementSubmitter settlements,
    TimeProvider clock, ICurrentUser user, ILogger<SweepUnsentApprovalsHandler> log)
    : ICommandHandler<SweepUnsentApprovals, Reply<UnsentApprovalSweep>>
{
    /// <summary>Failure reason of a compensated invoice application.</summary>
    public const string LostMessage = "发起审批超时,未取得审批编号";

    public async ValueTask<Reply<UnsentApprovalSweep>> Handle(SweepUnsentApprovals c, CancellationToken ct)
    {
        var cutoff = (c.Now ?? clock.GetUtcNow().UtcDateTime) - SweepUnsentApprovals.After;
        var (confirmed, released) = (0, 0);
        var stuckSettlements = await db.ProviderSettlements.AsNoTracking()
            .Where(s => s.State == SettlementStates.InApproval && s.ApvId == null && s.UpdateTime < cutoff)
            .Select(s => s.Id).ToListAsync(ct);
        foreach (var id in stuckSettlements)
        {
            if (await RecordedAsync(id, SettlementSubmitter.BusinessCode, ct) is not { Waiting: false } found
                || !await settlements.RecoverAsync(id, found.ApvId)) continue;
            await CountAsync(found.ApvId, "provider_settlement", id);
        }
        var stuckInvoices = await db.InvoiceApplications.AsNoTracking()
            .Where(a => a.State == InvoiceApplicationStates.InApproval && a.ApvId == null && a.UpdateTime < cutoff)
            .Select(a => a.Id).ToListAsync(ct);
        foreach (var id in stuckInvoices)
        {
            if (await RecordedAsync(id, InvoiceApprovalHandler.Business, ct) is not { Waiting: false } found) continue;
            db.ClearChanges();
            var app = await db.InvoiceApplications.SingleAsync(a => a.Id == id, ct);
            if (!app.IsPending || app.ApvId is not null) continue;
            if (found.ApvId is { } apv) app.AwaitApproval(apv);
            else
            {
                app.SendFailed(LostMessage).OrThrow();
                foreach (var item in await db.InvoiceApplicationItems
                             .Where(i => i.ApplicationId == id && i.Live).ToListAsync(ct))
                    item.Release();
            }
            await CountAsync(found.ApvId, "invoice_application", id);
        }
        return Reply.Ok("操作成功", new UnsentApprovalSweep(confirmed, released));

        async Task CountAsync(string? apvId, string kind, string id)
        {
            if (apvId is null) released++;
            else confirmed++;
            log.LogWarning("Approval id sweep: {Kind} {Id} {Outcome}", kind, id,
                apvId is null ? "released" : "confirmed");
            db.AuditEntries.Add(Audit.Entry(user, "finance.approval_sweep", kind, id, new { apv_id = apvId }));
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>The hub's newest record of <paramref name="referenceId"/>: its DingTalk id, or waiting while it is
    /// still being sent; (no id, not waiting) when there is none or it failed.</summary>
    private async Task<(string? ApvId, bool Waiting)> RecordedAsync(string referenceId, string business,
        CancellationToken ct)
    {
        var record = await db.ApprovalRecords.AsNoTracking()
            .Where(r => r.ReferenceId == referenceId && r.BusinessName == business)
            .OrderByDescending(r => r.CreateAt).Select(r => new { r.ApvId, r.Status }).FirstOrDefaultAsync(ct);
        if (record is null) return (null, false);
        if (record.ApvId.Length > 0) return (record.ApvId, false);
        return (null, record.Status is ApprovalStatus.Sending or ApprovalStatus.Unknown);
    }
}
