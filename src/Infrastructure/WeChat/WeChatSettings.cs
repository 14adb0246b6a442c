using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Kboss.Application.Common.Interfaces;
using Microsoft.Extensions.Configuration;

namespace Kboss.Infrastructure.WeChat;

/// <summary>
/// WeChat login settings (section <c>WeChat</c>): <c>AppId</c>/<c>AppSecret</c> of the website app (QR login),
/// <c>MiniAppId</c>/<c>MiniAppSecret</c> of the mini-program, <c>ApiBaseUrl</c> (default https://api.weixin.qq.com).
/// Platform-level, as analysis/platform.md §4.6 has it (ADR 0030). Secrets are never logged or returned.
/// </summary>
public sealed record WeChatAuthSettings(string? AppId, string? AppSecret, string? MiniAppId, string? MiniAppSecret,
    Uri ApiBaseUrl)
{
    /// <summary>Reads section <c>WeChat</c>.</summary>
    public static WeChatAuthSettings From(IConfiguration configuration)
    {
        var s = configuration.GetSection("WeChat");
        return new(Value(s, "AppId"), Value(s, "AppSecret"), Value(s, "MiniAppId"), Value(s, "MiniAppSecret"),
            new Uri(Value(s, "ApiBaseUrl") ?? "https://api.weixin.qq.com"));
    }

    internal static string? Value(IConfigurationSection s, string key) =>
        s[key] is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
}

/// <summary>
/// WeChat Pay API v3 settings (section <c>WeChatPay</c>, platform-level: one merchant, analysis/platform.md §4.7,
/// ADR 0030): <c>MchId</c>, <c>AppId</c> (default <c>WeChat:AppId</c>), <c>MerchantSerialNo</c> (the merchant API
/// certificate's serial), <c>PrivateKey</c> or <c>PrivateKeyFile</c> (PEM, PKCS#8 or PKCS#1), <c>ApiV3Key</c>
/// (32 characters), <c>PlatformSerial</c> and <c>PlatformPublicKey</c>/<c>PlatformPublicKeyFile</c> (WeChat Pay's
/// public key PEM with its <c>PUB_KEY_ID_…</c>, or a platform certificate PEM whose serial is used when
/// <c>PlatformSerial</c> is empty), <c>NotifyUrl</c> (https URL of <c>/customer/weixpay_notify.dspy</c>),
/// <c>BaseUrl</c> (default https://api.mch.weixin.qq.com), <c>TimestampWindowSeconds</c> (300), and the limits of
/// <see cref="WeChatPayLimits"/>. Without the merchant fields every pay endpoint answers <c>not_configured</c>.
/// </summary>
public sealed class WeChatPaySettings
{
    /// <summary>Merchant id.</summary>
    public string? MchId { get; init; }
    /// <summary>Appid of the orders.</summary>
    public string? AppId { get; init; }
    /// <summary>Merchant certificate serial (<c>serial_no</c>).</summary>
    public string? MerchantSerialNo { get; init; }
    /// <summary>Merchant private key (signs requests and paySign).</summary>
    public RSA? MerchantKey { get; init; }
    /// <summary>APIv3 key bytes (32).</summary>
    public byte[]? ApiV3Key { get; init; }
    /// <summary>Serial WeChat Pay's signatures must name (<c>Wechatpay-Serial</c>).</summary>
    public string? PlatformSerial { get; init; }
    /// <summary>WeChat Pay's public key.</summary>
    public RSA? PlatformKey { get; init; }
    /// <summary>Where WeChat sends notifications.</summary>
    public Uri? NotifyUrl { get; init; }
    /// <summary>API root.</summary>
    public Uri BaseUrl { get; init; } = new("https://api.mch.weixin.qq.com");
    /// <summary>Largest accepted clock difference of a signed answer or notification.</summary>
    public TimeSpan TimestampWindow { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>Recharge limits.</summary>
    public WeChatPayLimits Limits { get; init; } = WeChatPayLimits.Default;

    /// <summary>True when every merchant field is set.</summary>
    public bool IsConfigured => MchId is not null && AppId is not null && MerchantSerialNo is not null
                                && MerchantKey is not null && ApiV3Key is not null && PlatformSerial is not null
                                && PlatformKey is not null && NotifyUrl is not null;

    /// <summary>Reads section <c>WeChatPay</c>.</summary>
    /// <exception cref="InvalidOperationException">A key is set but unreadable (fail at start, not at
    /// payment).</exception>
    public static WeChatPaySettings From(IConfiguration configuration)
    {
        var s = configuration.GetSection("WeChatPay");
        string? V(string key) => WeChatAuthSettings.Value(s, key);
        string? Pem(string key) => V(key) ?? (V(key + "File") is { } path ? File.ReadAllText(path) : null);
        var apiV3 = V("ApiV3Key");
        if (apiV3 is not null && Encoding.UTF8.GetByteCount(apiV3) != 32)
            throw new InvalidOperationException("WeChatPay:ApiV3Key must be 32 characters.");
        var (platformKey, certificateSerial) = PlatformKeyOf(Pem("PlatformPublicKey"));
        var defaults = WeChatPayLimits.Default;
        var notify = V("NotifyUrl");
        return new WeChatPaySettings
        {
            MchId = V("MchId"),
            AppId = V("AppId") ?? WeChatAuthSettings.Value(configuration.GetSection("WeChat"), "AppId"),
            MerchantSerialNo = V("MerchantSerialNo"),
            MerchantKey = PrivateKeyOf(Pem("PrivateKey")),
            ApiV3Key = apiV3 is null ? null : Encoding.UTF8.GetBytes(apiV3),
            PlatformSerial = V("PlatformSerial") ?? certificateSerial,
            PlatformKey = platformKey,
            NotifyUrl = notify is null ? null
                : Uri.TryCreate(notify, UriKind.Absolute, out var u) && u.Scheme is "https" or "http" ? u
                : throw new InvalidOperationException("WeChatPay:NotifyUrl must be an absolute http(s) URL."),
            BaseUrl = new Uri(V("BaseUrl") ?? "https://api.mch.weixin.qq.com"),
            TimestampWindow = TimeSpan.FromSeconds(s.GetValue("TimestampWindowSeconds", 300)),
            Limits = new WeChatPayLimits(s.GetValue("MaxTotalFen", defaults.MaxTotalFen),
                TimeSpan.FromMinutes(s.GetValue("OrderValidityMinutes", defaults.OrderValidity.TotalMinutes)),
                TimeSpan.FromMinutes(s.GetValue("ReconcileAfterMinutes", defaults.ReconcileAfter.TotalMinutes))),
        };
    }

    private static RSA? PrivateKeyOf(string? pem)
    {
        if (pem is null) return null;
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new InvalidOperationException("WeChatPay:PrivateKey is not a readable RSA private key PEM.");
        }
        return rsa;
    }

    private static (RSA?, string?) PlatformKeyOf(string? pem)
    {
        if (pem is null) return (null, null);
        try
        {
            if (pem.Contains("BEGIN CERTIFICATE", StringComparison.Ordinal))
            {
                using var certificate = X509Certificate2.CreateFromPem(pem);
                return (certificate.GetRSAPublicKey(), certificate.SerialNumber);
            }
            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return (rsa, null);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            throw new InvalidOperationException(
                "WeChatPay:PlatformPublicKey is not a readable public key or certificate.");
        }
    }
}
