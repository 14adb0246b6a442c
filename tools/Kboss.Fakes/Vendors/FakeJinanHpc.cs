using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kboss.Fakes.Vendors;

/// <summary>
/// A local stand-in for the Jinan HPC centre's API (analysis/vendors.md §4.2, ADR 0046) served under
/// <see cref="Prefix"/> (a key's endpoint is <c>{fake}/jnhpc</c>): it checks the <c>X-Hpc-*</c> signature
/// (recomputed here, independently of kboss's signer; a timestamp 5 minutes off is refused), lists
/// <see cref="Products"/>, issues SSO signs, and records purchases keyed by kboss's order number (the same number
/// twice is answered with the first record, never provisioned twice; an <see cref="UnknownAccounts"/> ldapuid is
/// refused). Errors are <c>{code, msg, request_id}</c>; faults per action (<c>GET products</c>, <c>POST
/// purchases</c>, <c>POST sso sign</c>, <c>GET purchase</c>) through <see cref="FakeVendorServer.Inject"/>.
/// </summary>
public sealed class FakeJinanHpc : FakeVendorServer
{
    /// <summary>Path prefix of the fake (the console shares one port among fakes).</summary>
    public const string Prefix = "/jnhpc";
    public const string AppKey = "jnhpc-fake-app-key";
    public const string Secret = "jnhpc-fake-secret-0123456789abcdef";

    /// <summary>On a free loopback port.</summary>
    public FakeJinanHpc() : base(0) { }

    /// <param name="port">Loopback port; 0 picks a free one.</param>
    public FakeJinanHpc(int port) : base(port) { }

    /// <summary>The base URL an operator saves as the key's endpoint.</summary>
    public string Endpoint => BaseUrl + Prefix;

    /// <summary>A product of the centre.</summary>
    public sealed record Product(string Id, string Name, string Spec, decimal Price, string Unit);

    /// <summary>A purchase the centre accepted.</summary>
    public sealed record Purchase(string OrderNo, string Ref, string ProductId, int Quantity, string LdapUid);

    /// <summary>The centre's catalogue (price per unit to kboss, 元).</summary>
    public ConcurrentDictionary<string, Product> Products { get; } = new(new Dictionary<string, Product>
    {
        ["jn-cpu-1000"] = new("jn-cpu-1000", "CPU核时包 1000核时", "Intel 6248R, 1000核时", 80m, "包"),
        ["jn-gpu-100"] = new("jn-gpu-100", "GPU卡时包 100卡时", "A100 40G, 100卡时", 300m, "包"),
    });

    /// <summary>Purchases by kboss's order number.</summary>
    public ConcurrentDictionary<string, Purchase> Purchases { get; } = new();
    /// <summary>ldapuids the centre does not know (purchases for them are refused).</summary>
    public ConcurrentDictionary<string, bool> UnknownAccounts { get; } = new();
    /// <summary>The centre's clock (signature timestamps are checked against it; tests move it with kboss's).</summary>
    public Func<DateTimeOffset> Now { get; set; } = () => DateTimeOffset.UtcNow;
    /// <summary>Signs issued: sign → ldapuid.</summary>
    public ConcurrentDictionary<string, string> Signs { get; } = new();

    protected override string ActionOf(HttpRequest request)
    {
        const string api = Prefix + "/api/v1/";
        var path = request.Path.Value!;
        var name = !path.StartsWith(api, StringComparison.Ordinal) ? path
            : path.StartsWith(api + "purchases/", StringComparison.Ordinal) ? "purchase"
            : path[api.Length..].Replace('/', ' ');
        return $"{request.Method} {name}";
    }

    protected override bool Owns(HttpRequest request) => request.Path.StartsWithSegments(Prefix);

