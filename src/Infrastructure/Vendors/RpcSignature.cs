using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kboss.Infrastructure.Vendors;

/// <summary>Makes the <c>SignatureNonce</c> of a signed call (a fixed sequence in golden tests).</summary>
public interface INonceGenerator
{
    /// <summary>A fresh nonce.</summary>
    string Next();
}

/// <summary>Random nonces (a GUID per call).</summary>
public sealed class GuidNonceGenerator : INonceGenerator
{
    public string Next() => Guid.NewGuid().ToString();
}

/// <summary>
/// The RPC-style signature version 1.0 shared by Alibaba-style OpenAPIs (Capital Online, analysis/vendors.md §4.6):
/// <c>StringToSign = METHOD + "&amp;%2F&amp;" + Encode(canonical query)</c>, where the canonical query is the
/// parameters (without <c>Signature</c>) sorted by name (ordinal), each <c>Encode(k)=Encode(v)</c>, joined by
/// <c>&amp;</c>; <c>Signature = Base64(HMAC-SHA1(secret + "&amp;", StringToSign))</c>. Encoding is RFC 3986 over
/// UTF-8 (unreserved <c>A-Za-z0-9-_.~</c> kept, space <c>%20</c>, <c>*</c> <c>%2A</c>). A JSON body is not signed.
/// </summary>
public static class RpcSignature
{
    /// <summary>The ISO 8601 UTC <c>Timestamp</c> value (<c>2026-12-07T14:00:00Z</c>).</summary>
    public static string Timestamp(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The canonical query of <paramref name="parameters"/> (sorted, encoded; <c>Signature</c> left
    /// out).</summary>
    public static string Canonical(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join("&", parameters.Where(p => p.Key != "Signature").OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Encode(p.Key) + "=" + Encode(p.Value)));

    /// <summary>The string that is signed for <paramref name="method"/>.</summary>
    public static string StringToSign(string method, IEnumerable<KeyValuePair<string, string>> parameters) =>
        method.ToUpperInvariant() + "&" + Encode("/") + "&" + Encode(Canonical(parameters));

    /// <summary>The <c>Signature</c> value.</summary>
    public static string Sign(string method, IEnumerable<KeyValuePair<string, string>> parameters, string secret) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret + "&"),
            Encoding.UTF8.GetBytes(StringToSign(method, parameters))));

    /// <summary>True when <paramref name="signature"/> signs <paramref name="parameters"/> (fixed-time compare).</summary>
    public static bool Verify(string method, IEnumerable<KeyValuePair<string, string>> parameters, string secret,
        string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature),
            Encoding.ASCII.GetBytes(Sign(method, parameters, secret)));

    /// <summary>RFC 3986 percent-encoding of UTF-8.</summary>
    public static string Encode(string value) => Uri.EscapeDataString(value);
}
