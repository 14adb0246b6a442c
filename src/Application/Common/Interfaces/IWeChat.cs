namespace Kboss.Application.Common.Interfaces;

/// <summary>A WeChat user as WeChat identifies them to one app.</summary>
/// <param name="AppId">The app the openid belongs to.</param>
/// <param name="OpenId">openid under <paramref name="AppId"/>.</param>
/// <param name="UnionId">unionid across the operator's apps, when WeChat returns one.</param>
public sealed record WeChatIdentity(string AppId, string OpenId, string? UnionId);

/// <summary>
/// WeChat login (analysis/platform.md §5.3): web QR codes through <c>sns/oauth2/access_token</c>, mini-program
/// <c>js_code</c>s through <c>sns/jscode2session</c>. Failures throw
/// <see cref="OutsideCalls.OutsideCallException"/> (a code WeChat refused: <c>invalid_argument</c>; otherwise
/// <c>upstream_failed</c>).
/// </summary>
public interface IWeChatAuthClient
{
    /// <summary>The website app's appid (E43), or null when <c>WeChat:AppId</c>/<c>AppSecret</c> are not set.</summary>
    string? WebAppId { get; }
    /// <summary>True when the mini-program's appid and secret are set.</summary>
    bool MiniProgramConfigured { get; }
    /// <summary>Exchanges a web authorisation code (single use, 5 minutes).</summary>
    Task<WeChatIdentity> ExchangeWebCodeAsync(string code, CancellationToken ct);
    /// <summary>Exchanges a mini-program <c>wx.login</c> code.</summary>
    Task<WeChatIdentity> ExchangeMiniProgramCodeAsync(string jsCode, CancellationToken ct);
}

/// <summary>An order kboss asks WeChat Pay to place.</summary>
/// <param name="OutTradeNo">Merchant order number (the recharge id).</param>
/// <param name="TotalFen">Amount in fen.</param>
/// <param name="Description">Goods description.</param>
/// <param name="ExpiresAtUtc">Sent as <c>time_expire</c>.</param>
/// <param name="TradeType"><c>NATIVE</c> or <c>JSAPI</c>.</param>
/// <param name="PayerOpenId">JSAPI payer; null for Native.</param>
public sealed record WeChatPayOrder(string OutTradeNo, int TotalFen, string Description, DateTime ExpiresAtUtc,
    string TradeType, string? PayerOpenId);

/// <summary>What a JSAPI page passes to <c>wx.requestPayment</c> / <c>WeixinJSBridge</c>, signed by the
/// merchant.</summary>
public sealed record JsapiPayment(string AppId, string TimeStamp, string NonceStr, string Package, string SignType,
    string PaySign);

/// <summary>A placed order: the QR link (Native) or the prepay id with the signed JSAPI parameters.</summary>
public sealed record PlacedOrder(string? CodeUrl, string? PrepayId, JsapiPayment? Jsapi);

/// <summary>A WeChat Pay transaction as WeChat reports it (order query, or the decrypted notification).</summary>
/// <param name="MchId">Merchant the transaction belongs to.</param>
/// <param name="OutTradeNo">Merchant order number.</param>
/// <param name="TransactionId">WeChat's transaction id (null before payment).</param>
/// <param name="TradeState"><c>SUCCESS</c>, <c>NOTPAY</c>, <c>CLOSED</c>, …</param>
/// <param name="TotalFen">Order amount in fen (<c>amount.total</c>).</param>
/// <param name="SuccessTimeUtc">When it was paid.</param>
public sealed record WeChatTransaction(string MchId, string OutTradeNo, string? TransactionId, string TradeState,
    int TotalFen, DateTime? SuccessTimeUtc);

/// <summary>A verified, decrypted WeChat Pay notification.</summary>
/// <param name="Id">Notification id.</param>
/// <param name="EventType"><c>TRANSACTION.SUCCESS</c> for payments.</param>
/// <param name="Transaction">The decrypted resource.</param>
public sealed record WeChatPayNotice(string Id, string EventType, WeChatTransaction Transaction);

/// <summary>A notification that is not from WeChat Pay or not readable (bad signature, stale time stamp, tampered
/// ciphertext). Its message is for logs, never for the sender.</summary>
public sealed class WeChatNotificationRejected(string message) : Exception(message);

/// <summary>
/// WeChat Pay API v3 (analysis/platform.md §5.3): every request signed with the merchant key
/// (<c>WECHATPAY2-SHA256-RSA2048</c>), every answer and notification verified with WeChat Pay's public key or platform
/// certificate. Call failures throw <see cref="OutsideCalls.OutsideCallException"/> (an error answer is known, a
/// time-out or unreadable or unsigned answer unknown).
/// </summary>
public interface IWeChatPayClient
{
    /// <summary>True when merchant id, keys, serials, appid and notify URL are configured.</summary>
    bool IsConfigured { get; }
    /// <summary>The merchant id (<c>WeChatPay:MchId</c>).</summary>
    string? MchId { get; }
    /// <summary>The appid orders are placed under (JSAPI payers' openids must belong to it).</summary>
    string? AppId { get; }
    /// <summary>Places a Native or JSAPI order.</summary>
    Task<PlacedOrder> CreateOrderAsync(WeChatPayOrder order, CancellationToken ct);
    /// <summary>Queries an order by <c>out_trade_no</c>; null when WeChat has no such order.</summary>
    Task<WeChatTransaction?> QueryOrderAsync(string outTradeNo, CancellationToken ct);
    /// <summary>Closes an unpaid order.</summary>
    Task CloseOrderAsync(string outTradeNo, CancellationToken ct);
    /// <summary>
    /// Verifies a notification (<c>Wechatpay-Signature</c> over <c>"TS\nNONCE\nBODY\n"</c>, known serial, time stamp
    /// within the window) and decrypts its resource (AEAD_AES_256_GCM with the APIv3 key).
    /// </summary>
    /// <exception cref="WeChatNotificationRejected">Anything fails.</exception>
    WeChatPayNotice VerifyNotification(IReadOnlyDictionary<string, string> headers, string body);
}

/// <summary>Limits of WeChat Pay recharges (configuration section <c>WeChatPay</c>).</summary>
/// <param name="MaxTotalFen">Largest recharge in fen (<c>MaxTotalFen</c>, default 5,000,000).</param>
/// <param name="OrderValidity">How long an order may be paid (<c>OrderValidityMinutes</c>, default 120).</param>
/// <param name="ReconcileAfter">Age of a pending recharge before the reconciler asks WeChat
/// (<c>ReconcileAfterMinutes</c>, default 5).</param>
public sealed record WeChatPayLimits(int MaxTotalFen, TimeSpan OrderValidity, TimeSpan ReconcileAfter)
{
    /// <summary>The defaults.</summary>
    public static WeChatPayLimits Default { get; } = new(5_000_000, TimeSpan.FromHours(2), TimeSpan.FromMinutes(5));
}

/// <summary>The browser of the current request, for flows bound to it (WeChat login state).</summary>
public interface IBrowserSession
{
    /// <summary>A random key held in an HttpOnly cookie of this browser (set on the response when absent).</summary>
    string Key();
}
