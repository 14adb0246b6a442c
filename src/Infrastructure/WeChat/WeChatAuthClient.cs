using System.Text.Json;
using System.Text.Json.Nodes;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.OutsideCalls;

namespace Kboss.Infrastructure.WeChat;

/// <summary>
/// WeChat login over HTTP (developers.weixin.qq.com): <c>GET /sns/oauth2/access_token?appid&amp;secret&amp;code&amp;
/// grant_type=authorization_code</c> for website QR codes and
/// <c>GET /sns/jscode2session?appid&amp;secret&amp;js_code&amp;
/// grant_type=authorization_code</c> for mini-program codes; both answer <c>openid</c> (and <c>unionid</c> when the app
/// is bound to an open-platform account) or <c>{errcode, errmsg}</c>. The secret travels in the query as WeChat
/// requires, so this client's requests are never logged (its HttpClient has no loggers).
/// </summary>
public sealed class WeChatAuthClient(HttpClient http, WeChatAuthSettings settings) : IWeChatAuthClient
{
    /// <summary>errcodes that mean "this code is not valid (any more)": invalid, used, expired.</summary>
    private static readonly HashSet<int> BadCode = [40029, 40163, 40125, 41008];

    public string? WebAppId => settings.AppId is not null && settings.AppSecret is not null ? settings.AppId : null;
    public bool MiniProgramConfigured => settings.MiniAppId is not null && settings.MiniAppSecret is not null;

    public Task<WeChatIdentity> ExchangeWebCodeAsync(string code, CancellationToken ct) =>
        ExchangeAsync("/sns/oauth2/access_token", settings.AppId!, settings.AppSecret!, "code", code, ct);

    public Task<WeChatIdentity> ExchangeMiniProgramCodeAsync(string jsCode, CancellationToken ct) =>
        ExchangeAsync("/sns/jscode2session", settings.MiniAppId!, settings.MiniAppSecret!, "js_code", jsCode, ct);

    private async Task<WeChatIdentity> ExchangeAsync(string path, string appId, string secret, string codeName,
        string code, CancellationToken ct)
    {
        var query = $"?appid={Uri.EscapeDataString(appId)}&secret={Uri.EscapeDataString(secret)}" +
                    $"&{codeName}={Uri.EscapeDataString(code)}&grant_type=authorization_code";
        JsonObject? answer;
        try
        {
            using var response = await http.GetAsync(new Uri(settings.ApiBaseUrl, path + query), ct);
            answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct)) as JsonObject;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException)
        {
            throw new OutsideCallException("微信服务不可用", ErrorCodes.UpstreamFailed, outcomeUnknown: true);
        }
        var errcode = answer?["errcode"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : 0;
        if (errcode != 0)
            throw new OutsideCallException($"{Text(answer, "errmsg") ?? "error"} ({errcode})",
                BadCode.Contains(errcode) ? ErrorCodes.InvalidArgument : ErrorCodes.UpstreamFailed,
                outcomeUnknown: false);
        var openId = Text(answer, "openid")
                     ?? throw new OutsideCallException("微信答复缺少 openid", ErrorCodes.UpstreamFailed,
                         outcomeUnknown: true);
        return new WeChatIdentity(appId, openId, Text(answer, "unionid"));
    }

    private static string? Text(JsonObject? o, string name) =>
        o?[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}
