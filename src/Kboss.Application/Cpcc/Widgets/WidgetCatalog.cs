using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Cpcc;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.Widgets;

/// <summary>
/// Read side of a centre's widgets with their per-cluster stock, for quotes and the purchase page. One query,
/// no tracking; the (cpcid) index serves it.
/// </summary>
public sealed class WidgetCatalog(IKbossDbContext db)
{
    /// <summary>Widgets of centre <paramref name="cpcid"/> with <see cref="Widget.Stocks"/> loaded (empty when none).</summary>
    public async Task<IReadOnlyList<Widget>> GetAsync(string cpcid, CancellationToken ct) =>
        await db.Widgets.AsNoTracking().Where(w => w.Cpcid == cpcid).Include(w => w.Stocks).ToListAsync(ct);
}
