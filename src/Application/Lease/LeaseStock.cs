using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Lease;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Lease;

/// <summary>
/// Product stock moves of module 15 (§4.4) by conditional UPDATE, so parallel buys and recycles never lose a change
/// and stock never goes below 0.
/// </summary>
public static class LeaseStock
{
    /// <summary>Adds <paramref name="delta"/> (may be negative) to the product's idle count.</summary>
    public static async Task AdjustProductAsync(IKbossDbContext db, string productId, int delta, CancellationToken ct)
    {
        var changed = await db.LeaseProducts.IgnoreQueryFilters().Where(p => p.Id == productId && p.Stock + delta >= 0)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Stock, p => p.Stock + delta), ct);
        if (changed == 0)
            await ReconcileAsync(db, productId, ct);
    }

    /// <summary>Sets the product's stock to its idle device count (self-healing, §3A.12 step 3).</summary>
    public static Task<int> ReconcileAsync(IKbossDbContext db, string productId, CancellationToken ct) =>
        db.LeaseProducts.IgnoreQueryFilters().Where(p => p.Id == productId)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Stock, p => db.LeaseServers.Count(s =>
                s.ProductId == p.Id && s.Status == LeaseServerStatus.Idle)), ct);
}
