using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Domain.Finance;
using Mediator;

namespace Kboss.Application.Finance.Kpi;

/// <summary>
/// KPI-07 <c>GET /kpi/get_cumulative_users.dspy</c> 获取客户数量 (spec 08-kpi.md; finance.md §3.1, §4.9): live
/// customers of the caller's org created up to the end of each bucket: the last 5 years (<c>yyyy</c>), 12 months
/// (<c>yyyy-MM</c>, default) or 30 days (<c>yyyy-MM-dd</c>), oldest first. Operators, resellers, admin.
/// </summary>
public sealed record GetCumulativeUsers : IQuery<Reply<IReadOnlyList<CumulativeUsersView>>>
{
    /// <summary><c>year</c> / <c>month</c> / <c>day</c>.</summary>
    public string? Target { get; init; }
}

/// <summary>One bucket of KPI-07.</summary>
/// <param name="Target">Bucket label.</param>
/// <param name="CumulativeUsers">Customers created up to its end.</param>
public sealed record CumulativeUsersView(string Target, int CumulativeUsers);

public sealed class GetCumulativeUsersValidator : AbstractValidator<GetCumulativeUsers>
{
    public GetCumulativeUsersValidator() => RuleFor(x => x.Target).Granularity("target");
}

public sealed class GetCumulativeUsersHandler(IKbossDbContext db, KpiAccess access, KpiClock clock)
    : IQueryHandler<GetCumulativeUsers, Reply<IReadOnlyList<CumulativeUsersView>>>
{
    public async ValueTask<Reply<IReadOnlyList<CumulativeUsersView>>> Handle(GetCumulativeUsers q,
        CancellationToken ct)
    {
        var customers = KpiQueries.CustomersOfOrg(db, await access.OwnerOrgAsync(null, ct));
        var rows = await CustomerGrowth.CumulativeAsync(customers, KpiSeries.ParseGranularity(q.Target), clock, ct);
        return Reply.Ok<IReadOnlyList<CumulativeUsersView>>("查询成功",
            rows.Select(r => new CumulativeUsersView(r.Label, r.Count)).ToList());
    }
}
