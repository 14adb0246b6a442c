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
/// <c>POST /lease_product/unlock_server_by_id.dspy</c> 释放锁定商品by_id: gives back <c>count</c> units of the
/// caller's unbound locks of <c>productid</c> (a product id despite the name), newest first; a lock partly released
/// keeps the rest. More than the caller holds: <c>释放数量超过锁定数量</c>, nothing changes. Replies
/// <c>{"released"}</c>. spec: 20-lease-productization.md; lease.md §3B.11.
/// </summary>
public sealed record UnlockLeaseById : LeaseBodyRequest, ICommand<Reply<LeaseReleased>>
{
    /// <summary>Units to release.</summary>
    public string? Count { get; init; }
    /// <summary>产品id.</summary>
    public string? Productid { get; init; }
}

public sealed class UnlockLeaseByIdValidator : AbstractValidator<UnlockLeaseById>
{
    public UnlockLeaseByIdValidator()
    {
        RuleFor(x => x.Count).Required().OptionalInt(1, 1_000_000);
        RuleFor(x => x.Productid).Required().MaxChars(32);
    }
}

public sealed class UnlockLeaseByIdHandler(IKbossDbContext db, LeaseAccess access, LeaseUnits units, LeaseClock clock)
    : ICommandHandler<UnlockLeaseById, Reply<LeaseReleased>>
{
    /// <summary>More than the caller's unbound locks hold.</summary>
    public const string TooMany = "释放数量超过锁定数量";

    public async ValueTask<Reply<LeaseReleased>> Handle(UnlockLeaseById c, CancellationToken ct)
    {
        var wanted = (int)long.Parse(c.Count!.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var (productId, user, now) = (c.Productid.Trimmed(), access.UserId, clock.Now);
        await using var tx = await db.BeginTransactionAsync(ct);
        var locks = await db.LeaseOrders.Where(o => o.UserId == user && o.ProductId == productId)
            .Where(LeaseOrder.CanBind).OrderByDescending(o => o.LockTime).ToListAsync(ct);
        if (locks.Sum(l => l.Count) < wanted) throw BusinessException.Conflict(TooMany);
        var left = wanted;
        foreach (var l in locks.TakeWhile(_ => left > 0))
        {
            var part = Math.Min(left, l.Count);
            l.ReleasePart(part, now).OrThrow();
            await units.GiveBackAsync(l.ServerId, part, ct);
            left -= part;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Reply.Ok("释放锁定成功", new LeaseReleased(wanted));
    }
}
