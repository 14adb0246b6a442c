using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Catalog;
using Kboss.Domain.Finance;
using Kboss.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Pricing;

/// <summary>
/// Loads the price layers of finance.md §4.5 from the database for <see cref="SalePricing"/>: a customer's approved
/// configurations, its owner org's unified value, and an org's cost floor (the sale-protocol child row between the
/// product's provider org and that org). Every place that shows or charges a sale price goes through it.
/// </summary>
public sealed class PriceResolver(IKbossDbContext db, ICurrentUser user)
{
    /// <summary>Unknown or foreign product.</summary>
    public const string ProductNotFoundMessage = "产品不存在";

    /// <summary>The live product <paramref name="productId"/> of provider <paramref name="providerId"/> (not_found).</summary>
    public async Task<Product> ProductAsync(string providerId, string productId, CancellationToken ct) =>
        await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId && p.ProviderId == providerId, ct)
        ?? throw BusinessException.NotFound(ProductNotFoundMessage);

    /// <summary>The org whose unified layer applies to <paramref name="customerOrgId"/>: its owner, else itself.</summary>
    public async Task<string> PricingOrgAsync(string customerOrgId, CancellationToken ct) =>
        await db.Organizations.AsNoTracking().Where(o => o.Id == customerOrgId).Select(o => o.OwnerOrgId)
            .FirstOrDefaultAsync(ct) ?? customerOrgId;

    /// <summary>The layers deciding <paramref name="customerOrgId"/>'s price of <paramref name="product"/>.</summary>
    public async Task<PriceLayers> LayersAsync(string customerOrgId, Product product, CancellationToken ct)
    {
        var owner = await PricingOrgAsync(customerOrgId, ct);
        var byUnit = SalePricing.IsPricedByUnit(product.SaleMode);
        var unified = await db.UnifiedPriceConfigs.AsNoTracking()
            .Where(u => u.BidOrgid == owner && u.ProductId == product.Id)
            .Select(u => byUnit ? u.Price : u.Discount).FirstOrDefaultAsync(ct);
        var kv = byUnit ? PriceKinds.Price : PriceKinds.Discount;
        var approved = await db.CustomerProductConfigs.AsNoTracking()
            .Where(c => c.CustomerId == customerOrgId && c.ProductId == product.Id && c.Kv == kv
                        && c.ApvState == ApprovalStates.Approved)
            .Select(c => new CustomerPriceConfig(c.ApvState, c.Value, c.UpdateTime)).ToListAsync(ct);
        return new PriceLayers(product.SaleMode, unified, approved);
    }

    /// <summary>
    /// The cost of <paramref name="product"/> to <paramref name="buyerOrgId"/> — its cost discount (discount/rebate
    /// products) or floor unit price (floor-price products) from the live protocol child row with the product's
    /// provider org or, for a reseller, with its owner operator (RSL-01, finance.md §4.5 row 4) — or null (no floor).
    /// </summary>
    public async Task<decimal?> FloorAsync(string buyerOrgId, Product product, CancellationToken ct)
    {
        var byUnit = SalePricing.IsPricedByUnit(product.SaleMode);
        var providerOrg = db.Providers.Where(p => p.Id == product.ProviderId).Select(p => p.OrgId);
        var resellerOwner = db.Organizations.Where(o => o.Id == buyerOrgId && o.Kind == OrgKind.Reseller)
            .Select(o => o.OwnerOrgId);
        return await (from p in db.SaleProtocols.AsNoTracking()
                      where p.BidOrgid == buyerOrgId
                            && (providerOrg.Contains(p.OfferOrgid) || resellerOwner.Contains(p.OfferOrgid))
                      join c in db.ProductSaleConfigs.AsNoTracking() on p.Id equals c.ProtocolId
                      where c.ProductId == product.Id
                      select byUnit ? c.Price : c.Discount)
            .Where(v => v != null).OrderByDescending(v => v).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// Throws 403 unless the caller may manage prices of customer org <paramref name="customerOrgId"/>: an admin, or
    /// an operator or salesperson of the org that owns it (no per-salesperson assignment exists yet).
    /// </summary>
    public async Task EnsureCanPriceForAsync(string customerOrgId, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Admin)) return;
        var owner = await db.Organizations.AsNoTracking().Where(o => o.Id == customerOrgId)
            .Select(o => new { o.OwnerOrgId }).FirstOrDefaultAsync(ct)
            ?? throw BusinessException.NotFound("客户不存在");
        if (owner.OwnerOrgId is null || owner.OwnerOrgId != user.OrgId
            || !(user.IsInRole(Roles.Operator) || user.IsInRole(Roles.Sales)))
            throw new ForbiddenException("无权配置该客户的价格");
    }
}
