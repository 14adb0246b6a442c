using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Categories;

/// <summary>Reply data of a category delete: the node and how many nodes (with descendants) were removed.</summary>
/// <param name="Id">Deleted node.</param>
/// <param name="Deleted">Nodes removed, the node included.</param>
public sealed record DeletedCategory(string Id, int Deleted);

/// <summary>
/// <c>GET /product/product_category_delete.dspy</c> 所属类别删除: soft-deletes the node and its descendants; items
/// referencing them keep their JSON but no longer match category filters. analysis/catalog.md §3.2.8.
/// </summary>
public sealed record DeleteProductCategory : ICommand<Reply<DeletedCategory>>
{
    /// <summary>Category id (required).</summary>
    public string? Id { get; init; }
}

public sealed class DeleteProductCategoryValidator : AbstractValidator<DeleteProductCategory>
{
    public DeleteProductCategoryValidator() => RuleFor(x => x.Id).Required();
}

public sealed class DeleteProductCategoryHandler(IKbossDbContext db, MarketplaceAccess access, ICurrentUser user)
    : ICommandHandler<DeleteProductCategory, Reply<DeletedCategory>>
{
    public async ValueTask<Reply<DeletedCategory>> Handle(DeleteProductCategory c, CancellationToken ct)
    {
        var entity = await access.LoadManageableCategoryAsync(c.Id!, ct);
        var orgCategories = await db.ProductCategories.Where(x => x.OrgId == entity.OrgId).ToListAsync(ct);
        var doomed = MarketplaceAccess.Subtree(orgCategories, entity.Id);
        foreach (var node in orgCategories.Where(x => doomed.Contains(x.Id))) node.MarkDeleted();
        db.AuditEntries.Add(Audit.Entry(user, "marketplace.product_category.deleted", "product_category", entity.Id,
            new { entity.Name, removed = doomed.Order(StringComparer.Ordinal).ToArray() }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("删除成功", new DeletedCategory(entity.Id, doomed.Count));
    }
}
