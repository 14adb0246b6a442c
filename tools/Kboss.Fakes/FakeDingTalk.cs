using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kboss.Fakes;

/// <summary>
/// A local stand-in for DingTalk's OpenAPI (analysis/platform.md §5.1) answering like the real one: the new API's
/// token call, instance create and query (errors as HTTP 400 <c>{code, message}</c>, token in
/// <c>x-acs-dingtalk-access-token</c>), the old API's user lookup (<c>{errcode, errmsg, result}</c>,
/// token in the query)
/// and the forms list. It checks the app key and secret, the token and DingTalk's own rules (a <c>NONE</c> level has
/// one approver, at most 20 approvers); every request is recorded. <see cref="Event"/> builds a signed, encrypted event
/// the way DingTalk's push does — written here independently of kboss's implementation.
/// </summary>
public class FakeDingTalk(int port = 0) : FakeServer(port)
{
    public const string AppKey = "dingfakeappkey0001";
    public const string AppSecret = "fake-app-secret-for-tests-only-0123456789";
    public const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    public const string EventToken = "fake-event-token";
    public const string FormCode = "PROC-B2DAA076-6A9F-4740-80AB-0D5D4410F7AC";
    public sealed record Call(string Method, string Path, string Body, string? Token);
    public sealed record Instance(string Id, JsonObject Request)
    {
        public string Status { get; set; } = "RUNNING";
        public string? Result { get; set; }
    }

    public ConcurrentQueue<Call> Calls { get; } = new();
    public ConcurrentDictionary<string, Instance> Instances { get; } = new();
    public HashSet<string> UnknownMobiles { get; } = ["13900000000"];
    public string? CreateError { get; set; }
    public bool GarbleCreate { get; set; }
    public TimeSpan CreateDelay { get; set; }
    public int TokensIssued => _tokens;
    private int _tokens;
    private int _sequence;
    public string BaseUrl => Root;
    private readonly ConcurrentDictionary<string, bool> _valid = new();
    private bool Valid(string? token) => token is not null && _valid.ContainsKey(token);

    protected internal override void Map(WebApplication app)
    {
        app.Use(async (ctx, next) =>
        {
            ctx.Request.EnableBuffering();
            var body = await new StreamReader(ctx.Request.Body).ReadToEndAsync();
            ctx.Request.Body.Position = 0;
            var token = ctx.Request.Headers["x-acs-dingtalk-access-token"].FirstOrDefault()
                        ?? ctx.Request.Query["access_token"].FirstOrDefault();
            Calls.Enqueue(new Call(ctx.Request.Method, ctx.Request.Path + ctx.Request.QueryString, body, token));
            await next();
        });
        app.MapPost("/v1.0/oauth2/accessToken", async (HttpContext ctx) =>
        {
            var body = await Body(ctx);
            if (body?["appKey"]?.ToString() != AppKey || body["appSecret"]?.ToString() != AppSecret)
                return Results.Json(new { code = "invalidClientIdOrSecret", message = "无效的clientId或clientSecret" },
                    statusCode: 400);
            var token = $"fake-token-{Interlocked.Increment(ref _tokens)}";
            _valid[token] = true;
            return Results.Json(new { accessToken = token, expireIn = 7200 });
        });
        app.MapPost("/topapi/v2/user/getbymobile", async (HttpContext ctx) =>
        {
            if (!Valid(ctx.Request.Query["access_token"]))
                return Results.Json(new { errcode = 88, errmsg = "不合法的access_token" });
            var mobile = (await Body(ctx))?["mobile"]?.ToString() ?? "";
            return UnknownMobiles.Contains(mobile)
                ? Results.Json(new { errcode = 60121, errmsg = "找不到该用户" })
                : Results.Json(new { errcode = 0, errmsg = "ok", result = new { userid = "dd_" + mobile } });
        });
        app.MapGet("/v1.0/workflow/processes/managements/templates", (HttpContext ctx) => Authorised(ctx)
            ?? Results.Json(new { result = new[] { new { processCode = FormCode, name = "通用审批", iconUrl = "" } } }));
        app.MapPost("/v1.0/workflow/processInstances", async (HttpContext ctx) =>
        {
            if (Authorised(ctx) is { } refused) return refused;
            if (CreateDelay > TimeSpan.Zero) await Task.Delay(CreateDelay, ctx.RequestAborted);
            if (GarbleCreate) return Results.Text("<html>502</html>", "application/json");
            if (CreateError is { } error) return Results.Json(new { code = "invalidProcessCode", message = error },
                statusCode: 400);
            var body = (await Body(ctx))!.AsObject();
            var approvers = body["approvers"]?.AsArray() ?? [];
            if (approvers.Any(a => a!["actionType"]!.ToString() == "NONE" && a["userIds"]!.AsArray().Count != 1)
                || approvers.Sum(a => a!["userIds"]!.AsArray().Count) > 20)
                return Results.Json(new { code = "invalidApprovers", message = "审批人设置不合法" }, statusCode: 400);
            if (body["processCode"]?.ToString() != FormCode || string.IsNullOrEmpty(body["originatorUserId"]?
                .ToString()))
                return Results.Json(new { code = "invalidParameter", message = "参数错误" }, statusCode: 400);
            // DingTalk's shape: 22 characters, a 4-digit sequence, a 10-digit Unix time
            var id = RandomNumberGenerator
                .GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-", 22)
                     + (Interlocked.Increment(ref _sequence) % 10000).ToString("D4")
                     + DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            Instances[id] = new Instance(id, body);
            return Results.Json(new { instanceId = id });
        });
        app.MapGet("/v1.0/workflow/processInstances", (HttpContext ctx, string? processInstanceId) =>
        {
            if (Authorised(ctx) is { } refused) return refused;
            return processInstanceId is not null && Instances.TryGetValue(processInstanceId, out var i)
                ? Results.Json(new { success = true, result = new { status = i.Status, result = i.Result ?? "" } })
                : Results.Json(new { code = "instanceNotFound", message = "审批实例不存在" }, statusCode: 400);
        });
    }

