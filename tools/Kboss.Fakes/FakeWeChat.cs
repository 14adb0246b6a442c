using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kboss.Fakes;

/// <summary>
/// A local stand-in for WeChat (api.weixin.qq.com login and api.mch.weixin.qq.com Pay v3) that behaves like the real
/// one where kboss depends on it: it refuses requests whose <c>WECHATPAY2-SHA256-RSA2048</c> signature does not verify
/// with the merchant's public key (401 SIGN_ERROR), signs every answer with its own platform key
/// (<c>Wechatpay-Signature</c> over <c>"TS\nNONCE\nBODY\n"</c>), keeps orders (NOTPAY → SUCCESS / CLOSED), and builds
/// payment notifications encrypted with the APIv3 key (AEAD_AES_256_GCM) and signed like WeChat's. Keys are generated
/// per instance; <see cref="Settings"/> is the configuration pointing kboss at it.
/// </summary>
public class FakeWeChat(int port = 0) : FakeServer(port)
{
    public const string MchId = "1900009191";
    public const string AppId = "wxd930ea5d5a258f4f";
    public const string AppSecret = "fake-web-app-secret";
    public const string MiniAppId = "wx0mini00000000001";
    public const string MiniAppSecret = "fake-mini-app-secret";
    public const string ApiV3Key = "0123456789abcdef0123456789ABCDEF";
    public const string MerchantSerial = "1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C";
    public const string PlatformSerial = "PUB_KEY_ID_0119000091912026120700000000000001";

    public sealed record Call(string Method, string PathAndQuery, string Body, string? Authorization, bool SignatureOk);
    public sealed class Order
    {
        public required string OutTradeNo { get; init; }
        public required string TradeType { get; init; }
        public required int Total { get; init; }
        public required string NotifyUrl { get; init; }
        public string? PayerOpenId { get; init; }
        public string TradeState { get; set; } = "NOTPAY";
        public string? TransactionId { get; set; }
        public string? SuccessTime { get; set; }
    }

    public RSA MerchantKey { get; } = RSA.Create(2048);
    public RSA PlatformKey { get; } = RSA.Create(2048);
    public ConcurrentQueue<Call> Calls { get; } = new();
    public ConcurrentDictionary<string, Order> Orders { get; } = new();
    /// <summary>Login codes: code → (openid, unionid); each works once.</summary>
    public ConcurrentDictionary<string, (string OpenId, string? UnionId)> Codes { get; } = new();
    /// <summary>When set, order creation answers this status and error code.</summary>
    public (int Status, string Code)? FailCreate { get; set; }
    /// <summary>When set, successful answers carry no signature (a forged answer).</summary>
    public bool UnsignedAnswers { get; set; }
    /// <summary>When set, order creation waits for it (a slow WeChat).</summary>
    public TaskCompletionSource? HoldCreate { get; set; }
    private int _transactions;

    public Uri BaseUrl => new(Root);

    /// <summary>Configuration for kboss: login and pay against this fake.</summary>
    public Dictionary<string, string> Settings(
        string notifyUrl = "https://kboss.example/customer/weixpay_notify.dspy") => new()
    {
        ["WeChat:AppId"] = AppId, ["WeChat:AppSecret"] = AppSecret, ["WeChat:MiniAppId"] = MiniAppId,
        ["WeChat:MiniAppSecret"] = MiniAppSecret, ["WeChat:ApiBaseUrl"] = BaseUrl.ToString(),
        ["WeChatPay:MchId"] = MchId, ["WeChatPay:MerchantSerialNo"] = MerchantSerial,
        ["WeChatPay:PrivateKey"] = MerchantKey.ExportPkcs8PrivateKeyPem(), ["WeChatPay:ApiV3Key"] = ApiV3Key,
        ["WeChatPay:PlatformSerial"] = PlatformSerial,
        ["WeChatPay:PlatformPublicKey"] = PlatformKey.ExportSubjectPublicKeyInfoPem(),
        ["WeChatPay:NotifyUrl"] = notifyUrl, ["WeChatPay:BaseUrl"] = BaseUrl.ToString(),
    };

    protected internal override void Map(WebApplication app)
    {
        app.MapGet("/sns/oauth2/access_token", (string appid, string secret, string code) =>
            Login(appid == AppId && secret == AppSecret, code, web: true));
        app.MapGet("/sns/jscode2session", (string appid, string secret, string js_code) =>
            Login(appid == MiniAppId && secret == MiniAppSecret, js_code, web: false));
        app.Map("/v3/{**rest}", PayAsync);
    }

    private IResult Login(bool appOk, string code, bool web)
    {
        if (!appOk) return Results.Json(new { errcode = 40125, errmsg = "invalid appsecret" });
        if (!Codes.TryRemove(code, out var who)) return Results.Json(new { errcode = 40029, errmsg = "invalid code" });
        return web
            ? Results.Json(new { access_token = "AT", expires_in = 7200, refresh_token = "RT", openid = who.OpenId,
                scope = "snsapi_login",
                unionid = who.UnionId })
            : Results.Json(new { openid = who.OpenId, session_key = "SK", unionid = who.UnionId });
    }

