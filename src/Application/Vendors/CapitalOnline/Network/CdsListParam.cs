using FluentValidation;
using Kboss.Application.Common.Validation;

namespace Kboss.Application.Vendors.CapitalOnline.Network;

/// <summary>List parameters sent as text (analysis/vendors.md §5.3: a JSON array or a comma list).</summary>
public static class CdsListParam
{
    /// <summary>Most items one list parameter may hold.</summary>
    public const int MaxItems = 100;

    /// <summary>A required list of ids.</summary>
    public static IRuleBuilderOptions<T, string?> IdList<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Required().Must(v => string.IsNullOrWhiteSpace(v)
                || (VendorJson.ParseList(v) is { Count: > 0 and <= MaxItems } l
                    && l.All(i => i.Length <= CdsRules.IdMax)))
            .WithMessage($"{{PropertyName}}必须是JSON数组或逗号分隔的列表(1…{MaxItems} 项)");

    /// <summary>The items of a validated list.</summary>
    public static IReadOnlyList<string> Items(string? value) => VendorJson.ParseList(value) ?? [];
}
