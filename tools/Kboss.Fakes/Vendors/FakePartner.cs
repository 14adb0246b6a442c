using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kboss.Fakes.Vendors;

/// <summary>
/// Base of the fakes of partner APIs that sign with kboss's partner HMAC (Jiajie, Casdao; ADR 0045): under the
/// fake's <see cref="Prefix"/>, every POST must carry <c>X-Access-Key</c> = the fake's key, <c>X-Timestamp</c>
/// within 5 minutes, <c>X-Nonce</c> not seen before (replays refused) and <c>X-Signature =
/// hex(HMAC-SHA256(secret, METHOD\npath\ntimestamp\nnonce\nhex(SHA256(body))))</c>, recomputed here. Answers
/// <c>{code: "0", message, data}</c>; errors <c>{code, message}</c> with HTTP 4xx.
/// </summary>
public abstract class FakePartner(int port, string prefix, string accessKey, string secret) : FakeVendorServer(port)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _nonces = new();

    /// <summary>Path prefix of this vendor (<c>/jiajie</c>).</summary>
    public string Prefix => prefix;
    /// <summary>The endpoint an operator's key names.</summary>
    public string Endpoint => BaseUrl + prefix;

    protected override string ActionOf(HttpRequest request) => request.Path.Value!.Split('/')[^1];

    protected override bool Owns(HttpRequest request) => request.Path.StartsWithSegments(prefix);

    /// <summary>Maps a signed POST at <see cref="Prefix"/> + <paramref name="route"/>.</summary>
    protected void Signed(WebApplication app, string route, Func<JsonObject, IResult> handle) =>
        app.MapPost(prefix + route, async (HttpContext ctx) =>
        {
            var body = await new StreamReader(ctx.Request.Body).ReadToEndAsync();
            if (!Verify(ctx.Request, body)) return Error(401, "SignatureInvalid", "签名校验失败");
            try
            {
                return JsonNode.Parse(body) is JsonObject json ? handle(json) : Error(400, "InvalidParameter", "body");
            }
            catch (System.Text.Json.JsonException)
            {
                return Error(400, "InvalidParameter", "body is not JSON");
            }
        });

    /// <summary>A success.</summary>
    protected static IResult Ok(JsonNode? data) =>
        Results.Json(new JsonObject { ["code"] = "0", ["message"] = "success", ["data"] = data });

    /// <summary>An error.</summary>
    protected static IResult Error(int status, string code, string message) =>
        Results.Json(new JsonObject { ["code"] = code, ["message"] = message }, statusCode: status);

    /// <summary>A string member or "".</summary>
    protected static string Text(JsonObject json, string name) =>
        json[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    private bool Verify(HttpRequest request, string body)
    {
        var timestamp = request.Headers["X-Timestamp"].ToString();
        var nonce = request.Headers["X-Nonce"].ToString();
        if (request.Headers["X-Access-Key"].ToString() != accessKey || nonce.Length == 0
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > 300) return false;
        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        var text = $"{request.Method}\n{request.Path.Value}\n{timestamp}\n{nonce}\n{bodyHash}";
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes(text)));
        return expected == request.Headers["X-Signature"].ToString() && _nonces.TryAdd(nonce, true);
    }
}

/// <summary>
/// A local stand-in for 佳杰 Jiajie (vendors.md §4.3) on <see cref="FakePartner"/> under <c>/jiajie</c>:
/// <c>/api/v1/user/sync</c> (idempotent per kboss user id → <c>{accountId}</c>) and <c>/api/v1/user/token</c>
/// (<c>{token, redirectUrl}</c>; unknown account → 404 <c>AccountNotFound</c>); and Alibaba ECS's RPC endpoint under
/// <c>/aliyun/</c>: <c>DescribeRegions</c> with the RPC signature v1 checked (recomputed here), answering regions,
/// <c>InvalidPayMethod</c> (HTTP 400) for <c>InstanceChargeType=PrePaid</c> as Alibaba does for accounts without
/// balance payment, and <c>SignatureDoesNotMatch</c> (HTTP 400) for a bad signature.
/// </summary>
public sealed class FakeJiajie(int port) : FakePartner(port, "/jiajie", AccessKey, Secret)
{
    /// <summary>On a free loopback port.</summary>
    public FakeJiajie() : this(0) { }

    public const string AccessKey = "jiajie-fake-key";
    public const string Secret = "jiajie-fake-secret-0123456789";
    public const string AliyunKeyId = "LTAIfakeAliyunKey";
    public const string AliyunSecret = "fakeAliyunSecret0123456789";

    /// <summary>Jiajie accounts: kboss user id → account id.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string> Users { get; } = new();
    /// <summary>The endpoint the Aliyun key names.</summary>
    public string AliyunEndpoint => BaseUrl + "/aliyun";

