using System.Linq.Expressions;
using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Finance;
using Kboss.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Kpi;

/// <summary>Sums of one operation on one day, money in 分 (exact integer sums).</summary>
/// <param name="Op"><see cref="BusinessOps"/>.</param>
/// <param name="Day">Bill date.</param>
/// <param name="Count">Bills.</param>
/// <param name="AmountFen">Σ amount × 100.</param>
/// <param name="CostFen">Σ cost × 100 (cost snapshot, else list price, else 0; finance.md §4.3).</param>
public sealed record DailyMoney(string Op, DateOnly Day, int Count, long AmountFen, long CostFen);

/// <summary>Bills of one operation and state on one day, money in 分 (<see cref="KpiQueries.OutsideDays"/>).</summary>
/// <param name="Op"><see cref="BusinessOps"/>.</param>
/// <param name="State"><see cref="BillStates"/>.</param>
/// <param name="Day">Bill date.</param>
/// <param name="Count">Bills.</param>
/// <param name="AmountFen">Σ amount × 100.</param>
/// <param name="CostFen">Σ cost × 100.</param>
public sealed record StateDay(string Op, string State, DateOnly Day, int Count, long AmountFen, long CostFen);

/// <summary>New customers created on one platform day.</summary>
/// <param name="Day">Creation day (platform time).</param>
/// <param name="Count">Customers.</param>
public sealed record DailyCount(DateTime Day, int Count);

/// <summary>Net revenue (BUY − REFUND, 分) of one key.</summary>
/// <param name="Key">Customer, product or provider id, or settle state.</param>
/// <param name="Fen">Net amount × 100.</param>
public sealed record KeyedMoney(string? Key, long Fen);

/// <summary>
/// The KPI queries (finance.md §4.1–§4.3, §4.9; ADR 0032), each one SQL statement that groups on indexed columns and
/// translates on SQLite and SQL Server. Money is summed as whole 分 (<c>CAST(ROUND(amount*100) AS INTEGER)</c>):
/// every bill amount is a whole number of 分, so the integer sum is exact and needs no per-row decimal function.
/// Public so that the query-plan test and the benchmark read the very statements the endpoints run.
/// </summary>
public static class KpiQueries
{
    /// <summary>Live customer orgs owned by <paramref name="orgId"/> (the org scope of §4.1).</summary>
    public static IQueryable<Organization> CustomersOfOrg(IKbossDbContext db, string orgId) =>
        db.Organizations.AsNoTracking().Where(o => o.OwnerOrgId == orgId && o.Kind == OrgKind.Customer);

    /// <summary>Live customer orgs whose salesperson is <paramref name="userId"/> (the sales scope of §4.1).</summary>
    public static IQueryable<Organization> CustomersOfSales(IKbossDbContext db, string userId) =>
        db.Organizations.AsNoTracking().Where(o => o.SalemanId == userId && o.Kind == OrgKind.Customer);

    /// <summary>
    /// Effective (live, paid) bills of <paramref name="customers"/> dated in [<paramref name="from"/>,
    /// <paramref name="to"/>), BUY and REFUND (and the recharges with <paramref name="withRecharges"/>), summed per
    /// operation and day: a range scan of <see cref="KpiIndexes.Money"/> in index order.
    /// </summary>
    public static IQueryable<DailyMoney> DailyMoney(IKbossDbContext db, IQueryable<string> customers, DateOnly from,
        DateOnly to, bool withRecharges) =>
        db.Bills.AsNoTracking().Where(withRecharges ? AnyOp : RevenueOp)
            .Where(b => b.BillState == BillStates.Paid && b.BillDate >= from && b.BillDate < to
                        && customers.Contains(b.CustomerId))
            .GroupBy(b => new { b.BusinessOp, b.BillDate })
            .Select(g => new DailyMoney(g.Key.BusinessOp, g.Key.BillDate, g.Count(),
                g.Sum(b => (long)Math.Round((double)b.Amount * 100)),
                g.Sum(b => (long)Math.Round((double)(b.CostAmt ?? b.ProviderAmt ?? 0m) * 100))));

    /// <summary>
    /// <see cref="DailyMoney(IKbossDbContext, IQueryable{string}, DateOnly, DateOnly, bool)"/> of every bill whose
    /// customer <paramref name="org"/> owns, read from <see cref="BillDayTotal"/> (ADR 0040): one row per operation
    /// and day, whatever the number of bills. Includes the bills of owned orgs outside the KPI scope
    /// (<see cref="OutsideScope"/>), which the caller subtracts.
    /// </summary>
    public static IQueryable<DailyMoney> DailyMoneyOfOwner(IKbossDbContext db, string org, DateOnly from, DateOnly to,
        bool withRecharges)
    {
        var ops = withRecharges ? AnyOps : RevenueOps;
        return db.BillDayTotals.AsNoTracking()
            .Where(t => t.OwnerOrgId == org && t.BillState == BillStates.Paid && ops.Contains(t.BusinessOp)
                        && t.BillDate >= from && t.BillDate < to)
            .Select(t => new DailyMoney(t.BusinessOp, t.BillDate, t.Bills, t.AmountFen, t.CostFen));
    }

