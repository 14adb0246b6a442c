using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Entity = Kboss.Domain.Marketplace.ProductCategory;

namespace Kboss.Application.Products.Categories;

/// <summary>
/// <c>GET /product/product_category_add.dspy</c> 所属类别添加: an operator adds a node under <c>parentid</c> (empty or
/// <c>0</c>: root; else a live category it may manage) of a site it manages (the node belongs to the site's org;
/// another org's site → 403, ADR 0017). <c>priority</c> defaults to 1, <c>permission</c> to 1,
/// <c>cart_flag</c> is "1" or null. Duplicate name under the same parent → <c>该类别已存在</c>. analysis/catalog.md §3.2.5.
/// </summary>
public sealed record AddProductCategory : ICommand<Reply<IdData>>
{
    /// <summary>Creator (the session user is used).</summary>
    public string? Userid { get; init; }
    /// <summary>Category name (required).</summary>
    public string? ProductCategory { get; init; }
    /// <summary>Parent id; empty or "0" for a root.</summary>
    public string? Parentid { get; init; }
    /// <summary>Site (a child inherits its parent's when absent).</summary>
    public string? UrlLink { get; init; }
    /// <summary>展示优先级 1,2,3 (1 first); default 1.</summary>
    public string? Priority { get; init; }
    /// <summary>1: customers see it when publishing; 0: they do not. Default 1.</summary>
    public string? Permission { get; init; }
    /// <summary>1: show the CPU/GPU options; anything else: null.</summary>
    public string? CartFlag { get; init; }
}

public sealed class AddProductCategoryValidator : AbstractValidator<AddProductCategory>
{
    public AddProductCategoryValidator()
    {
        RuleFor(x => x.ProductCategory).Required().MaxChars(100);
        RuleFor(x => x.Parentid).MaxChars(32);
        RuleFor(x => x.UrlLink).MaxChars(500);
        RuleFor(x => x.Priority).OptionalInt(1, 1_000_000);
        RuleFor(x => x.Permission).OneOf(MarketplaceValues.Flags);
    }
}

public sealed class AddProductCategoryHandler(
    IKbossDbContext db, MarketplaceAccess access, ICurrentUser user, SiteAccess sites)
    : ICommandHandler<AddProductCategory, Reply<IdData>>
{
    /// <summary>Message for a duplicate name under the same parent.</summary>
    public const string Duplicate = "该类别已存在";

    /// <summary>The parent id a value means: null for empty or "0".</summary>
    public static string? ParentOf(string? value) => MarketplaceValues.Clean(value) is { } p && p != "0" ? p : null;

    public async ValueTask<Reply<IdData>> Handle(AddProductCategory c, CancellationToken ct)
    {
        var org = user.OrgId ?? throw new UnauthenticatedException();
        var parentId = ParentOf(c.Parentid);
        var site = MarketplaceValues.Clean(c.UrlLink);
        if (parentId is not null)
        {
            var parent = await db.ProductCategories.AsNoTracking().FirstOrDefaultAsync(x => x.Id == parentId, ct)
                         ?? throw BusinessException.NotFound("上级类别不存在");
            await access.LoadManageableCategoryAsync(parent.Id, ct);
            org = parent.OrgId;
            site ??= parent.UrlLink;
        }
        if (!string.IsNullOrEmpty(site)) org = await sites.EnsureCanManageAsync(site, ct);
        var name = c.ProductCategory!.Trim();
        if (await db.ProductCategories.AnyAsync(x => x.OrgId == org && x.UrlLink == (site ?? "") && x.ParentId == parentId && x.Name == name, ct))
            throw BusinessException.Conflict(Duplicate);
        var entity = new Entity
        {
            Name = name, ParentId = parentId, OrgId = org, UserId = user.UserId, UrlLink = site ?? "",
            Priority = RuleExtensions.TryInt(c.Priority, out var p) ? (int)p : 1,
            Permission = MarketplaceValues.Clean(c.Permission) ?? "1",
            CartFlag = Entity.NormalizeCartFlag(c.CartFlag),
        };
        db.ProductCategories.Add(entity);
        db.AuditEntries.Add(Audit.Entry(user, "marketplace.product_category.created", "product_category", entity.Id,
            new { entity.Name, entity.ParentId, entity.Priority, entity.Permission, entity.CartFlag }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("添加成功", new IdData(entity.Id));
    }
}
