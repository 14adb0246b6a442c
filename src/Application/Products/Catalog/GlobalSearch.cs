using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Marketplace;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Catalog;

/// <summary>
/// <c>GET /product/global_search.dspy</c> 全网查找 (public): the site's public items (approved, listed, live) of one
/// <c>publish_type</c> whose name, summary, parameters, scenario, company, label, cpu, gpu, memory or a category name
/// contains <c>keyword</c> (trimmed, case-insensitive, <c>%</c>/<c>_</c> literal). Ordered by <c>priority</c>
/// descending, newest first. <c>overview</c>: total and the first <c>page_size</c> rows; <c>list</c>: page
/// <c>current_page</c>. Paging is lenient (defaults 1 / 8). analysis/catalog.md §3.1.24, §4.4.
/// </summary>
public sealed record GlobalSearch : IQuery<Reply<PageResult<PublishProductView>>>
{
    /// <summary>路由链接 (required).</summary>
    public string? UrlLink { get; init; }
    /// <summary>查询关键字 (required).</summary>
    public string? Keyword { get; init; }
    /// <summary>发布类型 1/2 (required).</summary>
    public string? PublishType { get; init; }
    /// <summary>overview / list (required).</summary>
    public string? DisplayPage { get; init; }
    /// <summary>默认1.</summary>
    public string? CurrentPage { get; init; }
    /// <summary>默认8.</summary>
    public string? PageSize { get; init; }
}

public sealed class GlobalSearchValidator : AbstractValidator<GlobalSearch>
{
    public GlobalSearchValidator()
    {
        RuleFor(x => x.UrlLink).Required().MaxChars(500);
        RuleFor(x => x.Keyword).NotNull().WithMessage(RuleExtensions.Missing("keyword")).MaxChars(100);
        RuleFor(x => x.PublishType).Required().OneOf(PublishTypes.All);
        RuleFor(x => x.DisplayPage).Required().OneOf(["overview", "list"]);
    }
}

/// <summary>Handles <see cref="GlobalSearch"/>: a count and a page query, whatever the page size.</summary>
public sealed class GlobalSearchHandler(IKbossDbContext db) : IQueryHandler<GlobalSearch, Reply<PageResult<PublishProductView>>>
{
    /// <summary>Default page size ([DOC] 默认8).</summary>
    public const int DefaultPageSize = 8;

    public async ValueTask<Reply<PageResult<PublishProductView>>> Handle(GlobalSearch q, CancellationToken ct)
    {
        var page = CurrentPage.Parse(q.CurrentPage, q.PageSize, DefaultPageSize);
        if (q.DisplayPage!.Trim() == "overview") page = page with { Page = 1 };
        var site = q.UrlLink!.Trim();
        var type = q.PublishType!.Trim();
        var items = db.PublishProducts.AsNoTracking().Where(MarketplaceAccess.IsPublic).Where(p => p.UrlLink == site && p.PublishType == type);
        if (CatalogAccess.Clean(q.Keyword) is { } keyword)
        {
            var like = CatalogAccess.ContainsPattern(keyword);
            const string esc = CatalogAccess.LikeEscape;
            items = items.Where(p =>
                EF.Functions.Like(p.ProductName, like, esc) || EF.Functions.Like(p.RequirementSummary!, like, esc)
                || EF.Functions.Like(p.RelatedParameters!, like, esc) || EF.Functions.Like(p.ApplicationScenario!, like, esc)
                || EF.Functions.Like(p.CompanyName!, like, esc) || EF.Functions.Like(p.Label!, like, esc)
                || EF.Functions.Like(p.Cpu!, like, esc) || EF.Functions.Like(p.Gpu!, like, esc) || EF.Functions.Like(p.Memeory!, like, esc)
                || p.Categories.Any(l => db.ProductCategories.Any(c => c.Id == l.CategoryId && EF.Functions.Like(c.Name, like, esc))));
        }
        var total = await items.CountAsync(ct);
        var rows = await items.OrderByDescending(p => p.Priority).ThenByDescending(p => p.CreateAt).ThenBy(p => p.Id)
            .Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        var views = rows.Select((p, i) => PublishProductView.From(p, null, page.Skip + i + 1)).ToList();
        return Reply.Ok("查找成功", page.Result<PublishProductView>(total, views));
    }
}
