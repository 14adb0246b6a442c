using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.OutsideCalls;

namespace Kboss.Infrastructure.Approval;

/// <summary>
/// <see cref="IDingTalkApprovalClient"/> over DingTalk's OpenAPI (analysis/platform.md §5.1), a typed
/// <see cref="HttpClient"/> with the <c>Approval:CallTimeoutSeconds</c> time-out and no retries:
/// <list type="bullet">
/// <item>access token: <c>POST {api}/v1.0/oauth2/accessToken</c> <c>{appKey, appSecret}</c> →
/// <c>{accessToken, expireIn}</c>, cached per org and app key until five minutes before it expires;</item>
/// <item>user by mobile: <c>POST {oapi}/topapi/v2/user/getbymobile?access_token=</c> <c>{mobile}</c> →
/// <c>{errcode, result: {userid}}</c> (errcode 60121: no such user);</item>
/// <item>forms: <c>GET {api}/v1.0/workflow/processes/managements/templates?userId=</c> →
/// <c>{result: [{processCode, name}]}</c>;</item>
/// <item>create: <c>POST {api}/v1.0/workflow/processInstances</c> <c>{originatorUserId, processCode, deptId?,
/// approvers: [{actionType, userIds}], formComponentValues: [{name, value}]}</c> → <c>{instanceId}</c>;</item>
/// <item>query: <c>GET {api}/v1.0/workflow/processInstances?processInstanceId=</c> →
/// <c>{result: {status, result}}</c>.</item>
/// </list>
/// The new API takes the token in header <c>x-acs-dingtalk-access-token</c> and answers errors as HTTP 4xx/5xx
/// <c>{code, message}</c>; the old one answers HTTP 200 <c>{errcode, errmsg}</c>. An error answer is a known failure;
/// a time-out, a lost connection or an unreadable answer leaves the outcome unknown.
/// </summary>
public sealed class DingTalkApprovalClient(HttpClient http, ApprovalSettings settings, TimeProvider clock)
    : IDingTalkApprovalClient
{
    private static readonly ConcurrentDictionary<string, (string AppKey, string Token, DateTimeOffset Until)> Tokens =
        new();
    private const string TokenHeader = "x-acs-dingtalk-access-token";

    /// <inheritdoc />
    public async Task<string?> GetUserIdByMobileAsync(DingTalkApp app, string mobile, CancellationToken ct)
    {
        var token = await TokenAsync(app, ct);
        var url = new Uri(settings.OapiBaseUrl,
            "/topapi/v2/user/getbymobile?access_token=" + Uri.EscapeDataString(token));
        var body = await SendAsync(new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(new { mobile }),
        }, ct, app);
        var code = Long(body["errcode"]) ?? 0;
        if (code == 60121) return null;
        if (code is 40014 or 42001 or 88) Forget(app.OrgId); // token refused: the next call fetches a new one
        if (code != 0) throw Refused(body["errmsg"]?.ToString() ?? $"errcode {code}");
        return Str((body["result"] as JsonObject)?["userid"]);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DingTalkForm>> ListFormsAsync(DingTalkApp app, string userId, CancellationToken ct)
    {
        var request = await NewApiAsync(app, HttpMethod.Get,
            "/v1.0/workflow/processes/managements/templates?userId=" + Uri.EscapeDataString(userId), null, ct);
        var body = await SendAsync(request, ct, app);
        return (body["result"] as JsonArray ?? [])
            .OfType<JsonObject>().Select(f => new DingTalkForm(Str(f["processCode"]) ?? "", Str(f["name"]) ?? ""))
            .Where(f => f.ProcessCode.Length > 0).ToList();
    }

    /// <inheritdoc />
    public async Task<string> CreateInstanceAsync(DingTalkApp app, DingTalkNewInstance instance, CancellationToken ct)
    {
        var payload = new JsonObject
        {
            ["originatorUserId"] = instance.OriginatorUserId,
            ["processCode"] = instance.ProcessCode,
            ["approvers"] = new JsonArray(instance.Approvers.Select(a => (JsonNode)new JsonObject
            {
                ["actionType"] = a.ActionType,
                ["userIds"] = new JsonArray(a.UserIds.Select(u => (JsonNode)JsonValue.Create(u)!).ToArray()),
            }).ToArray()),
            ["formComponentValues"] = new JsonArray(instance.FormValues.Select(v => (JsonNode)new JsonObject
            {
                ["name"] = v.Key, ["value"] = v.Value,
            }).ToArray()),
        };
        if (instance.DeptId is { } dept) payload["deptId"] = dept;
        var request = await NewApiAsync(app, HttpMethod.Post, "/v1.0/workflow/processInstances", payload, ct);
        var body = await SendAsync(request, ct, app);
        return Str(body["instanceId"]) is { Length: > 0 } id
            ? id
            : throw Unknown("钉钉未返回审批实例ID", null);
    }

    /// <inheritdoc />
    public async Task<DingTalkInstanceState> GetInstanceAsync(DingTalkApp app, string instanceId, CancellationToken ct)
    {
        var request = await NewApiAsync(app, HttpMethod.Get,
            "/v1.0/workflow/processInstances?processInstanceId=" + Uri.EscapeDataString(instanceId), null, ct);
        var result = (await SendAsync(request, ct, app))["result"] as JsonObject ?? throw Unknown("钉钉审批实例应答无法解析", null);
        return new DingTalkInstanceState(Str(result["status"]) ?? "", Str(result["result"]));
    }

    /// <inheritdoc />
    public void Forget(string orgId) => Tokens.TryRemove(orgId, out _);

    private async Task<string> TokenAsync(DingTalkApp app, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (Tokens.TryGetValue(app.OrgId, out var cached) && cached.AppKey == app.AppKey && cached.Until > now)
            return cached.Token;
        var body = await SendAsync(new HttpRequestMessage(HttpMethod.Post,
            new Uri(settings.ApiBaseUrl, "/v1.0/oauth2/accessToken"))
        {
            Content = JsonContent.Create(new { appKey = app.AppKey, appSecret = app.AppSecret }),
        }, ct);
        var token = Str(body["accessToken"]);
        if (string.IsNullOrEmpty(token)) throw Unknown("钉钉未返回访问令牌", null);
        var seconds = Long(body["expireIn"]) ?? 7200;
        Tokens[app.OrgId] = (app.AppKey, token, now.AddSeconds(Math.Max(0, seconds - 300)));
        return token;
    }

    private async Task<HttpRequestMessage> NewApiAsync(DingTalkApp app, HttpMethod method, string path,
        JsonNode? payload, CancellationToken ct)
    {
        var request = new HttpRequestMessage(method, new Uri(settings.ApiBaseUrl, path));
        request.Headers.Add(TokenHeader, await TokenAsync(app, ct));
        if (payload is not null) request.Content = JsonContent.Create(payload);
        return request;
    }

    /// <summary>Sends; the parsed JSON object of a 2xx answer, else the matching
    /// <see cref="OutsideCallException"/>.</summary>
    /// <remarks>A 401 of the new API drops <paramref name="app"/>'s cached token (no retry here).</remarks>
    private async Task<JsonObject> SendAsync(HttpRequestMessage request, CancellationToken ct, DingTalkApp? app = null)
    {
        using (request)
        {
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, ct);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                throw Unknown(e is TaskCanceledException ? "钉钉接口超时" : "无法连接钉钉接口", e);
            }
            using (response)
            {
                JsonObject? body;
                try
                {
                    body = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct)) as JsonObject;
                }
                catch (JsonException e)
                {
                    throw Unknown("钉钉接口应答无法解析", e);
                }
                if (response.StatusCode == HttpStatusCode.Unauthorized && app is not null) Forget(app.OrgId);
                if (!response.IsSuccessStatusCode)
                    throw Refused(body?["message"]?.ToString() ?? body?["errmsg"]?.ToString()
                        ?? $"HTTP {(int)response.StatusCode}");
                return body ?? throw Unknown("钉钉接口应答无法解析", null);
            }
        }
    }

    private static string? Str(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static long? Long(JsonNode? node) => node is JsonValue v
        ? v.TryGetValue<long>(out var n) ? n : long.TryParse(Str(node), out n) ? n : null
        : null;

    private static OutsideCallException Refused(string message) =>
        new("钉钉: " + message, ErrorCodes.UpstreamFailed, outcomeUnknown: false);

    private static OutsideCallException Unknown(string message, Exception? inner) =>
        new(message, ErrorCodes.UpstreamFailed, outcomeUnknown: true, inner);
}
