using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kboss.Domain.Approval;

/// <summary>
/// <c>$name</c> / <c>${name}</c> placeholders (analysis/platform.md §4.3): the whole identifier is matched
/// (<c>$price</c> never matches inside <c>$price_total</c>); an unknown placeholder stays as written; values are
/// inserted as plain text; empty keys are ignored.
/// </summary>
public static partial class ApprovalTemplateText
{
    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Placeholder();

    /// <summary>The text of <paramref name="template"/> with the placeholders found in
    /// <paramref name="values"/>.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, m =>
        {
            var name = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
            return values.TryGetValue(name, out var v) ? v : m.Value;
        });

    /// <summary>Placeholders of <paramref name="template"/> not in <paramref name="values"/> (for a warning).</summary>
    public static IReadOnlyList<string> Unknown(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Matches(template).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
            .Where(n => !values.ContainsKey(n)).Distinct().ToList();

    /// <summary>
    /// A JSON object's members as text values (numbers and booleans invariant: <c>10000</c> → <c>"10000"</c>); empty
    /// keys dropped; anything but an object gives no values.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Values(JsonElement? obj)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj is not { ValueKind: JsonValueKind.Object } o) return values;
        foreach (var p in o.EnumerateObject())
        {
            if (p.Name.Length == 0) continue;
            values[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString() ?? "",
                JsonValueKind.Number => p.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Null => "",
                _ => p.Value.GetRawText(),
            };
        }
        return values;
    }

    /// <summary>Invariant text of a number (used by in-process callers).</summary>
    public static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
