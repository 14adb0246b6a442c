using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Finance;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Bills;

/// <summary>
/// Keeps <see cref="BillDayTotal"/> in step with the bills (ADR 0040): <see cref="BillService"/> adds every new bill
/// in the bill's own transaction. A conditional upsert in two statements that both providers run: an UPDATE of the
/// key's row (the owner read in the same statement), and when no row matched, the first row of the key (saved with
/// the bill; SQLite serialises writers, a concurrent first insert on SQL Server is a unique violation that rolls the
/// unit back like the ledger's).
/// </summary>
public sealed class BillDayTotals(IKbossDbContext db)
{
    /// <summary>Adds <paramref name="bill"/> (live, just created) to its day's row.</summary>
    public async Task AddAsync(Bill bill, CancellationToken ct)
    {
        var (customer, amount) = (bill.CustomerId, BillDayTotal.Fen(bill.Amount));
        var cost = BillDayTotal.Fen(bill.CostAmt ?? bill.ProviderAmt ?? 0m);
        var owner = db.Organizations.IgnoreQueryFilters().Where(o => o.Id == customer)
            .Select(o => o.OwnerOrgId ?? "");
        var updated = await db.BillDayTotals
            .Where(t => t.BillDate == bill.BillDate && t.BusinessOp == bill.BusinessOp
                        && t.BillState == bill.BillState && owner.Contains(t.OwnerOrgId))
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.Bills, t => t.Bills + 1)
                .SetProperty(t => t.AmountFen, t => t.AmountFen + amount)
                .SetProperty(t => t.CostFen, t => t.CostFen + cost), ct);
        if (updated > 0) return;
        var ownerId = await owner.FirstOrDefaultAsync(ct) ?? "";
        db.BillDayTotals.Add(BillDayTotal.Of(ownerId, bill));
    }
}
