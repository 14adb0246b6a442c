using System.Globalization;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
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
    /// <summary>A vendor price that is negative, too large or unreadable (the vendor's data is wrong).</summary>
    public const string BadPriceMessage = "{0}返回的价格无效({1}),未扣费,请联系运营人员";
    /// <summary>A vendor price above 0 that rounds to 0 元 (nothing could be billed for what the vendor charges).
    /// </summary>
    public const string BelowFenMessage = "{0}价格 {1} 元不足 0.01 元,无法计费,请联系运营人员";
    /// <summary>A list price above 0 whose sale price rounded to 0 元.</summary>
    public const string FreeOfPaidMessage = "{0}价格 {1} 元折后为 0 元,无法计费,请联系运营人员";

    /// <summary>
    /// The vendor's price <paramref name="vendorPrice"/> (元) as a list price, rounded to the 分 (ADR 0041 addendum):
    /// the one gate every vendor price passes before it is shown or charged. Refused with <c>upstream_failed</c>
    /// (nothing held, nothing called) when it is negative, above <see cref="Money.Max"/>, or above 0 but below
    /// 0.005 元 — it would round to 0 and the vendor's order would be paid without a bill.
    /// </summary>
    /// <param name="vendorPrice">What the vendor answered, 元.</param>
    /// <param name="system">The vendor's name in the message (百度云, 优刻得, …).</param>
    public static decimal ListPrice(decimal vendorPrice, string system)
    {
        if (vendorPrice < 0 || vendorPrice > Money.Max) throw Refused(BadPriceMessage, system, vendorPrice);
        var list = Money.Round2(vendorPrice);
        if (vendorPrice > 0 && list == 0) throw Refused(BelowFenMessage, system, vendorPrice);
        return list;
    }

    /// <summary><see cref="ListPrice(decimal, string)"/> of a price the vendor sent as text or a JSON number;
    /// missing, unreadable or not finite (<c>NaN</c>, <c>Infinity</c>, <c>1e400</c>) → <c>upstream_failed</c>.
    /// </summary>
    public static decimal ListPrice(string? vendorPrice, string system) =>
        decimal.TryParse(vendorPrice?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var price)
            ? ListPrice(price, system)
            : throw Refused(BadPriceMessage, system,
                vendorPrice is null ? "无" : vendorPrice.Length > 20 ? vendorPrice[..20] : vendorPrice);

    /// <summary>
    /// Why <paramref name="amount"/> (the sale price of list <paramref name="listAmount"/>) may not be charged, or
    /// null: negative, not whole 分 or too large (a bug upstream), or 0 while the vendor's list price is above 0 (a
    /// discount rounded it away: the vendor would be paid and nothing billed). Checked by
    /// <see cref="VendorCharges"/> on every charge.
    /// </summary>
    public static BusinessException? Refusal(decimal amount, decimal? listAmount, string system) =>
        amount < 0 || (amount > 0 && !Money.IsValidAmount(amount)) ? Refused(BadPriceMessage, system, amount)
        : amount == 0 && listAmount is > 0 and var list ? Refused(FreeOfPaidMessage, system, list)
        : null;

    private static BusinessException Refused(string message, string system, decimal price) =>
        Refused(message, system, Money.Normalize(price).ToString(CultureInfo.InvariantCulture));

    private static BusinessException Refused(string message, string system, string price) =>
        new(string.Format(CultureInfo.InvariantCulture, message, system, price), ErrorCodes.UpstreamFailed);

    /// <summary>The price for <paramref name="customerOrgId"/> of list <paramref name="listAmount"/> (cost
    /// <paramref name="costAmount"/>) for <paramref name="quantity"/> units of resource <paramref
    /// name="productKey"/>.</summary>
    /// <exception cref="BusinessException"><c>upstream_failed</c>: the vendor's price is not a price
    /// (<see cref="ListPrice(decimal, string)"/>).</exception>
    public async Task<VendorQuote> QuoteAsync(string customerOrgId, string productKey, decimal listAmount,
        decimal costAmount, int quantity, CancellationToken ct, string system = VendorChargeCalls.VendorName)
    {
        var list = ListPrice(listAmount, system);
        var layers = new PriceLayers(SaleModes.Discount, null, []);
        Domain.Catalog.Product? product = null;
        if (options.Products.TryGetValue(productKey, out var productId))
        {
            product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct);
            if (product is not null) layers = await prices.LayersAsync(customerOrgId, product, ct);
        }
        var sale = SalePricing.Price(layers, list, Math.Max(quantity, 1)).OrThrow();
        var discount = list == 0 ? 1m : Math.Round(sale.Amount / list, 4);
        return new VendorQuote(sale.Amount, list, Money.Round2(costAmount), discount, product?.Id, product?.ProviderId);
    }
}
