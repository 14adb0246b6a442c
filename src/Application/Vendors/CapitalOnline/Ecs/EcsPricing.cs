using System.Globalization;
using System.Text.Json.Nodes;
using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Vendors.Charges;
using Kboss.Domain.Finance;

namespace Kboss.Application.Vendors.CapitalOnline.Ecs;

/// <summary>A host order's price.</summary>
/// <param name="Quote">The customer's price (<see cref="VendorPricing"/>), what <c>create_ecs</c> charges.</param>
/// <param name="Vendor">CDS's <c>Data</c> (PriceUnit, PriceSymbol, TotalPrice).</param>
public sealed record EcsPrice(VendorQuote Quote, JsonObject Vendor)
{
    /// <summary>CDS's data plus <c>original_price</c>, <c>price</c> and <c>discount</c> (analysis/vendors.md §6 #36);
    /// the platform's cost never appears.</summary>
    public JsonObject Reply()
    {
        var data = (JsonObject)Vendor.DeepClone();
        data["original_price"] = Quote.ListAmount;
        data["price"] = Quote.Amount;
        data["discount"] = Quote.Discount;
        return data;
    }
}

/// <summary>
/// Prices a host order on the server (analysis/vendors.md §3.8 CDS-ECS-06/12, §6 #31, #36): CDS DescribePrice of the
/// order's shape — <c>TotalPrice</c> for the order (on demand: one hour; monthly: the whole duration) is the list
/// price and the platform's cost — then <see cref="VendorPricing"/> with product key <see cref="Product"/> (the
/// customer's discount of the catalog product <c>Vendors:Products:cds_ecs</c>, else the list price). get_ecs_price
/// shows it, create_ecs charges it.
/// </summary>
public sealed class EcsPricing(CdsService cds, VendorPricing pricing)
{
    /// <summary>Product key of CDS hosts in <see cref="VendorProductOptions"/>.</summary>
    public const string Product = "cds_ecs";
    /// <summary>CDS answered DescribePrice without a usable <c>TotalPrice</c>.</summary>
    public const string NoPriceMessage = "首都云未返回有效价格,请稍后重试";

    /// <summary>The price of <paramref name="shape"/> for <paramref name="customerOrgId"/>.</summary>
    public async Task<EcsPrice> PriceAsync(string customerOrgId, VendorKey key, IEcsShape shape, CancellationToken ct)
    {
        var answer = await cds.ReadAsync(key, CdsActions.DescribePrice, EcsShape.PriceBody(shape), ct);
        if (!decimal.TryParse(VendorJson.Str(answer.Data, "TotalPrice"), NumberStyles.Number,
                CultureInfo.InvariantCulture, out var list) || list < 0
            || (list > 0 && !Money.IsValidAmount(Money.Round2(list))))
            throw new BusinessException(NoPriceMessage, ErrorCodes.UpstreamFailed);
        var quote = await pricing.QuoteAsync(customerOrgId, Product, list, list, EcsShape.Count(shape), ct,
            CdsService.System);
        return new EcsPrice(quote, answer.Data as JsonObject ?? []);
    }
}
