using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Categories;

/// <summary>
/// <c>GET /product/product_category_search.dspy</c> 所属类别查找: public; the site's category tree. With
/// <c>to_page=publish</c> a caller who is not an operator does not see <c>permission=0</c> nodes (nor their sub-trees);
/// <c>show</c> (default, what anonymous pages send) shows all. Without <c>url_link</c>: the caller's sites; anonymous
/// callers must name the site (ADR 0017). analysis/catalog.md §3.2.6, §4.6.
/// </summary>
public sealed record SearchProductCategories : IQuery<Reply<IReadOnlyList<CategoryNode>>>
{
    /// <summary>非必填 (ignored).</summary>
    public string? Userid { get; init; }
    /// <summary>Site (required for anonymous callers; absent: the caller's sites).</summary>
    public string? UrlLink { get; init; }
    /// <summary>show: 首页; publish: 发布页.</summary>
    public string? ToPage { get; init; }
}

public sealed class SearchProductCategoriesValidator : AbstractValidator<SearchProductCategories>
{
    public SearchProductCategoriesValidator()
    {
        RuleFor(x => x.UrlLink).MaxChars(500);
        RuleFor(x => x.ToPage).OneOf(["show", "publish"]);
    }
}

/// <summary>Handles <see cref="SearchProductCategories"/> in one query.</summary>
public sealed class SearchProductCategoriesHandler(MarketplaceAccess access) : IQueryHandler<SearchProductCategories, Reply<IReadOnlyList<CategoryNode>>>
{
    public async ValueTask<Reply<IReadOnlyList<CategoryNode>>> Handle(SearchProductCategories q, CancellationToken ct)
    {
        var all = await (await access.CategoriesAsync(q.UrlLink, ct)).ToListAsync(ct);
        var hideRestricted = q.ToPage?.Trim() == "publish" && !access.IsOperator;
        var tree = CategoryTree.Build(all, c => !hideRestricted || c.Permission != "0");
        return Reply.Ok("查找成功", tree);
    }
}
