using Kboss.Application.Common.Models;
using Kboss.Domain.Finance;
using Kboss.Domain.Identity;
using Mediator;

namespace Kboss.Application.Finance.Kpi;

/// <summary>
/// KPI-08 <c>GET /kpi/large_screen_first_page.dspy</c> 大屏展示首页 (finance.md §3.1 page 1): counts of customers,
/// providers and resellers; this year's paid orders, net revenue and recharges; this month's net revenue; the
/// monthly revenue series (as KPI-02).
/// </summary>
public sealed record GetLargeScreenFirstPage : LargeScreenRequest, IQuery<Reply<HomeScreenView>>;

/// <summary><c>data</c> of KPI-08 (元).</summary>
public sealed record HomeScreenView(int CustomerCount, int ProviderCount, int ResellerCount, int OrderCount,
    decimal RevenueYear, decimal RevenueMonth, decimal RechargeYear, KpiSeries Revenue);

public sealed class GetLargeScreenFirstPageValidator : LargeScreenValidator<GetLargeScreenFirstPage>;

public sealed class GetLargeScreenFirstPageHandler(LargeScreenData data)
    : IQueryHandler<GetLargeScreenFirstPage, Reply<HomeScreenView>>
{
    public async ValueTask<Reply<HomeScreenView>> Handle(GetLargeScreenFirstPage q, CancellationToken ct)
    {
        var org = await data.OrgAsync(q, ct);
        if (q.Virtual) return Reply.Ok("查询成功", LargeScreenDemo.Home(data.Clock.Today));
        var (window, money) = await data.MonthsAsync(org, ct);
        var (from, to) = data.Year;
        return Reply.Ok("查询成功", new HomeScreenView(
            await data.CountAsync(org, OrgKind.Customer, ct), await data.CountAsync(org, OrgKind.Provider, ct),
            await data.CountAsync(org, OrgKind.Reseller, ct), money.Orders(from, to),
            MoneyDays.Total(money.Revenue, from, to), MoneyDays.Total(money.Revenue, window[^1].Start, window[^1].End),
            MoneyDays.Total(money.Recharge, from, to), KpiSeries.Build(KpiGranularity.Month, window, money.Revenue)));
    }
}