    private async Task PayAsync(HttpContext ctx)
    {
        var body = await new StreamReader(ctx.Request.Body).ReadToEndAsync();
        var pathAndQuery = ctx.Request.Path + ctx.Request.QueryString;
        var authorization = ctx.Request.Headers.Authorization.ToString();
        var ok = VerifyRequest(ctx.Request.Method, pathAndQuery, body, authorization);
        Calls.Enqueue(new Call(ctx.Request.Method, pathAndQuery, body, authorization, ok));
        if (!ok)
        {
            await Answer(ctx, 401, Error("SIGN_ERROR", "签名错误"));
            return;
        }
        var path = ctx.Request.Path.Value!;
        var match = Regex.Match(path, "^/v3/pay/transactions/out-trade-no/([^/]+)(/close)?$");
        if (ctx.Request.Method == "POST" && path is "/v3/pay/transactions/native" or "/v3/pay/transactions/jsapi")
            await CreateAsync(ctx, body, path.EndsWith("jsapi", StringComparison.Ordinal) ? "JSAPI" : "NATIVE");
        else if (match.Success && ctx.Request.Method == "GET" && ctx.Request.Query["mchid"] == MchId)
        {
            var no = Uri.UnescapeDataString(match.Groups[1].Value);
            if (!Orders.TryGetValue(no, out var order)) await Answer(ctx, 404, Error("ORDER_NOT_EXIST", "订单不存在"));
            else await Answer(ctx, 200, Transaction(order).ToJsonString());
        }
        else if (match.Success && match.Groups[2].Success && ctx.Request.Method == "POST")
        {
            var no = Uri.UnescapeDataString(match.Groups[1].Value);
            if (!Orders.TryGetValue(no, out var order)) await Answer(ctx, 404, Error("ORDER_NOT_EXIST", "订单不存在"));
            else if (order.TradeState == "SUCCESS") await Answer(ctx, 400, Error("ORDERPAID", "订单已支付"));
            else
            {
                order.TradeState = "CLOSED";
                await Answer(ctx, 204, "");
            }
        }
        else await Answer(ctx, 404, Error("NOT_FOUND", "资源不存在"));
    }

    private async Task CreateAsync(HttpContext ctx, string body, string tradeType)
    {
        if (HoldCreate is { } hold) await hold.Task.WaitAsync(ctx.RequestAborted);
        if (FailCreate is { } fail)
        {
            await Answer(ctx, fail.Status, Error(fail.Code, "模拟的微信支付错误"));
            return;
        }
        var o = JsonNode.Parse(body)!.AsObject();
        if ((string?)o["mchid"] != MchId || (string?)o["appid"] != AppId || o["amount"]?["total"] is null
            || (tradeType == "JSAPI" && o["payer"]?["openid"] is null))
        {
            await Answer(ctx, 400, Error("PARAM_ERROR", "参数错误"));
            return;
        }
        var no = (string)o["out_trade_no"]!;
        var order = Orders.GetOrAdd(no, _ => new Order
        {
            OutTradeNo = no, TradeType = tradeType, Total = (int)o["amount"]!["total"]!,
            NotifyUrl = (string)o["notify_url"]!,
            PayerOpenId = (string?)o["payer"]?["openid"],
        });
        await Answer(ctx, 200, tradeType == "JSAPI"
            ? new JsonObject { ["prepay_id"] = "wx" + order.OutTradeNo }.ToJsonString()
            : new JsonObject { ["code_url"] = "weixin://wxpay/bizpayurl?pr=FAKE" + order.OutTradeNo }.ToJsonString());
    }

