using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Finance;
using Mediator;

namespace Kboss.Application.Finance.Kpi;

/// <summary>
/// KPI-03 <c>GET /kpi/profit_analysis.dspy</c> 利润分析 (spec 08-kpi.md; finance.md §3.1, §4.3, §4.4): profit = net
/// revenue − net cost (the bills' cost snapshot, else their list price) per bucket with 同比/环比, and the window's
/// revenue, cost and profit. Scope: the caller's org; with <c>userid</c> (or for a salesperson caller) that
/// salesperson's customers. <c>time</c> as KPI-02.
/// </summary>
public sealed record GetProfitAnalysis : IQuery<Reply<ProfitAnalysisView>>
{
    /// <summary><c>year</c> / <c>month</c> / <c>day</c>.</summary>
    public string? Time { get; init; }
    /// <summary>Salesperson (optional).</summary>
    public string? Userid { get; init; }
}

/// <summary><c>data</c> of KPI-03 (元).</summary>
/// <param name="TotalRevenue">Net revenue over the window.</param>
/// <param name="TotalCost">Net cost over the window.</param>
/// <param name="TotalProfit">Revenue − cost.</param>
/// <param name="Profit">Profit per bucket.</param>
public sealed record ProfitAnalysisView(decimal TotalRevenue, decimal TotalCost, decimal TotalProfit,
    KpiSeries Profit);

public sealed class GetProfitAnalysisValidator : AbstractValidator<GetProfitAnalysis>
{
    public GetProfitAnalysisValidator()
    {
        RuleFor(x => x.Time).Granularity("time");
        RuleFor(x => x.Userid).MaxChars(64);
    }
}

public sealed class GetProfitAnalysisHandler(IKbossDbContext db, KpiAccess access, KpiClock clock)
    : IQueryHandler<GetProfitAnalysis, Reply<ProfitAnalysisView>>
{
    public async ValueTask<Reply<ProfitAnalysisView>> Handle(GetProfitAnalysis q, CancellationToken ct)
    {
        var g = KpiSeries.ParseGranularity(q.Time);
        var window = KpiSeries.Window(g, clock.Today);
        var (from, to) = (KpiSeries.DataStart(window), window[^1].End);
        var money = !string.IsNullOrWhiteSpace(q.Userid) || !access.IsManager
            ? await MoneyDays.ReadAsync(db,
                KpiQueries.CustomersOfSales(db, await access.SalesAsync(q.Userid, ct)).Select(o => o.Id), from, to,
                false, ct)
            : await MoneyDays.ReadOrgAsync(db, await access.OwnerOrgAsync(null, ct), from, to, false, ct);
        var revenue = MoneyDays.Total(money.Revenue, window[0].Start, to);
        var cost = MoneyDays.Total(money.Cost, window[0].Start, to);
        return Reply.Ok("查询成功",
            new ProfitAnalysisView(revenue, cost, revenue - cost, KpiSeries.Build(g, window, money.Profit)));
    }
}
