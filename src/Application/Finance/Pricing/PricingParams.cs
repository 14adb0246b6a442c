using Kboss.Domain.Finance;

namespace Kboss.Application.Finance.Pricing;

/// <summary>Parsing shared by the module-10 endpoints (finance.md §6 #18, #19).</summary>
public static class PricingParams
{
    /// <summary>
    /// Product ids from a comma list (<c>"A3eG…,BqBV…"</c>) or a JSON array, trimmed, without empties or duplicates,
    /// in order.
    /// </summary>
    public static IReadOnlyList<string> Ids(string? value)
    {
        var text = value?.Trim() ?? "";
        if (text.StartsWith('['))
        {
            try
            {
                var parsed = System.Text.Json.JsonSerializer.Deserialize<string?[]>(text) ?? [];
                return parsed.Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).Distinct().ToList();
            }
            catch (System.Text.Json.JsonException)
            {
                return [];
            }
        }
        return text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
    }

    /// <summary>A decimal parameter, or null when absent or not a number.</summary>
    public static decimal? Decimal(string? value) =>
        Common.Validation.RuleExtensions.TryDecimal(value, out var d) ? d : null;

    /// <summary>The fuzzy product-name filter under either documented name.</summary>
    public static string? Name(string? keyword, string? productname) =>
        string.IsNullOrWhiteSpace(keyword) ? productname?.Trim().NullIfEmpty() : keyword.Trim();

    private static string? NullIfEmpty(this string value) => value.Length == 0 ? null : value;

    /// <summary>True when <paramref name="discount"/> lies in the inclusive, open-ended range.</summary>
    public static bool InRange(decimal? discount, decimal? start, decimal? end) =>
        (start is null && end is null) || (discount is { } d && (start is null || d >= start) && (end is null || d <= end));

    /// <summary>The pseudo-category of products without one.</summary>
    public const string Unconfigured = "未配置";

    /// <summary>True when a product of <paramref name="classify"/> matches the filter <paramref name="filter"/>.</summary>
    public static bool ClassifyMatches(string? classify, string? filter) =>
        string.IsNullOrWhiteSpace(filter)
        || (filter.Trim() == Unconfigured ? string.IsNullOrWhiteSpace(classify) || classify == Unconfigured : classify == filter.Trim());

    /// <summary>Sale modes priced by a discount (折扣, 回佣).</summary>
    public static readonly string[] DiscountModes = [Domain.Catalog.SaleModes.Discount, Domain.Catalog.SaleModes.Rebate];

    /// <summary>Kv of a product's sale mode.</summary>
    public static string KvOf(string saleMode) => SalePricing.IsPricedByUnit(saleMode) ? PriceKinds.Price : PriceKinds.Discount;
}
