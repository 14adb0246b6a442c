using System.Net;
using System.Net.Sockets;

namespace Kboss.Infrastructure.Security;

/// <summary>
/// Address classes kboss checks before it connects to an address taken from data (kubeconfig servers, ADR 0014;
/// approval callback URLs, ADR 0026). IPv6 addresses that carry an IPv4 address — IPv4-mapped (::ffff:0:0/96), NAT64
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
