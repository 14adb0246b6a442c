using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Marketplace;
using Mediator;

namespace Kboss.Application.Products.Categories;

/// <summary>
/// <c>GET /product/company_category_delete.dspy</c> 公司类别删除: soft delete; published items keep their
/// <c>company_type</c>. analysis/catalog.md §3.2.4.
/// </summary>
public sealed record DeleteCompanyCategory : ICommand<Reply<IdData>>, IByIdRequest
{
    /// <summary>Category id (required).</summary>
    public string? Id { get; init; }
}

public sealed class DeleteCompanyCategoryValidator : AbstractValidator<DeleteCompanyCategory>
{
    public DeleteCompanyCategoryValidator() => RuleFor(x => x.Id).Required();
}

public sealed class DeleteCompanyCategoryHandler(SoftDelete delete, SiteAccess sites)
    : ICommandHandler<DeleteCompanyCategory, Reply<IdData>>
{
    private static readonly SoftDeletion<CompanyCategory> Rows = new(db => db.CompanyCategories,
        MarketplaceAccess.CompanyCategoryNotFound, "marketplace.company_category.deleted", "company_category",
        x => new { x.Name });

    public async ValueTask<Reply<IdData>> Handle(DeleteCompanyCategory c, CancellationToken ct) =>
        Reply.Ok("删除成功", new IdData(await delete.RunAsync(Rows, c.Id,
            (x, t) => sites.EnsureCanManageRowAsync(x.UrlLink, x.OrgId, t), ct)));
}
