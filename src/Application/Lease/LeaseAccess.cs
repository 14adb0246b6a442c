using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Security;
using Kboss.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Lease;

/// <summary>
/// Who sees and changes lease rows (ADR 0036). Stores, products, devices and bills belong to the seller (operator)
/// org that created them: its operators and sales (and the orgs owning it, and admins) manage them. A customer sees
/// the products of its operating org (the org owning its own) and only its own bills and contracts.
/// </summary>
public sealed class LeaseAccess(IKbossDbContext db, ICurrentUser user, OrgAccess orgs)
{
    /// <summary>True for admin, operator and sales callers (they act for their seller org).</summary>
    public bool IsStaff => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Operator) || user.IsInRole(Roles.Sales);

    /// <summary>The caller's user id.</summary>
    public string UserId => user.UserId ?? throw new UnauthenticatedException();

    /// <summary>The caller's org id.</summary>
    public string OrgId => user.OrgId ?? throw new UnauthenticatedException();

    /// <summary>
    /// Seller orgs whose rows the caller may manage: null for admins (all); the caller's org and the orgs it owns for
    /// staff; empty for others.
    /// </summary>
    public async Task<List<string>?> ManagedOrgsAsync(CancellationToken ct) =>
        IsStaff ? await orgs.ScopeAsync(ct) : [];

    /// <summary>
    /// Seller orgs whose products the caller may see: <see cref="ManagedOrgsAsync"/> for staff; a customer's operating
    /// org (the owner of its org) otherwise.
    /// </summary>
    public async Task<List<string>?> VisibleSellersAsync(CancellationToken ct)
    {
        if (IsStaff) return await ManagedOrgsAsync(ct);
        var owner = await db.Organizations.AsNoTracking().Where(o => o.Id == OrgId).Select(o => o.OwnerOrgId)
            .FirstOrDefaultAsync(ct);
        return owner is null ? [OrgId] : [owner, OrgId];
    }

    /// <summary>True when the caller manages rows of <paramref name="orgId"/>.</summary>
    public async Task<bool> ManagesAsync(string orgId, CancellationToken ct) =>
        IsStaff && await orgs.CanActOnAsync(orgId, ct);
}
