using System.Globalization;
using Kboss.Domain.Catalog;

namespace Kboss.Application.Resellers;

/// <summary>Parsing shared by the reseller pricing endpoints (finance.md §3.4 RSL-01/02).</summary>
public static class ResellerPriceParams
{
    /// <summary>
    /// RSL-02 <c>range</c> <c>"0.9,0.98"</c>: two decimals, inclusive, min ≤ max; the documented curly quotes and a
    /// full-width comma are tolerated. Null when malformed; (null, null) when empty.
    /// </summary>
    public static (decimal? Min, decimal? Max)? Range(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return (null, null);
        var text = value.Trim().Trim('“', '”', '"', '\'').Replace('，', ',');
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2) return null;
        static decimal? Parse(string s) =>
            decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null;
        var (min, max) = (Parse(parts[0]), Parse(parts[1]));
        return min is null || max is null || min > max ? null : (min, max);
    }

    /// <summary>Product sale modes a protocol of <paramref name="salemode"/> may hold.</summary>
    public static string[] ProductModes(string salemode) => salemode switch
    {
        SaleModes.Discount => Finance.Pricing.PricingParams.DiscountModes,
        SaleModes.FloorPrice => [SaleModes.FloorPrice],
        _ => SaleModes.All,
    };
}
