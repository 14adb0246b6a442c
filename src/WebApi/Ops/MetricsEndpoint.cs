using System.Net;
using Kboss.Application.Common.Metrics;
using Kboss.Domain.Identity;
using Microsoft.AspNetCore.Authorization;
using OpenTelemetry.Metrics;

namespace Kboss.WebApi.Ops;

/// <summary>
/// OpenTelemetry metrics in Prometheus format at <c>/metrics</c> (ADR 0019): ASP.NET Core, HttpClient, EF Core and
/// .NET runtime meters plus <see cref="KbossMetrics"/>. Off unless <c>Metrics:Enabled</c>; when on, only an admin's
/// token or a caller inside <c>Metrics:AllowedNetworks</c> (comma-separated CIDRs, e.g. <c>10.0.0.0/8,127.0.0.1/32</c>)
/// may read it — others get the usual 401/403 envelope.
/// </summary>
public static class MetricsEndpoint
{
    private const string Policy = "metrics";

    /// <summary>True when <c>Metrics:Enabled</c>.</summary>
    public static bool Enabled(IConfiguration c) => bool.TryParse(c["Metrics:Enabled"], out var on) && on;

    /// <summary>Registers the meters, the exporter and the access policy when enabled.</summary>
    public static IServiceCollection AddKbossMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        if (!Enabled(configuration)) return services;
        var networks = ParseNetworks(configuration["Metrics:AllowedNetworks"]);
        services.AddOpenTelemetry().WithMetrics(m => m
            .AddAspNetCoreInstrumentation()
            .AddMeter(KbossMetrics.MeterName, "System.Net.Http", "System.Runtime", "Microsoft.EntityFrameworkCore",
                "Quartz")
            .AddPrometheusExporter());
        services.AddSingleton<IAuthorizationHandler>(new ScraperHandler(networks));
        services.AddAuthorization(o => o.AddPolicy(Policy, p => p.AddRequirements(new ScraperRequirement())));
        return services;
    }

    /// <summary>Maps <c>/metrics</c> when enabled.</summary>
    public static void MapKbossMetrics(this WebApplication app)
    {
        if (Enabled(app.Configuration)) app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(Policy);
    }

    /// <summary>Parses comma-separated CIDRs.</summary>
    /// <exception cref="InvalidOperationException">A value that is not a CIDR.</exception>
    public static IReadOnlyList<IPNetwork> ParseNetworks(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => IPNetwork.TryParse(v, out var n) ? n
                : throw new InvalidOperationException($"Metrics:AllowedNetworks: '{v}' is not a CIDR"))
            .ToList();

    /// <summary>Whether <paramref name="address"/> is in <paramref name="networks"/> (mapped IPv6 as IPv4).</summary>
    public static bool Allowed(IReadOnlyList<IPNetwork> networks, IPAddress? address)
    {
        if (address is null) return false;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return networks.Any(n => n.Contains(address));
    }

    private sealed class ScraperRequirement : IAuthorizationRequirement;

    private sealed class ScraperHandler(IReadOnlyList<IPNetwork> networks) : AuthorizationHandler<ScraperRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context,
            ScraperRequirement requirement)
        {
            var remote = (context.Resource as HttpContext)?.Connection.RemoteIpAddress;
            if (context.User.IsInRole(Roles.Admin) || Allowed(networks, remote)) context.Succeed(requirement);
            return Task.CompletedTask;
        }
    }
}
