using System.Text.Json.Nodes;

namespace Kboss.Application.Vendors.Baidu;

/// <summary>
/// The Baidu reseller (虚商) calls kboss makes (analysis/vendors.md §4.4). The master account acts for a sub-account
/// by passing its id as <c>queryAccountId</c> ("虚商主账号需要代子账号操作时,需要传入子账户的 ID" [PUB]).
/// <c>/v1/vs/account</c> (module 10) and <c>/v1/order/cancel</c> (cancelOrders, ≤ 10 ids) follow Baidu's documents;
/// GetOrderList is Baidu's [PUB] with its body fields; the token, pay, refund-confirmation and resource calls are
/// unverified [INF] and named here only (ADR 0045).
/// </summary>
public static class BaiduCalls
{
    /// <summary>Most orders one cancel names (Baidu's limit).</summary>
    public const int MaxCancel = 10;
    /// <summary>Page size of the order sync (Baidu allows ≤ 1000).</summary>
    public const int SyncPageSize = 100;

    /// <summary><c>POST /v1/vs/account</c>: a sub-account (→ <c>accountId</c>).</summary>
    public static VendorRequest CreateAccount(string name, string? email, string? mobile, string? type) =>
        VendorRequest.Write("CreateAccount", "/v1/vs/account", new JsonObject
        {
            ["name"] = name, ["email"] = email, ["mobilePhone"] = mobile, ["accountType"] = type,
        });

    /// <summary>A console login token of a sub-account (→ <c>{tokenId, expireTime, loginUrl}</c>).</summary>
    public static VendorRequest LoginToken(string accountId) =>
        VendorRequest.Write("GetLoginToken", "/v1/vs/account/token", new JsonObject { ["accountId"] = accountId });

    /// <summary>GetOrderList (→ <c>{pageNo, pageSize, totalCount, orders: [...]}</c>).</summary>
    public static VendorRequest ListOrders(string accountId, int pageNo, string? orderId = null) =>
        VendorRequest.Read("GetOrderList", "/v1/order/list", new JsonObject
        {
            ["queryAccountId"] = accountId, ["pageNo"] = pageNo, ["pageSize"] = SyncPageSize, ["uuid"] = orderId,
        });

    /// <summary>Pays/confirms an order waiting for the reseller.</summary>
    public static VendorRequest PayOrder(string accountId, string orderId) =>
        VendorRequest.Write("PayOrder", "/v1/order/pay", Order(accountId, orderId));

    /// <summary>Confirms a refund order.</summary>
    public static VendorRequest ConfirmRefund(string accountId, string orderId) =>
        VendorRequest.Write("ConfirmRefund", "/v1/order/refund/confirm", Order(accountId, orderId));

    /// <summary>cancelOrders.</summary>
    public static VendorRequest CancelOrders(string accountId, IEnumerable<string> orderIds) =>
        VendorRequest.Write("CancelOrders", "/v1/order/cancel", new JsonObject
        {
            ["queryAccountId"] = accountId, ["orderIds"] = new JsonArray([.. orderIds.Select(i => JsonValue.Create(i))]),
        });

    /// <summary>The sub-account's resources (→ <c>{resources: [...]}</c>).</summary>
    public static VendorRequest ListResources(string accountId) =>
        VendorRequest.Read("ListResources", "/v1/resource/list", new JsonObject { ["queryAccountId"] = accountId });

    private static JsonObject Order(string accountId, string orderId) =>
        new() { ["queryAccountId"] = accountId, ["orderId"] = orderId };
}
