using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Common;
using Mediator;

namespace Kboss.Application.Products.Categories;

/// <summary>
/// <c>GET /product/company_category_delete.dspy</c> 公司类别删除: soft delete; published items keep their
/// <c>company_type</c>. analysis/catalog.md §3.2.4.
/// </summary>
public sealed record DeleteCompanyCategory : ICommand<Reply<IdData>>
{
    /// <summary>Category id (required).</summary>
    public string? Id { get; init; }
}

public sealed class DeleteCompanyCategoryValidator : AbstractValidator<DeleteCompanyCategory>
{
    public DeleteCompanyCategoryValidator() => RuleFor(x => x.Id).Required();
}

public sealed class DeleteCompanyCategoryHandler(IKbossDbContext db, MarketplaceAccess access, ICurrentUser user)
    : ICommandHandler<DeleteCompanyCategory, Reply<IdData>>
{
    public async ValueTask<Reply<IdData>> Handle(DeleteCompanyCategory c, CancellationToken ct)
    {
        var entity = await access.LoadManageableCompanyCategoryAsync(c.Id!, ct);
        entity.DelFlg = DelFlag.Deleted;
        db.AuditEntries.Add(Audit.Entry(user, "marketplace.company_category.deleted", "company_category", entity.Id, new { entity.Name }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("删除成功", new IdData(entity.Id));
    }
}
