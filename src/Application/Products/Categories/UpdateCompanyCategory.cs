using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Categories;

/// <summary>
/// <c>GET /product/company_category_update.dspy</c> 公司类别更新: renames a category of an org the operator may act
/// on (duplicate → <c>该公司类别已存在</c>). analysis/catalog.md §3.2.3.
/// </summary>
public sealed record UpdateCompanyCategory : ICommand<Reply<CompanyCategoryDto>>
{
    /// <summary>Category id (required).</summary>
    public string? Id { get; init; }
    /// <summary>New name (required).</summary>
    public string? CompanyCategory { get; init; }
}

public sealed class UpdateCompanyCategoryValidator : AbstractValidator<UpdateCompanyCategory>
{
    public UpdateCompanyCategoryValidator()
    {
        RuleFor(x => x.Id).Required();
        RuleFor(x => x.CompanyCategory).Required().MaxChars(100);
    }
}

public sealed class UpdateCompanyCategoryHandler(IKbossDbContext db, MarketplaceAccess access, ICurrentUser user)
    : ICommandHandler<UpdateCompanyCategory, Reply<CompanyCategoryDto>>
{
    public async ValueTask<Reply<CompanyCategoryDto>> Handle(UpdateCompanyCategory c, CancellationToken ct)
    {
        var entity = await access.LoadManageableCompanyCategoryAsync(c.Id!, ct);
        var name = c.CompanyCategory!.Trim();
        if (await db.CompanyCategories.AnyAsync(x => x.OrgId == entity.OrgId && x.UrlLink == entity.UrlLink && x.Name == name && x.Id != entity.Id, ct))
            throw BusinessException.Conflict(AddCompanyCategoryHandler.Duplicate);
        var before = entity.Name;
        entity.Name = name;
        db.AuditEntries.Add(Audit.Entry(user, "marketplace.company_category.updated", "company_category", entity.Id, new { before, after = name }));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e)) { throw BusinessException.Conflict(AddCompanyCategoryHandler.Duplicate); }
        return Reply.Ok("更新成功", new CompanyCategoryDto(entity.Id, entity.Name, entity.UrlLink));
    }
}