    /// <summary>The payer paid: the order becomes SUCCESS with a transaction id.</summary>
    public Order MarkPaid(string outTradeNo)
    {
        var order = Orders[outTradeNo];
        order.TradeState = "SUCCESS";
        order.TransactionId ??= "42000000002026120" + Interlocked.Increment(ref _transactions).ToString("D11",
            CultureInfo.InvariantCulture);
        order.SuccessTime = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz",
            CultureInfo.InvariantCulture);
        return order;
    }

    /// <summary>WeChat's payment notification for a paid order: headers and body, encrypted and signed.</summary>
    public (Dictionary<string, string> Headers, string Body) Notification(string outTradeNo, int? total = null,
        DateTimeOffset? at = null, string? serial = null)
    {
        var transaction = Transaction(Orders[outTradeNo]);
        if (total is { } t) transaction["amount"]!["total"] = t;
        var nonce = RandomString(12);
        var body = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(), ["create_time"] = "2026-12-07T12:00:00+08:00",
            ["resource_type"] = "encrypt-resource", ["event_type"] = "TRANSACTION.SUCCESS", ["summary"] = "支付成功",
            ["resource"] = new JsonObject
            {
                ["original_type"] = "transaction", ["algorithm"] = "AEAD_AES_256_GCM",
                ["ciphertext"] = Encrypt(ApiV3Key, "transaction", nonce, transaction.ToJsonString()),
                ["associated_data"] = "transaction", ["nonce"] = nonce,
            },
        }.ToJsonString();
        return (SignedHeaders(body, at ?? DateTimeOffset.UtcNow, serial), body);
    }

    /// <summary>
    /// What WeChat does when the payer pays: the order becomes SUCCESS and its signed, encrypted notification is POSTed
    /// to the order's <c>notify_url</c>. Returns the merchant's HTTP status and body.
    /// </summary>
    public async Task<(int Status, string Body)> PayAndNotifyAsync(HttpClient http, string outTradeNo)
    {
        if (!Orders.TryGetValue(outTradeNo, out var order)) return (404, "unknown order");
        MarkPaid(outTradeNo);
        var (headers, body) = Notification(outTradeNo);
        using var request = new HttpRequestMessage(HttpMethod.Post, order.NotifyUrl)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        using var answer = await http.SendAsync(request);
        return ((int)answer.StatusCode, await answer.Content.ReadAsStringAsync());
    }

    /// <summary>AEAD_AES_256_GCM as WeChat encrypts a resource: base64(ciphertext ‖ 16-byte tag).</summary>
    public static string Encrypt(string key, string associatedData, string nonce, string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[plain.Length + 16];
        using var aes = new AesGcm(Encoding.UTF8.GetBytes(key), 16);
        aes.Encrypt(Encoding.UTF8.GetBytes(nonce), plain, output.AsSpan(0, plain.Length), output.AsSpan(plain.Length),
            Encoding.UTF8.GetBytes(associatedData));
        return Convert.ToBase64String(output);
    }

    /// <summary>The four Wechatpay-* headers of a signed answer or notification.</summary>
    public Dictionary<string, string> SignedHeaders(string body, DateTimeOffset at, string? serial = null)
    {
        var stamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = RandomString(32);
        var signed = Encoding.UTF8.GetBytes($"{stamp}\n{nonce}\n{body}\n");
        var signature = Convert.ToBase64String(PlatformKey.SignData(signed,
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        return new Dictionary<string, string>
        {
            ["Wechatpay-Serial"] = serial ?? PlatformSerial, ["Wechatpay-Timestamp"] = stamp,
            ["Wechatpay-Nonce"] = nonce,
            ["Wechatpay-Signature"] = signature, ["Wechatpay-Signature-Type"] = "WECHATPAY2-SHA256-RSA2048",
        };
    }

    private bool VerifyRequest(string method, string pathAndQuery, string body, string authorization)
    {
        const string scheme = "WECHATPAY2-SHA256-RSA2048 ";
        if (!authorization.StartsWith(scheme, StringComparison.Ordinal)) return false;
        var fields = Regex.Matches(authorization[scheme.Length..], "(\\w+)=\"([^\"]*)\"")
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        if (fields.GetValueOrDefault("mchid") != MchId || fields.GetValueOrDefault("serial_no") != MerchantSerial
            || !long.TryParse(fields.GetValueOrDefault("timestamp"), out var stamp)
            || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - stamp) > 300
            || fields.GetValueOrDefault("nonce_str") is not { Length: > 0 } nonce
            || fields.GetValueOrDefault("signature") is not { } signature) return false;
        var message = $"{method}\n{pathAndQuery}\n{stamp}\n{nonce}\n{body}\n";
        try
        {
            return MerchantKey.VerifyData(Encoding.UTF8.GetBytes(message), Convert.FromBase64String(signature),
                HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private async Task Answer(HttpContext ctx, int status, string body)
    {
        ctx.Response.StatusCode = status;
        if (!UnsignedAnswers || status >= 300)
        {
            foreach (var (name, value) in SignedHeaders(body, DateTimeOffset.UtcNow))
                ctx.Response.Headers[name] = value;
        }
        if (body.Length == 0) return;
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(body);
    }

    private static JsonObject Transaction(Order o)
    {
        var t = new JsonObject
        {
            ["appid"] = AppId, ["mchid"] = MchId, ["out_trade_no"] = o.OutTradeNo, ["trade_type"] = o.TradeType,
            ["trade_state"] = o.TradeState, ["trade_state_desc"] = o.TradeState == "SUCCESS" ? "支付成功" : "未支付",
            ["amount"] = new JsonObject { ["total"] = o.Total, ["currency"] = "CNY" },
        };
        if (o.TransactionId is not null)
        {
            t["transaction_id"] = o.TransactionId;
            t["success_time"] = o.SuccessTime;
            t["payer"] = new JsonObject { ["openid"] = o.PayerOpenId ?? "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" };
        }
        return t;
    }

    private static string Error(string code, string message) =>
        new JsonObject { ["code"] = code, ["message"] = message }.ToJsonString();

    private static string RandomString(int length) =>
        new(RandomNumberGenerator.GetItems("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".AsSpan(), length));
}
