using Kboss.Application.Common.Interfaces;
using Kboss.Application.Lease;
using Kboss.Domain.Lease;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.LeaseProducts;

/// <summary>
/// The lock time-out job <c>LeaseLockTimeout</c> (lease.md §5 J4, no endpoint): every lock whose <c>expire_at</c> has
/// passed is released (<c>lock_timeout</c>) and its units go back, one conditional UPDATE per lock, so a bind or a
/// purchase committed first wins. Returns the locks released.
/// </summary>
public sealed record ReleaseTimedOutLocks : ICommand<int>;

public sealed class ReleaseTimedOutLocksHandler(IKbossDbContext db, LeaseUnits units, LeaseClock clock)
    : ICommandHandler<ReleaseTimedOutLocks, int>
{
    public async ValueTask<int> Handle(ReleaseTimedOutLocks c, CancellationToken ct)
    {
        var now = clock.Now;
        var due = await db.LeaseOrders.AsNoTracking().Where(LeaseOrder.TimedOut(now)).ToListAsync(ct);
        var released = 0;
        foreach (var row in due)
        {
            await using var tx = await db.BeginTransactionAsync(ct);
            if (await units.ReleaseAsync(row, LeaseReleaseReasons.Timeout, now, ct)) released++;
            await tx.CommitAsync(ct);
        }
        return released;
    }
}
