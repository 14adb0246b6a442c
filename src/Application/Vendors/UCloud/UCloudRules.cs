using FluentValidation;
using Kboss.Application.Common.Validation;

namespace Kboss.Application.Vendors.UCloud;

/// <summary>Input rules shared by the UCloud endpoints (analysis/vendors.md §3.9–§3.11).</summary>
public static class UCloudRules
{
    /// <summary>Longest id, region or zone kboss passes on.</summary>
    public const int IdMax = 64;
    /// <summary>Longest name, tag or remark.</summary>
    public const int TextMax = 64;
    /// <summary>Documented <c>ChargeType</c> values (§6 #37 adds <c>Postpay</c>).</summary>
    public static readonly string[] ChargeTypes = ["Year", "Month", "Dynamic", "Postpay"];

    /// <summary>A required id, region or zone.</summary>
    public static IRuleBuilderOptions<T, string?> Id<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Required().MaxChars(IdMax);

    /// <summary>An optional id, region or zone.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaxChars(IdMax);

    /// <summary>An optional <c>true</c>/<c>false</c> (any case).</summary>
    public static IRuleBuilderOptions<T, string?> OptionalBool<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrWhiteSpace(v) || bool.TryParse(v.Trim(), out _))
            .WithMessage("{PropertyName}必须是true或false");

    /// <summary>UCloud's spelling of a boolean (<c>true</c>/<c>false</c>), or null.</summary>
    public static string? Bool(string? value) =>
        bool.TryParse(value?.Trim(), out var b) ? (b ? "true" : "false") : null;
}
