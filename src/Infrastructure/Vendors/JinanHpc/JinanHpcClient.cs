using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kboss.Application.Vendors;
using Kboss.Application.Vendors.JinanHpc;

namespace Kboss.Infrastructure.Vendors.JinanHpc;

/// <summary>
/// <see cref="IJinanHpcClient"/> over HTTP (ADR 0046): <c>POST /api/v1/sso/sign</c>, <c>GET /api/v1/products</c>,
/// <c>POST /api/v1/purchases</c> and <c>GET /api/v1/purchases/{id}</c> under the key's endpoint (else
/// <see cref="JinanHpcSettings.ApiHost"/>), signed by <see cref="JinanHpcSignature"/>. Answers are
/// <c>{code, msg, data, request_id}</c>, <c>code</c> 0 on success; codes 1001 (sign/key) → auth, 1002 → validation,
/// 1004 → not found, 1009 → conflict, 1010 → quota.
/// </summary>
public sealed class JinanHpcClient(HttpClient http, JinanHpcSettings settings, TimeProvider clock,
    INonceGenerator nonces) : IJinanHpcClient
{
    public async Task<VendorResult<HpcSign>> GetSignAsync(VendorKey key, string userId, string userName,
        string ldapUid, CancellationToken ct)
    {
        var body = new JsonObject { ["userid"] = userId, ["username"] = userName, ["ldapuid"] = ldapUid };
        return Map(await SendAsync(key, HttpMethod.Post, "/api/v1/sso/sign", body, readOnly: false, ct),
            d => VendorJson.Str(d, "sign") is { Length: > 0 } sign
                ? new HpcSign(sign, VendorJson.Str(d, "url")) : null);
    }

    public async Task<VendorResult<IReadOnlyList<HpcProduct>>> ListProductsAsync(VendorKey key, CancellationToken ct) =>
        Map(await SendAsync(key, HttpMethod.Get, "/api/v1/products", null, readOnly: true, ct), Products);

    public async Task<VendorResult<HpcPurchaseAck>> SyncPurchaseAsync(VendorKey key, HpcPurchase p,
        CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["order_no"] = p.SyncInfoId, ["customer_id"] = p.CustomerId, ["product_id"] = p.ProductId,
            ["quantity"] = p.Quantity, ["ldapuid"] = p.LdapUid, ["clustercode"] = p.ClusterCode,
            ["queuecode"] = p.QueueCode,
        };
        return Map(await SendAsync(key, HttpMethod.Post, "/api/v1/purchases", body, readOnly: false, ct), Ack);
    }

    public async Task<VendorResult<HpcPurchaseAck>> FindPurchaseAsync(VendorKey key, string syncInfoId,
        CancellationToken ct) =>
        Map(await SendAsync(key, HttpMethod.Get, "/api/v1/purchases/" + Uri.EscapeDataString(syncInfoId), null,
            readOnly: true, ct), Ack);

    /// <summary>The signed request (public for golden tests).</summary>
    public HttpRequestMessage Build(VendorKey key, HttpMethod method, string path, JsonObject? body)
    {
        var text = body?.ToJsonString() ?? "";
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = nonces.Next();
        var signed = JinanHpcSignature.StringToSign(method.Method, Uri.UnescapeDataString(path), [], timestamp,
            nonce, text);
        var request = new HttpRequestMessage(method, (key.Endpoint?.TrimEnd('/') ?? settings.ApiHost) + path);
        request.Headers.Add(JinanHpcSignature.AppKeyHeader, key.AccessKeyId);
        request.Headers.Add(JinanHpcSignature.TimestampHeader, timestamp);
        request.Headers.Add(JinanHpcSignature.NonceHeader, nonce);
        request.Headers.Add(JinanHpcSignature.SignHeader, JinanHpcSignature.Sign(key.Secret, signed));
        if (body is not null) request.Content = new StringContent(text, Encoding.UTF8, "application/json");
        return request;
    }

    private async Task<VendorResult<JsonNode?>> SendAsync(VendorKey key, HttpMethod method, string path,
        JsonObject? body, bool readOnly, CancellationToken ct)
    {
        var sent = await VendorTransport.SendAsync(http, () => Build(key, method, path, body), readOnly,
            settings.Limits, ct);
        return sent.Success ? Parse(sent.Data!) : sent.As<JsonNode?>();
    }

    private static VendorResult<T> Map<T>(VendorResult<JsonNode?> answer, Func<JsonNode?, T?> read) where T : class
    {
        if (!answer.Success) return answer.As<T>();
        return read(answer.Data) is { } value
            ? VendorResult<T>.Ok(value, answer.VendorCode, answer.Message, answer.RequestId, answer.HttpStatus ?? 200)
            : VendorResult<T>.Fail(VendorErrorKind.Malformed, null, "应答缺少数据", answer.HttpStatus,
                answer.RequestId);
    }

    private static IReadOnlyList<HpcProduct>? Products(JsonNode? data)
    {
        if (data is not JsonArray items) return null;
        var list = new List<HpcProduct>();
        foreach (var item in items)
        {
            var id = VendorJson.Str(item, "product_id", "productid");
            var price = VendorJson.Str(item, "price");
            if (id is null || !decimal.TryParse(price, NumberStyles.Number, CultureInfo.InvariantCulture, out var p))
                return null;
            list.Add(new HpcProduct(id, VendorJson.Str(item, "product_name", "productname") ?? id,
                VendorJson.Str(item, "spec"), p, VendorJson.Str(item, "unit")));
        }
        return list;
    }

    private static HpcPurchaseAck? Ack(JsonNode? data) =>
        data is JsonObject ? new HpcPurchaseAck(VendorJson.Str(data, "ref", "purchase_id")) : null;

    /// <summary>Reads an answer (public for tests).</summary>
    public static VendorResult<JsonNode?> Parse(VendorHttpAnswer answer)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(answer.Body);
        }
        catch (JsonException)
        {
            root = null;
        }
        if (root is not JsonObject)
            return VendorResult<JsonNode?>.Fail(answer.Status >= 500 ? VendorErrorKind.Unavailable
                : VendorErrorKind.Malformed, null, null, answer.Status);
        var code = VendorJson.Str(root, "code");
        var message = VendorJson.Str(root, "msg", "message") is { Length: > 200 } m ? m[..200]
            : VendorJson.Str(root, "msg", "message");
        var requestId = VendorJson.Str(root, "request_id", "requestId");
        if (code == "0" && answer.Status < 300)
            return VendorResult<JsonNode?>.Ok(VendorJson.Get(root, "data")?.DeepClone(), code, message, requestId,
                answer.Status);
        if (code is null && answer.Status < 500)
            return VendorResult<JsonNode?>.Fail(VendorErrorKind.Malformed, null, message, answer.Status, requestId);
        var kind = answer.Status >= 500 ? VendorErrorKind.Unavailable : code switch
        {
            "1001" => VendorErrorKind.Auth,
            "1002" => VendorErrorKind.Validation,
            "1004" => VendorErrorKind.NotFound,
            "1009" => VendorErrorKind.Conflict,
            "1010" => VendorErrorKind.QuotaOrBalance,
            "1029" => VendorErrorKind.RateLimited,
            _ => VendorErrorKind.Unknown,
        };
        return VendorResult<JsonNode?>.Fail(kind, code, message, answer.Status, requestId);
    }
}