    public void Complete(string id, string result)
    {
        Instances[id].Status = "COMPLETED";
        Instances[id].Result = result;
    }

    public void Terminate(string id) => Instances[id].Status = "TERMINATED";

    /// <summary>The query and body DingTalk would POST for <paramref name="json"/> (signature, timestamp, nonce,
    /// encrypt).</summary>
    public static (string Signature, string Timestamp, string Nonce, string Encrypt) Event(string json,
        string token = EventToken, string aesKey = AesKey, string receiver = AppKey)
    {
        var key = Convert.FromBase64String(aesKey + "=");
        var msg = Encoding.UTF8.GetBytes(json);
        var corp = Encoding.UTF8.GetBytes(receiver);
        using var plain = new MemoryStream();
        plain.Write(RandomNumberGenerator.GetBytes(16));
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, msg.Length);
        plain.Write(length);
        plain.Write(msg);
        plain.Write(corp);
        var pad = 32 - (int)plain.Length % 32;
        for (var i = 0; i < pad; i++) plain.WriteByte((byte)pad);
        using var aes = Aes.Create();
        aes.Key = key;
        var encrypt = Convert.ToBase64String(aes.EncryptCbc(plain.ToArray(), key[..16], PaddingMode.None));
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString();
        var nonce = Guid.NewGuid().ToString("N")[..8];
        var parts = new[] { token, timestamp, nonce, encrypt }.OrderBy(p => p, StringComparer.Ordinal);
        var signature = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))))
            .ToLowerInvariant();
        return (signature, timestamp, nonce, encrypt);
    }

    /// <summary>Opens an encrypted answer (kboss's acknowledgement) after checking its signature.</summary>
    public static string Open(string signature, string timestamp, string nonce, string encrypt,
        string token = EventToken,
        string aesKey = AesKey)
    {
        var parts = new[] { token, timestamp, nonce, encrypt }.OrderBy(p => p, StringComparer.Ordinal);
        if (Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts)))).ToLowerInvariant()
            != signature)
            throw new InvalidOperationException("the answer must be signed with the event token");
        var key = Convert.FromBase64String(aesKey + "=");
        using var aes = Aes.Create();
        aes.Key = key;
        var plain = aes.DecryptCbc(Convert.FromBase64String(encrypt), key[..16], PaddingMode.None);
        var length = BinaryPrimitives.ReadInt32BigEndian(plain.AsSpan(16, 4));
        return Encoding.UTF8.GetString(plain, 20, length);
    }

    private IResult? Authorised(HttpContext ctx) =>
        Valid(ctx.Request.Headers["x-acs-dingtalk-access-token"])
            ? null
            : Results.Json(new { code = "InvalidAuthentication", message = "不合法的access_token" }, statusCode: 401);

    private static async Task<JsonNode?> Body(HttpContext ctx)
    {
        try { return JsonNode.Parse(await new StreamReader(ctx.Request.Body).ReadToEndAsync()); }
        catch (System.Text.Json.JsonException) { return null; }
    }

    /// <summary>
    /// What DingTalk does when the last approver decides: the instance completes with <paramref name="result"/>
    /// (<c>agree</c> / <c>refuse</c>) and the signed, encrypted <c>bpms_instance_change</c> event is POSTed to the
    /// event subscription URL <paramref name="eventUrl"/> (e.g. kboss's <c>/apv/dd_callback.dspy?orgid=…</c>).
    /// Returns the subscriber's HTTP status and body.
    /// </summary>
    public async Task<(int Status, string Body)> DecideAsync(HttpClient http, string eventUrl, string id,
        string result)
    {
        if (!Instances.ContainsKey(id)) return (404, "unknown instance");
        Complete(id, result);
        var json = new JsonObject
        {
            ["EventType"] = "bpms_instance_change", ["processInstanceId"] = id, ["type"] = "finish",
            ["result"] = result, ["processCode"] = FormCode,
        }.ToJsonString();
        var (signature, timestamp, nonce, encrypt) = Event(json);
        var separator = eventUrl.Contains('?') ? '&' : '?';
        using var answer = await http.PostAsJsonAsync(
            $"{eventUrl}{separator}msg_signature={signature}&timestamp={timestamp}&nonce={nonce}",
            new { encrypt });
        return ((int)answer.StatusCode, await answer.Content.ReadAsStringAsync());
    }
}
