using System.Text.Json.Nodes;

namespace Kboss.Application.Vendors.Jiajie;

/// <summary>
/// Module 14's calls (analysis/vendors.md §4.3): Alibaba ECS <c>DescribeRegions</c> (RPC, Version 2014-05-26 [PUB])
/// with the Aliyun key, and the Jiajie partner calls (unknown names [INF], ADR 0045) with the Jiajie key.
/// </summary>
public static class JiajieCalls
{
    /// <summary>Jiajie's name in messages.</summary>
    public const string System = "佳杰";
    /// <summary>Alibaba Cloud's name in messages.</summary>
    public const string AliyunSystem = "阿里云";
    /// <summary>A user not synced yet (§6 #14).</summary>
    public const string NotLinkedMessage = "请先同步佳杰用户";

    /// <summary>ECS DescribeRegions with the given filters (→ <c>{RequestId, Regions: {Region: [...]}}</c>).</summary>
    public static VendorRequest DescribeRegions(string? chargeType, string? resourceType, string? language) =>
        VendorRequest.Read("DescribeRegions", "/", new JsonObject
        {
            ["InstanceChargeType"] = chargeType, ["ResourceType"] = resourceType, ["AcceptLanguage"] = language,
        });

    /// <summary>Creates or links the user's Jiajie account (→ <c>{accountId}</c>).</summary>
    public static VendorRequest SyncUser(string userId, string userName, string orgId) =>
        VendorRequest.Write("SyncUser", "/api/v1/user/sync", new JsonObject
        {
            ["userId"] = userId, ["userName"] = userName, ["orgId"] = orgId,
        });

    /// <summary>A login token and redirect URL (→ <c>{token, redirectUrl}</c>).</summary>
    public static VendorRequest TokenRedirect(string accountId) =>
        VendorRequest.Write("GetTokenRedirect", "/api/v1/user/token", new JsonObject { ["accountId"] = accountId });
}
