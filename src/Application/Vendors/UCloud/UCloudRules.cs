using System.Text.RegularExpressions;
using FluentValidation;
using Kboss.Application.Common.Validation;

namespace Kboss.Application.Vendors.UCloud;

/// <summary>Input rules shared by the UCloud endpoints (analysis/vendors.md §3.9–§3.11).</summary>
public static partial class UCloudRules
{
    /// <summary>Longest id kboss passes on.</summary>
    public const int IdMax = 64;
    /// <summary>Longest name, tag or remark.</summary>
    public const int TextMax = 64;
    /// <summary>Documented <c>ChargeType</c> values (§6 #37 adds <c>Postpay</c>).</summary>
    public static readonly string[] ChargeTypes = ["Year", "Month", "Dynamic", "Postpay"];

    /// <summary>A required id.</summary>
    public static IRuleBuilderOptions<T, string?> Id<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Required().MaxChars(IdMax);

    /// <summary>An optional id.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaxChars(IdMax);

    /// <summary>A required region or zone code (<see cref="IsRegionCode"/>).</summary>
    public static IRuleBuilderOptions<T, string?> RegionCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Required().OptionalRegionCode();

    /// <summary>An optional region or zone code: empty (the default) or <see cref="IsRegionCode"/>.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalRegionCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrEmpty(v) || IsRegionCode(v))
            .WithMessage("{PropertyName}格式错误: 只能包含小写字母、数字和-,最长32个字符");

    /// <summary>A UCloud region or zone code (<c>cn-bj2</c>, <c>cn-bj2-02</c>): 1–32 lower-case letters, digits and
    /// <c>-</c>, nothing else (no path, space, line break or JSON reaches UCloud or a stored row).</summary>
    public static bool IsRegionCode(string value) => RegionCodePattern().IsMatch(value);

    [GeneratedRegex("^[a-z0-9-]{1,32}$")]
    private static partial Regex RegionCodePattern();

    /// <summary>An optional <c>true</c>/<c>false</c> (any case).</summary>
    public static IRuleBuilderOptions<T, string?> OptionalBool<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrWhiteSpace(v) || bool.TryParse(v.Trim(), out _))
            .WithMessage("{PropertyName}必须是true或false");

    /// <summary>UCloud's spelling of a boolean (<c>true</c>/<c>false</c>), or null.</summary>
    public static string? Bool(string? value) =>
        bool.TryParse(value?.Trim(), out var b) ? (b ? "true" : "false") : null;
}
