using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kboss.Fakes.Vendors;

/// <summary>
/// A local stand-in for Baidu Cloud's reseller API (vendors.md §4.4) answering like the real one: it verifies the BCE
/// auth v1 <c>Authorization</c> (recomputed here, independently of kboss's signer, over the signed headers it names,
/// at least <c>host</c>; a signature older than its expiry is refused), then <c>POST /v1/vs/account</c> creates an
/// account (a name used twice → 409). Errors are Baidu's <c>{requestId, code, message}</c> with HTTP 4xx.
/// </summary>
public sealed class FakeBaidu : FakeVendorServer
{
    public const string AccessKey = "fakeak0123456789abcdef0123456789";
    public const string SecretKey = "fakesk0123456789abcdef0123456789";

    /// <summary>On a free loopback port.</summary>
    public FakeBaidu() : base(0) { }

    /// <param name="port">Loopback port; 0 picks a free one.</param>
    public FakeBaidu(int port) : base(port) { }

    /// <summary>Accounts created: name → account id.</summary>
    public ConcurrentDictionary<string, string> Accounts { get; } = new();
    /// <summary>Answer an HTML page instead of JSON.</summary>
    public bool Garble { get; set; }
    /// <summary>Wait this long before answering.</summary>
    public TimeSpan Delay { get; set; }

    protected override string ActionOf(HttpRequest request) => $"{request.Method} {request.Path}";

    protected override bool Owns(HttpRequest request) => request.Path.StartsWithSegments("/v1");

    /// <summary>The app settings pointing kboss at this fake.</summary>
    public IReadOnlyDictionary<string, string> Settings(string? secret = null) => new Dictionary<string, string>
    {
        ["Baidu:Endpoint"] = BaseUrl, ["Baidu:AccessKey"] = AccessKey, ["Baidu:SecretKey"] = secret ?? SecretKey,
        ["Baidu:TimeoutSeconds"] = "2",
    };

    protected override void MapRoutes(WebApplication app)
    {
        app.MapPost("/v1/vs/account", async (HttpContext ctx) =>
        {
            var body = await new StreamReader(ctx.Request.Body).ReadToEndAsync();
            var auth = ctx.Request.Headers.Authorization.FirstOrDefault();
            if (Delay > TimeSpan.Zero) await Task.Delay(Delay, ctx.RequestAborted);
            if (!Verify(ctx.Request, auth))
                return Error(401, "SignatureDoesNotMatch", "The request signature we calculated does not match");
            if (Garble) return Results.Text("<html>502 Bad Gateway</html>", "text/html");
            var json = JsonNode.Parse(body)?.AsObject();
            var name = json?["name"]?.GetValue<string>();
            if (string.IsNullOrEmpty(name)) return Error(400, "InvalidParameter", "name is required");
            var id = "bd" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            if (!Accounts.TryAdd(name, id)) return Error(409, "AccountAlreadyExists", "account name already exists");
            return Results.Json(new { accountId = id });
        });
    }

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new { requestId = Guid.NewGuid().ToString(), code, message }, statusCode: status);

    /// <summary>BCE auth v1 as Baidu documents it.</summary>
    private static bool Verify(HttpRequest request, string? auth)
    {
        var parts = auth?.Split('/');
        if (parts is not { Length: 6 } || parts[0] != "bce-auth-v1" || parts[1] != AccessKey) return false;
        if (!DateTime.TryParseExact(parts[2], "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            || !int.TryParse(parts[3], out var expiry)
            || Math.Abs((DateTime.UtcNow - at).TotalSeconds) > expiry) return false;
        var names = parts[4].Split(';');
        if (!names.Contains("host")) return false;
        var prefix = string.Join('/', parts[..4]);
        var key = Hmac(SecretKey, prefix);
        var headers = names.Select(n => Uri(n) + ":" + Uri(request.Headers[n].ToString().Trim()))
            .OrderBy(s => s, StringComparer.Ordinal);
        var query = request.Query.Select(q => Uri(q.Key) + "=" + Uri(q.Value.ToString()))
            .OrderBy(s => s, StringComparer.Ordinal);
        var path = string.Join('/', request.Path.Value!.Split('/').Select(Uri));
        var canonical = $"{request.Method}\n{path}\n{string.Join('&', query)}\n{string.Join('\n', headers)}";
        return Hmac(key, canonical) == parts[5];
    }

    private static string Hmac(string key, string data) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(data)));

    private static string Uri(string s) => System.Uri.EscapeDataString(s);
}
