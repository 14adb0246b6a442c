using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Lease;
using Kboss.Domain.Catalog;
using Kboss.Domain.Common;
using Kboss.Domain.Lease;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.LeaseProducts;

/// <summary>
/// The module 20 records a caller may manage or see (ADR 0036, 0039): staff manage the records of the orgs
/// <see cref="LeaseAccess.ManagedOrgsAsync"/> names; a customer sees those of its operating org. Also the unit counts
/// of records (lease.md §4.7) in one GROUP BY over the orders' (server_id, status) index.
/// </summary>
public sealed class LeaseRecords(IKbossDbContext db, LeaseAccess access)
{
    /// <summary>No such record in the caller's reach.</summary>
    public const string NoRecord = "设备不存在";
    /// <summary>No such provider in the caller's reach.</summary>
    public const string NoProvider = "供应商不存在";

    /// <summary>Records of the orgs the caller manages.</summary>
    public async Task<IQueryable<LeaseDevice>> ManagedAsync(CancellationToken ct)
    {
        var orgs = await access.ManagedOrgsAsync(ct);
        return db.LeaseDevices.AsNoTracking().Where(d => orgs == null || orgs.Contains(d.OrgId));
    }

    /// <summary>Records the caller may see (staff: managed; customers: their operating org's).</summary>
    public async Task<IQueryable<LeaseDevice>> VisibleAsync(CancellationToken ct)
    {
        var orgs = await access.VisibleSellersAsync(ct);
        return db.LeaseDevices.AsNoTracking().Where(d => orgs == null || orgs.Contains(d.OrgId));
    }

    /// <summary>The provider <paramref name="providerId"/> if the caller manages its org, else not_found.</summary>
    public async Task<Provider> ProviderAsync(string providerId, CancellationToken ct)
    {
        var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == providerId, ct);
        if (provider is null || !await access.ManagesAsync(provider.OrgId, ct))
            throw BusinessException.NotFound(NoProvider);
        return provider;
    }

    /// <summary>
    /// Locked and rented units of each record of <paramref name="records"/> (status 0 and 1 orders; released and
    /// expired count nowhere), keyed by record id; idle is the record's stock.
    /// </summary>
    public async Task<Dictionary<string, (long Locked, long Rented)>> HeldAsync(IQueryable<LeaseDevice> records,
        CancellationToken ct)
    {
        var ids = records.Select(d => d.Id);
        var groups = await db.LeaseOrders.AsNoTracking()
            .Where(o => (o.Status == LeaseOrderStatus.Locked || o.Status == LeaseOrderStatus.Rented)
                && ids.Contains(o.ServerId))
            .GroupBy(o => new { o.ServerId, o.Status })
            .Select(g => new { g.Key.ServerId, g.Key.Status, Units = g.Sum(o => (long)o.Count) })
            .ToListAsync(ct);
        return groups.GroupBy(g => g.ServerId).ToDictionary(g => g.Key, g => (
            g.Where(x => x.Status == LeaseOrderStatus.Locked).Sum(x => x.Units),
            g.Where(x => x.Status == LeaseOrderStatus.Rented).Sum(x => x.Units)));
    }

    /// <summary>The counts of a record with <paramref name="stock"/> idle units.</summary>
    public static LeaseUnitCounts Counts(string id, int stock, Dictionary<string, (long Locked, long Rented)> held) =>
        held.TryGetValue(id, out var h) ? new LeaseUnitCounts(stock, h.Locked, h.Rented)
            : new LeaseUnitCounts(stock, 0, 0);
}
