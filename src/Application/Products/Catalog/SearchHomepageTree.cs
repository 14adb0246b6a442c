using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Catalog;

/// <summary>
/// <c>GET /product/homepage_category_tree_search.dspy</c> 首页产品树查询 (operators): the nested tree of the nodes the
/// caller may manage, of one site when <c>url_link</c> is given, with <c>parentid</c>, <c>userid</c>, <c>url_link</c>
/// and <c>create_at</c>. analysis §3.1.21, §4.5.
/// </summary>
public sealed record SearchHomepageTree : IQuery<Reply<IReadOnlyList<HomepageNodeDto>>>
{
    /// <summary>Site.</summary>
    public string? UrlLink { get; init; }
}

public sealed class SearchHomepageTreeValidator : AbstractValidator<SearchHomepageTree>
{
    public SearchHomepageTreeValidator() => RuleFor(x => x.UrlLink).MaxChars(500);
}

/// <summary>Handles <see cref="SearchHomepageTree"/>: one query, the tree built in memory.</summary>
public sealed class SearchHomepageTreeHandler(IKbossDbContext db, CatalogAccess access) : IQueryHandler<SearchHomepageTree, Reply<IReadOnlyList<HomepageNodeDto>>>
{
    public async ValueTask<Reply<IReadOnlyList<HomepageNodeDto>>> Handle(SearchHomepageTree q, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(ct);
        var nodes = db.HomepageCategoryNodes.AsNoTracking();
        if (scope is not null) nodes = nodes.Where(n => scope.Contains(n.OrgId));
        if (CatalogAccess.Clean(q.UrlLink) is { } site) nodes = nodes.Where(n => n.UrlLink == site);
        var all = await nodes.ToListAsync(ct);
        return Reply.Ok("查找成功", HomepageTree.Build(all, admin: true));
    }
}
