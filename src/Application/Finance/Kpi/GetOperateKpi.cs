using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Finance;
using Kboss.Domain.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Kpi;

/// <summary>
/// KPI-01 <c>GET /kpi/operate_kpi.dspy</c> 运营kpi (spec 08-kpi.md; finance.md §3.1, §4.4, §4.9, §6 #5–6): new
/// customers per month over the last 12 months with 同比/环比. <c>type=运营</c> (default; alias <c>operate</c>):
/// customers owned by the org in <c>userid</c> (alias <c>orgid</c>; default the caller's); <c>type=销售</c> (alias
/// <c>sale</c>): customers of the salesperson in <c>userid</c> (default the caller). Rights: <see cref="KpiAccess"/>.
/// </summary>
public sealed record GetOperateKpi : IQuery<Reply<OperateKpiView>>
{
    /// <summary>运营: org id; 销售: sales user id.</summary>
    public string? Userid { get; init; }
    /// <summary><c>运营</c> or <c>销售</c>.</summary>
    public string? Type { get; init; }
    /// <summary>Alias of <c>userid</c> for 运营 (kboss addition, §6 #5).</summary>
    public string? Orgid { get; init; }

    /// <summary>Accepted <c>type</c> values → true for the sales view.</summary>
    public static readonly IReadOnlyDictionary<string, bool> Types = new Dictionary<string, bool>
    {
        ["运营"] = false, ["operate"] = false, ["销售"] = true, ["sale"] = true,
    };
}

/// <summary><c>data</c> of KPI-01.</summary>
/// <param name="Customer">New customers per month.</param>
public sealed record OperateKpiView(CountSeriesView Customer);

/// <summary>A count series: <c>number</c> is <c>[integer]</c> (spec), growth as <see cref="KpiSeries"/>.</summary>
/// <param name="Number">Count per bucket.</param>
/// <param name="Date">Bucket labels.</param>
/// <param name="Tongbi">同比 in %.</param>
/// <param name="Huanbi">环比 in %.</param>
public sealed record CountSeriesView(IReadOnlyList<int> Number, IReadOnlyList<string> Date,
    IReadOnlyList<decimal> Tongbi, IReadOnlyList<decimal> Huanbi)
{
    /// <summary>The view of <paramref name="s"/>.</summary>
    public static CountSeriesView From(KpiSeries s) =>
        new(s.Number.Select(n => (int)n).ToList(), s.Date, s.Tongbi, s.Huanbi);
}

public sealed class GetOperateKpiValidator : AbstractValidator<GetOperateKpi>
{
    public GetOperateKpiValidator()
    {
        RuleFor(x => x.Type).OneOf(GetOperateKpi.Types.Keys).WithMessage("type参数错误");
        RuleFor(x => x.Userid).MaxChars(64);
        RuleFor(x => x.Orgid).MaxChars(64);
    }
}

public sealed class GetOperateKpiHandler(IKbossDbContext db, KpiAccess access, KpiClock clock)
    : IQueryHandler<GetOperateKpi, Reply<OperateKpiView>>
{
    public async ValueTask<Reply<OperateKpiView>> Handle(GetOperateKpi q, CancellationToken ct)
    {
        var sales = !string.IsNullOrWhiteSpace(q.Type) && GetOperateKpi.Types[q.Type.Trim()];
        var customers = sales
            ? KpiQueries.CustomersOfSales(db, await access.SalesAsync(q.Userid, ct))
            : KpiQueries.CustomersOfOrg(db, await access.OwnerOrgAsync(q.Userid ?? q.Orgid, ct));
        var series = await CustomerGrowth.NewPerBucketAsync(customers, KpiGranularity.Month, clock, ct);
        return Reply.Ok("查询成功", new OperateKpiView(CountSeriesView.From(series)));
    }
}
