using Kboss.Domain.Finance;

namespace Kboss.Application.Finance.Kpi;

/// <summary>
/// The virtual data of the big screens (<c>flag=0</c>, finance.md §3.1 KPI-08…11, §6 #13): one fixed demo set
/// (version 1) in the shapes of the real pages, so screens can be shown without real numbers. Bucket labels follow
/// today's window; every value is a constant of this class, never derived from stored data.
/// </summary>
public static class LargeScreenDemo
{
    /// <summary>Version of the demo set, bumped whenever a value changes.</summary>
    public const int Version = 1;

    // 24 months, oldest first: the base year, then the shown year (元).
    private static readonly decimal[] MonthlyRevenue =
    [
        52000, 54000, 61000, 58000, 63000, 70000, 72000, 69000, 75000, 81000, 86000, 90000,
        88000, 91000, 97000, 99000, 104000, 112000, 118000, 115000, 121000, 128000, 135000, 142000,
    ];

    private static readonly int[] MonthlyNewCustomers =
        [8, 9, 11, 10, 12, 14, 13, 15, 16, 18, 17, 20, 19, 21, 22, 24, 23, 26, 27, 29, 28, 31, 33, 35];

    private const decimal CostShare = 0.72m;

    /// <summary>Demo of KPI-08.</summary>
    public static HomeScreenView Home(DateOnly today)
    {
        var revenue = Series(today, MonthlyRevenue);
        return new HomeScreenView(1268, 36, 12, 9342, revenue.Number.Sum(), revenue.Number[^1], 1_850_000m, revenue);
    }

    /// <summary>Demo of KPI-09.</summary>
    public static UsersScreenView Users(DateOnly today)
    {
        var fresh = Series(today, MonthlyNewCustomers.Select(n => (decimal)n).ToArray());
        var running = 1268 - (int)fresh.Number.Sum();
        var cumulative = fresh.Date.Select((d, i) => new CumulativeUsersView(d, running += (int)fresh.Number[i]))
            .ToList();
        return new UsersScreenView(1268, cumulative, CountSeriesView.From(fresh), Ranking("客户", 86000m));
    }

    /// <summary>Demo of KPI-10.</summary>
    public static BusinessScreenView Business(DateOnly today)
    {
        var revenue = Series(today, MonthlyRevenue);
        var cost = Series(today, MonthlyRevenue.Select(v => v * CostShare).ToArray());
        var profit = Series(today, MonthlyRevenue.Select(v => v - v * CostShare).ToArray());
        var total = revenue.Number.Sum();
        return new BusinessScreenView(total, total * CostShare, total - total * CostShare, 23500m, revenue, cost,
            profit, Ranking("产品", 260000m));
    }

    /// <summary>Demo of KPI-11.</summary>
    public static MerchantsScreenView Merchants() => new(36, 12, Ranking("供应商", 320000m),
        [
            new RankedView(SettleStates.Unsettled, "未结算", 402000m),
            new RankedView(SettleStates.InApproval, "审批中", 118000m),
            new RankedView(SettleStates.Settled, "已结算", 930000m),
        ],
        Ranking("分销商", 150000m));

    private static KpiSeries Series(DateOnly today, decimal[] months)
    {
        var window = KpiSeries.Window(KpiGranularity.Month, today);
        var first = KpiSeries.DataStart(window);
        var days = months.Select((v, i) => (Day: first.AddMonths(i), v)).ToDictionary(x => x.Day, x => x.v);
        return KpiSeries.Build(KpiGranularity.Month, window, days);
    }

    private static IReadOnlyList<RankedView> Ranking(string what, decimal top) => Enumerable.Range(1, 5)
        .Select(i => new RankedView($"demo-{i}", $"示例{what}{i}", top - (i - 1) * top / 8)).ToList();
}
