using Kboss.Application.FloatingWidget;
using Kboss.Domain.FloatingWidget;
using Microsoft.Extensions.Configuration;

namespace Kboss.Infrastructure.Sms;

/// <summary>
/// Configuration of SMS codes and the floating widget (README, "SMS codes"): <c>Sms:Aliyun:*</c> (the gateway),
/// <c>Sms:TimeoutSeconds</c>, <c>Sms:MaxPerMobilePerDay</c>, <c>Sms:MaxPerAddressPerDay</c> and
/// <c>Floating:Contact:Name|Phone|Email</c>.
/// </summary>
public sealed class SmsSettings : IFloatingWidgetSettings
{
    /// <summary>Aliyun SMS (<c>Sms:Aliyun</c>).</summary>
    public AliyunSmsOptions Aliyun { get; init; } = new();
    /// <summary>Time-out of one gateway call (default 10 s).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <inheritdoc />
    public SmsCodePolicy SmsPolicy { get; init; } = new();
    /// <inheritdoc />
    public PlatformContact Contact { get; init; } = new(null, null, null);

    /// <summary>Reads the settings from <paramref name="c"/>.</summary>
    public static SmsSettings From(IConfiguration c) => new()
    {
        Aliyun = c.GetSection("Sms:Aliyun").Get<AliyunSmsOptions>() ?? new AliyunSmsOptions(),
        Timeout = TimeSpan.FromSeconds(Math.Clamp(c.GetValue("Sms:TimeoutSeconds", 10d), 1, 60)),
        SmsPolicy = new SmsCodePolicy(Math.Max(1, c.GetValue("Sms:MaxPerMobilePerDay", 10)),
            Math.Max(1, c.GetValue("Sms:MaxPerAddressPerDay", 50))),
        Contact = new PlatformContact(c["Floating:Contact:Name"], c["Floating:Contact:Phone"],
            c["Floating:Contact:Email"]),
    };
}

/// <summary>Aliyun SMS credentials and template (<c>Sms:Aliyun:*</c>); the secret is never logged.</summary>
public sealed class AliyunSmsOptions
{
    /// <summary>Endpoint (default <c>https://dysmsapi.aliyuncs.com/</c>).</summary>
    public string BaseUrl { get; set; } = "https://dysmsapi.aliyuncs.com/";
    /// <summary>RegionId (default <c>cn-hangzhou</c>).</summary>
    public string RegionId { get; set; } = "cn-hangzhou";
    /// <summary>AccessKey id.</summary>
    public string? AccessKeyId { get; set; }
    /// <summary>AccessKey secret.</summary>
    public string? AccessKeySecret { get; set; }
    /// <summary>短信签名 (SignName).</summary>
    public string? SignName { get; set; }
    /// <summary>Template code whose template has a <c>${code}</c> variable.</summary>
    public string? TemplateCode { get; set; }

    /// <summary>True when every credential and the template are set.</summary>
    public bool IsComplete => !string.IsNullOrWhiteSpace(AccessKeyId) && !string.IsNullOrWhiteSpace(AccessKeySecret)
        && !string.IsNullOrWhiteSpace(SignName) && !string.IsNullOrWhiteSpace(TemplateCode);
}
