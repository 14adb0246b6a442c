using System.Security.Cryptography;
using System.Text;

namespace Kboss.Infrastructure.Vendors.JinanHpc;

/// <summary>
/// The request signature of the Jinan HPC API (ADR 0046; analysis/vendors.md §4.2 says "likely a shared-secret
/// signature (timestamp + MD5/HMAC)", the centre's document is not public): headers <c>X-Hpc-AppKey</c> (access key
/// id), <c>X-Hpc-Timestamp</c> (Unix seconds), <c>X-Hpc-Nonce</c> and <c>X-Hpc-Sign</c> =
/// lowercase hex HMAC-SHA256(secret, <c>METHOD\nPATH\nQUERY\nTIMESTAMP\nNONCE\nhex(SHA256(body))</c>), where PATH is
/// the API path (<c>/api/v1/…</c>, without the endpoint's own path) and QUERY the parameters sorted by name, each
/// RFC 3986-encoded <c>k=v</c>, joined by <c>&amp;</c>. The centre refuses a timestamp 5 minutes off.
/// </summary>
public static class JinanHpcSignature
{
    public const string AppKeyHeader = "X-Hpc-AppKey";
    public const string TimestampHeader = "X-Hpc-Timestamp";
    public const string NonceHeader = "X-Hpc-Nonce";
    public const string SignHeader = "X-Hpc-Sign";

    /// <summary>The signed string.</summary>
    public static string StringToSign(string method, string path, IEnumerable<KeyValuePair<string, string>> query,
        string timestamp, string nonce, string body) =>
        string.Join("\n", method.ToUpperInvariant(), path,
            string.Join("&", query.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value))),
            timestamp, nonce, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body))));

    /// <summary>The <c>X-Hpc-Sign</c> value.</summary>
    public static string Sign(string secret, string stringToSign) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes(stringToSign)));
}
