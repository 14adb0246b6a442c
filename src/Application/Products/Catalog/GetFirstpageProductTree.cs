using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Catalog;

/// <summary>
/// <c>GET /product/get_firstpage_product_tree.dspy</c> 首页产品列表 (public): the homepage product tree of the site
/// (every site when <c>url_link</c> is absent, as on the square, ADR 0006). analysis §3.1.11, §4.5.
/// </summary>
public sealed record GetFirstpageProductTree : IQuery<Reply<IReadOnlyList<HomepageNodeDto>>>
{
    /// <summary>Site.</summary>
    public string? UrlLink { get; init; }
}

public sealed class GetFirstpageProductTreeValidator : AbstractValidator<GetFirstpageProductTree>
{
    public GetFirstpageProductTreeValidator() => RuleFor(x => x.UrlLink).MaxChars(500);
}

/// <summary>Handles <see cref="GetFirstpageProductTree"/>: one query.</summary>
public sealed class GetFirstpageProductTreeHandler(IKbossDbContext db) : IQueryHandler<GetFirstpageProductTree, Reply<IReadOnlyList<HomepageNodeDto>>>
{
    public async ValueTask<Reply<IReadOnlyList<HomepageNodeDto>>> Handle(GetFirstpageProductTree q, CancellationToken ct)
    {
        var nodes = db.HomepageCategoryNodes.AsNoTracking();
        if (CatalogAccess.Clean(q.UrlLink) is { } site) nodes = nodes.Where(n => n.UrlLink == site);
        var all = await nodes.ToListAsync(ct);
        return Reply.Ok("查找成功", HomepageTree.Build(all, admin: false));
    }
}
