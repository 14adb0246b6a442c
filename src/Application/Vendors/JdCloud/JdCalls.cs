using System.Text.Json.Nodes;

namespace Kboss.Application.Vendors.JdCloud;

/// <summary>
/// The JD Cloud partner calls kboss makes (analysis/vendors.md §4.5; names and paths unverified [INF], ADR 0045),
/// under <c>/v1/regions/cn-north-1/partner/</c>, signed JDCLOUD2-HMAC-SHA256.
/// </summary>
public static class JdCalls
{
    /// <summary>The vendor's name in messages.</summary>
    public const string System = "京东云";
    /// <summary>A mobile already linked or registered.</summary>
    public const string SyncedMessage = "该手机号已同步京东云账号";
    /// <summary>A user without a JD account.</summary>
    public const string NotLinkedMessage = "该用户未开通京东云账号";
    /// <summary>11-digit mainland mobile.</summary>
    public static bool IsMobile(string? v) => v is { Length: 11 } && v[0] == '1' && v.All(char.IsAsciiDigit);

    private const string Root = "/v1/regions/cn-north-1/partner/";

    /// <summary>Is the mobile registered at JD (→ <c>{registered}</c>)?</summary>
    public static VendorRequest CheckMobile(string mobile) =>
        VendorRequest.Read("CheckCustomer", Root + "customer/check", new JsonObject { ["mobile"] = mobile });

    /// <summary>Sends a registration code by SMS (the code never reaches kboss).</summary>
    public static VendorRequest SendCode(string mobile) =>
        VendorRequest.Write("SendVerifyCode", Root + "verifyCode/send", new JsonObject { ["mobile"] = mobile });

    /// <summary>Creates the customer with the code the user typed (→ <c>{pin}</c>).</summary>
    public static VendorRequest CreateCustomer(string username, string mobile, string code) =>
        VendorRequest.Write("CreateCustomer", Root + "customer/create", new JsonObject
        {
            ["username"] = username, ["mobile"] = mobile, ["verifyCode"] = code,
        });

    /// <summary>A console login URL of the customer (→ <c>{url}</c>).</summary>
    public static VendorRequest LoginUrl(string pin) =>
        VendorRequest.Write("GetLoginUrl", Root + "customer/loginUrl", new JsonObject { ["pin"] = pin });
}
