using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.OutsideCalls;
using Microsoft.Extensions.Configuration;

namespace Kboss.Infrastructure.Baidu;

/// <summary>Baidu reseller API settings (<c>Baidu:*</c>); the secret key is never logged.</summary>
public sealed class BaiduSettings
{
    /// <summary>Endpoint, e.g. <c>https://vs.baidubce.com</c> (<c>Baidu:Endpoint</c>).</summary>
    public string? Endpoint { get; init; }
    /// <summary>AK (<c>Baidu:AccessKey</c>).</summary>
    public string? AccessKey { get; init; }
    /// <summary>SK (<c>Baidu:SecretKey</c>).</summary>
    public string? SecretKey { get; init; }
    /// <summary>Time-out of one call (<c>Baidu:TimeoutSeconds</c>, default 15, 1–120).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>True when endpoint and keys are set.</summary>
    public bool IsComplete => Uri.TryCreate(Endpoint, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"
        && !string.IsNullOrWhiteSpace(AccessKey) && !string.IsNullOrWhiteSpace(SecretKey);

    /// <summary>Reads the settings from <paramref name="c"/>.</summary>
    public static BaiduSettings From(IConfiguration c) => new()
    {
        Endpoint = c["Baidu:Endpoint"], AccessKey = c["Baidu:AccessKey"], SecretKey = c["Baidu:SecretKey"],
        Timeout = TimeSpan.FromSeconds(Math.Clamp(c.GetValue("Baidu:TimeoutSeconds", 15d), 1, 120)),
    };
}

/// <summary>
/// <see cref="IBaiduCloudGateway"/> over HTTP: a JSON body, <c>Host</c>, <c>Content-Type</c> and <c>x-bce-date</c>
/// signed with <see cref="BceSigner"/>. A 2xx JSON answer with an account id is success; an error answer
/// (<c>{requestId, code, message}</c>) a known refusal; no connection a known failure; a time-out, a broken connection
/// or an unreadable answer an unknown outcome. Never retried.
/// </summary>
public sealed class BaiduCloudGateway(HttpClient http, BaiduSettings settings, TimeProvider clock) : IBaiduCloudGateway
{
    private const string Name = "百度云";
    private const string AccountPath = "/v1/vs/account";

    /// <inheritdoc />
    public bool IsConfigured => settings.IsComplete;

    /// <inheritdoc />
    public async Task<BaiduAccountCreated> CreateAccountAsync(BaiduAccountRequest request, CancellationToken ct)
    {
        var endpoint = new Uri(settings.Endpoint!);
        var body = JsonSerializer.Serialize(new JsonObject
        {
            ["name"] = request.Name, ["email"] = request.Email, ["mobilePhone"] = request.MobilePhone,
            ["accountType"] = request.AccountType,
        });
        var now = clock.GetUtcNow();
        var date = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        const string contentType = "application/json; charset=utf-8";
        var host = endpoint.IsDefaultPort ? endpoint.Host : $"{endpoint.Host}:{endpoint.Port}";
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, AccountPath))
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        message.Headers.Host = host;
        message.Headers.TryAddWithoutValidation("x-bce-date", date);
        message.Headers.TryAddWithoutValidation("Authorization", BceSigner.Authorization("POST", AccountPath, [],
            [new("host", host), new("content-type", contentType), new("x-bce-date", date)],
            settings.AccessKey!, settings.SecretKey!, now));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.Timeout);
        int status;
        string text;
        try
        {
            using var response = await http.SendAsync(message, timeout.Token);
            status = (int)response.StatusCode;
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
        var answer = Parse(text);
        if (status is >= 200 and < 300)
        {
            var id = Text(answer, "accountId") ?? Text(answer, "userId") ?? Text(answer, "id")
                     ?? throw Unknown("应答无法解析", null);
            return new BaiduAccountCreated(id);
        }
        if (answer is null) throw Unknown($"应答无法解析(HTTP {status})", null);
        throw new OutsideCallException(
            $"{Name}拒绝创建账户({Text(answer, "code") ?? status.ToString(CultureInfo.InvariantCulture)}: " +
            $"{Text(answer, "message") ?? ""})", ErrorCodes.UpstreamFailed, outcomeUnknown: false);
    }

    private static JsonObject? Parse(string text)
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

    private static string? Text(JsonObject? o, string name) => o?[name] is JsonValue v
        ? v.TryGetValue<string>(out var s) ? s.Length is > 0 and <= 100 ? s : null : v.ToJsonString()
        : null;

    private static OutsideCallException Unknown(string why, Exception? inner) =>
        new($"{Name}{why},结果未知", ErrorCodes.UpstreamFailed, outcomeUnknown: true, inner);
}
