using System.Globalization;

namespace Kboss.Domain.Finance;

/// <summary>Bucket size of a KPI series (<c>time</c> / <c>target</c> of finance.md §3.1 KPI-02/03/07).</summary>
public enum KpiGranularity
{
    /// <summary><c>year</c>: the last 5 years, labels <c>yyyy</c>.</summary>
    Year,
    /// <summary><c>month</c> (default): the last 12 months, labels <c>yyyy-MM</c>.</summary>
    Month,
    /// <summary><c>day</c>: the last 30 days, labels <c>yyyy-MM-dd</c>.</summary>
    Day,
}

/// <summary>One bucket: [<see cref="Start"/>, <see cref="End"/>) in platform dates, with its wire label.</summary>
/// <param name="Start">First day.</param>
/// <param name="End">Day after the last day.</param>
/// <param name="Label"><c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>.</param>
public sealed record KpiBucket(DateOnly Start, DateOnly End, string Label);

/// <summary>
/// A KPI series on the wire (finance.md §3.1 KPI-01/02/03): equal-length <c>date</c>, <c>number</c>,
/// <c>tongbi</c> (同比, vs the same bucket a year earlier) and <c>huanbi</c> (环比, vs the previous bucket), oldest
/// first. Growth rates are percents rounded half away from zero to 2 decimals; a zero base gives the integer 0 (§4.4).
/// </summary>
/// <param name="Date">Bucket labels.</param>
/// <param name="Number">Value per bucket.</param>
/// <param name="Tongbi">Year-on-year growth in %.</param>
/// <param name="Huanbi">Bucket-on-bucket growth in %.</param>
public sealed record KpiSeries(IReadOnlyList<string> Date, IReadOnlyList<decimal> Number,
    IReadOnlyList<decimal> Tongbi, IReadOnlyList<decimal> Huanbi)
{
    /// <summary>Wire names of <see cref="KpiGranularity"/>.</summary>
    public static readonly IReadOnlyDictionary<string, KpiGranularity> Granularities =
        new Dictionary<string, KpiGranularity>
        {
            ["year"] = KpiGranularity.Year, ["month"] = KpiGranularity.Month, ["day"] = KpiGranularity.Day,
        };

    /// <summary>Parses <c>year</c>/<c>month</c>/<c>day</c>; empty → month (validated before).</summary>
    public static KpiGranularity ParseGranularity(string? value) =>
        string.IsNullOrWhiteSpace(value) ? KpiGranularity.Month : Granularities[value.Trim()];

    /// <summary>
    /// Growth of <paramref name="current"/> over <paramref name="basis"/> in % (2 dp, half away from zero); the
    /// integer 0 when the base is 0 (§4.4: <c>tongbi</c> is <c>oneOf number xor integer</c>).
    /// </summary>
    public static decimal Growth(decimal current, decimal basis) => basis == 0
        ? 0m
        : Math.Round((current - basis) / basis * 100m, 2, MidpointRounding.AwayFromZero);

    /// <summary>The returned buckets ending with the one holding <paramref name="today"/>, oldest first.</summary>
    public static IReadOnlyList<KpiBucket> Window(KpiGranularity g, DateOnly today)
    {
        var (count, last) = g switch
        {
            KpiGranularity.Year => (5, new DateOnly(today.Year, 1, 1)),
            KpiGranularity.Month => (12, new DateOnly(today.Year, today.Month, 1)),
            _ => (30, today),
        };
        return Enumerable.Range(0, count).Select(i => Bucket(g, Step(g, last, i - count + 1))).ToList();
    }

    /// <summary>
    /// First day whose value a series over <paramref name="window"/> needs: a year before the first bucket (the
    /// 同比 base; the 环比 base of the first bucket lies inside that year).
    /// </summary>
    public static DateOnly DataStart(IReadOnlyList<KpiBucket> window) => window[0].Start.AddYears(-1);

    /// <summary>
    /// The series over <paramref name="window"/> from per-day values (<paramref name="daily"/>, missing days are 0),
    /// which must cover <see cref="DataStart"/> up to the end of the window.
    /// </summary>
    public static KpiSeries Build(KpiGranularity g, IReadOnlyList<KpiBucket> window,
        IReadOnlyDictionary<DateOnly, decimal> daily)
    {
        decimal Sum(KpiBucket b) => daily.Where(d => d.Key >= b.Start && d.Key < b.End).Sum(d => d.Value);
        var numbers = window.Select(Sum).ToList();
        var tongbi = window.Select((b, i) => Growth(numbers[i], Sum(Bucket(g, b.Start.AddYears(-1))))).ToList();
        var huanbi = window.Select((b, i) => Growth(numbers[i], Sum(Bucket(g, Step(g, b.Start, -1))))).ToList();
        return new KpiSeries(window.Select(b => b.Label).ToList(), numbers, tongbi, huanbi);
    }

    /// <summary>The bucket of size <paramref name="g"/> starting at <paramref name="start"/>.</summary>
    public static KpiBucket Bucket(KpiGranularity g, DateOnly start) => g switch
    {
        KpiGranularity.Year => new KpiBucket(start, start.AddYears(1),
            start.Year.ToString("D4", CultureInfo.InvariantCulture)),
        KpiGranularity.Month => new KpiBucket(start, start.AddMonths(1),
            start.ToString("yyyy-MM", CultureInfo.InvariantCulture)),
        _ => new KpiBucket(start, start.AddDays(1), start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
    };

    private static DateOnly Step(KpiGranularity g, DateOnly start, int n) => g switch
    {
        KpiGranularity.Year => start.AddYears(n),
        KpiGranularity.Month => start.AddMonths(n),
        _ => start.AddDays(n),
    };
}
