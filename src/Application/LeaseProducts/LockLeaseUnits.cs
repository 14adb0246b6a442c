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
/// <c>POST /lease_product/lock_server.dspy</c> 锁定设备: reserves <c>count</c> units of a product for
/// [lease_start_time, lease_end_time] by one conditional UPDATE (all or nothing, stock never below 0) and records the
/// lock, living <c>Lease:LockTtlMinutes</c>. Replies the lock (<c>lock_id</c>, <c>expire_at</c>, <c>unit_price</c>).
/// Messages: <c>库存不足</c>, <c>该产品暂无可租设备</c>, <c>租赁开始时间不能早于今天</c>,
/// <c>租赁结束时间不能早于开始时间</c>, <c>租赁结束时间超过设备可租期限</c>.
/// spec: 20-lease-productization.md; lease.md §3B.8, §4.3 #1.
/// </summary>
public sealed record LockLeaseUnits : LeaseBodyRequest, ICommand<Reply<LeaseLock>>
{
    /// <summary>Lease start (≥ today).</summary>
    public string? LeaseStartTime { get; init; }
    /// <summary>Lease end (≥ start, ≤ the record's end date).</summary>
    public string? LeaseEndTime { get; init; }
    /// <summary>产品id.</summary>
    public string? Productid { get; init; }
    /// <summary>Units ≥ 1.</summary>
    public string? Count { get; init; }
}

public sealed class LockLeaseUnitsValidator : AbstractValidator<LockLeaseUnits>
{
    public LockLeaseUnitsValidator()
    {
        RuleFor(x => x.LeaseStartTime).Required().OptionalDate();
        RuleFor(x => x.LeaseEndTime).Required().OptionalDate();
        RuleFor(x => x.Productid).Required().MaxChars(32);
        RuleFor(x => x.Count).Required().OptionalInt(1, 1_000_000);
    }
}

public sealed class LockLeaseUnitsHandler(IKbossDbContext db, LeaseAccess access, LeaseUnits units, LeaseClock clock,
    LeaseSettings settings) : ICommandHandler<LockLeaseUnits, Reply<LeaseLock>>
{
    public async ValueTask<Reply<LeaseLock>> Handle(LockLeaseUnits c, CancellationToken ct)
    {
        var (start, end) = (RuleExtensions.ToDate(c.LeaseStartTime)!.Value, RuleExtensions
            .ToDate(c.LeaseEndTime)!.Value);
        var count = (int)long.Parse(c.Count!.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        if (start < clock.Today) throw RequestValidationException.For("lease_start_time", "租赁开始时间不能早于今天");
        if (end < start) throw RequestValidationException.For("lease_end_time", LeaseProduct.BadWindowMessage);
        var device = await units.SellableAsync(c.Productid.Trimmed(), ct);
        if (!device.IsSellable(clock.Today)) throw BusinessException.NotFound(LeaseUnits.NoDevice);
        if (end > device.EndDate) throw BusinessException.Conflict("租赁结束时间超过设备可租期限");

        await using var tx = await db.BeginTransactionAsync(ct);
        if (!await units.TakeAsync(device.Id, count, ct))
            throw new Failure(FailureKind.InsufficientStock, LeaseDevice.InsufficientStockMessage).ToException();
        var lease = LeaseOrder.Lock(device, count, start, end, access.UserId, access.OrgId, clock.Now,
            settings.LockTtl);
        db.LeaseOrders.Add(lease);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Reply.Ok("锁定设备成功", LeaseLock.From(lease));
    }
}
