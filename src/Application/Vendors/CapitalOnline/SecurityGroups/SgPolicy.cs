using System.Net;
using System.Text.Json.Nodes;

namespace Kboss.Application.Vendors.CapitalOnline.SecurityGroups;

/// <summary>How complete a rule must be.</summary>
public enum SgPolicyMode
{
    /// <summary>A new rule (CreateSecurityGroupPolicies, ModifySecurityGroupPolicies <c>Reset=true</c>): Protocol,
    /// Port, Priority, CidrBlock and Status required; no PolicyId.</summary>
    Complete,
    /// <summary>A change (ModifySecurityGroupPolicies <c>Reset=false</c>): PolicyId and at least one other field.
    /// </summary>
    Change,
}

/// <summary>
/// One security-group rule as CDS takes it (首云OpenAPI v1.2, ECS安全组 §5/§8; analysis/vendors.md §3.7 CDS-SG-05):
/// <c>Protocol</c> TCP/UDP/ICMP, <c>Port</c> "from/to" (ICMP: "1/1"), <c>Priority</c> 1–100, <c>CidrBlock</c> an IPv4
/// network or address, <c>Status</c> true allow / false deny, <c>PolicyDescription</c>. Fields read
/// case-insensitively, <c>PolicyId</c>/<c>PolicyID</c> both accepted.
/// </summary>
public sealed record SgPolicy(string? PolicyId, string? Protocol, string? Port, int? Priority, string? CidrBlock,
    bool? Status, string? Description)
{
    /// <summary>Protocols CDS security groups accept.</summary>
    public static readonly string[] Protocols = ["TCP", "UDP", "ICMP"];
    /// <summary>Rules one group holds at most (CDS quota).</summary>
    public const int MaxRules = 100;
    /// <summary>Longest description.</summary>
    public const int DescriptionMax = 128;

    /// <summary>The rule in CDS's spelling (absent fields left out).</summary>
    public JsonObject ToVendor()
    {
        var o = new JsonObject();
        if (PolicyId is not null) o["PolicyId"] = PolicyId;
        if (Protocol is not null) o["Protocol"] = Protocol;
        if (Description is not null) o["PolicyDescription"] = Description;
        if (Port is not null) o["Port"] = Port;
        if (Priority is not null) o["Priority"] = Priority;
        if (CidrBlock is not null) o["CidrBlock"] = CidrBlock;
        if (Status is not null) o["Status"] = Status;
        return o;
    }

    /// <summary>The rules of a JSON array text; <paramref name="param"/> names the parameter in messages.</summary>
    public static SgParsed<IReadOnlyList<SgPolicy>> ParseList(string? raw, string param, SgPolicyMode mode) =>
        ParseList(string.IsNullOrWhiteSpace(raw) ? null : SgInput.Parse(raw) ?? JsonValue.Create(raw), param, mode);

    /// <summary>The rules of a JSON array node (null → none).</summary>
    public static SgParsed<IReadOnlyList<SgPolicy>> ParseList(JsonNode? node, string param, SgPolicyMode mode)
    {
        if (node is null) return SgParsed<IReadOnlyList<SgPolicy>>.Ok([]);
        if (node is not JsonArray a || a.Any(i => i is not JsonObject))
            return SgParsed<IReadOnlyList<SgPolicy>>.Bad($"{param}必须是规则对象数组,如 [{{\"Protocol\":\"TCP\",...}}]");
        if (a.Count > MaxRules) return SgParsed<IReadOnlyList<SgPolicy>>.Bad($"{param}最多{MaxRules}条规则");
        var rules = new List<SgPolicy>();
        for (var i = 0; i < a.Count; i++)
        {
            var (rule, error) = Read((JsonObject)a[i]!, mode);
            if (error is not null) return SgParsed<IReadOnlyList<SgPolicy>>.Bad($"{param}第{i + 1}条: {error}");
            rules.Add(rule!);
        }
        var keys = rules.Select(r => r.PolicyId ?? $"{r.Protocol}|{r.Port}|{r.Priority}|{r.CidrBlock}|{r.Status}");
        return keys.Distinct().Count() == rules.Count
            ? SgParsed<IReadOnlyList<SgPolicy>>.Ok(rules)
            : SgParsed<IReadOnlyList<SgPolicy>>.Bad($"{param}中有重复的规则");
    }

    /// <summary>One rule, or why not.</summary>
    private static (SgPolicy? Rule, string? Error) Read(JsonObject o, SgPolicyMode mode)
    {
        var id = VendorJson.Str(o, "PolicyId", "PolicyID")?.Trim();
        var protocol = VendorJson.Str(o, "Protocol")?.Trim().ToUpperInvariant();
        var port = VendorJson.Str(o, "Port")?.Trim();
        var priorityNode = VendorJson.Get(o, "Priority");
        var priority = SgInput.Int(priorityNode, 1, 100);
        var cidr = VendorJson.Str(o, "CidrBlock")?.Trim();
        var statusNode = VendorJson.Get(o, "Status");
        var status = SgInput.Bool(statusNode);
        var description = VendorJson.Str(o, "PolicyDescription", "Description")?.Trim();
        if (mode == SgPolicyMode.Complete)
        {
            if (protocol is null) return (null, "缺少Protocol");
            if (port is null && protocol == "ICMP") port = "1/1";
            if (port is null) return (null, "缺少Port");
            if (priorityNode is null) return (null, "缺少Priority");
            if (cidr is null) return (null, "缺少CidrBlock");
            if (statusNode is null) return (null, "缺少Status");
            id = null;
        }
        else
        {
            if (string.IsNullOrEmpty(id) || id.Length > CdsRules.IdMax) return (null, "缺少PolicyId");
            if (protocol is null && port is null && priorityNode is null && cidr is null && statusNode is null
                && description is null)
                return (null, "至少修改一项(Protocol/Port/Priority/CidrBlock/Status/PolicyDescription)");
        }
        if (protocol is not null && !Protocols.Contains(protocol))
            return (null, $"Protocol取值无效,可选: {string.Join("/", Protocols)}");
        if (port is not null && !IsPortRange(port)) return (null, "Port必须是 起始端口/结束端口 (1-65535),如 22/22");
        if (priorityNode is not null && priority is null) return (null, "Priority必须是 1 到 100 之间的整数");
        if (cidr is not null && !IsCidrOrAddress(cidr)) return (null, "CidrBlock必须是IPv4网段或IP,如 0.0.0.0/0");
        if (statusNode is not null && status is null) return (null, "Status必须是 true(允许) 或 false(拒绝)");
        if (description is { Length: > DescriptionMax }) return (null, $"PolicyDescription长度不能超过{DescriptionMax}个字符");
        if (description is not null && description.Any(char.IsControl)) return (null, "PolicyDescription包含非法控制字符");
        return (new SgPolicy(id, protocol, port, priority, cidr, status, description), null);
    }

    /// <summary><c>from/to</c> with 1 ≤ from ≤ to ≤ 65535.</summary>
    public static bool IsPortRange(string port)
    {
        var parts = port.Split('/');
        return parts.Length == 2 && int.TryParse(parts[0], out var from) && int.TryParse(parts[1], out var to)
            && from >= 1 && from <= to && to <= 65535 && parts.All(p => p.All(char.IsAsciiDigit));
    }

    /// <summary>An IPv4 network (<c>10.0.0.0/8</c>, canonical) or address (<c>1.2.3.4</c>).</summary>
    public static bool IsCidrOrAddress(string value) =>
        CdsRules.IsCidr(value) || (IPAddress.TryParse(value, out var ip)
            && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && ip.ToString() == value);
}