    /// <summary>
    /// Orgs owned by <paramref name="org"/> that are not live customers (deleted, or of another kind): their bills
    /// are in the owner's <see cref="BillDayTotal"/> rows but not in the KPI scope (<see cref="CustomersOfOrg"/>).
    /// </summary>
    public static IQueryable<string> OutsideScope(IKbossDbContext db, string org) =>
        db.Organizations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.OwnerOrgId == org && (o.Kind != OrgKind.Customer || o.DelFlg != Domain.Common.DelFlag.Alive))
            .Select(o => o.Id);

    /// <summary>
    /// The bills of <see cref="OutsideScope"/> dated in [<paramref name="from"/>, <paramref name="to"/>] per operation,
    /// state and day: filtered on the customer and the date only, so that the plan can only seek the customer index
    /// (these orgs are few; the caller picks operations and states from the small result).
    /// </summary>
    public static IQueryable<StateDay> OutsideDays(IKbossDbContext db, string org, DateOnly from, DateOnly to)
    {
        var outside = OutsideScope(db, org);
        return db.Bills.AsNoTracking()
            .Where(b => outside.Contains(b.CustomerId) && b.BillDate >= from && b.BillDate <= to)
            .GroupBy(b => new { b.BusinessOp, b.BillState, b.BillDate })
            .Select(g => new StateDay(g.Key.BusinessOp, g.Key.BillState, g.Key.BillDate, g.Count(),
                g.Sum(b => (long)Math.Round((double)b.Amount * 100)),
                g.Sum(b => (long)Math.Round((double)(b.CostAmt ?? b.ProviderAmt ?? 0m) * 100))));
    }

    /// <summary>
    /// The operations of <see cref="DailyMoney(IKbossDbContext, IQueryable{string}, DateOnly, DateOnly, bool)"/>.
    /// </summary>
    public static IReadOnlyList<string> Ops(bool withRecharges) => withRecharges ? AnyOps : RevenueOps;

    /// <summary>
    /// Net revenue (BUY − REFUND) of effective bills of <paramref name="customers"/> in [<paramref name="from"/>,
    /// <paramref name="to"/>) per <paramref name="key"/>, largest first, at most <paramref name="top"/> keys.
    /// </summary>
    public static IQueryable<KeyedMoney> NetBy(IKbossDbContext db, IQueryable<string> customers, DateOnly from,
        DateOnly to, Expression<Func<Bill, string?>> key, int top) =>
        db.Bills.AsNoTracking().Where(RevenueOp)
            .Where(b => b.BillState == BillStates.Paid && b.BillDate >= from && b.BillDate < to
                        && customers.Contains(b.CustomerId))
            .GroupBy(key)
            .Select(g => new
            {
                g.Key,
                Fen = g.Sum(b => (b.BusinessOp == BusinessOps.Refund ? -1L : 1L)
                                 * (long)Math.Round((double)b.Amount * 100)),
            })
            .OrderByDescending(m => m.Fen).Take(top).Select(m => new KeyedMoney(m.Key, m.Fen));

    /// <summary>
    /// New customers per platform day from <paramref name="fromUtc"/> on (<paramref name="offsetMinutes"/>: the
    /// platform zone's UTC offset), grouped on the indexed <c>create_at</c>.
    /// </summary>
    public static IQueryable<DailyCount> NewCustomersPerDay(IQueryable<Organization> customers, DateTime fromUtc,
        int offsetMinutes) =>
        customers.Where(o => o.CreateAt >= fromUtc)
            .GroupBy(o => o.CreateAt.AddMinutes(offsetMinutes).Date)
            .Select(g => new DailyCount(g.Key, g.Count()));

    /// <summary>Every live bill of <paramref name="customers"/> (KPI-06's base set).</summary>
    public static IQueryable<Bill> OrgBills(IKbossDbContext db, IQueryable<Organization> customers) =>
        db.Bills.AsNoTracking().Where(b => customers.Select(o => o.Id).Contains(b.CustomerId));

    /// <summary>
    /// Every live bill of <paramref name="customers"/> as a correlated EXISTS: the page query's form, so that SQLite
    /// walks <see cref="KpiIndexes.Newest"/> in order instead of seeking per customer and sorting (ADR 0032).
    /// </summary>
    public static IQueryable<Bill> OrgBillsInOrder(IKbossDbContext db, IQueryable<Organization> customers) =>
        db.Bills.AsNoTracking().Where(b => customers.Any(o => o.Id == b.CustomerId));

    /// <summary>
    /// Bills of a list, newest first (bill date, then time, then id), only ids: an index-only walk of the list's
    /// covering index.
    /// </summary>
    public static IQueryable<string> PageIds(IQueryable<Bill> bills, int skip, int take) =>
        bills.OrderByDescending(b => b.BillDate).ThenByDescending(b => b.BillTimestamp).ThenByDescending(b => b.Id)
            .Select(b => b.Id).Skip(skip).Take(take);

    /// <summary>Σ amount of a list in 分 (any op, any state: the literal <c>bill_sum</c> of KPI-06).</summary>
    public static IQueryable<long> SumFen(IQueryable<Bill> bills) =>
        bills.Select(b => (long)Math.Round((double)b.Amount * 100));

    private static readonly string[] RevenueOps = [BusinessOps.Buy, BusinessOps.Refund];

    private static readonly string[] AnyOps =
        [BusinessOps.Buy, BusinessOps.Refund, BusinessOps.Recharge, BusinessOps.RechargeAlipay];

    private static readonly Expression<Func<Bill, bool>> RevenueOp =
        b => b.BusinessOp == BusinessOps.Buy || b.BusinessOp == BusinessOps.Refund;

    private static readonly Expression<Func<Bill, bool>> AnyOp =
        b => b.BusinessOp == BusinessOps.Buy || b.BusinessOp == BusinessOps.Refund
             || b.BusinessOp == BusinessOps.Recharge || b.BusinessOp == BusinessOps.RechargeAlipay;

    /// <summary>分 → 元.</summary>
    public static decimal Yuan(long fen) => fen / 100m;
}
