using Kboss.Application.Approval;
using Kboss.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kboss.Application.Finance.Settlement;

/// <summary>
/// The in-process result of 「供应商结算统计」 approvals (docs/patterns.md "Asking for an approval"): the hub verified
/// DingTalk's signed event and calls this once per result; the settlement named by <c>ReferenceId</c> (of the
/// result's org) is settled or rejected with its bills, tracked only — the hub saves it with the delivery mark, so the
/// same result delivered any number of times changes it once. A result for an unknown settlement is logged and
/// dropped (nothing to change; retrying would not help).
/// </summary>
public sealed class SettlementApprovalHandler(IKbossDbContext db, SettlementBills bills, TimeProvider clock,
    ILogger<SettlementApprovalHandler> log) : IApprovalResultHandler
{
    public string BusinessCode => SettlementSubmitter.BusinessCode;

    public async Task HandleAsync(ApprovalResult result, CancellationToken ct)
    {
        var settlement = await db.ProviderSettlements
            .FirstOrDefaultAsync(s => s.Id == result.ReferenceId && s.OrgId == result.OrgId, ct);
        if (settlement is null || (settlement.ApvId is not null && settlement.ApvId != result.ApvId))
        {
            log.LogWarning("Settlement approval {ApvId} names no settlement in approval ({Reference})", result.ApvId,
                result.ReferenceId);
            return;
        }
        var changed = await SettlementResults.ApplyAsync(db, bills, settlement, result.Status,
            clock.GetUtcNow().UtcDateTime, ct);
        if (changed.Failure is { } refused)
            log.LogWarning("Settlement {Id} ignored approval result {Status}: {Reason}", settlement.Id, result.Status,
                refused.Message);
    }
}
