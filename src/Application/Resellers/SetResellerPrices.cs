using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Application.Finance.Pricing;
using Kboss.Domain.Catalog;
using Kboss.Domain.Common;
using Kboss.Domain.Finance;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Resellers;

/// <summary>The reply of RSL-01.</summary>
/// <param name="Salemode">Mode the products were set in: 0 折扣, 1 回佣, 2 底价.</param>
/// <param name="Count">Products set.</param>
public sealed record ResellerPriceSet(string Salemode, int Count);

/// <summary>
/// RSL-01 <c>GET /product/xiaoshou_gai_zhekou_dijia.dspy</c> 分销商折扣底价更新 (spec 16-reseller.md; finance.md §3.4,
/// §4.5): what reseller <c>bid_orgid</c> pays seller <c>offer_orgid</c> for products: <c>discount</c> given → 折扣
/// (mode 0), <c>price</c> → 底价 (mode 2), neither → 回佣 (mode 1, optional kboss <c>rebate_rate</c>); both →
/// <c>discount和price不能同时填写</c>. Each value passes <see cref="SalePricing.CheckResellerRate"/> against the
/// seller's own cost (<c>售价不能低于底价</c>). A product has one live mode per (seller, reseller): setting another
/// mode moves it. All or nothing.
/// </summary>
public sealed record SetResellerPrices : ICommand<Reply<ResellerPriceSet>>
{
    /// <summary>卖方机构id (an org the caller may act on).</summary>
    public string? OfferOrgid { get; init; }
    /// <summary>分销商机构id (a reseller org the seller owns).</summary>
    public string? BidOrgid { get; init; }
    /// <summary>产品id: JSON array or comma list.</summary>
    public string? Productid { get; init; }
    /// <summary>折扣 (0, 1].</summary>
    public string? Discount { get; init; }
    /// <summary>底价 per unit, 元.</summary>
    public string? Price { get; init; }
    /// <summary>回佣比例 [0, 1) of rebate products (kboss addition, finance.md §4.7).</summary>
    public string? RebateRate { get; init; }
}

public sealed class SetResellerPricesValidator : AbstractValidator<SetResellerPrices>
{
    public SetResellerPricesValidator()
    {
        RuleFor(x => x.OfferOrgid).Required().MaxChars(32);
        RuleFor(x => x.BidOrgid).Required().MaxChars(32);
        RuleFor(x => x.Productid).Required().MaxChars(32 * 200)
            .Must(v => PricingParams.Ids(v).Count is > 0 and <= 200).WithMessage("productid 格式错误");
        RuleFor(x => x.Discount).OptionalDecimal(0m, 4);
        RuleFor(x => x.Price).OptionalDecimal(0m, 2);
        RuleFor(x => x.RebateRate).OptionalDecimal(0m, 4);
    }
}

public sealed class SetResellerPricesHandler(IKbossDbContext db, ICurrentUser user, OrgAccess orgs,
    ResellerAccess resellers, PricingCatalog catalog, PriceResolver prices)
    : ICommandHandler<SetResellerPrices, Reply<ResellerPriceSet>>
{
    public async ValueTask<Reply<ResellerPriceSet>> Handle(SetResellerPrices c, CancellationToken ct)
    {
        var offer = await orgs.ResolveAsync(c.OfferOrgid, ct);
        var reseller = (await resellers.FindAsync(c.BidOrgid, ct)).Org;
        if (reseller.OwnerOrgId != offer) throw BusinessException.NotFound(ResellerAccess.NotFoundMessage);
        var (discount, price) = (PricingParams.Decimal(c.Discount), PricingParams.Decimal(c.Price));
        var mode = SalePricing.ResellerMode(discount, price).OrThrow();
        var rate = new ResellerRate(mode, discount ?? price ?? PricingParams.Decimal(c.RebateRate));
        var ids = PricingParams.Ids(c.Productid);
        var products = await catalog.Sellable(offer).Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        if (products.Count != ids.Count) throw BusinessException.NotFound(PriceResolver.ProductNotFoundMessage);
        foreach (var product in products)
            SalePricing.CheckResellerRate(rate, product.SaleMode, await prices.FloorAsync(offer, product, ct)).OrThrow();

        await using var tx = await db.BeginTransactionAsync(ct);
        var protocol = await db.SaleProtocols.FirstOrDefaultAsync(
            p => p.OfferOrgid == offer && p.BidOrgid == reseller.Id && p.Salemode == mode, ct);
        if (protocol is null)
        {
            protocol = new SaleProtocol { OfferOrgid = offer, BidOrgid = reseller.Id, Salemode = mode, UserId = user.UserId ?? "" };
            db.SaleProtocols.Add(protocol);
        }
        var existing = await (from s in db.SaleProtocols
                              where s.OfferOrgid == offer && s.BidOrgid == reseller.Id
                              join r in db.ProductSaleConfigs on s.Id equals r.ProtocolId
                              where ids.Contains(r.ProductId)
                              select r).ToListAsync(ct);
        foreach (var product in products)
        {
            foreach (var moved in existing.Where(r => r.ProductId == product.Id && r.ProtocolId != protocol.Id))
                moved.MarkDeleted();
            var row = existing.FirstOrDefault(r => r.ProductId == product.Id && r.ProtocolId == protocol.Id);
            if (row is null)
            {
                row = new ProductSaleConfig { ProtocolId = protocol.Id, ProductId = product.Id };
                db.ProductSaleConfigs.Add(row);
            }
            row.SetRate(rate);
        }
        db.AuditEntries.Add(Audit.Entry(user, "reseller.price.set", "product_sale_config", protocol.Id,
            new { offer_orgid = offer, bid_orgid = reseller.Id, salemode = mode, productids = ids, rate.Value }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw BusinessException.Conflict("配置正被并发修改,请稍后重试");
        }
        await tx.CommitAsync(ct);
        return Reply.Ok("操作成功", new ResellerPriceSet(mode, products.Count));
    }
}
