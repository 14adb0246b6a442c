using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Catalog;

/// <summary>
/// <c>GET /product/get_firstpage_product_tree.dspy</c> 首页产品列表 (public): the homepage product tree of the site
/// (absent: the caller's sites; anonymous callers must name the site, ADR 0017). analysis §3.1.11, §4.5.
/// </summary>
public sealed record GetFirstpageProductTree : IQuery<Reply<IReadOnlyList<HomepageNodeDto>>>
{
    /// <summary>Site (required for anonymous callers).</summary>
    public string? UrlLink { get; init; }
}

public sealed class GetFirstpageProductTreeValidator : AbstractValidator<GetFirstpageProductTree>
{
    public GetFirstpageProductTreeValidator() => RuleFor(x => x.UrlLink).MaxChars(500);
}

/// <summary>Handles <see cref="GetFirstpageProductTree"/>: one query.</summary>
public sealed class GetFirstpageProductTreeHandler(IKbossDbContext db, SiteAccess sites)
    : IQueryHandler<GetFirstpageProductTree, Reply<IReadOnlyList<HomepageNodeDto>>>
{
    public async ValueTask<Reply<IReadOnlyList<HomepageNodeDto>>> Handle(GetFirstpageProductTree q, CancellationToken ct)
    {
        var nodes = await sites.ScopeAsync(db.HomepageCategoryNodes.AsNoTracking(), q.UrlLink, ct);
        var all = await nodes.ToListAsync(ct);
        return Reply.Ok("查找成功", HomepageTree.Build(all, admin: false));
    }
}
