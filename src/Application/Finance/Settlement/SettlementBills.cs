using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Finance;
using Kboss.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Settlement;

/// <summary>A bill as the settlement lists and the export show it (the KPI bill row plus its settlement).</summary>
public sealed record SettlementBillRow
{
    /// <summary>账单号.</summary>
    public string Id { get; init; } = "";
    /// <summary>Customer org.</summary>
    public string Customerid { get; init; } = "";
    /// <summary>Customer name.</summary>
    public string? Orgname { get; init; }
    /// <summary>Product.</summary>
    public string? Productid { get; init; }
    /// <summary>Product name.</summary>
    public string? Productname { get; init; }
    /// <summary>BUY or REFUND.</summary>
    public string BusinessOp { get; init; } = "";
    /// <summary>Quantity.</summary>
    public int? Quantity { get; init; }
    /// <summary>原价 (元, as stored: a refund's is positive).</summary>
    public decimal? ProviderAmt { get; init; }
    /// <summary>折后价格 (元, as stored).</summary>
    public decimal Amount { get; init; }
    /// <summary>Payable to the provider for this bill, signed (元, REFUND negative).</summary>
    public decimal SettleAmount { get; init; }
    /// <summary>账单日期.</summary>
    public DateOnly BillDate { get; init; }
    /// <summary>When generated.</summary>
    public DateTime BillTimestamp { get; init; }
    /// <summary>bill_state.</summary>
    public string BillState { get; init; } = "";
    /// <summary>settle_state (0 unsettled, 1 in approval, 2 settled).</summary>
    public string SettleState { get; init; } = "";
    /// <summary>Settlement holding the bill.</summary>
    public string? ProviderSettleId { get; init; }
}

/// <summary>STL-02's data: the rows and their signed totals (元).</summary>
public sealed record SettlementBillList(IReadOnlyList<SettlementBillRow> BillList, int BillCount,
    decimal TotalProviderAmt, decimal TotalAmount, decimal TotalSettleAmount);

/// <summary>
/// The bills a provider settlement covers (finance.md §4.6): live, paid BUY or REFUND bills of customers under the
/// operator org (owned directly or through one of its resellers), by provider and inclusive bill date.
/// </summary>
public sealed class SettlementBills(IKbossDbContext db)
{
    /// <summary>Most rows one list or export answers.</summary>
    public const int MaxRows = 50_000;

    /// <summary>Customer orgs under <paramref name="orgId"/>: owned by it or by a reseller it owns (no
    /// <c>AsNoTracking</c> here: inside a subquery it would make the callers' bills untracked too).</summary>
    public IQueryable<string> CustomersOf(string orgId) => db.Organizations
        .Where(o => o.OwnerOrgId == orgId || db.Organizations.Any(r =>
            r.Id == o.OwnerOrgId && r.Kind == OrgKind.Reseller && r.OwnerOrgId == orgId))
        .Select(o => o.Id);

    /// <summary>Every settleable bill of <paramref name="orgId"/>'s customers (tracked: callers lock them).</summary>
    public IQueryable<Bill> Eligible(string orgId)
    {
        var customers = CustomersOf(orgId);
        return db.Bills.Where(b => b.BillState == BillStates.Paid
                                   && (b.BusinessOp == BusinessOps.Buy || b.BusinessOp == BusinessOps.Refund)
                                   && b.ProviderId != null && customers.Contains(b.CustomerId));
    }

    /// <summary>The settleable bills of one provider in an inclusive period.</summary>
    public IQueryable<Bill> Of(string orgId, string providerId, DateOnly start, DateOnly end) =>
        Eligible(orgId).Where(b => b.ProviderId == providerId && b.BillDate >= start && b.BillDate <= end);

    /// <summary>The not yet settled or locked bills of a settlement's provider and period, tracked.</summary>
    public Task<List<Bill>> UnsettledAsync(ProviderSettlement s, CancellationToken ct) =>
        Of(s.OrgId, s.ProviderId, s.StartDate, s.EndDate).Where(b => b.SettleState == SettleStates.Unsettled)
            .OrderBy(b => b.BillDate).ThenBy(b => b.Id).ToListAsync(ct);

    /// <summary>The bills locked in or settled by <paramref name="settleId"/>, tracked.</summary>
    public Task<List<Bill>> HeldByAsync(string settleId, CancellationToken ct) =>
        db.Bills.Where(b => b.ProviderSettleId == settleId).ToListAsync(ct);

    /// <summary>STL-02: settled and unsettled bills of the provider and period with their totals.</summary>
    public async Task<SettlementBillList> ListAsync(string orgId, string providerId, DateOnly start, DateOnly end,
        CancellationToken ct)
    {
        var rows = await Of(orgId, providerId, start, end).AsNoTracking()
            .OrderBy(b => b.BillDate).ThenBy(b => b.BillTimestamp).ThenBy(b => b.Id).Take(MaxRows)
            .Select(b => new
            {
                Bill = b,
                Orgname = db.Organizations.Where(o => o.Id == b.CustomerId).Select(o => o.Name).FirstOrDefault(),
                Productname = db.Products.Where(p => p.Id == b.ProductId).Select(p => p.Name).FirstOrDefault(),
            }).ToListAsync(ct);
        var list = rows.Select(r => new SettlementBillRow
        {
            Id = r.Bill.Id, Customerid = r.Bill.CustomerId, Orgname = r.Orgname, Productid = r.Bill.ProductId,
            Productname = r.Productname, BusinessOp = r.Bill.BusinessOp, Quantity = r.Bill.Quantity,
            ProviderAmt = r.Bill.ProviderAmt, Amount = r.Bill.Amount,
            SettleAmount = ProviderSettlement.SettleAmountOf(r.Bill), BillDate = r.Bill.BillDate,
            BillTimestamp = r.Bill.BillTimestamp, BillState = r.Bill.BillState, SettleState = r.Bill.SettleState,
            ProviderSettleId = r.Bill.ProviderSettleId,
        }).ToList();
        decimal Signed(SettlementBillRow r, decimal v) => r.BusinessOp == BusinessOps.Refund ? -v : v;
        return new SettlementBillList(list, list.Count,
            Money.Round2(list.Sum(r => Signed(r, r.ProviderAmt ?? 0m))), Money.Round2(list.Sum(r => Signed(r, r.Amount))),
            Money.Round2(list.Sum(r => r.SettleAmount)));
    }
}
