using Kboss.Application.Common.Interfaces;
using Kboss.Application.Finance.Pricing;
using Kboss.Application.Common;
using Kboss.Domain.Catalog;
using Kboss.Domain.Finance;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.Charges;

/// <summary>Catalog products that carry the customer discounts of vendor resources (<c>Vendors:Products:&lt;key&gt;</c>
/// = product id, e.g. <c>Vendors:Products:cds_eip</c>); a resource without one sells at the vendor's list
/// price.</summary>
/// <param name="Products">Product key (<c>cds_eip</c>, <c>cds_bandwidth</c>, …) → catalog product id.</param>
public sealed record VendorProductOptions(IReadOnlyDictionary<string, string> Products)
{
    /// <summary>No products configured.</summary>
    public static VendorProductOptions None { get; } = new(new Dictionary<string, string>());
}

/// <summary>A server-side price of a vendor resource for a customer.</summary>
/// <param name="Amount">Sale price in 元 (<see cref="SalePricing"/>; what is charged).</param>
/// <param name="ListAmount">The vendor's list price in 元 (原价).</param>
/// <param name="CostAmount">What the vendor charges the operator, 元 (never shown to customers).</param>
/// <param name="Discount">Amount ÷ list (1 when the list price is 0).</param>
/// <param name="ProductId">The catalog product of the discount, or null.</param>
/// <param name="ProviderId">Its provider, or null.</param>
public sealed record VendorQuote(decimal Amount, decimal ListAmount, decimal CostAmount, decimal Discount,
    string? ProductId, string? ProviderId)
{
    /// <summary>The bill line of this price.</summary>
    public VendorChargeLine Line(int quantity) => new(ProductId, ProviderId, ListAmount, CostAmount, quantity);
}

/// <summary>
/// Sale prices of vendor resources (ADR 0041; analysis/vendors.md §6 #36): the vendor's list price × the customer's
/// discount through <see cref="SalePricing"/> — the layers of the catalog product configured for the resource
/// (<see cref="VendorProductOptions"/>: approved customer value &gt; unified &gt; list), else the list price. The
/// same quote is shown by price endpoints and charged by <see cref="VendorCharges"/>.
/// </summary>
public sealed class VendorPricing(IKbossDbContext db, PriceResolver prices, VendorProductOptions options)
{
    /// <summary>The price for <paramref name="customerOrgId"/> of list <paramref name="listAmount"/> (cost
    /// <paramref name="costAmount"/>) for <paramref name="quantity"/> units of resource <paramref
    /// name="productKey"/>.</summary>
    public async Task<VendorQuote> QuoteAsync(string customerOrgId, string productKey, decimal listAmount,
        decimal costAmount, int quantity, CancellationToken ct)
    {
        var layers = new PriceLayers(SaleModes.Discount, null, []);
        Domain.Catalog.Product? product = null;
        if (options.Products.TryGetValue(productKey, out var productId))
        {
            product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct);
            if (product is not null) layers = await prices.LayersAsync(customerOrgId, product, ct);
        }
        var list = Money.Round2(listAmount);
        var sale = SalePricing.Price(layers, list, Math.Max(quantity, 1)).OrThrow();
        var discount = list == 0 ? 1m : Math.Round(sale.Amount / list, 4);
        return new VendorQuote(sale.Amount, list, Money.Round2(costAmount), discount, product?.Id, product?.ProviderId);
    }
}
