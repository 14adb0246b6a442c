using Kboss.Domain.Finance;

namespace Kboss.Domain.UnitTests;

/// <summary>The growth rule and bucket windows of the KPI series (finance.md §4.4, §3.1 KPI-02/07).</summary>
public sealed class KpiSeriesTests
{
    [Theory]
    [InlineData(2780, 900, 208.89)] // the KPI-02 example of finance.md §3.1
    [InlineData(7777, 500, 1455.40)]
    [InlineData(80, 315, -74.60)]
    [InlineData(300, 315, -4.76)]
    [InlineData(1, 2, -50)]
    [InlineData(2, 1, 100)]
    [InlineData(0, 5, -100)]
    [InlineData(1, 3, -66.67)]
    [InlineData(2, 3, -33.33)]
    [InlineData(1.005, 1, 0.5)]
    public void Growth_is_a_percent_rounded_half_away_from_zero(decimal current, decimal basis, decimal expected) =>
        KpiSeries.Growth(current, basis).Should().Be(expected);

    [Fact]
    public void Growth_over_a_zero_base_is_the_integer_zero()
    {
        var g = KpiSeries.Growth(900, 0);
        g.Should().Be(0m);
        g.Scale.Should().Be(0, "serialised as 0, not 0.00 (tongbi: oneOf number xor integer)");
        System.Text.Json.JsonSerializer.Serialize(KpiSeries.Growth(2780, 900)).Should().Be("208.89");
        System.Text.Json.JsonSerializer.Serialize(g).Should().Be("0");
    }

    [Fact]
    public void Windows_end_with_the_bucket_of_today_oldest_first()
    {
        var today = new DateOnly(2024, 3, 15);
        var months = KpiSeries.Window(KpiGranularity.Month, today);
        months.Select(b => b.Label).Should().HaveCount(12).And.StartWith("2023-04").And.EndWith("2024-03");
        months[^1].Should().Be(new KpiBucket(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1), "2024-03"));
        KpiSeries.Window(KpiGranularity.Year, today).Select(b => b.Label).Should()
            .Equal("2020", "2021", "2022", "2023", "2024");
        var days = KpiSeries.Window(KpiGranularity.Day, today);
        (days.Count, days[0].Label, days[^1].Label).Should().Be((30, "2024-02-15", "2024-03-15"));
        KpiSeries.DataStart(months).Should().Be(new DateOnly(2022, 4, 1));
    }

    [Fact]
    public void Build_sums_days_into_buckets_and_compares_with_the_year_before_and_the_bucket_before()
    {
        var today = new DateOnly(2024, 3, 15);
        var window = KpiSeries.Window(KpiGranularity.Month, today);
        var days = new Dictionary<DateOnly, decimal>
        {
            [new DateOnly(2024, 3, 1)] = 1000, [new DateOnly(2024, 3, 31)] = 1780, // m0 = 2780
            [new DateOnly(2024, 2, 29)] = 900,                                      // m1 = 900
            [new DateOnly(2023, 3, 10)] = 2000,                                     // a year before m0
            [new DateOnly(2024, 4, 1)] = 99999,                                     // after the window
        };
        var s = KpiSeries.Build(KpiGranularity.Month, window, days);
        (s.Number[^1], s.Number[^2], s.Number.Sum()).Should().Be((2780m, 900m, 3680m));
        (s.Huanbi[^1], s.Tongbi[^1]).Should().Be((208.89m, 39m));
        (s.Huanbi[^2], s.Tongbi[^2]).Should().Be((0m, 0m), "base 0 (January 2024 and February 2023)");
        s.Date.Should().HaveCount(12);
        s.Tongbi.Should().HaveCount(12);

        var daily = KpiSeries.Build(KpiGranularity.Day, KpiSeries.Window(KpiGranularity.Day, new DateOnly(2024, 2, 29)),
            new Dictionary<DateOnly, decimal> { [new DateOnly(2024, 2, 29)] = 30, [new DateOnly(2023, 2, 28)] = 20 });
        daily.Tongbi[^1].Should().Be(50m, "29 February compares with 28 February a year before");
    }
}
