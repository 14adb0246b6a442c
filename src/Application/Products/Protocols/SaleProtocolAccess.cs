using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Security;
using Kboss.Domain.Catalog;
using Kboss.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Protocols;

/// <summary>
/// Who may manage a protocol: a caller who may act on either party (seller or buyer org). Verbs as every access
/// service (docs/patterns.md): <c>Can…</c> answers, <c>Ensure…</c> throws 403, <c>Load…Manageable</c> loads and
/// ensures. </summary>
public sealed class SaleProtocolAccess(IKbossDbContext db, OrgAccess orgs)
{
    /// <summary>True when the caller may act on the seller or the buyer of <paramref name="p"/>.</summary>
    public async ValueTask<bool> CanManageAsync(SaleProtocol p, CancellationToken ct) =>
        await orgs.CanActOnAsync(p.OfferOrgid, ct) || await orgs.CanActOnAsync(p.BidOrgid, ct);

    /// <summary>Throws unless <see cref="CanManageAsync"/>.</summary>
    /// <exception cref="ForbiddenException">Neither party is an org the caller may act on.</exception>
    public async ValueTask EnsureCanManageAsync(SaleProtocol p, CancellationToken ct)
    {
        if (!await CanManageAsync(p, ct)) throw new ForbiddenException(SaleProtocolTermsValidator.Forbidden);
    }

    /// <summary>Loads live protocol <paramref name="id"/>, tracked, when the caller may manage it.</summary>
    /// <exception cref="BusinessException">not_found.</exception>
    /// <exception cref="ForbiddenException">Neither party is an org the caller may act on.</exception>
    public async Task<SaleProtocol> LoadManageableAsync(string? id, CancellationToken ct)
    {
        var key = id.Trimmed();
        var p = await db.SaleProtocols.FirstOrDefaultAsync(x => x.Id == key, ct)
                ?? throw BusinessException.NotFound(SaleProtocolTermsValidator.NotFound);
        await EnsureCanManageAsync(p, ct);
        return p;
    }
}
