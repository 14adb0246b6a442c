using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kboss.Application.Vendors.CapitalOnline.SecurityGroups;

/// <summary>A request text parsed into <typeparamref name="T"/>, or the Chinese message saying why it is not.</summary>
public sealed record SgParsed<T>(T? Value, string? Error) where T : class
{
    public static SgParsed<T> Ok(T value) => new(value, null);
    public static SgParsed<T> Bad(string error) => new(null, error);
}

/// <summary>
/// Reading the JSON texts the security-group endpoints receive in query parameters (analysis/vendors.md §5.3:
/// arrays and objects are JSON strings; booleans <c>true</c>/<c>false</c>/<c>1</c>/<c>0</c>; member names
/// case-insensitive through <see cref="VendorJson"/>).
/// </summary>
public static class SgInput
{
    /// <summary>A JSON array of objects (empty text → none), at most <paramref name="max"/>.</summary>
    public static SgParsed<IReadOnlyList<JsonObject>> Objects(string? raw, string param, int max)
    {
        if (string.IsNullOrWhiteSpace(raw)) return SgParsed<IReadOnlyList<JsonObject>>.Ok([]);
        var node = Parse(raw);
        if (node is not JsonArray a || a.Any(i => i is not JsonObject))
            return SgParsed<IReadOnlyList<JsonObject>>.Bad($"{param}必须是JSON对象数组,如 [{{...}}]");
        if (a.Count > max) return SgParsed<IReadOnlyList<JsonObject>>.Bad($"{param}最多{max}项");
        return SgParsed<IReadOnlyList<JsonObject>>.Ok(a.Cast<JsonObject>().ToList());
    }

    /// <summary>A list of ids (JSON array of strings or comma list), no duplicates, at most
    /// <paramref name="max"/>.</summary>
    public static SgParsed<IReadOnlyList<string>> Ids(string? raw, string param, int max)
    {
        var ids = VendorJson.ParseList(raw);
        if (ids is null || ids.Any(i => i.Length > CdsRules.IdMax))
            return SgParsed<IReadOnlyList<string>>.Bad($"{param}必须是ID数组,如 [\"id1\",\"id2\"]");
        if (ids.Count > max) return SgParsed<IReadOnlyList<string>>.Bad($"{param}最多{max}项");
        if (ids.Distinct().Count() != ids.Count) return SgParsed<IReadOnlyList<string>>.Bad($"{param}中有重复的ID");
        return SgParsed<IReadOnlyList<string>>.Ok(ids);
    }

    /// <summary>JSON text as a node; null when it is not JSON.</summary>
    public static JsonNode? Parse(string raw) => VendorJson.ParseInput(raw, 8);

    /// <summary>A boolean: JSON true/false, or text <c>true</c>/<c>false</c>/<c>1</c>/<c>0</c>; else null.
    /// </summary>
    public static bool? Bool(JsonNode? value) => VendorJson.Text(value)?.Trim().ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };

    /// <summary>A boolean query parameter: empty → null; else as <see cref="Bool(JsonNode?)"/>.</summary>
    public static bool? Bool(string? raw) => string.IsNullOrWhiteSpace(raw) ? null : Bool(JsonValue.Create(raw));

    /// <summary>True when <paramref name="raw"/> is empty or a boolean.</summary>
    public static bool IsBoolOrEmpty(string? raw) => string.IsNullOrWhiteSpace(raw) || Bool(raw) is not null;

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>] (number or text); else null.
    /// </summary>
    public static int? Int(JsonNode? value, int min, int max) =>
        int.TryParse(VendorJson.Text(value)?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
        && n >= min && n <= max ? n : null;
}
