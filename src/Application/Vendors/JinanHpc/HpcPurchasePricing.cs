using Kboss.Application.Vendors.Charges;
using Kboss.Domain.Catalog;
using Kboss.Domain.Common;
using Kboss.Domain.Finance;

namespace Kboss.Application.Vendors.JinanHpc;

/// <summary>
/// The sale price of a Jinan HPC purchase, computed on the server from the centre's current list price (HPC-11)
/// through <see cref="SalePricing"/> (vendors.md §5.4: the client never names the amount). Jinan products are not
/// catalogue products, so no unified or customer configuration applies: the sale price is the list price × quantity.
/// </summary>
public sealed class HpcPurchasePricing
{
    private static readonly PriceLayers ListPrice = new(SaleModes.Discount, null, []);

    /// <summary>The amount of <paramref name="quantity"/> units of <paramref name="product"/>.</summary>
    /// <exception cref="Common.BusinessException"><c>upstream_failed</c>: the centre's price can't be charged
    /// (<see cref="VendorPricing.ListPrice(decimal, string)"/>: negative, too large, rounding to 0).</exception>
    public Result<SalePrice> Price(HpcProduct product, int quantity) =>
        SalePricing.Price(ListPrice, VendorPricing.ListPrice(product.Price * quantity, JinanHpcService.System),
            quantity);
}
