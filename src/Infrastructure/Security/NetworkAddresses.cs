using System.Net;
using System.Net.Sockets;

namespace Kboss.Infrastructure.Security;

/// <summary>
/// Address classes kboss checks before it connects to an address taken from data (kubeconfig servers, ADR 0014;
/// approval callback URLs, ADR 0026; vendor endpoints, ADR 0037). IPv6 addresses that carry an IPv4 address — IPv4-mapped (::ffff:0:0/96), NAT64
/// (64:ff9b::/96) and 6to4 (2002::/16) — are judged as that IPv4 address.
/// </summary>
public static class NetworkAddresses
{
    /// <summary>
    /// Link-local (cloud instance metadata at 169.254.169.254, fe80::/10), multicast, broadcast and unspecified:
    /// addresses no service of an operator listens on but that reach something else from the kboss host.
    /// </summary>
    public static bool IsNeverAService(IPAddress ip)
    {
        ip = Normal(ip);
        if (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any) || ip.Equals(IPAddress.Broadcast)) return true;
        if (ip.AddressFamily == AddressFamily.InterNetworkV6) return ip.IsIPv6LinkLocal || ip.IsIPv6Multicast;
        var b = ip.GetAddressBytes();
        return (b[0] == 169 && b[1] == 254) || b[0] >= 224;
    }

    /// <summary>
    /// Loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7, fec0::/10), carrier-grade NAT (100.64/10) and
    /// 0/8: addresses inside the kboss host's own network.
    /// </summary>
    public static bool IsInternal(IPAddress ip)
    {
        ip = Normal(ip);
        if (IPAddress.IsLoopback(ip)) return true;
        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
            return ip.IsIPv6SiteLocal || ip.IsIPv6UniqueLocal;
        var b = ip.GetAddressBytes();
        return b[0] is 10 or 0 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168)
               || (b[0] == 100 && b[1] is >= 64 and <= 127);
    }

    /// <summary>True when <paramref name="host"/> is on <paramref name="allowed"/> (lower-case entries: exact, or
    /// <c>*.suffix</c> for subdomains).</summary>
    public static bool HostAllowed(IEnumerable<string> allowed, string host)
    {
        host = host.Trim('[', ']').ToLowerInvariant();
        return allowed.Any(h => h == host
            || (h.StartsWith("*.", StringComparison.Ordinal) && host.EndsWith(h[1..], StringComparison.Ordinal)));
    }

    /// <summary>The addresses of <paramref name="host"/> (an IP literal is its own).</summary>
    public static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var ip) ? [ip] : await Dns.GetHostAddressesAsync(host, ct);

    /// <summary>
    /// Connects to <paramref name="endpoint"/> only when every address it resolves to passes
    /// <paramref name="allowed"/> (an HTTP handler's connect callback: the addresses checked are the ones connected
    /// to, whatever DNS answers later).
    /// </summary>
    /// <exception cref="HttpRequestException">An address is not allowed (<paramref name="refusal"/>).</exception>
    public static async ValueTask<Stream> ConnectCheckedAsync(DnsEndPoint endpoint, Func<IPAddress, bool> allowed,
        string refusal, CancellationToken ct)
    {
        var addresses = await ResolveAsync(endpoint.Host, ct);
        if (addresses.Length == 0 || !addresses.All(allowed)) throw new HttpRequestException(refusal);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static IPAddress Normal(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6) return ip.MapToIPv4();
        if (ip.AddressFamily != AddressFamily.InterNetworkV6) return ip;
        var b = ip.GetAddressBytes();
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
            return new IPAddress(b.AsSpan(12, 4)); // NAT64 well-known prefix
        if (b[0] == 0x20 && b[1] == 0x02) return new IPAddress(b.AsSpan(2, 4)); // 6to4
        return ip;
    }
}
