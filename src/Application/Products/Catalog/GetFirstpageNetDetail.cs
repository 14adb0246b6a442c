using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Catalog;

/// <summary>
/// <c>GET /product/get_firstpage_net_detail.dspy</c> 首页产品详情页 (public): one homepage node with its sub-tree; a
/// node under a deleted parent is gone too (<c>记录不存在</c>). analysis §3.1.13.
/// </summary>
public sealed record GetFirstpageNetDetail : IQuery<Reply<HomepageNodeDto>>
{
    /// <summary>Node id (required).</summary>
    public string? Id { get; init; }
}

public sealed class GetFirstpageNetDetailValidator : AbstractValidator<GetFirstpageNetDetail>
{
    public GetFirstpageNetDetailValidator() => RuleFor(x => x.Id).Required().MaxChars(32);
}

/// <summary>Handles <see cref="GetFirstpageNetDetail"/>: one query for the node's site, the sub-tree in memory.</summary>
public sealed class GetFirstpageNetDetailHandler(IKbossDbContext db) : IQueryHandler<GetFirstpageNetDetail, Reply<HomepageNodeDto>>
{
    public async ValueTask<Reply<HomepageNodeDto>> Handle(GetFirstpageNetDetail q, CancellationToken ct)
    {
        var id = q.Id!.Trim();
        var all = await db.HomepageCategoryNodes.AsNoTracking()
            .Where(n => db.HomepageCategoryNodes.Any(x => x.Id == id && x.UrlLink == n.UrlLink)).ToListAsync(ct);
        var byId = all.ToDictionary(n => n.Id);
        if (!byId.TryGetValue(id, out var node)) throw BusinessException.NotFound(CatalogAccess.NotFoundMessage);
        for (var (cur, depth) = (node, 0); cur.ParentId is not null; depth++)
        {
            if (depth > HomepageTree.MaxDepth * 10 || !byId.TryGetValue(cur.ParentId, out var parent)) throw BusinessException.NotFound(CatalogAccess.NotFoundMessage);
            cur = parent;
        }
        var children = all.Where(n => n.ParentId is not null).ToLookup(n => n.ParentId!);
        return Reply.Ok("查找成功", HomepageTree.Node(node, children, admin: false, depth: 1));
    }
}
