using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Catalog;

/// <summary>
/// <c>GET /product/homepage_category_tree_delete.dspy</c> 首页产品树删除: soft-deletes the node and all its
/// descendants (the caller must manage the node's site, ADR 0017). analysis §3.1.23.
/// </summary>
public sealed record DeleteHomepageNode : ICommand<Reply<DeletedNodes>>
{
    /// <summary>Node id (required).</summary>
    public string? Id { get; init; }
}

/// <summary>What a delete removed.</summary>
/// <param name="Id">The node.</param>
/// <param name="Count">Nodes deleted (the node and its descendants).</param>
public sealed record DeletedNodes(string Id, int Count);

public sealed class DeleteHomepageNodeValidator : AbstractValidator<DeleteHomepageNode>
{
    public DeleteHomepageNodeValidator() => RuleFor(x => x.Id).Required().MaxChars(32);
}

public sealed class DeleteHomepageNodeHandler(IKbossDbContext db, SiteAccess sites, ICurrentUser user)
    : ICommandHandler<DeleteHomepageNode, Reply<DeletedNodes>>
{
    public async ValueTask<Reply<DeletedNodes>> Handle(DeleteHomepageNode c, CancellationToken ct)
    {
        var id = c.Id.Trimmed();
        var siteNodes = await db.HomepageCategoryNodes.Where(n => db.HomepageCategoryNodes.Any(x => x.Id == id && x.UrlLink == n.UrlLink)).ToListAsync(ct);
        var node = siteNodes.FirstOrDefault(n => n.Id == id) ?? throw BusinessException.NotFound(CatalogAccess.NotFoundMessage);
        await sites.EnsureCanManageRowAsync(node.UrlLink, node.OrgId, ct);
        var subtree = HomepageTree.Subtree(siteNodes, id);
        foreach (var n in siteNodes.Where(n => subtree.Contains(n.Id))) n.MarkDeleted();
        db.AuditEntries.Add(Audit.Entry(user, "catalog.homepage_node.deleted", "homepage_category_tree", id, new { count = subtree.Count }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("删除成功", new DeletedNodes(id, subtree.Count));
    }
}
