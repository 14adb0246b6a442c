using Kboss.Application.Common.Models;
using Kboss.Domain.Finance;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Kpi;

/// <summary>
/// KPI-10 <c>GET /kpi/large_screen_third_page.dspy</c> 大屏展示经营三 (finance.md §3.1 page 3, §4.2–§4.3): this year's
/// net revenue, cost, profit and refunds; monthly revenue, cost and profit series; the top products by this year's
/// net revenue.
/// </summary>
public sealed record GetLargeScreenThirdPage : LargeScreenRequest, IQuery<Reply<BusinessScreenView>>;

/// <summary><c>data</c> of KPI-10 (元).</summary>
public sealed record BusinessScreenView(decimal RevenueYear, decimal CostYear, decimal ProfitYear,
    decimal RefundYear, KpiSeries Revenue, KpiSeries Cost, KpiSeries Profit, IReadOnlyList<RankedView> TopProducts);

public sealed class GetLargeScreenThirdPageValidator : LargeScreenValidator<GetLargeScreenThirdPage>;

public sealed class GetLargeScreenThirdPageHandler(LargeScreenData data)
    : IQueryHandler<GetLargeScreenThirdPage, Reply<BusinessScreenView>>
{
    public async ValueTask<Reply<BusinessScreenView>> Handle(GetLargeScreenThirdPage q, CancellationToken ct)
    {
        var org = await data.OrgAsync(q, ct);
        if (q.Virtual) return Reply.Ok("查询成功", LargeScreenDemo.Business(data.Clock.Today));
        var (window, money) = await data.MonthsAsync(org, ct);
        var (from, to) = data.Year;
        var revenue = MoneyDays.Total(money.Revenue, from, to);
        var cost = MoneyDays.Total(money.Cost, from, to);
        var products = await data.RankAsync(org, b => b.ProductId, ids => data.Db.Products.AsNoTracking()
            .Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct), ct);
        return Reply.Ok("查询成功", new BusinessScreenView(revenue, cost, revenue - cost,
            MoneyDays.Total(money.Refund, from, to), KpiSeries.Build(KpiGranularity.Month, window, money.Revenue),
            KpiSeries.Build(KpiGranularity.Month, window, money.Cost),
            KpiSeries.Build(KpiGranularity.Month, window, money.Profit), products));
    }
}
