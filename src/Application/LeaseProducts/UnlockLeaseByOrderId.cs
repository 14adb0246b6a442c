using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Lease;
using Kboss.Domain.Common;
using Kboss.Domain.Lease;
using Mediator;

namespace Kboss.Application.LeaseProducts;

/// <summary>
/// <c>POST /lease_product/unlock_server_by_orderid.dspy</c> 释放锁定商品by_order id: releases every lock of the order
/// (units back to stock); a paid row refuses the whole call (<c>订单已支付,不能释放</c>); released rows are skipped.
/// Replies <c>{"released"}</c> (units). Message: <c>未找到订单对应的锁定记录</c>.
/// spec: 20-lease-productization.md; lease.md §3B.10.
/// </summary>
public sealed record UnlockLeaseByOrderId : LeaseBodyRequest, ICommand<Reply<LeaseReleased>>
{
    /// <summary>Platform order id.</summary>
    public string? OrderId { get; init; }
}

/// <summary>Units released.</summary>
public sealed record LeaseReleased(int Released);

public sealed class UnlockLeaseByOrderIdValidator : AbstractValidator<UnlockLeaseByOrderId>
{
    public UnlockLeaseByOrderIdValidator() => RuleFor(x => x.OrderId).Required().MaxChars(32);
}

public sealed class UnlockLeaseByOrderIdHandler(IKbossDbContext db, LeaseUnits units, LeaseClock clock)
    : ICommandHandler<UnlockLeaseByOrderId, Reply<LeaseReleased>>
{
    public async ValueTask<Reply<LeaseReleased>> Handle(UnlockLeaseByOrderId c, CancellationToken ct)
    {
        await using var tx = await db.BeginTransactionAsync(ct);
        var rows = await units.OfOrderAsync(c.OrderId.Trimmed(), ct);
        if (rows.Count == 0) throw BusinessException.NotFound("未找到订单对应的锁定记录");
        var now = clock.Now;
        var released = 0;
        foreach (var row in rows)
        {
            var back = row.Release(LeaseReleaseReasons.ByOrderId, now).OrThrow();
            if (back > 0 && await units.ReleaseAsync(row, LeaseReleaseReasons.ByOrderId, now, ct)) released += back;
        }
        await tx.CommitAsync(ct);
        return Reply.Ok("释放锁定成功", new LeaseReleased(released));
    }
}