    protected override void MapRoutes(WebApplication app)
    {
        app.MapGet(Prefix + "/api/v1/products", async (HttpRequest request) => await Checked(request, _ =>
            Ok(new JsonArray(Products.Values.OrderBy(p => p.Id).Select(p => (JsonNode)new JsonObject
            {
                ["product_id"] = p.Id, ["product_name"] = p.Name, ["spec"] = p.Spec,
                ["price"] = p.Price.ToString("0.00", CultureInfo.InvariantCulture), ["unit"] = p.Unit,
            }).ToArray()))));
        app.MapPost(Prefix + "/api/v1/sso/sign", async (HttpRequest request) => await Checked(request, body =>
        {
            var ldap = body?["ldapuid"]?.GetValue<string>();
            if (string.IsNullOrEmpty(ldap)) return Error(400, 1002, "ldapuid不能为空");
            if (UnknownAccounts.ContainsKey(ldap)) return Error(404, 1004, "账号不存在");
            var sign = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            Signs[sign] = ldap;
            return Ok(new JsonObject { ["sign"] = sign, ["url"] = $"{Endpoint}/portal/sso?sign={sign}" });
        }));
        app.MapPost(Prefix + "/api/v1/purchases", async (HttpRequest request) => await Checked(request, body =>
        {
            var order = body?["order_no"]?.GetValue<string>();
            var product = body?["product_id"]?.GetValue<string>();
            var ldap = body?["ldapuid"]?.GetValue<string>();
            var quantity = body?["quantity"]?.GetValue<int>() ?? 0;
            if (string.IsNullOrEmpty(order) || string.IsNullOrEmpty(ldap) || quantity < 1)
                return Error(400, 1002, "参数错误");
            if (product is null || !Products.ContainsKey(product)) return Error(400, 1002, "产品不存在");
            if (UnknownAccounts.ContainsKey(ldap)) return Error(404, 1004, "账号不存在");
            var p = Purchases.GetOrAdd(order, o => new Purchase(o, NextId("pur"), product, quantity, ldap));
            return Ok(new JsonObject { ["ref"] = p.Ref, ["order_no"] = p.OrderNo });
        }));
        app.MapGet(Prefix + "/api/v1/purchases/{order}", async (HttpRequest request, string order) =>
            await Checked(request, _ => Purchases.TryGetValue(order, out var p)
                ? Ok(new JsonObject { ["ref"] = p.Ref, ["order_no"] = p.OrderNo })
                : Error(404, 1004, "订单不存在")));
    }

    private async Task<IResult> Checked(HttpRequest request, Func<JsonNode?, IResult> handle)
    {
        var body = await new StreamReader(request.Body).ReadToEndAsync();
        if (!Verify(request, body)) return Error(401, 1001, "签名错误");
        return handle(body.Length == 0 ? null : JsonNode.Parse(body));
    }

    private static IResult Ok(JsonNode data) => Results.Json(new JsonObject
    {
        ["code"] = 0, ["msg"] = "success", ["data"] = data, ["request_id"] = Guid.NewGuid().ToString(),
    });

    private static IResult Error(int status, int code, string msg) => Results.Json(new JsonObject
    {
        ["code"] = code, ["msg"] = msg, ["request_id"] = Guid.NewGuid().ToString(),
    }, statusCode: status);

    /// <summary>The centre's signature: HMAC-SHA256 over method, API path, sorted query, timestamp, nonce and the
    /// body's SHA-256.</summary>
    private bool Verify(HttpRequest request, string body)
    {
        var h = request.Headers;
        if (h["X-Hpc-AppKey"].ToString() != AppKey
            || !long.TryParse(h["X-Hpc-Timestamp"].ToString(), out var ts)
            || Math.Abs(Now().ToUnixTimeSeconds() - ts) > 300) return false;
        var query = string.Join("&", request.Query.OrderBy(q => q.Key, StringComparer.Ordinal)
            .Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value.ToString())));
        var text = string.Join("\n", request.Method, request.Path.Value![Prefix.Length..], query, ts.ToString(),
            h["X-Hpc-Nonce"].ToString(), Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body))));
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret),
            Encoding.UTF8.GetBytes(text)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected),
            Encoding.ASCII.GetBytes(h["X-Hpc-Sign"].ToString()));
    }
}
