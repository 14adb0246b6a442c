using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Catalog;

/// <summary>
/// <c>GET /product/specific_data_search.dspy</c> 规格数据查找: with <c>id</c>, the record of that id, else the records of
/// the product with that id (§6 #5); without, every live record in the caller's scope. Newest first. analysis §3.1.7.
/// </summary>
public sealed record SearchSpecificData : IQuery<Reply<IReadOnlyList<SpecificDataDto>>>
{
    /// <summary>Record id or product id.</summary>
    public string? Id { get; init; }
}

public sealed class SearchSpecificDataValidator : AbstractValidator<SearchSpecificData>
{
    public SearchSpecificDataValidator() => RuleFor(x => x.Id).MaxChars(32);
}

/// <summary>Handles <see cref="SearchSpecificData"/>: one query (record id or product id in one predicate).</summary>
public sealed class SearchSpecificDataHandler(IKbossDbContext db, CatalogAccess access)
    : IQueryHandler<SearchSpecificData, Reply<IReadOnlyList<SpecificDataDto>>>
{
    public async ValueTask<Reply<IReadOnlyList<SpecificDataDto>>> Handle(SearchSpecificData q, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(ct);
        var rows = db.SpecificDatas.AsNoTracking();
        if (scope is not null) rows = rows.Where(d => scope.Contains(d.OrgId));
        if (CatalogAccess.Clean(q.Id) is { } id)
        {
            var scoped = rows;
            rows = rows.Where(d => d.Id == id || (d.ProductId == id && !scoped.Any(x => x.Id == id)));
        }
        var list = await rows.OrderByDescending(d => d.CreateAt).ThenBy(d => d.Id).ToListAsync(ct);
        return Reply.Ok<IReadOnlyList<SpecificDataDto>>("查找成功", list.Select(SpecificDataDto.From).ToList());
    }
}
