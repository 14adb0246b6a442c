namespace Kboss.Domain.Finance;

/// <summary>Amounts of money in 元 (finance.md §0.3): 2 decimals, rounded half away from zero (四舍五入).</summary>
public static class Money
{
    /// <summary>Largest amount a <c>decimal(18,2)</c> column holds.</summary>
    public const decimal Max = 9_999_999_999_999_999.99m;

    /// <summary><paramref name="value"/> rounded to 0.01 half away from zero (1049.325 → 1049.33).</summary>
    public static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>True when <paramref name="value"/> has at most 2 decimals (whole 分).</summary>
    public static bool IsWholeFen(decimal value) => value == Math.Round(value, 2);

    /// <summary>True when <paramref name="value"/> is a valid positive movement amount: &gt; 0, whole 分, ≤ <see cref="Max"/>.</summary>
    public static bool IsValidAmount(decimal value) => value > 0 && value <= Max && IsWholeFen(value);

    /// <summary><paramref name="value"/> without trailing zeros (<c>46.00</c> → <c>46</c>, <c>40.960</c> →
    /// <c>40.96</c>): the scale a decimal read back from the database carries must not show on the wire.</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;
}
