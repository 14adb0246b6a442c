using System.Net;
using Kboss.Application.Vendors;
using Kboss.Infrastructure.Security;
using Microsoft.Extensions.Configuration;

namespace Kboss.Infrastructure.Vendors;

/// <summary>
/// <see cref="IVendorEndpointPolicy"/> from <c>Vendors:EndpointAllowedHosts</c> (a list or one comma-separated value;
/// exact hosts or <c>*.suffix</c>) and <c>Vendors:AllowPrivateEndpoints</c> (default false: loopback and private
/// addresses refused at connect time; link-local, multicast and unspecified always).
/// </summary>
public sealed class VendorEndpointPolicy(IReadOnlyList<string> allowedHosts, bool allowPrivate) : IVendorEndpointPolicy
{
    /// <summary>Host not on the allow-list.</summary>
    public const string NotAllowedMessage = "endpoint域名不在白名单内(Vendors:EndpointAllowedHosts)";
    /// <summary>An address of the host is internal.</summary>
    public const string InternalMessage = "endpoint不能指向内网、本机或链路本地地址";

    /// <summary>Reads the settings.</summary>
    public static VendorEndpointPolicy From(IConfiguration configuration)
    {
        var s = configuration.GetSection("Vendors");
        var hosts = s.GetSection("EndpointAllowedHosts").GetChildren().Select(c => c.Value ?? "").ToList();
        if (hosts.Count == 0 && s["EndpointAllowedHosts"] is { } one) hosts = [.. one.Split(',')];
        return new VendorEndpointPolicy(
            hosts.Select(h => h.Trim().ToLowerInvariant()).Where(h => h.Length > 0).ToList(),
            bool.TryParse(s["AllowPrivateEndpoints"], out var p) && p);
    }

    /// <inheritdoc />
    public string? Check(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.UserInfo.Length == 0
            ? NetworkAddresses.HostAllowed(allowedHosts, uri.IdnHost) ? null : NotAllowedMessage
            : "endpoint格式错误";

    /// <summary>Never link-local, multicast or unspecified; loopback and private only when configured.</summary>
    public bool IsAllowed(IPAddress ip) =>
        !NetworkAddresses.IsNeverAService(ip) && (allowPrivate || !NetworkAddresses.IsInternal(ip));

    /// <summary>An HTTP handler for vendor calls: no proxy, no redirects, addresses checked at connect.</summary>
    public SocketsHttpHandler Handler() => new()
    {
        AllowAutoRedirect = false, UseProxy = false,
        ConnectCallback = (context, ct) =>
            NetworkAddresses.ConnectCheckedAsync(context.DnsEndPoint, IsAllowed, InternalMessage, ct),
    };
}
