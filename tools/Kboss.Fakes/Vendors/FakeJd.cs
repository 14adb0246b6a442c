using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kboss.Fakes.Vendors;

/// <summary>
/// A local stand-in for JD Cloud's partner OpenAPI (vendors.md §4.5), served under <c>/jd/</c> (an operator's key
/// names <c>{fake}/jd</c> as its endpoint): every call must carry a valid <c>JDCLOUD2-HMAC-SHA256</c>
/// <c>authorization</c> (recomputed here from the JD SDKs' published algorithm, independently of kboss's signer) with
/// <c>x-jdcloud-date</c> within 5 minutes. Routes under <c>/jd/v1/regions/cn-north-1/partner/</c>:
/// <c>customer/check</c> (<c>{registered}</c>), <c>verifyCode/send</c> (records a 6-digit code per mobile, readable by
/// tests in <see cref="Codes"/> and by the walk-through at <c>GET /_fake/jd/codes?mobile=</c>; it expires after
/// 5 minutes), <c>customer/create</c> (wrong code → <c>INVALID_VERIFY_CODE</c>, expired → <c>VERIFY_CODE_EXPIRED</c>,
/// registered mobile → <c>CUSTOMER_EXISTS</c>) and <c>customer/loginUrl</c>. Answers <c>{requestId, result}</c> or
/// <c>{requestId, error: {code, status, message}}</c>.
/// </summary>
public sealed class FakeJd : FakeVendorServer
{
    public const string AccessKey = "JDC_FAKE_0123456789ABCDEF";
    public const string SecretKey = "fake-jd-secret-0123456789abcdef";
    private const string PartnerRoot = "/jd/v1/regions/cn-north-1/partner/";

    public FakeJd() : base(0) { }

    /// <param name="port">Loopback port; 0 picks a free one.</param>
    public FakeJd(int port) : base(port) { }

    /// <summary>Codes sent: mobile → (code, sent at).</summary>
    public ConcurrentDictionary<string, (string Code, DateTime At)> Codes { get; } = new();
    /// <summary>Customers: mobile → pin.</summary>
    public ConcurrentDictionary<string, string> Customers { get; } = new();

    /// <summary>The endpoint an operator's key names.</summary>
    public string Endpoint => BaseUrl + "/jd";

    protected override string ActionOf(HttpRequest request) => request.Path.Value!.Split('/')[^1];

    protected override bool Owns(HttpRequest request) => request.Path.StartsWithSegments("/jd");

    protected override void MapRoutes(WebApplication app)
    {
        Signed(app, "customer/check", json => Ok(new JsonObject
        {
            ["registered"] = Customers.ContainsKey(Text(json, "mobile")),
        }));
        Signed(app, "verifyCode/send", json =>
        {
            var mobile = Text(json, "mobile");
            if (mobile.Length != 11) return Error(400, "INVALID_ARGUMENT", "mobile is invalid");
            Codes[mobile] = (RandomNumberGenerator.GetInt32(100000, 1000000).ToString(CultureInfo.InvariantCulture),
                DateTime.UtcNow);
            return Ok(new JsonObject { ["sent"] = true });
        });
        Signed(app, "customer/create", json =>
        {
            var mobile = Text(json, "mobile");
            if (Customers.ContainsKey(mobile)) return Error(409, "CUSTOMER_EXISTS", "手机号已注册京东云");
            if (!Codes.TryGetValue(mobile, out var sent) || sent.Code != Text(json, "verifyCode"))
                return Error(400, "INVALID_VERIFY_CODE", "验证码错误");
            if (DateTime.UtcNow - sent.At > TimeSpan.FromMinutes(5))
                return Error(400, "VERIFY_CODE_EXPIRED", "验证码已过期");
            var pin = NextId("jdpin");
            Customers[mobile] = pin;
            Codes.TryRemove(mobile, out _);
            return Ok(new JsonObject { ["pin"] = pin });
        });
        Signed(app, "customer/loginUrl", json => Customers.Values.Contains(Text(json, "pin"))
            ? Ok(new JsonObject { ["url"] = $"{BaseUrl}/jd/console?ticket={Guid.NewGuid():N}" })
            : Error(404, "CUSTOMER_NOT_FOUND", "customer not found"));
        app.MapGet("/_fake/jd/codes", (string mobile) =>
            Codes.TryGetValue(mobile, out var c) ? Results.Json(new { code = c.Code }) : Results.NotFound());
    }

