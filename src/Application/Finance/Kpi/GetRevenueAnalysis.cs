using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Finance;
using Mediator;

namespace Kboss.Application.Finance.Kpi;

/// <summary>
/// KPI-02 <c>GET /kpi/revenue_analysis.dspy</c> 收入分析 (spec 08-kpi.md; finance.md §3.1, §4.2, §4.4, §6 #7): net
/// revenue (effective BUY − REFUND) of the customers of the caller's org per bucket, with 同比/环比, and the window
/// total. <c>time</c>: <c>year</c> (5 years), <c>month</c> (default, 12 months) or <c>day</c> (30 days).
/// </summary>
public sealed record GetRevenueAnalysis : IQuery<Reply<RevenueAnalysisView>>
{
    /// <summary><c>year</c> / <c>month</c> / <c>day</c>.</summary>
    public string? Time { get; init; }
}

/// <summary><c>data</c> of KPI-02.</summary>
/// <param name="Total">Σ <c>revenue.number</c> (元).</param>
/// <param name="Revenue">Net revenue per bucket (元).</param>
public sealed record RevenueAnalysisView(decimal Total, KpiSeries Revenue);

/// <summary>Validates <c>time</c> (KPI-02, KPI-03).</summary>
public static class KpiTimeRule
{
    /// <summary><c>time</c> / <c>target</c> is empty or one of year/month/day (<c>{param}参数错误</c>).</summary>
    public static IRuleBuilderOptions<T, string?> Granularity<T>(this IRuleBuilder<T, string?> rule, string param) =>
        rule.OneOf(KpiSeries.Granularities.Keys).WithMessage($"{param}参数错误");
}

public sealed class GetRevenueAnalysisValidator : AbstractValidator<GetRevenueAnalysis>
{
    public GetRevenueAnalysisValidator() => RuleFor(x => x.Time).Granularity("time");
}

public sealed class GetRevenueAnalysisHandler(IKbossDbContext db, KpiAccess access, KpiClock clock)
    : IQueryHandler<GetRevenueAnalysis, Reply<RevenueAnalysisView>>
{
    public async ValueTask<Reply<RevenueAnalysisView>> Handle(GetRevenueAnalysis q, CancellationToken ct)
    {
        var g = KpiSeries.ParseGranularity(q.Time);
        var org = await access.OwnerOrgAsync(null, ct);
        var window = KpiSeries.Window(g, clock.Today);
        var money = await MoneyDays.ReadOrgAsync(db, org, KpiSeries.DataStart(window), window[^1].End, false, ct);
        var series = KpiSeries.Build(g, window, money.Revenue);
        return Reply.Ok("查询成功", new RevenueAnalysisView(series.Number.Sum(), series));
    }
}
