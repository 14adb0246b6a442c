using System.Net;

namespace Kboss.Application.Vendors.UCloud.Firewalls;

/// <summary>
/// UCloud firewall rules (analysis/vendors.md §3.10 UC-FW-02): <c>协议|端口|IP|ACCEPT或DROP|优先级|备注</c>, e.g.
/// <c>TCP|22|0.0.0.0/0|ACCEPT|HIGH|ssh</c>; 5 or 6 fields, the remark ≤ 64 characters. The list arrives as a JSON
/// array or comma-separated text (§5.3).
/// </summary>
public static class FirewallRules
{
    /// <summary>UC-FW-01's protocols, with the ports each takes.</summary>
    public static readonly IReadOnlyList<(string Protocol, string Ports)> Protocols =
    [
        ("TCP", "1-65535"), ("UDP", "1-65535"), ("ICMP", ""), ("GRE", ""), ("ESP", ""), ("AH", ""),
    ];

    /// <summary>The rules of <paramref name="raw"/>, or null when one is malformed (or none are given, or more than
    /// 100).</summary>
    public static IReadOnlyList<string>? Parse(string? raw)
    {
        var list = VendorJson.ParseList(raw);
        return list is { Count: > 0 and <= 100 } && list.All(IsRule) ? list : null;
    }

    /// <summary>One well-formed rule.</summary>
    public static bool IsRule(string rule)
    {
        var f = rule.Split('|');
        if (f.Length is not (5 or 6)) return false;
        var protocol = f[0].ToUpperInvariant();
        if (!Protocols.Any(p => p.Protocol == protocol)) return false;
        var portsNeeded = protocol is "TCP" or "UDP";
        if (portsNeeded && !IsPorts(f[1])) return false;
        if (!portsNeeded && f[1].Length > 0 && !IsPorts(f[1])) return false;
        return IPNetwork.TryParse(f[2], out _) && f[3] is "ACCEPT" or "DROP" && f[4] is "HIGH" or "MEDIUM" or "LOW"
               && (f.Length == 5 || f[5].Length <= 64);
    }

    private static bool IsPorts(string ports)
    {
        var parts = ports.Split('-');
        return parts.Length is 1 or 2 && parts.All(p => int.TryParse(p, out var n) && n is >= 1 and <= 65535);
    }
}
