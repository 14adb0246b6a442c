using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Marketplace;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Categories;

/// <summary>
/// <c>GET /product/homepage_product_category.dspy</c> 首页产品类查找: public; the site's category tree (as
/// <c>to_page=show</c>) where each node has <c>count</c> = the public items (approved + listed) of <c>publish_type</c>
/// in its sub-tree, each item counted once. Without <c>url_link</c>: the caller's sites (anonymous callers must name
/// the site, ADR 0017). Two queries. analysis/catalog.md §3.2.15.
/// </summary>
public sealed record HomepageProductCategories : IQuery<Reply<IReadOnlyList<CategoryNode>>>
{
    /// <summary>Site (required for anonymous callers).</summary>
    public string? UrlLink { get; init; }
    /// <summary>1 商品 / 2 需求 (both when absent).</summary>
    public string? PublishType { get; init; }
}

public sealed class HomepageProductCategoriesValidator : AbstractValidator<HomepageProductCategories>
{
    public HomepageProductCategoriesValidator()
    {
        RuleFor(x => x.UrlLink).MaxChars(500);
        RuleFor(x => x.PublishType).OneOf(PublishTypes.All);
    }
}

public sealed class HomepageProductCategoriesHandler(IKbossDbContext db, MarketplaceAccess access)
    : IQueryHandler<HomepageProductCategories, Reply<IReadOnlyList<CategoryNode>>>
{
    public async ValueTask<Reply<IReadOnlyList<CategoryNode>>> Handle(HomepageProductCategories q, CancellationToken ct)
    {
        var all = await (await access.CategoriesAsync(q.UrlLink, ct)).ToListAsync(ct);
        var items = db.PublishProducts.AsNoTracking().Where(MarketplaceAccess.IsPublic);
        if (MarketplaceValues.Clean(q.UrlLink) is { } site) items = items.Where(p => p.UrlLink == site);
        if (MarketplaceValues.Clean(q.PublishType) is { } type) items = items.Where(p => p.PublishType == type);
        var links = await db.PublishProductCategories.AsNoTracking()
            .Where(l => items.Any(p => p.Id == l.ProductId))
            .Select(l => new { l.CategoryId, l.ProductId }).ToListAsync(ct);
        var byCategory = links.ToLookup(l => l.CategoryId, l => l.ProductId);
        var tree = CategoryTree.Build(all, _ => true,
            subtree => subtree.SelectMany(id => byCategory[id]).Distinct(StringComparer.Ordinal).Count());
        return Reply.Ok("查找成功", tree);
    }
}
