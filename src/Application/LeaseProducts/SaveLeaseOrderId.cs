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
/// <c>POST /lease_product/save_order_id.dspy</c> 保存订单id: binds a platform order to the caller's newest unbound
/// lock of <c>productid</c> with <c>count</c> units (or to <c>lock_id</c>); the lock then lives
/// <c>Lease:OrderPayTimeoutMinutes</c>. The same order, product and count again succeeds without a change. The bind is
/// a
/// conditional UPDATE, so a lock released meanwhile (timeout) is not bound: <c>未找到对应的锁定记录</c>.
/// Replies <c>{"lock_id", "order_id"}</c>. spec: 20-lease-productization.md; lease.md §3B.9, §4.3 #4.
/// </summary>
public sealed record SaveLeaseOrderId : LeaseBodyRequest, ICommand<Reply<LeaseOrderBinding>>
{
    /// <summary>Platform order id.</summary>
    public string? OrderId { get; init; }
    /// <summary>产品id.</summary>
    public string? Productid { get; init; }
    /// <summary>Units of the lock.</summary>
    public string? Count { get; init; }
    /// <summary>Optional: the lock to bind (from lock_server).</summary>
    public string? LockId { get; init; }
}

/// <summary>A bound lock.</summary>
public sealed record LeaseOrderBinding(string LockId, string OrderId);

public sealed class SaveLeaseOrderIdValidator : AbstractValidator<SaveLeaseOrderId>
{
    public SaveLeaseOrderIdValidator()
    {
        RuleFor(x => x.OrderId).Required().MaxChars(32);
        RuleFor(x => x.Productid).Required().MaxChars(32);
        RuleFor(x => x.Count).Required().OptionalInt(1, 1_000_000);
        RuleFor(x => x.LockId).MaxChars(32);
    }
}

public sealed class SaveLeaseOrderIdHandler(IKbossDbContext db, LeaseAccess access, LeaseClock clock,
    LeaseSettings settings) : ICommandHandler<SaveLeaseOrderId, Reply<LeaseOrderBinding>>
{
    public async ValueTask<Reply<LeaseOrderBinding>> Handle(SaveLeaseOrderId c, CancellationToken ct)
    {
        var (orderId, productId, lockId) = (c.OrderId.Trimmed(), c.Productid.Trimmed(), c.LockId.TrimmedOrNull());
        var count = (int)long.Parse(c.Count!.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var user = access.UserId;
        var mine = db.LeaseOrders.AsNoTracking().Where(o => o.UserId == user && o.ProductId == productId
            && o.Count == count);
        var bound = await mine.FirstOrDefaultAsync(o => o.OrderId == orderId, ct);
        if (bound is not null) return Ok(bound.Id, orderId);
        var candidate = await mine.Where(LeaseOrder.CanBind).Where(o => lockId == null || o.Id == lockId)
            .OrderByDescending(o => o.LockTime).FirstOrDefaultAsync(ct)
            ?? throw BusinessException.NotFound(LeaseOrder.NoLockMessage);
        var now = clock.Now;
        candidate.Bind(orderId, now, settings.PayTimeout).OrThrow();
        var changed = await db.LeaseOrders.Where(o => o.Id == candidate.Id).Where(LeaseOrder.CanBind)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.OrderId, orderId)
                .SetProperty(o => o.ExpireAt, candidate.ExpireAt), ct);
        if (changed == 0) throw BusinessException.NotFound(LeaseOrder.NoLockMessage);
        return Ok(candidate.Id, orderId);
    }

    private static Reply<LeaseOrderBinding> Ok(string lockId, string orderId) =>
        Reply.Ok("保存订单id成功", new LeaseOrderBinding(lockId, orderId));
}