    protected override string ActionOf(HttpRequest request) => request.Path.StartsWithSegments("/aliyun")
        ? request.Query["Action"].ToString() : base.ActionOf(request);

    protected override bool Owns(HttpRequest request) =>
        base.Owns(request) || request.Path.StartsWithSegments("/aliyun");

    protected override void MapRoutes(WebApplication app)
    {
        Signed(app, "/api/v1/user/sync", json =>
        {
            var user = Text(json, "userId");
            if (user.Length == 0) return Error(400, "InvalidParameter", "userId is required");
            return Ok(new JsonObject { ["accountId"] = Users.GetOrAdd(user, _ => NextId("jj")) });
        });
        Signed(app, "/api/v1/user/token", json => Users.Values.Contains(Text(json, "accountId"))
            ? Ok(new JsonObject
            {
                ["token"] = Guid.NewGuid().ToString("N"),
                ["redirectUrl"] = $"{BaseUrl}/jiajie/sso?token={Guid.NewGuid():N}",
            })
            : Error(404, "AccountNotFound", "佳杰账号不存在"));
        app.MapGet("/aliyun/", (HttpContext ctx) =>
        {
            var query = ctx.Request.Query
                .Select(q => new KeyValuePair<string, string>(q.Key, q.Value.ToString())).ToList();
            if (!VerifyRpc(query)) return AliError(400, "SignatureDoesNotMatch", "Specified signature is not matched.");
            if (ctx.Request.Query["Action"] != "DescribeRegions")
                return AliError(400, "InvalidAction.NotFound", "Specified api is not found.");
            if (ctx.Request.Query["InstanceChargeType"] == "PrePaid")
                return AliError(400, "InvalidPayMethod", "The specified billing method is not valid.");
            var english = ctx.Request.Query["AcceptLanguage"] == "en-US";
            return Results.Json(new JsonObject
            {
                ["RequestId"] = Guid.NewGuid().ToString().ToUpperInvariant(),
                ["Regions"] = new JsonObject
                {
                    ["Region"] = new JsonArray(
                        Region("cn-hangzhou", english ? "China (Hangzhou)" : "华东1(杭州)"),
                        Region("cn-beijing", english ? "China (Beijing)" : "华北2(北京)")),
                },
            });
        });
    }

    private static IResult AliError(int status, string code, string message) => Results.Json(new JsonObject
    {
        ["RequestId"] = Guid.NewGuid().ToString().ToUpperInvariant(), ["Code"] = code, ["Message"] = message,
    }, statusCode: status);

    private static JsonObject Region(string id, string name, string status = "available") => new()
    {
        ["RegionId"] = id, ["LocalName"] = name, ["RegionEndpoint"] = $"ecs.{id}.aliyuncs.com", ["Status"] = status,
    };

    /// <summary>Alibaba's RPC signature v1, written from Alibaba's document.</summary>
    private static bool VerifyRpc(List<KeyValuePair<string, string>> query)
    {
        string Get(string k) => query.FirstOrDefault(q => q.Key == k).Value ?? "";
        if (Get("AccessKeyId") != AliyunKeyId || Get("SignatureMethod") != "HMAC-SHA1") return false;
        static string Enc(string s) => Uri.EscapeDataString(s);
        var canonical = string.Join("&", query.Where(q => q.Key != "Signature")
            .OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => Enc(q.Key) + "=" + Enc(q.Value)));
        var toSign = "GET&%2F&" + Enc(canonical);
        var expected = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(AliyunSecret + "&"),
            Encoding.UTF8.GetBytes(toSign)));
        return expected == Get("Signature");
    }
}

/// <summary>
/// A local stand-in for 互联云 Casdao (vendors.md §4.8) on <see cref="FakePartner"/> under <c>/casdao-api</c>:
/// <c>/api/v1/user/exists</c> answers <c>{exists}</c> from <see cref="Usernames"/> (by user name only, as the spec
/// says a mobile finds nothing).
/// </summary>
public sealed class FakeCasdao(int port) : FakePartner(port, "/casdao-api", AccessKey, Secret)
{
    /// <summary>On a free loopback port.</summary>
    public FakeCasdao() : this(0) { }

    public const string AccessKey = "casdao-fake-key";
    public const string Secret = "casdao-fake-secret-0123456789";

    /// <summary>Registered user names.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, bool> Usernames { get; } =
        new(StringComparer.Ordinal) { ["casdao_demo"] = true };

    protected override void MapRoutes(WebApplication app) =>
        Signed(app, "/api/v1/user/exists", json => Text(json, "username") is { Length: > 0 } name
            ? Ok(new JsonObject { ["exists"] = Usernames.ContainsKey(name) })
            : Error(400, "InvalidParameter", "username is required"));
}
