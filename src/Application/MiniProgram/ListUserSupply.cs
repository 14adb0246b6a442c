using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Domain.MiniProgram;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.MiniProgram;

/// <summary>
/// <c>GET /kpi/user_supply.dspy</c> 查询用户供给 (analysis/platform.md E45, §4.10, §7 #43–44; logged-in users): every
/// alive listing (<c>del_flg</c> null or <c>"0"</c>), recommended first, then by numeric <c>ordernum</c>, newest first.
/// </summary>
public sealed record ListUserSupply : IQuery<Reply<IReadOnlyList<UserSupplyRow>>>;

public sealed class ListUserSupplyHandler(IKbossDbContext db)
    : IQueryHandler<ListUserSupply, Reply<IReadOnlyList<UserSupplyRow>>>
{
    public async ValueTask<Reply<IReadOnlyList<UserSupplyRow>>> Handle(ListUserSupply q, CancellationToken ct)
    {
        var rows = await db.UserSupplies.AsNoTracking().Where(UserSupply.Alive).Select(UserSupplyRow.From)
            .ToListAsync(ct);
        return Reply.Ok("查询成功", ListingOrder.Sort(rows, r => r.Recommendstatus, r => r.Ordernum, r => r.CreateAt));
    }
}

/// <summary>The order of the mini-program listings (analysis §3.6 E45).</summary>
public static class ListingOrder
{
    /// <summary><c>recommendstatus</c> descending, numeric <c>ordernum</c> ascending (text last), newest
    /// first.</summary>
    public static IReadOnlyList<T> Sort<T>(IEnumerable<T> rows, Func<T, string?> recommend, Func<T, string?> order,
        Func<T, DateTime> created) => rows
        .OrderByDescending(r => recommend(r) ?? "", StringComparer.Ordinal)
        .ThenBy(r => decimal.TryParse(order(r), System.Globalization.NumberStyles.Number,
            System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : decimal.MaxValue)
        .ThenByDescending(created)
        .ToList();
}
