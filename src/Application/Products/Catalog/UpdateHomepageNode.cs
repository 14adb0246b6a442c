using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Catalog;

/// <summary>
/// <c>GET /product/homepage_category_tree_update.dspy</c> 首页产品树更新: partial update. A new <c>parentid</c> must be a
/// live node of the same site (<c>父节点不存在</c>), never the node itself or a descendant (<c>父节点不能是自身或子节点</c>);
/// a new <c>url_link</c> moves the node's whole sub-tree to that site, which the caller must manage too (the nodes then
/// belong to its org). The caller must manage the node's site (ADR 0017). analysis §3.1.22, §4.5.
/// </summary>
public sealed record UpdateHomepageNode : ICommand<Reply<IdData>>
{
    /// <summary>Node id (required).</summary>
    public string? Id { get; init; }
    /// <summary>Ignored (the creator never changes).</summary>
    public string? Userid { get; init; }
    /// <summary>Site.</summary>
    public string? UrlLink { get; init; }
    /// <summary>Parent, <c>"0"</c> for a root.</summary>
    public string? Parentid { get; init; }
    /// <summary>优先级.</summary>
    public string? Priority { get; init; }
    /// <summary>名称.</summary>
    public string? Name { get; init; }
    /// <summary>icon链接 (empty clears).</summary>
    public string? Icon { get; init; }
    /// <summary>来源 (empty clears).</summary>
    public string? Source { get; init; }
    /// <summary>跳转链接 (empty clears).</summary>
    public string? Listurl { get; init; }
}

public sealed class UpdateHomepageNodeValidator : AbstractValidator<UpdateHomepageNode>
{
    public UpdateHomepageNodeValidator()
    {
        RuleFor(x => x.Id).Required().MaxChars(32);
        RuleFor(x => x.UrlLink).MaxChars(500).Must(v => v is null || v.Trim().Length > 0).WithMessage("{PropertyName} 不能为空");
        RuleFor(x => x.Parentid).MaxChars(32);
        RuleFor(x => x.Priority).OptionalInt(0, AddHomepageNodeValidator.MaxPriority);
        RuleFor(x => x.Name).MaxChars(100).Must(v => v is null || v.Trim().Length > 0).WithMessage("{PropertyName} 不能为空");
        RuleFor(x => x.Icon).MaxChars(1000);
        RuleFor(x => x.Source).MaxChars(100);
        RuleFor(x => x.Listurl).MaxChars(1000);
    }
}

/// <summary>Handles <see cref="UpdateHomepageNode"/>: loads the node's site once for the parent and cycle checks.</summary>
public sealed class UpdateHomepageNodeHandler(IKbossDbContext db, SiteAccess sites, ICurrentUser user)
    : ICommandHandler<UpdateHomepageNode, Reply<IdData>>
{
    /// <summary>Message for a parent that is the node or one of its descendants.</summary>
    public const string Cycle = "父节点不能是自身或子节点";

    public async ValueTask<Reply<IdData>> Handle(UpdateHomepageNode c, CancellationToken ct)
    {
        var id = c.Id!.Trim();
        var siteNodes = await db.HomepageCategoryNodes.Where(n => db.HomepageCategoryNodes.Any(x => x.Id == id && x.UrlLink == n.UrlLink)).ToListAsync(ct);
        var node = siteNodes.FirstOrDefault(n => n.Id == id) ?? throw BusinessException.NotFound(CatalogAccess.NotFoundMessage);
        await sites.EnsureCanManageRowAsync(node.UrlLink, node.OrgId, ct);
        var subtree = HomepageTree.Subtree(siteNodes, node.Id);
        var site = CatalogAccess.Clean(c.UrlLink) ?? node.UrlLink;
        // before any change: a claim saves at once
        var owner = site == node.UrlLink ? null : await sites.EnsureCanManageAsync(site, ct);
        if (c.Parentid is not null)
        {
            if (HomepageTree.IsRoot(c.Parentid)) node.ParentId = null;
            else
            {
                var parentId = c.Parentid.Trim();
                if (subtree.Contains(parentId)) throw new RequestValidationException(new Dictionary<string, string[]> { ["parentid"] = [Cycle] });
                var parent = site == node.UrlLink
                    ? siteNodes.FirstOrDefault(n => n.Id == parentId)
                    : await db.HomepageCategoryNodes.FirstOrDefaultAsync(n => n.Id == parentId && n.UrlLink == site, ct);
                if (parent is null) throw BusinessException.NotFound(AddHomepageNodeHandler.NoParent);
                node.ParentId = parent.Id;
            }
        }
        else if (site != node.UrlLink && node.ParentId is not null) node.ParentId = null; // moved to another site: becomes a root there
        if (owner is not null)
            foreach (var n in siteNodes.Where(n => subtree.Contains(n.Id))) (n.UrlLink, n.OrgId) = (site, owner);
        if (RuleExtensions.TryInt(c.Priority, out var priority)) node.Priority = (int)priority;
        if (c.Name is not null) node.Name = c.Name.Trim();
        if (c.Icon is not null) node.Icon = CatalogAccess.Clean(c.Icon);
        if (c.Source is not null) node.Source = CatalogAccess.Clean(c.Source);
        if (c.Listurl is not null) node.ListUrl = CatalogAccess.Clean(c.Listurl);
        db.AuditEntries.Add(Audit.Entry(user, "catalog.homepage_node.updated", "homepage_category_tree", node.Id, new { node.UrlLink, node.ParentId, node.Name, node.Priority }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("更新成功", new IdData(node.Id));
    }
}
