using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Common;
using Kboss.Domain.Finance;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Settlement;

/// <summary>
/// Applies an approval result to a settlement and its bills (STL-04 step 3–6, finance.md §4.6), tracked only: the
/// caller saves. Agreed → settled with its bills; refused, terminated or revoked → rejected, its bills released and
/// their links removed. A repeat on a final settlement changes nothing (false).
/// </summary>
internal static class SettlementResults
{
    public static async Task<Result<bool>> ApplyAsync(IKbossDbContext db, SettlementBills bills,
        ProviderSettlement settlement, string status, DateTime now, CancellationToken ct)
    {
        var held = await bills.HeldByAsync(settlement.Id, ct);
        var changed = settlement.Finish(status, held, now);
        if (changed is { Ok: true, Value: true } && settlement.State == SettlementStates.Rejected)
            db.ProviderSettlementBills.RemoveRange(
                await db.ProviderSettlementBills.Where(l => l.SettleId == settlement.Id).ToListAsync(ct));
        return changed;
    }
}
