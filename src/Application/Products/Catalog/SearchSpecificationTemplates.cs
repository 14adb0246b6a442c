using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Catalog;

/// <summary>
/// <c>GET /product/specification_template_search.dspy</c> 产品模板查找: live templates of the orgs the caller may act
/// on, newest first, optionally of one provider (<c>providerid</c> filters <c>productid</c>, §6 #3). analysis §3.1.2.
/// </summary>
public sealed record SearchSpecificationTemplates : IQuery<Reply<IReadOnlyList<SpecificationTemplateDto>>>
{
    /// <summary>指定供应商id.</summary>
    public string? Providerid { get; init; }
}

public sealed class SearchSpecificationTemplatesValidator : AbstractValidator<SearchSpecificationTemplates>
{
    public SearchSpecificationTemplatesValidator() => RuleFor(x => x.Providerid).MaxChars(32);
}

/// <summary>Handles <see cref="SearchSpecificationTemplates"/>: one query (plus the owned-org lookup for non-admins).</summary>
public sealed class SearchSpecificationTemplatesHandler(IKbossDbContext db, CatalogAccess access)
    : IQueryHandler<SearchSpecificationTemplates, Reply<IReadOnlyList<SpecificationTemplateDto>>>
{
    public async ValueTask<Reply<IReadOnlyList<SpecificationTemplateDto>>> Handle(SearchSpecificationTemplates q, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(ct);
        var rows = db.SpecificationTemplates.AsNoTracking();
        if (scope is not null) rows = rows.Where(t => scope.Contains(t.OrgId));
        if (CatalogAccess.Clean(q.Providerid) is { } provider) rows = rows.Where(t => t.ProductId == provider);
        var list = await rows.OrderByDescending(t => t.CreateAt).ThenBy(t => t.Id).ToListAsync(ct);
        return Reply.Ok<IReadOnlyList<SpecificationTemplateDto>>("查找成功", list.Select(SpecificationTemplateDto.From).ToList());
    }
}
