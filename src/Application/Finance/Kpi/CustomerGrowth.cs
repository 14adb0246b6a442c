using Kboss.Domain.Finance;
using Kboss.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Kpi;

/// <summary>Customer counts of a scope per bucket (finance.md §4.9), from one grouped query.</summary>
public static class CustomerGrowth
{
    /// <summary>New customers per bucket of the <paramref name="g"/> window, with 同比/环比.</summary>
    public static async Task<KpiSeries> NewPerBucketAsync(IQueryable<Organization> customers, KpiGranularity g,
        KpiClock clock, CancellationToken ct)
    {
        var window = KpiSeries.Window(g, clock.Today);
        var days = await DaysAsync(customers, KpiSeries.DataStart(window), clock, ct);
        return KpiSeries.Build(g, window, days);
    }

    /// <summary>Customers created up to the end of each bucket of the <paramref name="g"/> window.</summary>
    public static async Task<IReadOnlyList<(string Label, int Count)>> CumulativeAsync(
        IQueryable<Organization> customers, KpiGranularity g, KpiClock clock, CancellationToken ct)
    {
        var window = KpiSeries.Window(g, clock.Today);
        var start = clock.StartUtc(window[0].Start);
        var before = await customers.CountAsync(o => o.CreateAt < start, ct);
        var days = await DaysAsync(customers, window[0].Start, clock, ct);
        return window.Select(b => (b.Label, before + (int)MoneyDays.Total(days, window[0].Start, b.End))).ToList();
    }

    private static async Task<Dictionary<DateOnly, decimal>> DaysAsync(IQueryable<Organization> customers,
        DateOnly from, KpiClock clock, CancellationToken ct) =>
        (await KpiQueries.NewCustomersPerDay(customers, clock.StartUtc(from), clock.OffsetMinutes).ToListAsync(ct))
        .ToDictionary(d => DateOnly.FromDateTime(d.Day), d => (decimal)d.Count);
}
