using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Kboss.WebApi.Contract;

/// <summary>
/// The client address behind a reverse proxy (ADR 0018): when <c>Network:TrustedProxies</c> lists the proxies'
/// addresses (comma-separated), <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> from them set the client address
/// that sign-in throttling and rate limits key on; from anyone else the headers are ignored. Unset (default): the
/// TCP peer is the client and the headers are never read.
/// </summary>
public static class TrustedProxies
{
    private const string Key = "Network:TrustedProxies";

    /// <summary>Configures forwarded headers for the listed proxies.</summary>
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Parse(configuration[Key]);
        return services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
        });
    }

    /// <summary>Reads forwarded headers from the trusted proxies; nothing when none is configured.</summary>
    public static void UseTrustedProxies(this IApplicationBuilder app, IConfiguration configuration)
    {
        if (Parse(configuration[Key]).Count > 0) app.UseForwardedHeaders();
    }

    private static List<IPAddress> Parse(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => IPAddress.TryParse(p, out var ip) ? ip
                : throw new InvalidOperationException($"{Key}: '{p}' is not an IP address."))
            .ToList();
}
