using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Catalog;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Catalog;

/// <summary>
/// <c>GET /product/homepage_category_tree_add.dspy</c> 首页产品树增加: an operator adds a node to the tree of a site it
/// manages (the node belongs to the site's org; another org's site → 403; an unregistered site is claimed, ADR 0017);
/// <c>parentid</c> <c>"0"</c> is a root, else a live node of the same site (<c>父节点不存在</c>).
/// analysis/catalog.md §3.1.20, §4.5.
/// </summary>
public sealed record AddHomepageNode : ICommand<Reply<IdData>>
{
    /// <summary>Site (required).</summary>
    public string? UrlLink { get; init; }
    /// <summary>Ignored: the creator is the session user.</summary>
    public string? Userid { get; init; }
    /// <summary>Parent node id, <c>"0"</c> for a root (required).</summary>
    public string? Parentid { get; init; }
    /// <summary>优先级, an integer, ascending (required).</summary>
    public string? Priority { get; init; }
    /// <summary>名称 (required).</summary>
    public string? Name { get; init; }
    /// <summary>icon链接.</summary>
    public string? Icon { get; init; }
    /// <summary>来源 (e.g. 佳杰).</summary>
    public string? Source { get; init; }
    /// <summary>跳转链接.</summary>
    public string? Listurl { get; init; }
}

public sealed class AddHomepageNodeValidator : AbstractValidator<AddHomepageNode>
{
    /// <summary>Largest priority.</summary>
    public const int MaxPriority = 999_999;

    public AddHomepageNodeValidator()
    {
        RuleFor(x => x.UrlLink).Required().MaxChars(500);
        RuleFor(x => x.Parentid).Required().MaxChars(32);
        RuleFor(x => x.Priority).Required().OptionalInt(0, MaxPriority);
        RuleFor(x => x.Name).Required().MaxChars(100);
        RuleFor(x => x.Icon).MaxChars(1000);
        RuleFor(x => x.Source).MaxChars(100);
        RuleFor(x => x.Listurl).MaxChars(1000);
    }
}

public sealed class AddHomepageNodeHandler(IKbossDbContext db, SiteAccess sites, ICurrentUser user)
    : ICommandHandler<AddHomepageNode, Reply<IdData>>
{
    /// <summary>Message for a missing parent.</summary>
    public const string NoParent = "父节点不存在";

    public async ValueTask<Reply<IdData>> Handle(AddHomepageNode c, CancellationToken ct)
    {
        var site = SiteAccess.Key(c.UrlLink);
        var org = await sites.EnsureCanManageAsync(site, ct);
        string? parentId = null;
        if (!HomepageTree.IsRoot(c.Parentid))
        {
            parentId = c.Parentid!.Trim();
            if (!await db.HomepageCategoryNodes.AnyAsync(n => n.Id == parentId && n.UrlLink == site, ct))
                throw BusinessException.NotFound(NoParent);
        }
        var node = new HomepageCategoryNode
        {
            UrlLink = site, OrgId = org, UserId = user.UserId, ParentId = parentId, Priority = int.Parse(c.Priority!.Trim(), System.Globalization.CultureInfo.InvariantCulture),
            Name = c.Name!.Trim(), Icon = CatalogAccess.Clean(c.Icon), Source = CatalogAccess.Clean(c.Source), ListUrl = CatalogAccess.Clean(c.Listurl),
        };
        db.HomepageCategoryNodes.Add(node);
        db.AuditEntries.Add(Audit.Entry(user, "catalog.homepage_node.created", "homepage_category_tree", node.Id, new { node.UrlLink, node.ParentId, node.Name }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("添加成功", new IdData(node.Id));
    }
}
