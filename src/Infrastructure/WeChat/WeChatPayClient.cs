using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Domain.WeChat;

namespace Kboss.Infrastructure.WeChat;

/// <summary>
/// WeChat Pay API v3 over HTTP (pay.weixin.qq.com, Native/JSAPI 下单, 查询订单, 关闭订单, 支付通知): every request
/// signed (<see cref="WeChatPaySignature"/>), every 2xx answer's signature verified before it is believed (an unsigned
/// or badly signed success is treated as forged: outcome unknown). An error answer (<c>{"code","message"}</c>) with
/// 4xx is a known refusal; 5xx, a time-out, a lost connection or an unreadable answer leave the outcome unknown.
/// </summary>
public sealed class WeChatPayClient(HttpClient http, WeChatPaySettings settings, TimeProvider clock) : IWeChatPayClient
{
    private const string System = "微信支付";
    /// <summary>Request bodies as UTF-8 JSON without needless escapes (WeChat reads either).</summary>
    private static readonly JsonSerializerOptions Json =
        new() { Encoder = global::System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public bool IsConfigured => settings.IsConfigured;
    public string? MchId => settings.MchId;
    public string? AppId => settings.AppId;

    public async Task<PlacedOrder> CreateOrderAsync(WeChatPayOrder order, CancellationToken ct)
    {
        var jsapi = order.TradeType == RechargeTradeTypes.Jsapi;
        var body = new JsonObject
        {
            ["appid"] = settings.AppId, ["mchid"] = settings.MchId, ["description"] = order.Description,
            ["out_trade_no"] = order.OutTradeNo, ["time_expire"] = Rfc3339(order.ExpiresAtUtc),
            ["notify_url"] = settings.NotifyUrl!.ToString(),
            ["amount"] = new JsonObject { ["total"] = order.TotalFen, ["currency"] = "CNY" },
        };
        if (jsapi) body["payer"] = new JsonObject { ["openid"] = order.PayerOpenId };
        var path = jsapi ? "/v3/pay/transactions/jsapi" : "/v3/pay/transactions/native";
        var (_, answer) = await SendAsync(HttpMethod.Post, path, body.ToJsonString(Json), ct);
        if (!jsapi) return new PlacedOrder(Text(answer, "code_url") ?? throw Unreadable("code_url"), null, null);
        var prepayId = Text(answer, "prepay_id") ?? throw Unreadable("prepay_id");
        return new PlacedOrder(null, prepayId, JsapiFor(prepayId));
    }

    public async Task<WeChatTransaction?> QueryOrderAsync(string outTradeNo, CancellationToken ct)
    {
        var path = $"/v3/pay/transactions/out-trade-no/{Uri.EscapeDataString(outTradeNo)}" +
                   $"?mchid={Uri.EscapeDataString(settings.MchId!)}";
        var (status, answer) = await SendAsync(HttpMethod.Get, path, null, ct, allowNotFound: true);
        return status == HttpStatusCode.NotFound ? null : TransactionOf(answer ?? throw Unreadable("transaction"));
    }

    public Task CloseOrderAsync(string outTradeNo, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"/v3/pay/transactions/out-trade-no/{Uri.EscapeDataString(outTradeNo)}/close",
            new JsonObject { ["mchid"] = settings.MchId }.ToJsonString(Json), ct);

    public WeChatPayNotice VerifyNotification(IReadOnlyDictionary<string, string> headers, string body)
    {
        if (!settings.IsConfigured) throw new WeChatNotificationRejected("not configured");
        if (!SignedBy(headers, body, out var why)) throw new WeChatNotificationRejected(why);
        try
        {
            var root = JsonNode.Parse(body)!.AsObject();
            var resource = root["resource"]!.AsObject();
            if (Text(resource, "algorithm") != "AEAD_AES_256_GCM")
                throw new WeChatNotificationRejected("unsupported algorithm");
            var plain = WeChatPaySignature.Decrypt(settings.ApiV3Key!, Text(resource, "associated_data") ?? "",
                Text(resource, "nonce") ?? "", Text(resource, "ciphertext") ?? "");
            return new WeChatPayNotice(Text(root, "id") ?? "", Text(root, "event_type") ?? "",
                TransactionOf(JsonNode.Parse(plain)!.AsObject()));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException
                                      or FormatException or CryptographicException or ArgumentException
                                      or OutsideCallException)
        {
            throw new WeChatNotificationRejected("unreadable or undecryptable: " + e.GetType().Name);
        }
    }

    /// <summary>Checks <c>Wechatpay-Serial</c>, <c>-Timestamp</c> (within the window) and <c>-Signature</c>.</summary>
    private bool SignedBy(IReadOnlyDictionary<string, string> headers, string body, out string why)
    {
        string? H(string name) => headers.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
        var (serial, stamp, nonce, signature) = (H("Wechatpay-Serial"), H("Wechatpay-Timestamp"), H("Wechatpay-Nonce"),
            H("Wechatpay-Signature"));
        why = "";
        if (serial is null || stamp is null || nonce is null || signature is null) why = "signature headers missing";
        else if (serial != settings.PlatformSerial) why = $"unknown serial {serial}";
        else if (!long.TryParse(stamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                 || Math.Abs(clock.GetUtcNow().ToUnixTimeSeconds() - seconds) > settings.TimestampWindow.TotalSeconds)
            why = "time stamp outside the window";
        else if (!WeChatPaySignature.Verify(settings.PlatformKey!, WeChatPaySignature.AnswerMessage(stamp, nonce, body),
                     signature)) why = "signature does not verify";
        return why.Length == 0;
    }

    private JsapiPayment JsapiFor(string prepayId)
    {
        var stamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = WeChatPaySignature.NewNonce();
        var package = "prepay_id=" + prepayId;
        var sign = WeChatPaySignature.Sign(settings.MerchantKey!,
            WeChatPaySignature.JsapiMessage(settings.AppId!, stamp, nonce, package));
        return new JsapiPayment(settings.AppId!, stamp, nonce, package, "RSA", sign);
    }

    private async Task<(HttpStatusCode, JsonObject?)> SendAsync(HttpMethod method, string pathAndQuery, string? body,
        CancellationToken ct, bool allowNotFound = false)
    {
        using var request = new HttpRequestMessage(method, new Uri(settings.BaseUrl, pathAndQuery));
        var stamp = clock.GetUtcNow().ToUnixTimeSeconds();
        request.Headers.TryAddWithoutValidation("Authorization", WeChatPaySignature.AuthorizeRequest(
            settings.MerchantKey!, settings.MchId!, settings.MerchantSerialNo!, method.Method, pathAndQuery, body ?? "",
            stamp, WeChatPaySignature.NewNonce()));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("kboss", "1.0"));
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        HttpResponseMessage response;
        string text;
        try
        {
            response = await http.SendAsync(request, ct);
            text = await response.Content.ReadAsStringAsync(ct);
        }
        catch (HttpRequestException e)
        {
            throw new OutsideCallException($"{System}连接失败", ErrorCodes.UpstreamFailed, outcomeUnknown: true, e);
        }
        using (response)
        {
            var status = response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                var error = TryParse(text);
                if (allowNotFound && status == HttpStatusCode.NotFound && Text(error, "code") == "ORDER_NOT_EXIST")
                    return (status, null);
                var message = $"{Text(error, "message") ?? "HTTP " + (int)status} ({Text(error, "code") ?? "-"})";
                throw new OutsideCallException($"{System}拒绝: {message}", ErrorCodes.UpstreamFailed,
                    outcomeUnknown: (int)status >= 500 || error is null);
            }
            var headers = response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value),
                StringComparer.OrdinalIgnoreCase);
            if (!SignedBy(headers, text, out var why))
                throw new OutsideCallException($"{System}答复的签名无效 ({why})", ErrorCodes.UpstreamFailed,
                    outcomeUnknown: true);
            return (status, text.Length == 0 ? null : TryParse(text) ?? throw Unreadable("body"));
        }
    }

    private static WeChatTransaction TransactionOf(JsonObject t)
    {
        try
        {
            return new WeChatTransaction(Text(t, "mchid") ?? "",
                Text(t, "out_trade_no") ?? throw Unreadable("out_trade_no"),
                Text(t, "transaction_id"), Text(t, "trade_state") ?? throw Unreadable("trade_state"),
                t["amount"]?["total"]?.GetValue<int>() ?? throw Unreadable("amount.total"),
                Text(t, "success_time") is { } at
                    ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture).UtcDateTime : null);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw Unreadable("transaction");
        }
    }

    private static string Rfc3339(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(TimeSpan.FromHours(8))
            .ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static JsonObject? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonObject? o, string name) =>
        o?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static OutsideCallException Unreadable(string what) =>
        new($"{System}答复无法解析 ({what})", ErrorCodes.UpstreamFailed, outcomeUnknown: true);
}
