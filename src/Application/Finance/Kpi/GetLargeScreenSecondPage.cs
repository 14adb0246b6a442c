using Kboss.Application.Common.Models;
using Kboss.Domain.Finance;
using Kboss.Domain.Identity;
using Mediator;

namespace Kboss.Application.Finance.Kpi;

/// <summary>
/// KPI-09 <c>GET /kpi/large_screen_second_page.dspy</c> 大屏展示用户二 (finance.md §3.1 page 2): customer count,
/// cumulative customers per month (as KPI-07), new customers per month (as KPI-01), the top customers by this year's
/// net spend. Customers by province: no province is stored (ADR 0032).
/// </summary>
public sealed record GetLargeScreenSecondPage : LargeScreenRequest, IQuery<Reply<UsersScreenView>>;

/// <summary><c>data</c> of KPI-09.</summary>
public sealed record UsersScreenView(int CustomerCount, IReadOnlyList<CumulativeUsersView> Cumulative,
    CountSeriesView NewCustomers, IReadOnlyList<RankedView> TopCustomers);

public sealed class GetLargeScreenSecondPageValidator : LargeScreenValidator<GetLargeScreenSecondPage>;

public sealed class GetLargeScreenSecondPageHandler(LargeScreenData data)
    : IQueryHandler<GetLargeScreenSecondPage, Reply<UsersScreenView>>
{
    public async ValueTask<Reply<UsersScreenView>> Handle(GetLargeScreenSecondPage q, CancellationToken ct)
    {
        var org = await data.OrgAsync(q, ct);
        if (q.Virtual) return Reply.Ok("查询成功", LargeScreenDemo.Users(data.Clock.Today));
        var customers = KpiQueries.CustomersOfOrg(data.Db, org);
        var cumulative = await CustomerGrowth.CumulativeAsync(customers, KpiGranularity.Month, data.Clock, ct);
        var fresh = await CustomerGrowth.NewPerBucketAsync(customers, KpiGranularity.Month, data.Clock, ct);
        return Reply.Ok("查询成功", new UsersScreenView(await data.CountAsync(org, OrgKind.Customer, ct),
            cumulative.Select(c => new CumulativeUsersView(c.Label, c.Count)).ToList(), CountSeriesView.From(fresh),
            await data.RankAsync(org, b => b.CustomerId, data.OrgNamesAsync, ct)));
    }
}
