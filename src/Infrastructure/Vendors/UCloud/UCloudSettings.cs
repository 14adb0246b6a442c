using Microsoft.Extensions.Configuration;

namespace Kboss.Infrastructure.Vendors.UCloud;

/// <summary>
/// UCloud settings (section <c>Vendors:UCloud</c>; keys are per operator org in the database, ADR 0037/0044): the
/// public API root used when an org's key names no endpoint, time-out and retries.
/// </summary>
/// <param name="ApiRoot">API root (<c>ApiRoot</c>, default https://api.ucloud.cn).</param>
/// <param name="Limits"><c>TimeoutSeconds</c> (15) and <c>MaxRetries</c> (2, read-only actions only).</param>
public sealed record UCloudSettings(string ApiRoot, VendorLimits Limits)
{
    public static UCloudSettings From(IConfiguration configuration)
    {
        var s = configuration.GetSection("Vendors:UCloud");
        return new UCloudSettings((s["ApiRoot"] ?? "https://api.ucloud.cn").TrimEnd('/'),
            new VendorLimits(TimeSpan.FromSeconds(s.GetValue("TimeoutSeconds", 15.0)), s.GetValue("MaxRetries", 2)));
    }
}
