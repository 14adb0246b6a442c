using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Lease;
using Kboss.Domain.Common;
using Kboss.Domain.Lease;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.LeaseProducts;

/// <summary>
/// Unit moves of module 20 (lease.md §4.2–§4.4), each one conditional UPDATE so parallel locks never take more than
/// the stock and a lock changes state once: take (lock), give back (release, timeout, lease end), and the shared
/// lookups of a caller's locks.
/// </summary>
public sealed class LeaseUnits(IKbossDbContext db, LeaseAccess access)
{
    /// <summary>No live record for the product, or not for sale.</summary>
    public const string NoDevice = "该产品暂无可租设备";

    /// <summary>Takes <paramref name="count"/> units of record <paramref name="serverId"/>; false when short.</summary>
    public async Task<bool> TakeAsync(string serverId, int count, CancellationToken ct) =>
        await db.LeaseDevices.Where(d => d.Id == serverId).Where(LeaseDevice.CanTake(count))
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.Stock, d => d.Stock - count), ct) == 1;

    /// <summary>Gives <paramref name="count"/> units back to record <paramref name="serverId"/>.</summary>
    public Task GiveBackAsync(string serverId, int count, CancellationToken ct) =>
        db.LeaseDevices.IgnoreQueryFilters().Where(d => d.Id == serverId)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.Stock, d => d.Stock + count), ct);

    /// <summary>
    /// Moves <paramref name="lease"/> from locked to released with <paramref name="reason"/> and gives its units
    /// back; false when it was no longer locked (another release or a purchase won).
    /// </summary>
    public async Task<bool> ReleaseAsync(LeaseOrder lease, string reason, DateTime now, CancellationToken ct)
    {
        var changed = await db.LeaseOrders.Where(o => o.Id == lease.Id && o.Status == LeaseOrderStatus.Locked)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, LeaseOrderStatus.Released)
                .SetProperty(o => o.ReleasedAt, now).SetProperty(o => o.ReleaseReason, reason), ct);
        if (changed == 1) await GiveBackAsync(lease.ServerId, lease.Count, ct);
        return changed == 1;
    }

    /// <summary>
    /// The live record of catalogue product <paramref name="productId"/> the caller may buy from (its sellers), or
    /// not_found <see cref="NoDevice"/>.
    /// </summary>
    public async Task<LeaseDevice> SellableAsync(string productId, CancellationToken ct)
    {
        var sellers = await access.VisibleSellersAsync(ct);
        return await db.LeaseDevices.AsNoTracking()
                   .FirstOrDefaultAsync(d => d.ProductId == productId && (sellers == null || sellers
                       .Contains(d.OrgId)), ct)
               ?? throw BusinessException.NotFound(NoDevice);
    }

    /// <summary>
    /// The rows of platform order <paramref name="orderId"/> the caller may act on: its own, or those of buyer orgs
    /// it manages.
    /// </summary>
    public async Task<List<LeaseOrder>> OfOrderAsync(string orderId, CancellationToken ct)
    {
        var rows = await db.LeaseOrders.AsNoTracking().Where(o => o.OrderId == orderId).ToListAsync(ct);
        var mine = new List<LeaseOrder>();
        foreach (var row in rows)
            if (row.UserId == access.UserId || await access.ManagesAsync(row.OrgId, ct)) mine.Add(row);
        return mine;
    }
}
