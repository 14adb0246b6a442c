using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Lease;
using Kboss.Domain.Common;
using Kboss.Domain.Lease;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.LeaseProducts;

/// <summary>
/// <c>POST /lease_product/update_order.dspy</c> 租赁到期自动释放设备, also the daily job <c>LeaseOrderExpiry</c>
/// (lease.md §5 J3): every rented row whose lease ended before today (platform date) expires and gives its units back,
/// one conditional UPDATE per row; with <c>id</c> only that row (<c>租期未到期</c> when not due, a released row is a
/// no-op). Replies <c>{"released_orders", "released_units"}</c>. spec: 20-lease-productization.md; lease.md §3B.14.
/// </summary>
public sealed record ExpireLeaseOrders : LeaseBodyRequest, ICommand<Reply<LeaseExpiryResult>>
{
    /// <summary>Optional lease order id.</summary>
    public string? Id { get; init; }
}

/// <summary>What an expiry run released.</summary>
public sealed record LeaseExpiryResult(int ReleasedOrders, int ReleasedUnits);

public sealed class ExpireLeaseOrdersValidator : AbstractValidator<ExpireLeaseOrders>
{
    public ExpireLeaseOrdersValidator() => RuleFor(x => x.Id).MaxChars(32);
}

public sealed class ExpireLeaseOrdersHandler(IKbossDbContext db, LeaseUnits units, LeaseClock clock)
    : ICommandHandler<ExpireLeaseOrders, Reply<LeaseExpiryResult>>
{
    public async ValueTask<Reply<LeaseExpiryResult>> Handle(ExpireLeaseOrders c, CancellationToken ct)
    {
        var (today, now, id) = (clock.Today, clock.Now, c.Id.TrimmedOrNull());
        var rows = await db.LeaseOrders.AsNoTracking()
            .Where(o => id == null ? o.Status == LeaseOrderStatus.Rented && o.LeaseEndTime < today : o.Id == id)
            .ToListAsync(ct);
        if (id is not null && rows.Count == 0) throw BusinessException.NotFound("订单不存在");
        var (orders, released) = (0, 0);
        foreach (var row in rows)
        {
            if (row.Status is LeaseOrderStatus.Expired or LeaseOrderStatus.Released) continue;
            row.Expire(today, now).OrThrow();
            await using var tx = await db.BeginTransactionAsync(ct);
            var changed = await db.LeaseOrders.Where(o => o.Id == row.Id && o.Status == LeaseOrderStatus.Rented)
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, LeaseOrderStatus.Expired)
                    .SetProperty(o => o.ReleasedAt, now)
                    .SetProperty(o => o.ReleaseReason, LeaseReleaseReasons.LeaseExpired), ct);
            if (changed == 1) await units.GiveBackAsync(row.ServerId, row.Count, ct);
            await tx.CommitAsync(ct);
            orders += changed;
            released += changed * row.Count;
        }
        return Reply.Ok("释放到期设备成功", new LeaseExpiryResult(orders, released));
    }
}
