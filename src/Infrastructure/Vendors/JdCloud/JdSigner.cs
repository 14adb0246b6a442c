using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kboss.Infrastructure.Vendors.JdCloud;

/// <summary>
/// JD Cloud's OpenAPI signature <c>JDCLOUD2-HMAC-SHA256</c> (analysis/vendors.md §4.5 [PUB]; the JD Cloud SDKs'
/// <c>Signer</c>), SigV4-shaped:
/// <c>CanonicalRequest = METHOD \n CanonicalURI \n CanonicalQuery \n CanonicalHeaders \n SignedHeaders \n
/// hex(SHA256(body))</c>, where the URI is encoded per segment (<c>/</c> kept), the query pairs <c>enc(k)=enc(v)</c>
/// sorted, each header <c>lower(name):trim(value)\n</c> sorted by name and <c>SignedHeaders</c> the names joined by
/// <c>;</c>; <c>StringToSign = "JDCLOUD2-HMAC-SHA256" \n x-jdcloud-date \n scope \n hex(SHA256(CanonicalRequest))</c>
/// with <c>scope = yyyyMMdd/region/service/jdcloud2_request</c>; the key is
/// <c>HMAC(HMAC(HMAC(HMAC("JDCLOUD2" + sk, yyyyMMdd), region), service), "jdcloud2_request")</c>;
/// <c>Authorization: JDCLOUD2-HMAC-SHA256 Credential=ak/scope, SignedHeaders=…, Signature=hex</c>.
/// </summary>
public static class JdSigner
{
    /// <summary>The algorithm name.</summary>
    public const string Algorithm = "JDCLOUD2-HMAC-SHA256";

    /// <summary>The <c>x-jdcloud-date</c> value (<c>20261207T080000Z</c>).</summary>
    public static string Date(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The <c>Authorization</c> value.</summary>
    /// <param name="method">HTTP method.</param>
    /// <param name="path">Path, not encoded.</param>
    /// <param name="query">Query parameters, not encoded.</param>
    /// <param name="headers">Headers to sign (host, content-type, x-jdcloud-date, x-jdcloud-nonce).</param>
    /// <param name="body">Body text.</param>
    /// <param name="region">Region of the scope (<c>cn-north-1</c>).</param>
    /// <param name="service">Service of the scope.</param>
    /// <param name="accessKey">AK.</param>
    /// <param name="secretKey">SK.</param>
    /// <param name="now">Signing time (the <c>x-jdcloud-date</c> header's).</param>
    public static string Authorization(string method, string path, IEnumerable<KeyValuePair<string, string>> query,
        IEnumerable<KeyValuePair<string, string>> headers, string body, string region, string service,
        string accessKey, string secretKey, DateTimeOffset now)
    {
        var date = Date(now);
        var day = date[..8];
        var signed = headers.Select(h => (Name: h.Key.Trim().ToLowerInvariant(), Value: h.Value.Trim()))
            .OrderBy(h => h.Name, StringComparer.Ordinal).ToList();
        var names = string.Join(";", signed.Select(h => h.Name));
        var canonical = string.Join("\n", method.ToUpperInvariant(),
            string.Join("/", path.Split('/').Select(Uri.EscapeDataString)),
            string.Join("&", query.Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value))
                .OrderBy(s => s, StringComparer.Ordinal)),
            string.Concat(signed.Select(h => h.Name + ":" + h.Value + "\n")), names, Sha256Hex(body));
        var scope = $"{day}/{region}/{service}/jdcloud2_request";
        var toSign = $"{Algorithm}\n{date}\n{scope}\n{Sha256Hex(canonical)}";
        var key = Hmac(Encoding.UTF8.GetBytes("JDCLOUD2" + secretKey), day);
        foreach (var part in new[] { region, service, "jdcloud2_request" }) key = Hmac(key, part);
        var signature = Convert.ToHexStringLower(Hmac(key, toSign));
        return $"{Algorithm} Credential={accessKey}/{scope}, SignedHeaders={names}, Signature={signature}";
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Sha256Hex(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)));
}
