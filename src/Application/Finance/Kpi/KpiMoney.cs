using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Finance;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Kpi;

/// <summary>Platform dates for the KPIs: today and day boundaries in the platform time zone.</summary>
public sealed class KpiClock(TimeProvider clock, IPlatformSettings platform)
{
    /// <summary>Now, UTC.</summary>
    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    /// <summary>Today in platform time.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(UtcNow, platform.TimeZone));

    /// <summary>The platform zone's current UTC offset in minutes.</summary>
    public int OffsetMinutes => (int)platform.TimeZone.GetUtcOffset(UtcNow).TotalMinutes;

    /// <summary>The UTC instant at which platform day <paramref name="day"/> begins.</summary>
    public DateTime StartUtc(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(
        day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), platform.TimeZone);

    /// <summary>A UTC instant as platform time <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    public string Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc),
        platform.TimeZone).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// Per-day money of a scope (finance.md §4.2, §4.3) read once with <see cref="KpiQueries.DailyMoney"/>:
/// net revenue = BUY − REFUND; net cost likewise on the cost snapshot; profit = revenue − cost; recharges apart.
/// </summary>
public sealed class MoneyDays
{
    private readonly IReadOnlyList<DailyMoney> _rows;

    private MoneyDays(IReadOnlyList<DailyMoney> rows) => _rows = rows;

    /// <summary>Reads [<paramref name="from"/>, <paramref name="to"/>) for <paramref name="customers"/>.</summary>
    public static async Task<MoneyDays> ReadAsync(IKbossDbContext db, IQueryable<string> customers, DateOnly from,
        DateOnly to, bool withRecharges, CancellationToken ct) =>
        new(await KpiQueries.DailyMoney(db, customers, from, to, withRecharges).ToListAsync(ct));

    /// <summary>
    /// Reads [<paramref name="from"/>, <paramref name="to"/>) for the customers of <paramref name="org"/>
    /// (<see cref="KpiQueries.CustomersOfOrg"/>) from the per-day totals, less the bills of owned orgs outside that
    /// scope (ADR 0040): the same rows as <see cref="ReadAsync"/> over those customers.
    /// </summary>
    public static async Task<MoneyDays> ReadOrgAsync(IKbossDbContext db, string org, DateOnly from, DateOnly to,
        bool withRecharges, CancellationToken ct)
    {
        var rows = await KpiQueries.DailyMoneyOfOwner(db, org, from, to, withRecharges).ToListAsync(ct);
        var ops = KpiQueries.Ops(withRecharges);
        var outside = (await KpiQueries.OutsideDays(db, org, from, to.AddDays(-1)).ToListAsync(ct))
            .Where(d => d.State == BillStates.Paid && ops.Contains(d.Op)).ToList();
        if (outside.Count == 0) return new(rows);
        return new(rows.Concat(outside.Select(r => new DailyMoney(r.Op, r.Day, -r.Count, -r.AmountFen, -r.CostFen)))
            .GroupBy(r => (r.Op, r.Day))
            .Select(g => new DailyMoney(g.Key.Op, g.Key.Day, g.Sum(r => r.Count), g.Sum(r => r.AmountFen),
                g.Sum(r => r.CostFen)))
            .Where(r => r.Count != 0).ToList());
    }

    /// <summary>Net revenue per day (元).</summary>
    public IReadOnlyDictionary<DateOnly, decimal> Revenue => PerDay(r => Signed(r, r.AmountFen));

    /// <summary>Net cost per day (元).</summary>
    public IReadOnlyDictionary<DateOnly, decimal> Cost => PerDay(r => Signed(r, r.CostFen));

    /// <summary>Profit per day (元).</summary>
    public IReadOnlyDictionary<DateOnly, decimal> Profit => PerDay(r => Signed(r, r.AmountFen - r.CostFen));

    /// <summary>Recharges per day (元; read with recharges only).</summary>
    public IReadOnlyDictionary<DateOnly, decimal> Recharge =>
        PerDay(r => BusinessOps.Recharges.Contains(r.Op) ? r.AmountFen : 0);

    /// <summary>Refunds per day (元).</summary>
    public IReadOnlyDictionary<DateOnly, decimal> Refund => PerDay(r => r.Op == BusinessOps.Refund ? r.AmountFen : 0);

    /// <summary>Paid purchases (count) in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public int Orders(DateOnly from, DateOnly to) =>
        _rows.Where(r => r.Op == BusinessOps.Buy && r.Day >= from && r.Day < to).Sum(r => r.Count);

    /// <summary>Σ of <paramref name="days"/> over [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static decimal Total(IReadOnlyDictionary<DateOnly, decimal> days, DateOnly from, DateOnly to) =>
        days.Where(d => d.Key >= from && d.Key < to).Sum(d => d.Value);

    private static long Signed(DailyMoney r, long fen) => r.Op switch
    {
        BusinessOps.Buy => fen,
        BusinessOps.Refund => -fen,
        _ => 0,
    };

    private Dictionary<DateOnly, decimal> PerDay(Func<DailyMoney, long> fen) =>
        _rows.GroupBy(r => r.Day).ToDictionary(g => g.Key, g => KpiQueries.Yuan(g.Sum(fen)));
}
