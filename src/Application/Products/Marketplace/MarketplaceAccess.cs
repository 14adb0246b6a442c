using System.Linq.Expressions;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Security;
using Kboss.Domain.Common;
using Kboss.Domain.Identity;
using Kboss.Domain.Marketplace;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Marketplace;

/// <summary>
/// Visibility and rights on the supply–demand square (analysis/catalog.md §4.1): anonymous callers see only public
/// items (approved + listed); a customer its own items plus public ones; an operator the items of the orgs it may act
/// on (its org and the orgs it owns; admin: all).
/// </summary>
public sealed class MarketplaceAccess(IKbossDbContext db, ICurrentUser user, OrgAccess orgs, SiteAccess sites)
{
    /// <summary>Message for an item that does not exist or is outside the caller's scope.</summary>
    public const string NotFoundMessage = "记录不存在";
    /// <summary>Message for a company category that does not exist.</summary>
    public const string CompanyCategoryNotFound = "公司类别不存在";
    /// <summary>Message for an action the caller may not take.</summary>
    public const string ForbiddenMessage = "无权限操作";

    /// <summary>True for admins and operators (the back-office of the square).</summary>
    public bool IsOperator => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Operator);

    /// <summary>The caller's user id.</summary>
    /// <exception cref="UnauthenticatedException">Anonymous caller.</exception>
    public string RequireUserId() => user.UserId ?? throw new UnauthenticatedException();

    /// <summary>V(item) without the site filter: live (query filter), approved and listed.</summary>
    public static readonly Expression<Func<PublishProduct, bool>> IsPublic =
        p => p.AuditStatus == AuditStatuses.Approved && p.ListingStatus == ListingStatuses.Listing;

    /// <summary>
    /// Items an operator may manage: those of its org and of the orgs it owns, and those on the sites of these orgs
    /// (their moderators, ADR 0017); admin: every item.
    /// </summary>
    public IQueryable<PublishProduct> Managed(IQueryable<PublishProduct> items)
    {
        if (user.IsInRole(Roles.Admin)) return items;
        var org = user.OrgId ?? "";
        var scope = db.Organizations.Where(o => o.Id == org || o.OwnerOrgId == org).Select(o => o.Id);
        return items.Where(p => scope.Contains(p.OrgId)
                                || db.Sites.Any(s => s.UrlLink == p.UrlLink && scope.Contains(s.OrgId)));
    }

    /// <summary>The back-office scope: an operator's managed items, else the caller's own items.</summary>
    public IQueryable<PublishProduct> BackOffice(IQueryable<PublishProduct> items)
    {
        if (IsOperator) return Managed(items);
        var me = RequireUserId();
        return items.Where(p => p.UserId == me);
    }

    /// <summary>
    /// True when the caller (an operator) moderates an item of site <paramref name="urlLink"/> published by org
    /// <paramref name="itemOrgId"/>: the managers of the site when it is registered, else those of the item's org
    /// (ADR 0017).
    /// </summary>
    public async ValueTask<bool> CanModerateAsync(string urlLink, string itemOrgId, CancellationToken ct)
    {
        if (!IsOperator) return false;
        var owner = SiteAccess.Key(urlLink).Length == 0 ? null : await sites.OwnerAsync(urlLink, ct);
        return await orgs.CanActOnAsync(owner ?? itemOrgId, ct);
    }

    /// <summary>True when the caller (an operator) may manage items of <paramref name="orgId"/>.</summary>
    public ValueTask<bool> CanManageOrgAsync(string orgId, CancellationToken ct) =>
        IsOperator ? orgs.CanActOnAsync(orgId, ct) : ValueTask.FromResult(false);

    /// <summary>
    /// The user whose history/favourites are read: the caller, or (operators only) a user of an org it may act on
    /// named by <paramref name="userid"/>.
    /// </summary> <exception cref="ForbiddenException">Another user the caller may not see.</exception>
    public async ValueTask<string> ResolveUserAsync(string? userid, CancellationToken ct)
    {
        var me = RequireUserId();
        if (string.IsNullOrWhiteSpace(userid) || userid.Trim() == me) return me;
        var target = userid.Trim();
        var orgId = await db.Users.AsNoTracking().Where(u => u.Id == target).Select(u => u.OrgId)
            .FirstOrDefaultAsync(ct);
        if (orgId is not null && await CanManageOrgAsync(orgId, ct)) return target;
        throw new ForbiddenException("无权查看其他用户的数据");
    }

    /// <summary>
    /// Categories a list shows: the site's when <paramref name="urlLink"/> is given, else those of the sites the caller
    /// manages (anonymous callers must name the site; <see cref="SiteAccess.ScopeAsync{T}"/>).
    /// </summary>
    public Task<IQueryable<ProductCategory>> CategoriesAsync(string? urlLink, CancellationToken ct) =>
        sites.ScopeAsync(db.ProductCategories.AsNoTracking(), urlLink, ct);

    /// <summary>Loads a category the caller may manage (tracked): its site's, else its org's.</summary>
    /// <exception cref="BusinessException">not_found.</exception>
    /// <exception cref="ForbiddenException">Another org's category or site.</exception>
    public async Task<ProductCategory> LoadManageableCategoryAsync(string id, CancellationToken ct)
    {
        var key = id.Trimmed();
        var c = await db.ProductCategories.FirstOrDefaultAsync(x => x.Id == key, ct)
                ?? throw BusinessException.NotFound("类别不存在");
        await sites.EnsureCanManageRowAsync(c.UrlLink, c.OrgId, ct);
        return c;
    }

    /// <summary>Loads a company category the caller may manage (tracked): its site's, else its org's.</summary>
    /// <exception cref="BusinessException">not_found.</exception>
    /// <exception cref="ForbiddenException">Another org's category or site.</exception>
    public async Task<CompanyCategory> LoadManageableCompanyCategoryAsync(string id, CancellationToken ct)
    {
        var key = id.Trimmed();
        var c = await db.CompanyCategories.FirstOrDefaultAsync(x => x.Id == key, ct)
                ?? throw BusinessException.NotFound(CompanyCategoryNotFound);
        await sites.EnsureCanManageRowAsync(c.UrlLink, c.OrgId, ct);
        return c;
    }

    /// <summary>
    /// Checks the category ids of <paramref name="json"/> are live categories a publisher may use (customers: only
    /// <c>permission=1</c>); returns them.
    /// </summary>
    /// <exception cref="RequestValidationException">Unknown or restricted category.</exception>
    public async Task<IReadOnlyList<string>> CheckCategoriesAsync(string json, bool isOperator, CancellationToken ct)
    {
        var ids = MarketplaceValues.ParseIdArray(json)!;
        var found = await db.ProductCategories.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Permission }).ToListAsync(ct);
        if (found.Count != ids.Count) throw RequestValidationException.For("product_category", "所选类别不存在");
        if (!isOperator && found.Any(c => c.Permission == "0"))
            throw RequestValidationException.For("product_category", "所选类别不可用");
        return ids;
    }

    /// <summary>The ids of <paramref name="rootId"/> and all its descendants among <paramref name="all"/>.</summary>
    public static HashSet<string> Subtree(IEnumerable<ProductCategory> all, string rootId)
    {
        var children = all.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId!);
        var result = new HashSet<string>(StringComparer.Ordinal) { rootId };
        var stack = new Stack<string>([rootId]);
        while (stack.Count > 0)
            foreach (var child in children[stack.Pop()])
                if (result.Add(child.Id)) stack.Push(child.Id);
        return result;
    }
}

/// <summary>Values and helpers shared by the square's requests.</summary>
public static class MarketplaceValues
{
    /// <summary><c>"0"</c>/<c>"1"</c> flags.</summary>
    public static readonly string[] Flags = [DelFlag.Alive, DelFlag.Deleted];

    /// <summary>Trimmed value, or null when empty.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// Parses a JSON array of non-empty strings (<c>["a","b"]</c>, "注意是双引号"). Null when malformed or empty.
    /// </summary>
    public static IReadOnlyList<string>? ParseIdArray(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            var ids = System.Text.Json.JsonSerializer.Deserialize<List<string?>>(json.Trim());
            if (ids is null || ids.Count == 0 || ids.Any(string.IsNullOrWhiteSpace)) return null;
            return ids.Select(i => i.Trimmed()).Distinct(StringComparer.Ordinal).ToList();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
