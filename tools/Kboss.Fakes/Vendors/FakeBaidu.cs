using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kboss.Fakes.Vendors;

/// <summary>One order at the fake Baidu.</summary>
public sealed class FakeBaiduOrder
{
    public string Uuid { get; init; } = "";
    public string AccountId { get; init; } = "";
    public string Type { get; init; } = "NEW";
    public string ServiceType { get; init; } = "BCC";
    public string ProductType { get; init; } = "prepay";
    public decimal Price { get; init; }
    public string Status { get; set; } = "NEED_PURCHASE";
    public string CreateTime { get; init; } = "";
    public string UpdateTime { get; set; } = "";
    public string? OriginOrderId { get; init; }

    internal JsonObject Json() => new()
    {
        ["uuid"] = Uuid, ["accountId"] = AccountId, ["orderType"] = Type, ["serviceType"] = ServiceType,
        ["productType"] = ProductType, ["price"] = Price, ["status"] = Status, ["autoRenewOrder"] = false,
        ["createTime"] = CreateTime, ["updateTime"] = UpdateTime, ["originOrderId"] = OriginOrderId,
    };
}

/// <summary>
/// A local stand-in for Baidu Cloud's reseller (虚商) API (vendors.md §4.4) answering like the real one: every
/// <c>/v1</c> call must carry a valid BCE auth v1 <c>Authorization</c> (recomputed here, independently of kboss's
/// signer, over the signed headers it names, at least <c>host</c>; a signature older than its expiry is refused).
/// Routes: <c>POST /v1/vs/account</c> (a name used twice → 409), <c>/v1/vs/account/token</c>, <c>/v1/order/list</c>
/// (GetOrderList paging), <c>/v1/order/pay</c> (NEED_PURCHASE → CREATED, NEED_CONFIRM → CONFIRMED),
/// <c>/v1/order/refund/confirm</c> (a REFUND order NEED_CONFIRM → REFUND_SUCC; again: success),
/// <c>/v1/order/cancel</c> (≤ 10 waiting orders → CANCELLED), <c>/v1/resource/list</c>. Errors are Baidu's
/// <c>{requestId, code, message}</c> with HTTP 4xx. Orders appear as a customer places them in Baidu's console:
/// <see cref="PlaceOrder"/>, <see cref="RequestRefund"/>, or <c>POST /_fake/baidu/orders?account=&amp;price=</c> and
/// <c>POST /_fake/baidu/refunds?order=</c> for the walk-through.
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
    /// <summary>Orders by uuid.</summary>
    public ConcurrentDictionary<string, FakeBaiduOrder> Orders { get; } = new();

    protected override string ActionOf(HttpRequest request) => $"{request.Method} {request.Path}";

    protected override bool Owns(HttpRequest request) => request.Path.StartsWithSegments("/v1");

    /// <summary>A new order of <paramref name="accountId"/> waiting for the reseller.</summary>
    public FakeBaiduOrder PlaceOrder(string accountId, decimal price, string status = "NEED_PURCHASE",
        string serviceType = "BCC")
    {
        var order = new FakeBaiduOrder
        {
            Uuid = NextId("bdorder"), AccountId = accountId, Price = price, Status = status, ServiceType = serviceType,
            CreateTime = Now(), UpdateTime = Now(),
        };
        Orders[order.Uuid] = order;
        return order;
    }

    /// <summary>The customer asks for a refund of <paramref name="originId"/>: a REFUND order NEED_CONFIRM.</summary>
    public FakeBaiduOrder RequestRefund(string originId, decimal? price = null)
    {
        var origin = Orders[originId];
        var order = new FakeBaiduOrder
        {
            Uuid = NextId("bdrefund"), AccountId = origin.AccountId, Type = "REFUND", Price = price ?? origin.Price,
            Status = "NEED_CONFIRM", ServiceType = origin.ServiceType, CreateTime = Now(), UpdateTime = Now(),
            OriginOrderId = originId,
        };
        Orders[order.Uuid] = order;
        return order;
    }

    protected override void MapRoutes(WebApplication app)
    {
        Signed(app, "/v1/vs/account", json =>
        {
            var name = json["name"]?.GetValue<string>();
            if (string.IsNullOrEmpty(name)) return Error(400, "InvalidParameter", "name is required");
            var id = "bd" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            if (!Accounts.TryAdd(name, id)) return Error(409, "AccountAlreadyExists", "account name already exists");
            return Results.Json(new { accountId = id });
        });
        Signed(app, "/v1/vs/account/token", json => Account(json, "accountId") is { } account
            ? Results.Json(new
            {
                tokenId = "tok-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
                expireTime = DateTime.UtcNow.AddMinutes(30).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
                loginUrl = $"{BaseUrl}/console/login?account={account}",
            })
            : NoAccount());
        Signed(app, "/v1/order/list", json =>
        {
            if (Account(json, "queryAccountId") is not { } account) return NoAccount();
            var pageNo = Math.Max(1, json["pageNo"]?.GetValue<int>() ?? 1);
            var pageSize = Math.Clamp(json["pageSize"]?.GetValue<int>() ?? 100, 1, 1000);
            var uuid = json["uuid"]?.GetValue<string>();
            var all = Orders.Values.Where(o => o.AccountId == account && (uuid is null || o.Uuid == uuid))
                .OrderBy(o => o.Uuid, StringComparer.Ordinal).ToList();
            return Results.Json(new JsonObject
            {
                ["pageNo"] = pageNo, ["pageSize"] = pageSize, ["totalCount"] = all.Count,
                ["orders"] = new JsonArray([.. all.Skip((pageNo - 1) * pageSize).Take(pageSize).Select(o => o.Json())]),
            });
        });
        Signed(app, "/v1/order/pay", json => WithOrder(json, order =>
        {
            if (order.Status is not ("NEED_PURCHASE" or "NEED_CONFIRM"))
                return Error(409, "OrderStatusNotAllowed", "order status " + order.Status + " cannot be paid");
            Move(order, order.Status == "NEED_PURCHASE" ? "CREATED" : "CONFIRMED");
            return Results.Json(new { success = true });
        }));
        Signed(app, "/v1/order/refund/confirm", json => WithOrder(json, order =>
        {
            if (order.Type != "REFUND" || order.Status is not ("NEED_CONFIRM" or "REFUND_SUCC"))
                return Error(409, "OrderStatusNotAllowed", "not a refund order waiting for confirmation");
            Move(order, "REFUND_SUCC");
            return Results.Json(new { success = true, refundAmount = order.Price });
        }));
        Signed(app, "/v1/order/cancel", json =>
        {
            if (Account(json, "queryAccountId") is not { } account) return NoAccount();
            var ids = (json["orderIds"] as JsonArray ?? []).Select(i => i?.GetValue<string>() ?? "").ToList();
            if (ids.Count is 0 or > 10) return Error(400, "InvalidParameter", "orderIds must hold 1 to 10 ids");
            var orders = ids.Select(i => Orders.TryGetValue(i, out var o) && o.AccountId == account ? o : null).ToList();
            if (orders.Any(o => o is null)) return Error(404, "OrderNotExist", "order not found");
            if (orders.Any(o => o!.Status is not ("NEED_PURCHASE" or "NEED_CONFIRM" or "CANCELLED")))
                return Error(409, "OrderStatusNotAllowed", "only orders waiting for payment can be cancelled");
            foreach (var o in orders) Move(o!, "CANCELLED");
            return Results.Json(new { success = true });
        });
        Signed(app, "/v1/resource/list", json => Account(json, "queryAccountId") is { } account
            ? Results.Json(new
            {
                resources = Orders.Values.Where(o => o.AccountId == account && o.Type == "NEW"
                                                     && o.Status is "CREATED" or "CONFIRMED")
                    .Select(o => new { resourceId = "i-" + o.Uuid, serviceType = o.ServiceType, orderId = o.Uuid }),
            })
            : NoAccount());
        app.MapPost("/_fake/baidu/orders", (string account, decimal price, string? service) =>
            Results.Json(PlaceOrder(account, price, serviceType: service ?? "BCC").Json()));
        app.MapPost("/_fake/baidu/refunds", (string order) => Orders.ContainsKey(order)
            ? Results.Json(RequestRefund(order).Json())
            : Error(404, "OrderNotExist", "order not found"));
    }

    private void Signed(WebApplication app, string path, Func<JsonObject, IResult> handle) =>
        app.MapPost(path, async (HttpContext ctx) =>
        {
            var body = await new StreamReader(ctx.Request.Body).ReadToEndAsync();
            if (!Verify(ctx.Request, ctx.Request.Headers.Authorization.FirstOrDefault()))
                return Error(401, "SignatureDoesNotMatch", "The request signature we calculated does not match");
            JsonObject? json;
            try
            {
                json = JsonNode.Parse(body) as JsonObject;
            }
            catch (System.Text.Json.JsonException)
            {
                json = null;
            }
            return json is null ? Error(400, "MalformedJson", "body is not a JSON object") : handle(json);
        });

    private string? Account(JsonObject json, string name) =>
        json[name]?.GetValue<string>() is { } id && Accounts.Values.Contains(id) ? id : null;

    private IResult WithOrder(JsonObject json, Func<FakeBaiduOrder, IResult> act)
    {
        if (Account(json, "queryAccountId") is not { } account) return NoAccount();
        var id = json["orderId"]?.GetValue<string>() ?? "";
        return Orders.TryGetValue(id, out var order) && order.AccountId == account
            ? act(order) : Error(404, "OrderNotExist", "order not found");
    }

    private static void Move(FakeBaiduOrder order, string status)
    {
        order.Status = status;
        order.UpdateTime = Now();
    }

    private static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static IResult NoAccount() => Error(404, "AccountNotExist", "account not found");

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