    private void Signed(WebApplication app, string route, Func<JsonObject, IResult> handle) =>
        app.MapPost(PartnerRoot + route, async (HttpContext ctx) =>
        {
            var body = await new StreamReader(ctx.Request.Body).ReadToEndAsync();
            if (!Verify(ctx.Request, body)) return Error(401, "SIGNATURE_DOES_NOT_MATCH", "signature does not match");
            try
            {
                return JsonNode.Parse(body) is JsonObject json ? handle(json) : Error(400, "INVALID_ARGUMENT", "body");
            }
            catch (System.Text.Json.JsonException)
            {
                return Error(400, "INVALID_ARGUMENT", "body is not JSON");
            }
        });

    private static string Text(JsonObject json, string name) =>
        json[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    private static IResult Ok(JsonObject result) =>
        Results.Json(new JsonObject { ["requestId"] = Guid.NewGuid().ToString("N"), ["result"] = result });

    private static IResult Error(int status, string code, string message) => Results.Json(new JsonObject
    {
        ["requestId"] = Guid.NewGuid().ToString("N"),
        ["error"] = new JsonObject { ["code"] = status, ["status"] = code, ["message"] = message },
    }, statusCode: status);

    /// <summary>JDCLOUD2-HMAC-SHA256 as the JD SDKs compute it.</summary>
    private static bool Verify(HttpRequest request, string body)
    {
        var auth = request.Headers["authorization"].ToString();
        var date = request.Headers["x-jdcloud-date"].ToString();
        const string prefix = "JDCLOUD2-HMAC-SHA256 Credential=";
        if (!auth.StartsWith(prefix, StringComparison.Ordinal)) return false;
        var parts = auth[prefix.Length..].Split(", ");
        if (parts.Length != 3 || !parts[1].StartsWith("SignedHeaders=") || !parts[2].StartsWith("Signature=")) return false;
        var credential = parts[0].Split('/');
        if (credential is not [AccessKey, var day, var region, var service, "jdcloud2_request"]) return false;
        if (!DateTime.TryParseExact(date, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            || Math.Abs((DateTime.UtcNow - at).TotalMinutes) > 5 || !date.StartsWith(day)) return false;
        var names = parts[1]["SignedHeaders=".Length..].Split(';');
        if (!names.Contains("host") || !names.Contains("x-jdcloud-date") || !names.Contains("x-jdcloud-nonce"))
            return false;
        var headers = string.Concat(names.Select(n => n + ":" + request.Headers[n].ToString().Trim() + "\n"));
        var path = string.Join('/', request.Path.Value!.Split('/').Select(Uri.EscapeDataString));
        var query = string.Join('&', request.Query.Select(q => Uri.EscapeDataString(q.Key) + "=" +
            Uri.EscapeDataString(q.Value.ToString())).OrderBy(s => s, StringComparer.Ordinal));
        var canonical = $"{request.Method}\n{path}\n{query}\n{headers}\n{string.Join(';', names)}\n{Sha(body)}";
        var scope = $"{day}/{region}/{service}/jdcloud2_request";
        var toSign = $"JDCLOUD2-HMAC-SHA256\n{date}\n{scope}\n{Sha(canonical)}";
        var key = Encoding.UTF8.GetBytes("JDCLOUD2" + SecretKey);
        foreach (var part in new[] { day, region, service, "jdcloud2_request" })
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign)));
        return expected == parts[2]["Signature=".Length..];
    }

    private static string Sha(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)));
}
