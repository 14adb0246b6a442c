using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Entity = Kboss.Domain.Marketplace.ProductCategory;

namespace Kboss.Application.Products.Categories;

/// <summary>
/// <c>GET /product/product_category_update.dspy</c> 所属类别更新: partial update of a node (name, <c>cart_flag</c>, and
/// additively <c>priority</c>, <c>permission</c>, <c>parentid</c> with a cycle check). analysis/catalog.md §3.2.7.
/// </summary>
public sealed record UpdateProductCategory : ICommand<Reply<IdData>>
{
    /// <summary>Category id (required).</summary>
    public string? Id { get; init; }
    /// <summary>New name.</summary>
    public string? ProductCategory { get; init; }
    /// <summary>是否显示cpu,gpu规格输入框: "1" shows, any other value hides.</summary>
    public string? CartFlag { get; init; }
    /// <summary>New priority (1 first).</summary>
    public string? Priority { get; init; }
    /// <summary>New permission 0/1.</summary>
    public string? Permission { get; init; }
    /// <summary>New parent ("0" moves to the root).</summary>
    public string? Parentid { get; init; }
}

public sealed class UpdateProductCategoryValidator : AbstractValidator<UpdateProductCategory>
{
    public UpdateProductCategoryValidator()
    {
        RuleFor(x => x.Id).Required();
        RuleFor(x => x.ProductCategory).MaxChars(100);
        RuleFor(x => x.Priority).OptionalInt(1, 1_000_000);
        RuleFor(x => x.Permission).OneOf(MarketplaceValues.Flags);
        RuleFor(x => x.Parentid).MaxChars(32);
    }
}

public sealed class UpdateProductCategoryHandler(IKbossDbContext db, MarketplaceAccess access, ICurrentUser user)
    : ICommandHandler<UpdateProductCategory, Reply<IdData>>
{
    public async ValueTask<Reply<IdData>> Handle(UpdateProductCategory c, CancellationToken ct)
    {
        var entity = await access.LoadManageableCategoryAsync(c.Id!, ct);
        var before = new { entity.Name, entity.ParentId, entity.Priority, entity.Permission, entity.CartFlag };
        if (c.Parentid is not null)
        {
            var parentId = AddProductCategoryHandler.ParentOf(c.Parentid);
            if (parentId is not null)
            {
                var orgCategories = await db.ProductCategories.AsNoTracking().Where(x => x.OrgId == entity.OrgId).ToListAsync(ct);
                if (orgCategories.All(x => x.Id != parentId)) throw BusinessException.NotFound("上级类别不存在");
                if (MarketplaceAccess.Subtree(orgCategories, entity.Id).Contains(parentId))
                    throw RequestValidationException.For("parentid", "上级类别不能是自身或其下级");
            }
            entity.ParentId = parentId;
        }
        if (MarketplaceValues.Clean(c.ProductCategory) is { } name) entity.Name = name;
        if (c.CartFlag is not null) entity.CartFlag = Entity.NormalizeCartFlag(c.CartFlag);
        if (RuleExtensions.TryInt(c.Priority, out var p)) entity.Priority = (int)p;
        if (MarketplaceValues.Clean(c.Permission) is { } perm) entity.Permission = perm;
        if (await db.ProductCategories.AnyAsync(x => x.OrgId == entity.OrgId && x.UrlLink == entity.UrlLink && x.ParentId == entity.ParentId && x.Name == entity.Name && x.Id != entity.Id, ct))
            throw BusinessException.Conflict(AddProductCategoryHandler.Duplicate);
        db.AuditEntries.Add(Audit.Entry(user, "marketplace.product_category.updated", "product_category", entity.Id,
            new { before, after = new { entity.Name, entity.ParentId, entity.Priority, entity.Permission, entity.CartFlag } }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("更新成功", new IdData(entity.Id));
    }
}
