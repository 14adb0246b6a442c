using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Cpcc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Kboss.Application.Cpcc.Widgets;

/// <summary>
/// Read side of a centre's widgets with their per-cluster stock, for quotes and the purchase page: immutable
/// <see cref="WidgetSnapshot"/>s, safe to share. One query (served by the cpcid index), kept in memory for
/// <see cref="Lifetime"/> and dropped at once by every use case that changes a centre's widgets or stock
/// (<see cref="Invalidate"/>). A quote reserves nothing (analysis/cpcc.md §4.2), so another API node may see a change
/// up to <see cref="Lifetime"/> late; stock-consuming writes always re-check in their own transaction.
/// </summary>
public sealed class WidgetCatalog(IKbossDbContext db, IMemoryCache cache)
{
    /// <summary>How long a centre's widgets stay cached without a local change.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    private static string Key(string cpcid) => "cpcc:widgets:" + cpcid;

    /// <summary>Widgets of centre <paramref name="cpcid"/> with their stock (empty when none).</summary>
    public async Task<IReadOnlyList<WidgetSnapshot>> GetAsync(string cpcid, CancellationToken ct)
    {
        if (cache.TryGetValue(Key(cpcid), out IReadOnlyList<WidgetSnapshot>? cached) && cached is not null)
            return cached;
        var widgets = await db.Widgets.AsNoTracking().Where(w => w.Cpcid == cpcid).Include(w => w.Stocks).ToListAsync(ct);
        IReadOnlyList<WidgetSnapshot> snapshots = [.. widgets.Select(w => w.ToSnapshot())];
        cache.Set(Key(cpcid), snapshots,
            new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });
        return snapshots;
    }

    /// <summary>Forgets the cached widgets of <paramref name="cpcid"/>; call after any change to its widgets or stock.</summary>
    public void Invalidate(string cpcid)
    {
        // Remove takes a lock that every stock add of a burst (one key) contended for (ADR 0038); a read does not
        var key = Key(cpcid);
        if (cache.TryGetValue(key, out _)) cache.Remove(key);
    }
}
