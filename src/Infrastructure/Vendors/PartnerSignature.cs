using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Kboss.Application.Vendors;

namespace Kboss.Infrastructure.Vendors;

/// <summary>
/// The HMAC-SHA256 request signature kboss uses with the partner APIs whose signing the analysis leaves open (Jiajie
/// §4.3 "auth: unknown", Casdao §4.8; ADR 0045 until the vendors hand over their contracts): headers
/// <c>X-Access-Key</c>, <c>X-Timestamp</c> (Unix seconds), <c>X-Nonce</c> and <c>X-Signature =
/// hex(HMAC-SHA256(secret, METHOD \n path \n timestamp \n nonce \n hex(SHA256(body))))</c>. Answers are
/// <c>{code, message, data}</c> with <c>code</c> <c>"0"</c> on success.
/// </summary>
public static class PartnerSignature
{
    /// <summary>The <c>X-Signature</c> value.</summary>
    public static string Sign(string method, string path, string timestamp, string nonce, string body, string secret)
    {
        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        var text = $"{method.ToUpperInvariant()}\n{path}\n{timestamp}\n{nonce}\n{bodyHash}";
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>A signed JSON request to <paramref name="baseUrl"/> + the request's path.</summary>
    public static HttpRequestMessage Build(string baseUrl, VendorKey key, VendorRequest request, DateTimeOffset now,
        string nonce)
    {
        var endpoint = new Uri(baseUrl + request.Path);
        var body = request.Body.ToJsonString();
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var message = new HttpRequestMessage(new HttpMethod(request.Method), endpoint)
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        message.Headers.TryAddWithoutValidation("X-Access-Key", key.AccessKeyId);
        message.Headers.TryAddWithoutValidation("X-Timestamp", timestamp);
        message.Headers.TryAddWithoutValidation("X-Nonce", nonce);
        message.Headers.TryAddWithoutValidation("X-Signature",
            Sign(request.Method, endpoint.AbsolutePath, timestamp, nonce, body, key.Secret));
        return message;
    }

    /// <summary>Reads <c>{code, message, data}</c>.</summary>
    public static VendorResult<JsonNode?> Parse(VendorHttpAnswer answer)
    {
        if (!VendorAnswers.TryRead(answer, out var root, out var failure)) return failure;
        var code = VendorJson.Str(root, "code");
        var requestId = VendorJson.Str(root, "requestId", "request_id");
        if (code == "0" && answer.Status is >= 200 and < 300)
            return VendorAnswers.Ok(answer, VendorJson.Get(root, "data"), requestId);
        if (code is null && answer.Status < 500)
            return VendorResult<JsonNode?>.Fail(VendorErrorKind.Malformed, null, null, answer.Status, requestId);
        return VendorAnswers.Error(answer, code, VendorJson.Str(root, "message", "msg"), requestId);
    }
}

/// <summary>A vendor speaking <see cref="PartnerSignature"/> (Jiajie: <c>Vendors:Jiajie:Host</c>; Casdao:
/// <c>Vendors:Casdao:Host</c>).</summary>
public sealed class PartnerProtocol(string vendor, VendorHost host, TimeProvider clock, INonceGenerator nonces)
    : IVendorProtocol
{
    public string Vendor => vendor;
    public VendorHost Host => host;

    public HttpRequestMessage Build(VendorKey key, VendorRequest request) =>
        PartnerSignature.Build(host.BaseFor(key), key, request, clock.GetUtcNow(), nonces.Next());

    public VendorResult<JsonNode?> Parse(VendorHttpAnswer answer) => PartnerSignature.Parse(answer);
}
