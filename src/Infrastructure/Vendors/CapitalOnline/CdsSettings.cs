using Microsoft.Extensions.Configuration;

namespace Kboss.Infrastructure.Vendors.CapitalOnline;

/// <summary>
/// Capital Online settings (section <c>Vendors:CapitalOnline</c>; keys are per operator org in the database, ADR
/// 0037): the public hosts used when an org's key names no endpoint, the API version, time-out and retries.
/// </summary>
/// <param name="NetworkHost">Host of the network family (<c>NetworkHost</c>, default https://cdsapi.capitalonline.net).</param>
/// <param name="ApiHost">Host of the ECS, EBS and security-group families (<c>ApiHost</c>, default
/// https://api.capitalonline.net).</param>
/// <param name="Version">The <c>Version</c> parameter (default 2019-08-08).</param>
/// <param name="Limits"><c>TimeoutSeconds</c> (15) and <c>MaxRetries</c> (2, read-only actions only).</param>
public sealed record CdsSettings(string NetworkHost, string ApiHost, string Version, VendorLimits Limits)
{
    /// <summary>Reads the section.</summary>
    public static CdsSettings From(IConfiguration configuration)
    {
        var s = configuration.GetSection("Vendors:CapitalOnline");
        return new CdsSettings(
            (s["NetworkHost"] ?? "https://cdsapi.capitalonline.net").TrimEnd('/'),
            (s["ApiHost"] ?? "https://api.capitalonline.net").TrimEnd('/'),
            s["Version"] ?? "2019-08-08",
            new VendorLimits(TimeSpan.FromSeconds(s.GetValue("TimeoutSeconds", 15.0)), s.GetValue("MaxRetries", 2)));
    }
}
