using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Categories;

/// <summary>A company category row: <c>{"id", "company_category", "url_link"}</c>.</summary>
/// <param name="Id">Category id.</param>
/// <param name="CompanyCategory">公司类型.</param>
/// <param name="UrlLink">Site.</param>
public sealed record CompanyCategoryDto(string Id, string CompanyCategory, string UrlLink);

/// <summary>
/// <c>GET /product/company_category_search.dspy</c> 公司类别查找: public (publish form and square filter); the live
/// categories of the site (<c>url_link</c>; absent: the caller's sites, required for anonymous callers, ADR 0017),
/// oldest first. analysis/catalog.md §3.2.2.
/// </summary>
public sealed record SearchCompanyCategories : IQuery<Reply<IReadOnlyList<CompanyCategoryDto>>>
{
    /// <summary>非必填 (ignored).</summary>
    public string? Userid { get; init; }
    /// <summary>Site.</summary>
    public string? UrlLink { get; init; }
}

public sealed class SearchCompanyCategoriesValidator : AbstractValidator<SearchCompanyCategories>
{
    public SearchCompanyCategoriesValidator() => RuleFor(x => x.UrlLink).MaxChars(500);
}

/// <summary>Handles <see cref="SearchCompanyCategories"/> in one query.</summary>
public sealed class SearchCompanyCategoriesHandler(IKbossDbContext db, SiteAccess sites)
    : IQueryHandler<SearchCompanyCategories, Reply<IReadOnlyList<CompanyCategoryDto>>>
{
    public async ValueTask<Reply<IReadOnlyList<CompanyCategoryDto>>> Handle(SearchCompanyCategories q, CancellationToken ct)
    {
        var query = await sites.ScopeAsync(db.CompanyCategories.AsNoTracking(), q.UrlLink, ct);
        var rows = await query.OrderBy(c => c.CreateAt).ThenBy(c => c.Id)
            .Select(c => new CompanyCategoryDto(c.Id, c.Name, c.UrlLink)).ToListAsync(ct);
        return Reply.Ok<IReadOnlyList<CompanyCategoryDto>>("查找成功", rows);
    }
}
