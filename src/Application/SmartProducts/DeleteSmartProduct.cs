using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Catalog;
using Mediator;

namespace Kboss.Application.SmartProducts;

/// <summary>
/// <c>POST /product_smart/del_smart.dspy</c> 销售删除智算产品 (analysis/catalog.md §3.6.4): sales, operators and admins
/// soft-delete product <c>id</c> (query or body) of an org they may act on (another org's → 403, ADR 0017); an unknown
/// or deleted id is not_found.
/// </summary>
public sealed record DeleteSmartProduct : ICommand<Reply<IdData>>, IByIdRequest
{
    /// <summary>Product id (required).</summary>
    public string? Id { get; init; }
}

public sealed class DeleteSmartProductValidator() : ByIdValidator<DeleteSmartProduct>(100);

public sealed class DeleteSmartProductHandler(SoftDelete delete, OrgAccess orgs)
    : ICommandHandler<DeleteSmartProduct, Reply<IdData>>
{
    private static readonly SoftDeletion<SmartProduct> Rows = new(db => db.SmartProducts,
        UpdateSmartProductHandler.NotFound, "smart_product.delete", "smart_product",
        p => new { p.ProductModel, p.CardType });

    public async ValueTask<Reply<IdData>> Handle(DeleteSmartProduct c, CancellationToken ct) =>
        Reply.Ok("删除成功", new IdData(await delete.RunAsync(Rows, c.Id,
            (p, t) => orgs.EnsureCanActOnAsync(p.OrgId, UpdateSmartProductHandler.Forbidden, t), ct)));
}
