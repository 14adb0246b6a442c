using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.OutsideCalls;

namespace Kboss.Infrastructure.Sms;

/// <summary>
/// <see cref="ISmsGateway"/> through Aliyun SMS <c>SendSms</c> (API version 2017-05-25, RPC style): a POST of the
/// form-encoded parameters signed with signature version 1.0 (HMAC-SHA1 over
/// <c>POST&amp;%2F&amp;percentEncode(sorted canonical query)</c>, key <c>AccessKeySecret&amp;</c>; RFC 3986 encoding).
/// <c>Code: "OK"</c> is success; any other code is a refusal; a time-out or unreadable answer is an unknown outcome.
/// Never retried (a repeat would send a second message). The code travels only in <c>TemplateParam</c>.
/// </summary>
public sealed class AliyunSmsGateway(HttpClient http, SmsSettings settings, TimeProvider clock) : ISmsGateway
{
    /// <summary>Shown in messages.</summary>
    private const string Name = "阿里云短信";

    /// <inheritdoc />
    public bool IsConfigured => settings.Aliyun.IsComplete;

    /// <inheritdoc />
    public async Task SendVerificationCodeAsync(string mobile, string code, CancellationToken ct)
    {
        var o = settings.Aliyun;
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["AccessKeyId"] = o.AccessKeyId!, ["Action"] = "SendSms", ["Format"] = "JSON", ["RegionId"] = o.RegionId,
            ["SignatureMethod"] = "HMAC-SHA1", ["SignatureNonce"] = Guid.NewGuid().ToString(),
            ["SignatureVersion"] = "1.0", ["Version"] = "2017-05-25",
            ["Timestamp"] = clock.GetUtcNow().UtcDateTime
                .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["PhoneNumbers"] = mobile, ["SignName"] = o.SignName!, ["TemplateCode"] = o.TemplateCode!,
            ["TemplateParam"] = JsonSerializer.Serialize(new { code }),
        };
        parameters["Signature"] = Sign("POST", parameters.Where(p => p.Key != "Signature"), o.AccessKeySecret!);
        var body = string.Join("&", parameters.Select(p => Encode(p.Key) + "=" + Encode(p.Value)));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(o.BaseUrl), "/"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.Timeout);
        string text;
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            text = await response.Content.ReadAsStringAsync(timeout.Token);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw Unknown("请求超时", e);
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode:
            SocketError.ConnectionRefused or SocketError.HostNotFound })
        {
            throw new OutsideCallException($"{Name}无法连接", ErrorCodes.UpstreamFailed, outcomeUnknown: false, e);
        }
        catch (HttpRequestException e)
        {
            throw Unknown("连接中断", e);
        }
        var (answerCode, message) = Parse(text) ?? throw Unknown("应答无法解析", null);
        if (answerCode != "OK")
            throw new OutsideCallException($"{Name}拒绝发送({answerCode}: {message})", ErrorCodes.UpstreamFailed,
                outcomeUnknown: false);
    }

    /// <summary>
    /// The signature of <paramref name="parameters"/> (all but <c>Signature</c>) for <paramref name="method"/>: Base64
    /// of
    /// HMAC-SHA1 with key <c>secret + "&amp;"</c> over <c>method&amp;%2F&amp;Encode(canonical query)</c>.
    /// </summary>
    public static string Sign(string method, IEnumerable<KeyValuePair<string, string>> parameters, string secret)
    {
        var canonical = string.Join("&", parameters.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Encode(p.Key) + "=" + Encode(p.Value)));
        var toSign = method + "&" + Encode("/") + "&" + Encode(canonical);
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret + "&"),
            Encoding.UTF8.GetBytes(toSign)));
    }

    /// <summary>RFC 3986 percent-encoding of UTF-8 (unreserved <c>A-Za-z0-9-_.~</c> kept, space as
    /// <c>%20</c>).</summary>
    public static string Encode(string value) => Uri.EscapeDataString(value);

    private static (string Code, string Message)? Parse(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("Code", out var c) || c.ValueKind != JsonValueKind.String)
                return null;
            var m = doc.RootElement.TryGetProperty("Message", out var msg) && msg.ValueKind == JsonValueKind.String
                ? msg.GetString()! : "";
            return (c.GetString()!, m.Length > 100 ? m[..100] : m);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static OutsideCallException Unknown(string what, Exception? inner) =>
        new($"{Name}{what},短信可能已发出", ErrorCodes.UpstreamFailed, outcomeUnknown: true, inner);
}
