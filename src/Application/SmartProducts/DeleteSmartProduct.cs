using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.SmartProducts;

/// <summary>
/// <c>POST /product_smart/del_smart.dspy</c> 销售删除智算产品 (analysis/catalog.md §3.6.4): sales, operators and admins
/// soft-delete product <c>id</c> (query or body) of an org they may act on (another org's → 403, ADR 0017); an unknown
/// or deleted id is not_found.
/// </summary>
public sealed record DeleteSmartProduct : ICommand<Reply<IdData>>
{
    /// <summary>Product id (required).</summary>
    public string? Id { get; init; }
}

public sealed class DeleteSmartProductValidator : AbstractValidator<DeleteSmartProduct>
{
    public DeleteSmartProductValidator() => RuleFor(x => x.Id).Required().MaxChars(100);
}

public sealed class DeleteSmartProductHandler(IKbossDbContext db, ICurrentUser user, OrgAccess orgs)
    : ICommandHandler<DeleteSmartProduct, Reply<IdData>>
{
    public async ValueTask<Reply<IdData>> Handle(DeleteSmartProduct c, CancellationToken ct)
    {
        var id = c.Id!.Trim();
        var p = await db.SmartProducts.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw BusinessException.NotFound(UpdateSmartProductHandler.NotFound);
        await orgs.EnsureCanActOnAsync(p.OrgId, UpdateSmartProductHandler.Forbidden, ct);
        p.DelFlg = DelFlag.Deleted;
        db.AuditEntries.Add(Audit.Entry(user, "smart_product.delete", "smart_product", p.Id, new { p.ProductModel, p.CardType }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("删除成功", new IdData(p.Id));
    }
}
