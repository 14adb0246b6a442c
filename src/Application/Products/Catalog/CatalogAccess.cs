using System.Text.RegularExpressions;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Security;
using Kboss.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Catalog;

/// <summary>
/// Rights in the catalog back office (ADR 0008): an admin acts on every org; an operator (and sales, for the leads) on
/// its own org and the orgs it owns; everyone else only on its own org. A record of an org outside that scope is
/// <c>记录不存在</c> in reads and 403 on writes.
/// </summary>
public sealed partial class CatalogAccess(IKbossDbContext db, ICurrentUser user, OrgAccess orgs)
{
    /// <summary>Message of a record that does not exist.</summary>
    public const string NotFoundMessage = "记录不存在";
    /// <summary>Message of a refused write.</summary>
    public const string ForbiddenMessage = "无权限操作";

    /// <summary>True for admins.</summary>
    public bool IsAdmin => user.IsInRole(Roles.Admin);

    /// <summary>The caller's org.</summary>
    /// <exception cref="UnauthenticatedException">Anonymous caller.</exception>
    public string RequireOrg() => user.OrgId ?? throw new UnauthenticatedException();

    /// <summary>Org ids the caller may read in the back office: its org and the orgs it owns (null for an admin: all).</summary>
    public async Task<List<string>?> ScopeAsync(CancellationToken ct)
    {
        if (IsAdmin) return null;
        var org = RequireOrg();
        var owned = await db.Organizations.AsNoTracking().Where(o => o.OwnerOrgId == org).Select(o => o.Id).ToListAsync(ct);
        owned.Add(org);
        return owned;
    }

    /// <summary>Throws 403 unless the caller may act on <paramref name="orgId"/>.</summary>
    /// <exception cref="ForbiddenException">Not allowed.</exception>
    public ValueTask EnsureCanActOnAsync(string? orgId, CancellationToken ct) =>
        orgId is null ? (IsAdmin ? ValueTask.CompletedTask : throw new ForbiddenException(ForbiddenMessage))
            : orgs.EnsureCanActOnAsync(orgId, ForbiddenMessage, ct);

    /// <summary>The effective org of a request naming <paramref name="orgid"/> (the caller's when empty).</summary>
    public ValueTask<string> ResolveOrgAsync(string? orgid, CancellationToken ct) => orgs.ResolveAsync(orgid, ct);

    /// <summary>Trimmed value, or null when empty.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// A <c>LIKE</c> pattern matching <paramref name="keyword"/> as a substring, with <c>%</c>, <c>_</c>, <c>[</c> and the
    /// escape character <c>\</c> escaped (analysis/catalog.md §4.4).
    /// </summary>
    public static string ContainsPattern(string keyword) => "%" + LikeSpecial().Replace(keyword, @"\$0") + "%";

    /// <summary>The escape character of <see cref="ContainsPattern"/>.</summary>
    public const string LikeEscape = "\\";

    [GeneratedRegex(@"[\\%_\[]")]
    private static partial Regex LikeSpecial();
}
