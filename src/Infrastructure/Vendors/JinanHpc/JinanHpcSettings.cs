using Microsoft.Extensions.Configuration;

namespace Kboss.Infrastructure.Vendors.JinanHpc;

/// <summary>
/// Jinan HPC settings (section <c>Vendors:JinanHpc</c>; keys are per operator org in <c>vendor_credential</c>,
/// vendor <c>jnhpc</c>): the API base URL used when an org's key names no endpoint, time-out and retries.
/// </summary>
/// <param name="ApiHost">Base URL (<c>ApiHost</c>, default https://api.nsccjn.cn; the centre gives each reseller
/// its address, so operators normally set the key's endpoint).</param>
/// <param name="Limits"><c>TimeoutSeconds</c> (15) and <c>MaxRetries</c> (2, reads only).</param>
public sealed record JinanHpcSettings(string ApiHost, VendorLimits Limits)
{
    /// <summary>Reads the section.</summary>
    public static JinanHpcSettings From(IConfiguration configuration)
    {
        var s = configuration.GetSection("Vendors:JinanHpc");
        return new JinanHpcSettings((s["ApiHost"] ?? "https://api.nsccjn.cn").TrimEnd('/'),
            new VendorLimits(TimeSpan.FromSeconds(s.GetValue("TimeoutSeconds", 15.0)), s.GetValue("MaxRetries", 2)));
    }
}
