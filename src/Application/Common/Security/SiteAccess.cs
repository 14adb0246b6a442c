using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Identity;
using Kboss.Domain.Marketplace;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Common.Security;

/// <summary>
/// Rights on sites (<c>url_link</c>, ADR 0017). A site belongs to one operator org; the callers who may act on that org
/// (<see cref="OrgAccess"/>: the org, the orgs above it, admins) manage the site: its categories, homepage tree and
/// square moderation. An operator's (or admin's) first write to an unregistered url_link claims it for its org.
/// A row without a site (empty url_link) belongs to its own org. Verbs: <c>Can…</c> answers, <c>Ensure…</c> throws.
/// </summary>
public sealed class SiteAccess(IKbossDbContext db, ICurrentUser user, OrgAccess orgs)
{
    /// <summary>Message of a refused write to another org's site.</summary>
    public const string ForbiddenMessage = "无权管理该站点";
    /// <summary>Message of an anonymous list without its site.</summary>
    public const string ScopeRequired = "缺少必要参数: url_link";

    /// <summary>The stored form of a url_link: trimmed, empty when absent.</summary>
    public static string Key(string? urlLink) => urlLink?.Trim() ?? "";

    /// <summary>The org owning the live site <paramref name="urlLink"/>, or null when it is not registered.</summary>
    public Task<string?> OwnerAsync(string? urlLink, CancellationToken ct)
    {
        var site = Key(urlLink);
        return db.Sites.AsNoTracking().Where(s => s.UrlLink == site).Select(s => s.OrgId).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// True when the caller may manage site <paramref name="urlLink"/>. An unregistered site is claimed for the
    /// caller's org when <paramref name="claim"/> and the caller is an operator or admin (saved at once), else false.
    /// </summary> <exception cref="UnauthenticatedException">Anonymous caller.</exception>
    public async ValueTask<bool> CanManageAsync(string urlLink, bool claim, CancellationToken ct)
    {
        if (!user.IsAuthenticated || user.OrgId is null) throw new UnauthenticatedException();
        var site = Key(urlLink);
        if (site.Length == 0) return false;
        var owner = await OwnerAsync(site, ct);
        if (owner is not null) return await orgs.CanActOnAsync(owner, ct);
        if (!claim || !(user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Operator))) return false;
        if (!SiteLinks.IsCanonical(site)) throw RequestValidationException.For("url_link", SiteLinks.NotCanonical);
        return await ClaimAsync(site, ct) is { } claimed && await orgs.CanActOnAsync(claimed, ct);
    }

    /// <summary>
    /// The org owning site <paramref name="urlLink"/>, which the caller may manage; an unregistered site is claimed
    /// for the caller's org (operators and admins).
    /// </summary> <exception cref="UnauthenticatedException">Anonymous caller.</exception>
    /// <exception cref="ForbiddenException">Another org's site, or a caller who may not claim one.</exception>
    public async Task<string> EnsureCanManageAsync(string urlLink, CancellationToken ct)
    {
        if (!await CanManageAsync(urlLink, claim: true, ct)) throw new ForbiddenException(ForbiddenMessage);
        return (await OwnerAsync(urlLink, ct))!;
    }

    /// <summary>
    /// Throws unless the caller may change a row of site <paramref name="urlLink"/> owned by
    /// <paramref name="rowOrgId"/>: the site's owner decides when the site is registered, the row's org otherwise (no
    /// site, or a legacy row).
    /// </summary> <exception cref="ForbiddenException">Not allowed.</exception>
    public async ValueTask EnsureCanManageRowAsync(string urlLink, string rowOrgId, CancellationToken ct)
    {
        var owner = Key(urlLink).Length == 0 ? null : await OwnerAsync(urlLink, ct);
        await orgs.EnsureCanActOnAsync(owner ?? rowOrgId, ForbiddenMessage, ct);
    }

    /// <summary>
    /// The rows a list shows: those of site <paramref name="urlLink"/> when given (public); without it, the rows of the
    /// sites the caller manages and its orgs' rows without a site (admin: all). An anonymous caller must name the site.
    /// </summary> <exception cref="RequestValidationException">Anonymous caller without <c>url_link</c>.</exception>
    public async Task<IQueryable<T>> ScopeAsync<T>(IQueryable<T> rows, string? urlLink, CancellationToken ct)
        where T : class, ISiteRow
    {
        var site = Key(urlLink);
        if (site.Length > 0) return rows.Where(r => r.UrlLink == site);
        if (!user.IsAuthenticated) throw RequestValidationException.For("url_link", ScopeRequired);
        var scope = await orgs.ScopeAsync(ct);
        if (scope is null) return rows;
        return rows.Where(r => r.UrlLink == ""
            ? scope.Contains(r.OrgId)
            : db.Sites.Any(s => s.UrlLink == r.UrlLink && scope.Contains(s.OrgId)));
    }

    /// <summary>Registers <paramref name="site"/> for the caller's org; returns the owner (a race's winner).</summary>
    private async Task<string?> ClaimAsync(string site, CancellationToken ct)
    {
        var entity = new Site { UrlLink = site, OrgId = user.OrgId!, UserId = user.UserId };
        db.Sites.Add(entity);
        db.AuditEntries.Add(Audit.Entry(user, "site.claimed", "site", entity.Id, new { entity.UrlLink, entity.OrgId }));
        try
        {
            await db.SaveChangesAsync(ct);
            return entity.OrgId;
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            db.Sites.Entry(entity).State = EntityState.Detached;
            foreach (var audit in db.AuditEntries.Local.Where(a => a.EntityId == entity.Id).ToList())
                db.AuditEntries.Entry(audit).State = EntityState.Detached;
            return await OwnerAsync(site, ct);
        }
    }
}
