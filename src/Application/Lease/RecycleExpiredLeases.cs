using FluentValidation;
using Kboss.Application.Common.Validation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Domain.Lease;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Lease;

/// <summary>
/// <c>POST /lease/update_stock.dspy</c> 到期自动回收设备, also the daily job <c>LeaseRecycle</c> (lease.md §5 J1):
/// every active bill whose end is before today (platform date) expires, one transaction per bill: its lines are
/// recycled, its devices go back to idle, product stock rises, its contract becomes 到期. Then idle devices of products
/// whose window ended are retired and their stock set to 0. Idempotent: every change is conditional on the current
/// state. <c>as_of</c> runs it for a later day (only with <c>Lease:AllowRunAsOf</c>, ADR 0039). Replies
/// <c>{"recycled_bills", "recycled_devices", "retired_devices"}</c>.
/// spec: 15-server-lease.md; lease.md §3A.12.
/// </summary>
public sealed record RecycleExpiredLeases : LeaseBodyRequest, ICommand<Reply<LeaseRecycleResult>>
{
    /// <summary>The day treated as today (only with <c>Lease:AllowRunAsOf</c>, ADR 0039).</summary>
    public string? AsOf { get; init; }
}

public sealed class RecycleExpiredLeasesValidator : AbstractValidator<RecycleExpiredLeases>
{
    public RecycleExpiredLeasesValidator() => RuleFor(x => x.AsOf).OptionalDate();
}

/// <summary>What a recycle run changed.</summary>
public sealed record LeaseRecycleResult(int RecycledBills, int RecycledDevices, int RetiredDevices);

public sealed class RecycleExpiredLeasesHandler(IKbossDbContext db, LeaseClock clock, LeaseSettings settings)
    : ICommandHandler<RecycleExpiredLeases, Reply<LeaseRecycleResult>>
{
    public async ValueTask<Reply<LeaseRecycleResult>> Handle(RecycleExpiredLeases c, CancellationToken ct)
    {
        var today = clock.RunDate(c.AsOf, settings);
        var due = await db.LeaseBills.AsNoTracking()
            .Where(b => b.Status == LeaseBillStatus.Active && b.EndDate < today).Select(b => b.Id).ToListAsync(ct);
        var (bills, devices) = (0, 0);
        foreach (var id in due)
        {
            var recycled = await RecycleAsync(id, today, ct);
            if (recycled < 0) continue;
            bills++;
            devices += recycled;
        }
        var retired = await RetireAsync(today, ct);
        return Reply.Ok("回收设备成功", new LeaseRecycleResult(bills, devices, retired));
    }

    /// <summary>Recycles one bill; −1 when another run already did.</summary>
    private async Task<int> RecycleAsync(string billId, DateOnly today, CancellationToken ct)
    {
        db.ClearChanges();
        await using var tx = await db.BeginTransactionAsync(ct);
        var bill = await db.LeaseBills.FirstAsync(b => b.Id == billId, ct);
        if (!bill.Expire(today).Ok) return -1;
        var lines = await db.LeaseBillDevices.Where(l => l.BillId == billId).ToListAsync(ct);
        foreach (var line in lines) line.Recycle(clock.Now);
        var recycled = 0;
        foreach (var product in lines.GroupBy(l => l.ProductId))
        {
            var back = await db.LeaseServers.IgnoreQueryFilters()
                .Where(s => s.BillId == billId && s.ProductId == product.Key && s.Status == LeaseServerStatus.Rented)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, LeaseServerStatus.Idle)
                    .SetProperty(s => s.BillId, (string?)null), ct);
            await LeaseStock.AdjustProductAsync(db, product.Key, back, ct);
            recycled += back;
        }
        foreach (var contract in await db.LeaseContracts.Where(x => x.BillId == billId).ToListAsync(ct))
            contract.MarkExpired();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return recycled;
    }

    private async Task<int> RetireAsync(DateOnly today, CancellationToken ct)
    {
        var ended = await db.LeaseProducts.AsNoTracking().Where(p => p.LeaseEndTime < today)
            .Where(p => db.LeaseServers.Any(s => s.ProductId == p.Id && s.Status == LeaseServerStatus.Idle))
            .Select(p => p.Id).ToListAsync(ct);
        var retired = 0;
        foreach (var id in ended)
        {
            await using var tx = await db.BeginTransactionAsync(ct);
            retired += await db.LeaseServers.Where(s => s.ProductId == id && s.Status == LeaseServerStatus.Idle)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, LeaseServerStatus.Retired), ct);
            await LeaseStock.ReconcileAsync(db, id, ct);
            await tx.CommitAsync(ct);
        }
        return retired;
    }
}
