using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kboss.Application.Vendors.Charges;

/// <summary>
/// The fingerprint of a paid request (ADR 0041): SHA-256 (hex) over the action and its parameters in canonical form —
/// object keys sorted (ordinal), strings trimmed, numbers (and numeric text) written as their shortest decimal
/// (<c>5</c>, <c>5.0</c>, <c>"5.00"</c> are one value), nulls and empty strings dropped — so the same request sent
/// with other spacing, order or number format is recognised, and any real difference is not.
/// </summary>
public static class VendorChargeFingerprint
{
    /// <summary>Fingerprint of <paramref name="action"/> with <paramref name="parameters"/>.</summary>
    public static string Of(string action, JsonNode? parameters)
    {
        var text = new StringBuilder(action.Trim()).Append('\n');
        Write(parameters, text);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The canonical text of <paramref name="node"/> (what is hashed; for tests and logs).</summary>
    public static string Canonical(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(node, text);
        return text.ToString();
    }

    private static void Write(JsonNode? node, StringBuilder text)
    {
        switch (node)
        {
            case JsonObject o:
                text.Append('{');
                var first = true;
                var members = o.Where(p => !IsEmpty(p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal);
                foreach (var (name, value) in members)
                {
                    if (!first) text.Append(',');
                    first = false;
                    text.Append(JsonSerializer.Serialize(name)).Append(':');
                    Write(value, text);
                }
                text.Append('}');
                break;
            case JsonArray a:
                text.Append('[');
                for (var i = 0; i < a.Count; i++)
                {
                    if (i > 0) text.Append(',');
                    Write(a[i], text);
                }
                text.Append(']');
                break;
            case JsonValue v:
                text.Append(Scalar(v));
                break;
            default:
                text.Append("null");
                break;
        }
    }

    private static string Scalar(JsonValue v) => v.GetValueKind() switch
    {
        JsonValueKind.Number => Number(v.ToJsonString()) ?? v.ToJsonString(),
        JsonValueKind.String when Number(v.GetValue<string>().Trim()) is { } n => n,
        JsonValueKind.String => JsonSerializer.Serialize(v.GetValue<string>().Trim()),
        _ => v.ToJsonString(),
    };

    private static string? Number(string text) =>
        text.Length > 0 && text.Length <= 40 && (char.IsAsciiDigit(text[0]) || text[0] == '-')
        && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? (d / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)
            : null;

    private static bool IsEmpty(JsonNode? value) =>
        value is null || (value is JsonValue v && v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s));
}
