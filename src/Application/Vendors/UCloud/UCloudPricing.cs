using System.Text.Json.Nodes;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Finance.Pricing;
using Kboss.Application.Vendors.Charges;
using Kboss.Domain.Catalog;
using Kboss.Domain.Finance;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.UCloud;

/// <summary>Optional catalogue product whose customer discounts apply to UCloud (<c>Vendors:UCloud:ProductId</c>).
/// </summary>
public sealed record UCloudPricingSettings(string? ProductId);

/// <summary>
/// UCloud sale prices (analysis/vendors.md §6 #36): the list price is UCloud's <c>OriginalPrice</c> (else
/// <c>Price</c>; 元) — never the platform's own vendor price — and the customer's price is <see cref="SalePricing"/>
/// of it with the layers of the configured catalogue product (none configured: the list price). Replies show
/// <c>OriginalPrice</c> = list and <c>Price</c> = sale (元, no trailing zeros: a JSON node keeps a decimal's scale);
/// the same price is charged.
/// </summary>
public sealed class UCloudPricing(IKbossDbContext db, PriceResolver prices, UCloudPricingSettings settings)
{
    /// <summary>The sale price for <paramref name="orgId"/> of list price <paramref name="list"/>.</summary>
    public async Task<SalePrice> SaleAsync(string orgId, decimal list, CancellationToken ct)
    {
        var product = settings.ProductId is { Length: > 0 } id
            ? await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) : null;
        var layers = product is null
            ? new PriceLayers(SaleModes.Discount, null, [])
            : await prices.LayersAsync(orgId, product, ct);
        return SalePricing.Price(layers, list, 1).OrThrow();
    }

    /// <summary>A price answer (<c>{PriceSet:[…]}</c>) with every item's prices as the customer's.</summary>
    public async Task<JsonObject> RepriceAsync(string orgId, JsonObject data, CancellationToken ct)
    {
        foreach (var item in VendorJson.Items(data, "PriceSet").OfType<JsonObject>())
        {
            var list = ListPrice(item);
            item["OriginalPrice"] = Money.Normalize(list);
            item["Price"] = Money.Normalize((await SaleAsync(orgId, list, ct)).Amount);
            foreach (var hidden in new[] { "ListPrice", "PriceDetail", "OriginalPriceDetail", "ListPriceDetail" })
                item.Remove(hidden);
        }
        return data;
    }

    /// <summary>The list price of a price item (元, 2 decimals) through <see cref="VendorPricing.ListPrice(string,
    /// string)"/>: missing, unreadable, negative or below 0.01 元 → <c>upstream_failed</c> (never a free host).
    /// </summary>
    public static decimal ListPrice(JsonNode? item) =>
        VendorPricing.ListPrice(VendorJson.Str(item, "OriginalPrice", "Price"), UCloudService.System);
}
