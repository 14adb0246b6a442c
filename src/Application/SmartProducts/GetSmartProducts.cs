using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.SmartProducts;

/// <summary>
/// <c>POST /product_smart/get_smart.dspy</c> 客户展示智算产品 (analysis/catalog.md §3.6.1): public. <c>type</c> (body, else
/// query; e.g. <c>A100</c>) keeps the products whose <c>card_type</c> or <c>product_model</c> contains it
/// (case-insensitive) or whose stored <c>type</c> equals it; absent → all. Newest update first; only the customer fields.
/// </summary>
public sealed record GetSmartProducts : IQuery<ListInMsgReply<SmartProductView>>
{
    /// <summary>Card type filter (e.g. A100).</summary>
    public string? Type { get; init; }
    /// <summary>The documented body object (its <c>type</c> is merged into <see cref="Type"/> by the binder).</summary>
    public string? Body { get; init; }
}

public sealed class GetSmartProductsValidator : AbstractValidator<GetSmartProducts>
{
    public GetSmartProductsValidator() => RuleFor(x => x.Type).MaxChars(100);
}

public sealed class GetSmartProductsHandler(IKbossDbContext db) : IQueryHandler<GetSmartProducts, ListInMsgReply<SmartProductView>>
{
    /// <summary>Most rows returned.</summary>
    public const int MaxRows = 1000;

    public async ValueTask<ListInMsgReply<SmartProductView>> Handle(GetSmartProducts q, CancellationToken ct)
    {
        var products = db.SmartProducts.AsNoTracking();
        if (MarketplaceValues.Clean(q.Type) is { } type)
        {
            var like = "%" + type.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            products = products.Where(p => EF.Functions.Like(p.CardType, like, "\\") || EF.Functions.Like(p.ProductModel, like, "\\") || p.Type == type);
        }
        var rows = await products.OrderByDescending(p => p.UpdateDate).ThenByDescending(p => p.CreateAt).ThenBy(p => p.Id).Take(MaxRows).ToListAsync(ct);
        return ListInMsgReply<SmartProductView>.Of(rows.Select(SmartProductView.From).ToList());
    }
}

/// <summary>
/// <c>GET /product_smart/get_smart.dspy</c> 销售展示智算产品 (analysis/catalog.md §3.6.2): sales, operators and admins see
/// the products of the orgs they may act on (admin: every product) with every field (rents, terms, remark, type),
/// newest update first, the array in <c>msg</c> (ADR 0017).
/// </summary>
public sealed record GetSmartProductsForSales : IQuery<ListInMsgReply<SmartProductSalesView>>;

public sealed class GetSmartProductsForSalesHandler(IKbossDbContext db, OrgAccess orgs)
    : IQueryHandler<GetSmartProductsForSales, ListInMsgReply<SmartProductSalesView>>
{
    public async ValueTask<ListInMsgReply<SmartProductSalesView>> Handle(GetSmartProductsForSales q, CancellationToken ct)
    {
        var scope = await orgs.ScopeAsync(ct);
        var products = db.SmartProducts.AsNoTracking().Where(p => scope == null || scope.Contains(p.OrgId));
        var rows = await products.OrderByDescending(p => p.UpdateDate).ThenByDescending(p => p.CreateAt)
            .ThenBy(p => p.Id).Take(GetSmartProductsHandler.MaxRows * 10).ToListAsync(ct);
        return ListInMsgReply<SmartProductSalesView>.Of(rows.Select(SmartProductSalesView.FromSales).ToList());
    }
}
