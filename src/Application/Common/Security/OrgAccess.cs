using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Common.Security;

/// <summary>
/// A request that acts for an organisation named by the documented <c>orgid</c> parameter
/// ("线下调试/非登录态可指定组织ID进行操作"). <see cref="Behaviours.OrgScopeBehaviour{TMessage,TResponse}"/> fills it
/// from the caller when absent and refuses (403) an org the caller may not act on (analysis/platform.md §6.3).
/// </summary>
public interface IOrgScoped
{
    /// <summary>The org acted for; after the pipeline ran, the effective, authorised org id.</summary>
    string? Orgid { get; set; }
}

/// <summary>
/// Decides which organisations the caller may act on: its own org; any org for <c>admin</c>; orgs it owns for
/// <c>operator</c> and <c>reseller</c> (ARCHITECTURE.md §5).
/// </summary>
public sealed class OrgAccess(IKbossDbContext db, ICurrentUser user, IPlatformSettings settings)
{
    /// <summary>True when the caller may act on <paramref name="orgId"/>.</summary>
    public async ValueTask<bool> CanActOnAsync(string orgId, CancellationToken ct)
    {
        if (!user.IsAuthenticated) return false;
        if (orgId == user.OrgId || user.IsInRole(Roles.Admin)) return true;
        if (user.IsInRole(Roles.Operator) || user.IsInRole(Roles.Reseller))
            return await db.Organizations.AsNoTracking().AnyAsync(o => o.Id == orgId && o.OwnerOrgId == user.OrgId, ct);
        return false;
    }

    /// <summary>
    /// The orgs the caller may act on: its own and, for operators and resellers, the orgs it owns; null for an admin
    /// (every org); empty for an anonymous caller.
    /// </summary>
    public async Task<List<string>?> ScopeAsync(CancellationToken ct)
    {
        if (!user.IsAuthenticated || user.OrgId is null) return [];
        if (user.IsInRole(Roles.Admin)) return null;
        var owns = user.IsInRole(Roles.Operator) || user.IsInRole(Roles.Reseller);
        var scope = owns
            ? await db.Organizations.AsNoTracking().Where(o => o.OwnerOrgId == user.OrgId).Select(o => o.Id)
                .ToListAsync(ct)
            : [];
        scope.Add(user.OrgId);
        return scope;
    }

    /// <summary>
    /// The effective org for a request naming <paramref name="requested"/> (null: the caller's own).
    /// </summary> <exception cref="UnauthenticatedException">Anonymous caller and no allowed override.</exception>
    /// <exception cref="ForbiddenException">The caller may not act on the named org.</exception>
    public async ValueTask<string> ResolveAsync(string? requested, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(requested))
            return user.OrgId ?? throw new UnauthenticatedException();
        requested = requested.Trim();
        if (!user.IsAuthenticated)
        {
            if (settings.AllowAnonymousOrgOverride) return requested;
            throw new UnauthenticatedException();
        }
        if (await CanActOnAsync(requested, ct)) return requested;
        throw new ForbiddenException("无权操作该组织的数据");
    }

    /// <summary>Throws unless the caller may act on <paramref name="orgId"/> (the owner of an entity).</summary>
    /// <exception cref="ForbiddenException">Not allowed.</exception>
    public async ValueTask EnsureCanActOnAsync(string orgId, string message, CancellationToken ct)
    {
        if (!await CanActOnAsync(orgId, ct)) throw new ForbiddenException(message);
    }
}
