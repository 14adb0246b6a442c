using Kboss.Application.Common;
using Kboss.Application.Common.Security;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors;

/// <summary>
/// Ownership checks over any vendor's ownership table (ADR 0044; analysis/vendors.md §5.3): an id no row of the kind
/// has is not_found, a row of an org the caller may not act on is 403 — both before any vendor call.
/// </summary>
public sealed class VendorOwnership(OrgAccess orgs)
{
    /// <summary>An id no row of the caller's kind has.</summary>
    public const string NotFoundMessage = "资源不存在";
    /// <summary>A resource of another org.</summary>
    public const string ForbiddenMessage = "无权操作该资源";

    /// <summary>The row of <paramref name="type"/> with vendor id <paramref name="vendorId"/> (tracked).</summary>
    /// <exception cref="BusinessException">not_found.</exception>
    /// <exception cref="ForbiddenException">Another org's resource.</exception>
    public async Task<T> LoadOwnedAsync<T>(IQueryable<T> rows, string type, string? vendorId, CancellationToken ct)
        where T : VendorResource
    {
        var id = vendorId.Trimmed();
        var row = await rows.FirstOrDefaultAsync(r => r.ResourceType == type && r.VendorId == id, ct)
                  ?? throw BusinessException.NotFound(NotFoundMessage);
        await orgs.EnsureCanActOnAsync(row.OrgId, ForbiddenMessage, ct);
        return row;
    }

    /// <summary>The vendor ids of <paramref name="type"/> that <paramref name="orgId"/> owns (not deleted).</summary>
    public static async Task<IReadOnlySet<string>> OwnedIdsAsync<T>(IQueryable<T> rows, string type, string orgId,
        CancellationToken ct) where T : VendorResource =>
        (await rows.AsNoTracking().Where(r => r.OrgId == orgId && r.ResourceType == type && r.VendorId != null)
            .Select(r => r.VendorId!).ToListAsync(ct)).ToHashSet();
}
