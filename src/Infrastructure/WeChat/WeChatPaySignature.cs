using System.Security.Cryptography;
using System.Text;

namespace Kboss.Infrastructure.WeChat;

/// <summary>
/// The cryptography of WeChat Pay API v3 (pay.weixin.qq.com, 签名生成 / 签名验证 / 回调报文解密), with
/// System.Security.Cryptography only:
/// <list type="bullet">
/// <item>a request is signed with the merchant's RSA key, SHA-256, PKCS#1 v1.5, over
/// <c>"METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n"</c>, and sent as
/// <c>Authorization: WECHATPAY2-SHA256-RSA2048
/// mchid="…",nonce_str="…",signature="…",timestamp="…",serial_no="…"</c>;</item>
/// <item>answers and notifications carry <c>Wechatpay-Signature</c> over <c>"TIMESTAMP\nNONCE\nBODY\n"</c> with WeChat
/// Pay's key;</item>
/// <item>a JSAPI page's <c>paySign</c> signs <c>"APPID\nTIMESTAMP\nNONCE\nprepay_id=…\n"</c> with the merchant
/// key;</item>
/// <item>a notification's resource is AEAD_AES_256_GCM: key = the 32-byte APIv3 key, nonce = the 12-character
/// <c>resource.nonce</c>, associated data = <c>resource.associated_data</c>, <c>ciphertext</c> = base64 of the
/// encrypted bytes followed by the 16-byte tag.</item>
/// </list>
/// </summary>
public static class WeChatPaySignature
{
    /// <summary>The Authorization scheme.</summary>
    public const string Scheme = "WECHATPAY2-SHA256-RSA2048";
    /// <summary>Length of the GCM tag at the end of a ciphertext.</summary>
    public const int TagBytes = 16;

    /// <summary>The signed text of a request; <paramref name="pathAndQuery"/> without scheme and host.</summary>
    public static string RequestMessage(string method, string pathAndQuery, long timestamp, string nonce,
        string body) =>
        $"{method}\n{pathAndQuery}\n{timestamp}\n{nonce}\n{body}\n";

    /// <summary>The signed text of an answer or a notification.</summary>
    public static string AnswerMessage(string timestamp, string nonce, string body) =>
        $"{timestamp}\n{nonce}\n{body}\n";

    /// <summary>The signed text of a JSAPI payment's <c>paySign</c>.</summary>
    public static string JsapiMessage(string appId, string timestamp, string nonce, string package) =>
        $"{appId}\n{timestamp}\n{nonce}\n{package}\n";

    /// <summary>Base64 SHA256-with-RSA (PKCS#1 v1.5) signature of <paramref name="message"/> (UTF-8).</summary>
    public static string Sign(RSA key, string message) => Convert.ToBase64String(
        key.SignData(Encoding.UTF8.GetBytes(message), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    /// <summary>True when <paramref name="signature"/> (base64) signs <paramref name="message"/>; false for anything
    /// malformed.</summary>
    public static bool Verify(RSA key, string message, string signature)
    {
        var bytes = new byte[(signature.Length + 3) / 4 * 3];
        return Convert.TryFromBase64String(signature, bytes, out var length)
               && key.VerifyData(Encoding.UTF8.GetBytes(message), bytes.AsSpan(0, length), HashAlgorithmName.SHA256,
                   RSASignaturePadding.Pkcs1);
    }

    /// <summary>The Authorization header value of a request.</summary>
    public static string Authorization(string mchId, string serialNo, long timestamp, string nonce, string signature) =>
        $"{Scheme} mchid=\"{mchId}\",nonce_str=\"{nonce}\",signature=\"{signature}\",timestamp=\"{timestamp}\"," +
        $"serial_no=\"{serialNo}\"";

    /// <summary>Signs a request and returns its Authorization header value.</summary>
    public static string AuthorizeRequest(RSA merchantKey, string mchId, string serialNo, string method,
        string pathAndQuery, string body, long timestamp, string nonce) =>
        Authorization(mchId, serialNo, timestamp, nonce,
            Sign(merchantKey, RequestMessage(method, pathAndQuery, timestamp, nonce, body)));

    /// <summary>Decrypts a notification resource.</summary>
    /// <exception cref="CryptographicException">Wrong key, nonce, associated data, or tampered ciphertext.</exception>
    public static string Decrypt(byte[] apiV3Key, string associatedData, string nonce, string ciphertext)
    {
        var data = Convert.FromBase64String(ciphertext);
        if (data.Length < TagBytes) throw new CryptographicException("ciphertext shorter than its tag");
        var plain = new byte[data.Length - TagBytes];
        using var aes = new AesGcm(apiV3Key, TagBytes);
        aes.Decrypt(Encoding.UTF8.GetBytes(nonce), data.AsSpan(0, plain.Length), data.AsSpan(plain.Length), plain,
            Encoding.UTF8.GetBytes(associatedData));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>A fresh nonce: 32 upper-case hex characters from the cryptographic RNG.</summary>
    public static string NewNonce() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
