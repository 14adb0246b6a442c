using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Domain.MiniProgram;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.MiniProgram;

/// <summary>
/// <c>GET /kpi/user_demand.dspy</c> 查询用户需求 (analysis/platform.md E46; logged-in users): every alive demand
/// listing in the order of <see cref="ListingOrder"/>.
/// </summary>
public sealed record ListUserDemand : IQuery<Reply<IReadOnlyList<UserDemandRow>>>;

public sealed class ListUserDemandHandler(IKbossDbContext db)
    : IQueryHandler<ListUserDemand, Reply<IReadOnlyList<UserDemandRow>>>
{
    public async ValueTask<Reply<IReadOnlyList<UserDemandRow>>> Handle(ListUserDemand q, CancellationToken ct)
    {
        var rows = await db.UserDemands.AsNoTracking().Where(UserDemand.Alive).Select(UserDemandRow.From)
            .ToListAsync(ct);
        return Reply.Ok("查询成功", ListingOrder.Sort(rows, r => r.Recommendstatus, r => r.Ordernum, r => r.CreateAt));
    }
}
