using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kboss.Application.Vendors;

/// <summary>
/// Alias- and case-tolerant reading of vendor JSON (analysis/vendors.md §4.1): vendors spell one field several ways
/// (CDS <c>Code</c>/<c>code</c>, <c>Msg</c>/<c>Message</c>/<c>CodeMsg</c>, <c>PolicyId</c>/<c>PolicyID</c>,
/// <c>VPCNmae</c>; UCloud <c>UHostId</c>/<c>UhostId</c>). Every reader takes the names in order of preference and
/// matches each case-insensitively; a wrong type reads as absent, never throws. Also reads the list parameters
/// kboss receives as text (§5.3).
/// </summary>
public static class VendorJson
{
    /// <summary>The first present, non-null member of <paramref name="node"/> named like one of
    /// <paramref name="names"/>.</summary>
    public static JsonNode? Get(JsonNode? node, params string[] names)
    {
        if (node is not JsonObject o) return null;
        try
        {
            foreach (var name in names)
            {
                if (o.TryGetPropertyValue(name, out var exact) && exact is not null) return exact;
                foreach (var (key, value) in o)
                    if (value is not null && string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return value;
            }
        }
        catch (ArgumentException)
        {
            // an object with a member twice (JsonObject builds its dictionary on first access): unreadable, not a 500
        }
        return null;
    }

    /// <summary>
    /// A JSON-valued request parameter (<c>SystemDisk</c>, <c>Disks</c>, <c>Ips</c>, …) as a node; null when blank, not
    /// JSON, nested deeper than <paramref name="maxDepth"/> or naming a member twice in one object.
    /// </summary>
    public static JsonNode? ParseInput(string? raw, int maxDepth = 16)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        try
        {
            return JsonNode.Parse(raw, documentOptions: new JsonDocumentOptions
            {
                MaxDepth = maxDepth, AllowDuplicateProperties = false,
            });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A member as text: a string as is, a number or boolean in invariant form; null otherwise.</summary>
    public static string? Str(JsonNode? node, params string[] names) => Text(Get(node, names));

    /// <summary>A value as text (see <see cref="Str"/>).</summary>
    public static string? Text(JsonNode? value) => value is JsonValue v
        ? v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.Number => v.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        }
        : null;

    /// <summary>A member as an integer (a number, or a string holding one); null otherwise.</summary>
    public static long? Long(JsonNode? node, params string[] names) =>
        long.TryParse(Str(node, names), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>A member as an array; empty when absent or of another type.</summary>
    public static IReadOnlyList<JsonNode?> Items(JsonNode? node, params string[] names) =>
        Get(node, names) is JsonArray a ? [.. a] : [];

    /// <summary>The texts of an array member (strings, or objects' <paramref name="itemNames"/>).</summary>
    public static IReadOnlyList<string> Strings(JsonNode? array, params string[] itemNames) =>
        (array as JsonArray ?? []).Select(i => i is JsonObject ? Str(i, itemNames) : Text(i)).OfType<string>().ToList();

    /// <summary>
    /// A list parameter sent as text (analysis/vendors.md §5.3): a JSON array of strings (<c>["a","b"]</c>), or a
    /// comma-separated list of plain items; null when it is neither (an object, nested arrays, empty items).
    /// </summary>
    public static IReadOnlyList<string>? ParseList(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return [];
        raw = raw.Trim();
        if (!raw.StartsWith('['))
        {
            var parts = raw.Split(',', StringSplitOptions.TrimEntries);
            return parts.Any(p => p.Length == 0 || p.IndexOfAny(['{', '}', '[', ']', '"']) >= 0) ? null : parts;
        }
        try
        {
            if (ParseInput(raw) is not JsonArray a) return null;
            var items = a.Select(i => i is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? v.GetValue<string>().Trim() : null).ToList();
            return items.Any(string.IsNullOrEmpty) ? null : items.OfType<string>().ToList();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
