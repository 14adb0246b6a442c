using Kboss.Domain.Common;

namespace Kboss.Domain.Vendors;

/// <summary>Vendor codes of <see cref="VendorCredential.Vendor"/> (one per resold cloud).</summary>
public static class VendorCodes
{
    /// <summary>首都在线 Capital Online (CDS).</summary>
    public const string CapitalOnline = "cds";
    // UCloud (issue 15)
    /// <summary>优刻得 UCloud (key id = PublicKey, secret = private key).</summary>
    public const string UCloud = "ucloud";
    // Baidu, JD Cloud, Aliyun through Jiajie, Casdao (issue 15)
    /// <summary>百度智能云 Baidu AI Cloud (虚商 reseller API).</summary>
    public const string Baidu = "baidu";
    /// <summary>京东云 JD Cloud (partner API).</summary>
    public const string JdCloud = "jdcloud";
    /// <summary>阿里云 Alibaba Cloud OpenAPI (ECS DescribeRegions), key provided through Jiajie.</summary>
    public const string Aliyun = "aliyun";
    /// <summary>佳杰 Jiajie, the Alibaba Cloud distributor (user sync, SSO).</summary>
    public const string Jiajie = "jiajie";
    /// <summary>互联云 Casdao.</summary>
    public const string Casdao = "casdao";
    // Jinan HPC (issue 15)
    /// <summary>济南超算 National Supercomputing Center in Jinan.</summary>
    public const string JinanHpc = "jnhpc";

    /// <summary>Vendors kboss has an adapter for.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        CapitalOnline,
        UCloud, // issue 15
        Baidu, JdCloud, Aliyun, Jiajie, Casdao, // issue 15
        JinanHpc, // issue 15
    ];

    /// <summary>True for a code in <see cref="All"/>.</summary>
    public static bool IsKnown(string? code) => code is not null && All.Contains(code);
}

/// <summary>
/// An operator org's master key for one vendor (analysis/vendors.md §4.1, §6 #43): kboss calls the vendor with it for
/// the operator's customers. The secret is encrypted at rest (ASP.NET Core Data Protection, like every secret) and
/// never returned; <see cref="Endpoint"/> optionally points the vendor's API families at another base URL (a test or
/// staging endpoint). One live row per (org, vendor). ADR 0037.
/// </summary>
public sealed class VendorCredential : Entity
{
    /// <summary>Longest access key id.</summary>
    public const int KeyIdLength = 128;
    /// <summary>Longest endpoint URL.</summary>
    public const int EndpointLength = 300;

    /// <summary>Operator org whose customers use the key.</summary>
    public string OrgId { get; init; } = "";
    /// <summary><see cref="VendorCodes"/>.</summary>
    public string Vendor { get; init; } = "";
    /// <summary>AccessKeyId (not secret; shown).</summary>
    public string AccessKeyId { get; private set; } = "";
    /// <summary>AccessKeySecret, protected.</summary>
    public string SecretProtected { get; private set; } = "";
    /// <summary>Base URL replacing the vendor's public hosts; null for the configured defaults.</summary>
    public string? Endpoint { get; private set; }
    /// <summary>Last editor.</summary>
    public string UpdatedBy { get; private set; } = "";

    /// <summary>Sets the key id, the endpoint and (when <paramref name="protectedSecret"/> is not null) the secret.
    /// A new row needs a secret.</summary>
    public Result Set(string accessKeyId, string? protectedSecret, string? endpoint, string userId)
    {
        if (string.IsNullOrWhiteSpace(accessKeyId))
            return new Failure(FailureKind.InvalidArgument, "access_key_id不能为空", "access_key_id");
        if (protectedSecret is null && SecretProtected.Length == 0)
            return new Failure(FailureKind.InvalidArgument, "access_key_secret不能为空", "access_key_secret");
        AccessKeyId = accessKeyId.Trim();
        if (protectedSecret is not null) SecretProtected = protectedSecret;
        Endpoint = string.IsNullOrWhiteSpace(endpoint) ? null : endpoint.Trim().TrimEnd('/');
        UpdatedBy = userId;
        return Result.Done;
    }
}
