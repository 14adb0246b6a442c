using System.Globalization;
using System.Text.Json.Nodes;
using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Domain.Catalog;
using Kboss.Domain.Common;
using Kboss.Domain.Finance;

namespace Kboss.Application.Vendors.CapitalOnline.Ecs;

/// <summary>A host order's price.</summary>
/// <param name="List">CDS's <c>TotalPrice</c> (the platform's list price), 元.</param>
/// <param name="Sale">The customer's price through <see cref="SalePricing"/>, 元.</param>
/// <param name="Rate">The discount in force and its source.</param>
/// <param name="Vendor">CDS's <c>Data</c> (PriceUnit, PriceSymbol, TotalPrice).</param>
public sealed record EcsPrice(decimal List, decimal Sale, EffectiveRate Rate, JsonObject Vendor)
{
    /// <summary>CDS's data plus <c>original_price</c>, <c>price</c> and <c>discount</c> (analysis/vendors.md §6 #36).</summary>
    public JsonObject Reply()
    {
        var data = (JsonObject)Vendor.DeepClone();
        data["original_price"] = List;
        data["price"] = Sale;
        data["discount"] = Rate.Value ?? 1m;
        return data;
    }
}

/// <summary>
/// Prices a host order on the server (analysis/vendors.md §3.8 CDS-ECS-06/12, §6 #31, #36): CDS DescribePrice of the
/// order's shape, then <see cref="SalePricing"/>. No kboss product stands for CDS hosts yet, so no customer or unified
/// discount layer applies and the sale price is the list price (source <c>default</c>); the client's amount is only
/// compared with it.
/// </summary>
public sealed class EcsPricing(CdsService cds)
{
    /// <summary>CDS answered DescribePrice without a usable <c>TotalPrice</c>.</summary>
    public const string NoPriceMessage = "首都云未返回有效价格,请稍后重试";

    /// <summary>The price of <paramref name="shape"/> with <paramref name="key"/>.</summary>
    public async Task<EcsPrice> PriceAsync(VendorKey key, IEcsShape shape, CancellationToken ct)
    {
        var answer = await cds.ReadAsync(key, CdsActions.DescribePrice, EcsShape.PriceBody(shape), ct);
        if (!decimal.TryParse(VendorJson.Str(answer.Data, "TotalPrice"), NumberStyles.Number,
                CultureInfo.InvariantCulture, out var list) || list < 0
            || (list > 0 && !Money.IsValidAmount(Money.Round2(list))))
            throw new BusinessException(NoPriceMessage, ErrorCodes.UpstreamFailed);
        var layers = new PriceLayers(SaleModes.Discount, null, []);
        var sale = SalePricing.Price(layers, Money.Round2(list), 1).OrThrow();
        return new EcsPrice(Money.Round2(list), sale.Amount, sale.Rate, answer.Data as JsonObject ?? []);
    }
}
