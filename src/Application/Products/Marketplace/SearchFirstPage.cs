using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Marketplace;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Marketplace;

/// <summary>
/// <c>GET /product/publish_product_search_first_page.dspy</c> (商品|需求)发布查找-首页: public list of approved and
/// listed items of the site; <c>to_page=first_page</c> (default) only those pushed to the homepage, <c>square</c> all.
/// <c>product_category</c> matches the category or any descendant; <c>company_type</c> equals. Ordered by
/// <c>priority</c> descending, then newest; page size default 8. Logged-in callers get <c>is_favorite</c> per row.
/// analysis/catalog.md §3.2.10, §4.1, §4.4.
/// </summary>
public sealed record SearchFirstPage : IQuery<Reply<PageResult<PublishProductView>>>
{
    /// <summary>来源链接 (site).</summary>
    public string? UrlLink { get; init; }
    /// <summary>1:商品 2:需求.</summary>
    public string? PublishType { get; init; }
    /// <summary>square / first_page (default).</summary>
    public string? ToPage { get; init; }
    /// <summary>Category id.</summary>
    public string? ProductCategory { get; init; }
    /// <summary>公司类别.</summary>
    public string? CompanyType { get; init; }
    /// <summary>Default 8, at most 100.</summary>
    public string? PageSize { get; init; }
    /// <summary>Default 1.</summary>
    public string? CurrentPage { get; init; }
    /// <summary>Ignored: <c>is_favorite</c> is computed for the session user only.</summary>
    public string? Userid { get; init; }
}

public sealed class SearchFirstPageValidator : AbstractValidator<SearchFirstPage>
{
    public SearchFirstPageValidator()
    {
        RuleFor(x => x.PublishType).OneOf(PublishTypes.All);
        RuleFor(x => x.ToPage).OneOf(["square", "first_page"]);
        RuleFor(x => x.UrlLink).MaxChars(500);
        RuleFor(x => x.ProductCategory).MaxChars(100);
        RuleFor(x => x.CompanyType).MaxChars(100);
    }
}

/// <summary>Handles <see cref="SearchFirstPage"/>: a count and a page query (plus the category lookup when filtering by category).</summary>
public sealed class SearchFirstPageHandler(IKbossDbContext db, ICurrentUser user)
    : IQueryHandler<SearchFirstPage, Reply<PageResult<PublishProductView>>>
{
    /// <summary>Default page size of the square and homepage ([DOC] 默认8).</summary>
    public const int DefaultPageSize = 8;

    public async ValueTask<Reply<PageResult<PublishProductView>>> Handle(SearchFirstPage q, CancellationToken ct)
    {
        var page = CurrentPage.Parse(q.CurrentPage, q.PageSize, DefaultPageSize);
        var items = db.PublishProducts.AsNoTracking().Where(MarketplaceAccess.IsPublic);
        var site = MarketplaceValues.Clean(q.UrlLink);
        if (site is not null) items = items.Where(p => p.UrlLink == site);
        if (MarketplaceValues.Clean(q.PublishType) is { } type) items = items.Where(p => p.PublishType == type);
        if ((MarketplaceValues.Clean(q.ToPage) ?? "first_page") == "first_page") items = items.Where(p => p.FirstPage == "1");
        if (MarketplaceValues.Clean(q.CompanyType) is { } company) items = items.Where(p => p.CompanyType == company);
        if (MarketplaceValues.Clean(q.ProductCategory) is { } category)
        {
            var all = await db.ProductCategories.AsNoTracking().Where(c => site == null || c.UrlLink == site)
                .ToListAsync(ct);
            var ids = MarketplaceAccess.Subtree(all, category).ToList();
            items = items.Where(p => p.Categories.Any(l => ids.Contains(l.CategoryId)));
        }
        var total = await items.CountAsync(ct);
        var me = user.UserId;
        var rows = await items.OrderByDescending(p => p.Priority).ThenByDescending(p => p.CreateAt).ThenBy(p => p.Id)
            .Skip(page.Skip).Take(page.Size)
            .Select(p => new { Item = p, Favorite = me != null && db.UserFavorites.Any(f => f.UserId == me && f.ProductId == p.Id) })
            .ToListAsync(ct);
        var views = rows.Select((r, i) => PublishProductView.From(r.Item, me is null ? null : r.Favorite, page.Skip + i + 1)).ToList();
        return Reply.Ok("查找成功", page.Result<PublishProductView>(total, views));
    }
}
