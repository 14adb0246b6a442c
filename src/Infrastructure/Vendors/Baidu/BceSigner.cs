using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kboss.Infrastructure.Vendors.Baidu;

/// <summary>
/// Baidu Cloud BCE auth v1 (vendors.md §4.4): <c>Authorization: bce-auth-v1/{ak}/{timestamp}/{expiry}/{signedHeaders}/
/// {signature}</c> where <c>signingKey = hex(HMAC-SHA256(sk, "bce-auth-v1/{ak}/{timestamp}/{expiry}"))</c> and
/// <c>signature = hex(HMAC-SHA256(signingKey, METHOD \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders))</c>;
/// the URI is encoded except <c>/</c>, query pairs <c>enc(k)=enc(v)</c> sorted (without <c>authorization</c>), headers
/// <c>enc(lower(name)):enc(trim(value))</c> sorted and joined by <c>\n</c>; RFC 3986 encoding (only
/// <c>A-Za-z0-9-_.~</c> kept, upper-case hex).
/// </summary>
public static class BceSigner
{
    /// <summary>The <c>Authorization</c> value of a request.</summary>
    /// <param name="method">HTTP method.</param>
    /// <param name="path">Path, not encoded.</param>
    /// <param name="query">Query parameters, not encoded.</param>
    /// <param name="headers">The headers to sign (at least <c>host</c>).</param>
    /// <param name="accessKey">AK.</param>
    /// <param name="secretKey">SK.</param>
    /// <param name="now">Signing time (UTC).</param>
    /// <param name="expirySeconds">Validity of the signature.</param>
    public static string Authorization(string method, string path, IEnumerable<KeyValuePair<string, string>> query,
        IEnumerable<KeyValuePair<string, string>> headers, string accessKey, string secretKey, DateTimeOffset now,
        int expirySeconds = 1800)
    {
        var timestamp = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var prefix = $"bce-auth-v1/{accessKey}/{timestamp}/{expirySeconds.ToString(CultureInfo.InvariantCulture)}";
        var signingKey = Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(prefix)));
        var signed = headers.Select(h => (Name: h.Key.Trim().ToLowerInvariant(), Value: h.Value.Trim()))
            .Where(h => h.Value.Length > 0).ToList();
        var canonicalHeaders = string.Join("\n",
            signed.Select(h => Encode(h.Name) + ":" + Encode(h.Value)).OrderBy(s => s, StringComparer.Ordinal));
        var canonicalQuery = string.Join("&", query
            .Where(q => !q.Key.Equals("authorization", StringComparison.OrdinalIgnoreCase))
            .Select(q => Encode(q.Key) + "=" + Encode(q.Value)).OrderBy(s => s, StringComparer.Ordinal));
        var canonicalRequest = string.Join("\n", method.ToUpperInvariant(), CanonicalUri(path), canonicalQuery,
            canonicalHeaders);
        var signature = Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey),
            Encoding.UTF8.GetBytes(canonicalRequest)));
        var names = string.Join(";", signed.Select(h => h.Name).OrderBy(n => n, StringComparer.Ordinal));
        return $"{prefix}/{names}/{signature}";
    }

    /// <summary>The path encoded segment by segment (<c>/</c> kept), <c>/</c> when empty.</summary>
    public static string CanonicalUri(string path)
    {
        var encoded = string.Join("/", path.Split('/').Select(Encode));
        return encoded.Length == 0 ? "/" : encoded.StartsWith('/') ? encoded : "/" + encoded;
    }

    /// <summary>RFC 3986 encoding of the UTF-8 bytes of <paramref name="value"/>.</summary>
    public static string Encode(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~') sb.Append(c);
            else sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
