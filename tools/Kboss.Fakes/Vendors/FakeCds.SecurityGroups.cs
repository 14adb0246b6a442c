using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Kboss.Fakes.Vendors;

/// <summary>
/// CDS security groups (首云OpenAPI v1.2 "ECS安全组相关接口", module 27) on <c>/sg/v1/</c>: Describe* by GET with query
/// parameters, the rest by POST with a typed JSON body (a boolean or number sent as text is refused, as a typed
/// vendor would). Stateful groups, rules and host bindings with CDS's rules: 20 groups per region, 100 rules per
/// group, a duplicate rule refused, an empty <c>PolicyIds</c> deletes every rule (the vendor default kboss guards
/// against), priorities 1–5 once per host, at most 5 groups per host, a host's last group cannot be unbound, a bound
/// group cannot be deleted. The calls are synchronous (no task). Hosts are the ones in <see cref="SgHosts"/>.
/// </summary>
public sealed partial class FakeCds
{
    /// <summary>One rule; <see cref="Direction"/> is <c>Ingress</c> or <c>Egress</c>.</summary>
    public sealed record SgRule(string Id, string Direction, string Protocol, string Port, int Priority, string Cidr,
        bool Status, string Description);

    /// <summary>One group (mutable under the fake's lock).</summary>
    public sealed class SgGroup(string id, string region)
    {
        public string Id { get; } = id;
        public string Region { get; } = region;
        public string Name { get; set; } = "";
        public string Description { get; set; } = "";
        public bool Interconnected { get; set; }
        public List<SgRule> Rules { get; } = [];
    }

    /// <summary>A host the security-group API knows (what DescribeSecurityGroupAssociationStatistics shows).</summary>
    public sealed record SgHost(string Id, string Name, string Region, string Zone, string Vpc, string Ip);

    public ConcurrentDictionary<string, SgGroup> SecurityGroups { get; } = new();
    public ConcurrentDictionary<string, SgHost> SgHosts { get; } = new();
    /// <summary>Host id → (group id → priority).</summary>
    public ConcurrentDictionary<string, Dictionary<string, int>> HostGroups { get; } = new();

    private readonly Lock _sgLock = new();

    private static readonly HashSet<string> SecurityGroupActions =
    [
        "DescribeSecurityGroups", "CreateSecurityGroup", "ModifySecurityGroupAttribute", "DeleteSecurityGroup",
        "CreateSecurityGroupPolicies", "DescribeSecurityGroupPolicies", "DeleteSecurityGroupPolicies",
        "ModifySecurityGroupPolicies", "AssociateSecurityGroups", "DisassociateSecurityGroups",
        "ModifySecurityGroupsPriority", "DescribeSecurityGroupAssociationStatistics",
    ];

    private IResult SecurityGroup(HttpRequest request, string action, JsonObject body)
    {
        if (request.Path != "/sg/v1/") return Error(400, "UnsupportedAction", $"{action} 不属于该接口");
        if (request.Method != (action.StartsWith("Describe", StringComparison.Ordinal) ? "GET" : "POST"))
            return Error(400, "UnsupportedHTTPMethod", "不支持的请求方法");
        lock (_sgLock)
            return action switch
            {
                "DescribeSecurityGroups" => DescribeGroups(body),
                "CreateSecurityGroup" => CreateGroup(body),
                "ModifySecurityGroupAttribute" => WithGroup(body, g => ModifyGroup(g, body)),
                "DeleteSecurityGroup" => WithGroup(body, DeleteGroup),
                "CreateSecurityGroupPolicies" => WithGroup(body, g => AddRules(g, body)),
                "DescribeSecurityGroupPolicies" => WithGroup(body, g => Ok(new JsonObject
                {
                    ["SecurityGroupId"] = g.Id,
                    ["SecurityGroupPolicySet"] = new JsonObject
                    {
                        ["Ingress"] = RulesOf(g, "Ingress"), ["Egress"] = RulesOf(g, "Egress"),
                    },
                })),
                "DeleteSecurityGroupPolicies" => WithGroup(body, g => DeleteRules(g, body)),
                "ModifySecurityGroupPolicies" => WithGroup(body, g => ModifyRules(g, body)),
                "AssociateSecurityGroups" => WithGroup(body, g => Associate(g, body)),
                "DisassociateSecurityGroups" => WithGroup(body, g => Disassociate(g, body)),
                "ModifySecurityGroupsPriority" => ResetHostGroups(body),
                _ => WithGroup(body, g =>
                {
                    var hosts = HostGroups.Where(h => h.Value.ContainsKey(g.Id) && SgHosts.ContainsKey(h.Key))
                        .Select(h => SgHosts[h.Key]).Select(h => (JsonNode)new JsonObject
                        {
                            ["InstanceName"] = h.Name, ["InstanceId"] = h.Id, ["Region"] = h.Region, ["Az"] = h.Zone,
                            ["Vpc"] = h.Vpc, ["Ip"] = h.Ip,
                        }).ToArray();
                    return Ok(new JsonObject
                    {
                        ["InstanceCount"] = hosts.Length, ["InstanceStatistics"] = new JsonArray(hosts),
                    });
                }),
            };
    }

    private IResult DescribeGroups(JsonObject q)
    {
        var all = SecurityGroups.Values
            .Where(g => S(q, "RegionCode") is not { Length: > 0 } r || g.Region == r)
            .Where(g => S(q, "SecurityGroupId") is not { Length: > 0 } id || g.Id == id)
            .Where(g => S(q, "SecurityGroupName") is not { Length: > 0 } n
                        || g.Name.Contains(n, StringComparison.Ordinal))
            .OrderBy(g => g.Id, StringComparer.Ordinal).ToList();
        var page = int.TryParse(S(q, "PageNumber"), out var p) ? p : 0;
        var size = int.TryParse(S(q, "PageSize"), out var s) && s > 0 ? s : 10;
        var shown = page <= 0 ? all : all.Skip((page - 1) * size).Take(size).ToList();
        return Ok(new JsonObject
        {
            ["TotalCount"] = all.Count,
            ["SecurityGroupSet"] = new JsonArray(shown.Select(g => (JsonNode)new JsonObject
            {
                ["SecurityGroupId"] = g.Id, ["SecurityGroupName"] = g.Name, ["SecurityGroupRegion"] = g.Region,
                ["InstanceCount"] = HostGroups.Values.Count(h => h.ContainsKey(g.Id)), ["IpCount"] = 2000,
                ["SecurityGroupDesc"] = g.Description, ["CreatedTime"] = "2026-12-07 12:00:00",
                ["UpdateTime"] = "2026-12-07 12:00:00", ["GroupInterconnected"] = g.Interconnected,
            }).ToArray()),
        });
    }

    private IResult CreateGroup(JsonObject b)
    {
        var name = S(b, "SecurityGroupName");
        if (name.Length is 0 or > 60 || S(b, "RegionCode").Length == 0)
            return Error(400, "MissingParameter", "SecurityGroupName(最多60个字符)和RegionCode必填");
        if (b["GroupInterconnected"] is { } gi && !IsBool(gi))
            return Error(400, "InvalidParameter", "GroupInterconnected必须是布尔值");
        if (SecurityGroups.Values.Count(g => g.Region == S(b, "RegionCode")) >= 20)
            return Error(400, "SecurityGroupLimitExceeded", "安全组数量超出配额(每个区域20个)");
        var group = new SgGroup(NextId("sg"), S(b, "RegionCode"))
        {
            Name = name, Description = S(b, "SecurityGroupDescription"),
            Interconnected = b["GroupInterconnected"]?.GetValue<bool>() ?? false,
        };
        SecurityGroups[group.Id] = group;
        return Ok(new JsonObject { ["SecurityGroupId"] = group.Id });
    }

    private IResult ModifyGroup(SgGroup g, JsonObject b)
    {
        if (b["GroupInterconnected"] is { } gi && !IsBool(gi))
            return Error(400, "InvalidParameter", "GroupInterconnected必须是布尔值");
        var name = b["SecurityGroupName"]?.ToString();
        var description = b["SecurityGroupDescription"]?.ToString();
        var interconnected = b["GroupInterconnected"]?.GetValue<bool>();
        if ((name is null || name == g.Name) && (description is null || description == g.Description)
            && (interconnected is null || interconnected == g.Interconnected))
            return Error(400, "InvalidParameter", "至少修改一项,且不能与原内容一致");
        g.Name = name ?? g.Name;
        g.Description = description ?? g.Description;
        g.Interconnected = interconnected ?? g.Interconnected;
        return Ok(null);
    }

    private IResult DeleteGroup(SgGroup g)
    {
        if (HostGroups.Values.Any(h => h.ContainsKey(g.Id))) return Error(403, "InvalidOperation", "安全组已绑定实例,无法删除");
        SecurityGroups.TryRemove(g.Id, out _);
        return Ok(null);
    }

    private IResult AddRules(SgGroup g, JsonObject b)
    {
        var (rules, error) = ReadRules(b["SecurityGroupPolicySet"]);
        if (error is not null) return Error(400, "InvalidParameter", error);
        if (g.Rules.Count + rules.Count > 100) return Error(400, "MaxPolicyCountExceed", "安全组规则数量超出配额(100条)");
        if (rules.FirstOrDefault(r => g.Rules.Any(e => Same(e, r))) is not null)
            return Error(400, "InvalidParameter", "新增的规则与已有规则重复");
        g.Rules.AddRange(rules);
        return Ok(null);
    }

    private IResult DeleteRules(SgGroup g, JsonObject b)
    {
        var ids = (b["PolicyIds"] as JsonArray ?? []).Select(i => i?.ToString() ?? "").ToList();
        if (ids.FirstOrDefault(id => g.Rules.All(r => r.Id != id)) is { } unknown)
            return Error(404, "InvalidResourceId.NotFound", $"规则不存在: {unknown}");
        g.Rules.RemoveAll(r => ids.Count == 0 || ids.Contains(r.Id)); // CDS: an empty list deletes every rule
        return Ok(null);
    }

    private IResult ModifyRules(SgGroup g, JsonObject b)
    {
        if (b["Reset"] is not { } reset || !IsBool(reset)) return Error(400, "MissingParameter", "Reset必须是布尔值");
        if (reset.GetValue<bool>())
        {
            var (rules, error) = ReadRules(b["SecurityGroupPolicySet"]);
            if (error is not null) return Error(400, "InvalidParameter", error);
            g.Rules.Clear();
            g.Rules.AddRange(rules);
            return Ok(null);
        }
        var changed = new List<(SgRule Old, SgRule New)>();
        foreach (var (direction, item) in Items(b["SecurityGroupPolicySet"]))
        {
            var old = g.Rules.FirstOrDefault(r => r.Id == S(item, "PolicyId") && r.Direction == direction);
            if (old is null) return Error(404, "InvalidResourceId.NotFound", $"规则不存在: {S(item, "PolicyId")}");
            if ((item["Priority"] is { } p && !IsInt(p)) || (item["Status"] is { } st && !IsBool(st)))
                return Error(400, "InvalidParameter", "Priority必须是整数,Status必须是布尔值");
            var updated = old with
            {
                Protocol = item["Protocol"]?.ToString().ToLowerInvariant() ?? old.Protocol,
                Port = item["Port"]?.ToString() ?? old.Port,
                Priority = item["Priority"]?.GetValue<int>() ?? old.Priority,
                Cidr = item["CidrBlock"]?.ToString() ?? old.Cidr,
                Status = item["Status"]?.GetValue<bool>() ?? old.Status,
                Description = item["PolicyDescription"]?.ToString() ?? old.Description,
            };
            if (updated == old) return Error(400, "InvalidParameter", "修改内容至少有一处与原规则不同");
            if (g.Rules.Any(e => e.Id != old.Id && Same(e, updated)))
                return Error(400, "InvalidParameter", "修改后的规则与已有规则重复");
            changed.Add((old, updated));
        }
        foreach (var (old, updated) in changed) g.Rules[g.Rules.IndexOf(old)] = updated;
        return Ok(null);
    }

    private IResult Associate(SgGroup g, JsonObject b)
    {
        if (S(b, "RegionCode") != g.Region) return Error(400, "InvalidParameter", "RegionCode与安全组区域不一致");
        var items = (b["InstanceSet"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (items.Count == 0) return Error(400, "MissingParameter", "InstanceSet必填");
        foreach (var item in items)
        {
            var host = S(item, "InstanceId");
            if (!SgHosts.ContainsKey(host)) return Error(404, "InvalidResourceId.NotFound", $"实例不存在: {host}");
            if (item["SecurityGroupPriority"] is not { } p || !IsInt(p) || p.GetValue<int>() is < 1 or > 5)
                return Error(400, "InvalidParameter", "SecurityGroupPriority只能1~5");
            var groups = HostGroups.GetOrAdd(host, _ => []);
            if (groups.ContainsKey(g.Id)) return Error(400, "InvalidParameter", $"实例已绑定该安全组: {host}");
            if (groups.ContainsValue(p.GetValue<int>())) return Error(400, "InvalidParameter", "同一实例内,安全组的优先级不能重复");
            if (groups.Count >= 5) return Error(400, "MaxSecurityGroupCountExceed", "一个实例最多绑定5个安全组");
        }
        foreach (var item in items)
            HostGroups[S(item, "InstanceId")][g.Id] = item["SecurityGroupPriority"]!.GetValue<int>();
        return Ok(null);
    }

    private IResult Disassociate(SgGroup g, JsonObject b)
    {
        var hosts = (b["InstanceIds"] as JsonArray ?? []).Select(i => i?.ToString() ?? "").ToList();
        if (hosts.Count == 0) return Error(400, "MissingParameter", "InstanceIds必填");
        foreach (var host in hosts)
        {
            if (!HostGroups.TryGetValue(host, out var groups) || !groups.ContainsKey(g.Id))
                return Error(400, "InvalidParameter", $"实例未绑定该安全组: {host}");
            if (groups.Count == 1) return Error(403, "InvalidOperation", "当安全组为当前实例的最后一个安全组时，无法解绑");
        }
        foreach (var host in hosts) HostGroups[host].Remove(g.Id);
        return Ok(null);
    }

    private IResult ResetHostGroups(JsonObject b)
    {
        var host = S(b, "InstanceId");
        if (!SgHosts.TryGetValue(host, out var h)) return Error(404, "InvalidResourceId.NotFound", $"实例不存在: {host}");
        if (S(b, "RegionCode") != h.Region) return Error(400, "InvalidParameter", "RegionCode与实例区域不一致");
        var items = (b["SecurityGroupSet"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (items.Count is 0 or > 5) return Error(400, "InvalidParameter", "SecurityGroupSet需要1~5个安全组");
        if (items.FirstOrDefault(i => !SecurityGroups.ContainsKey(S(i, "SecurityGroupId"))) is { } missing)
            return Error(404, "InvalidResourceId.NotFound", $"安全组不存在: {S(missing, "SecurityGroupId")}");
        if (items.Any(i => i["Priority"] is not { } p || !IsInt(p))
            || items.Select(i => i["Priority"]!.GetValue<int>()).Distinct().Count() != items.Count)
            return Error(400, "InvalidParameter", "Priority必须是整数且不能重复");
        HostGroups[host] = items.ToDictionary(i => S(i, "SecurityGroupId"), i => i["Priority"]!.GetValue<int>());
        return Ok(null);
    }

    private IResult WithGroup(JsonObject b, Func<SgGroup, IResult> then) =>
        SecurityGroups.TryGetValue(S(b, "SecurityGroupId"), out var g)
            ? then(g)
            : Error(404, "InvalidResourceId.NotFound", "安全组不存在");

    private JsonArray RulesOf(SgGroup g, string direction) => new(g.Rules.Where(r => r.Direction == direction)
        .Select(r => (JsonNode)new JsonObject
        {
            ["SecurityGroupId"] = g.Id, ["PolicyID"] = r.Id, ["Protocol"] = r.Protocol,
            ["PolicyDescription"] = r.Description, ["Port"] = r.Port, ["CidrBlock"] = r.Cidr,
            ["Priority"] = r.Priority, ["Status"] = r.Status,
        }).ToArray());

    /// <summary>The complete rules of a <c>SecurityGroupPolicySet</c>, or why not.</summary>
    private (List<SgRule> Rules, string? Error) ReadRules(JsonNode? set)
    {
        var rules = new List<SgRule>();
        foreach (var (direction, o) in Items(set))
        {
            var protocol = S(o, "Protocol").ToLowerInvariant();
            if (protocol is not ("tcp" or "udp" or "icmp")) return ([], "协议类型只能是TCP/UDP/ICMP");
            if (!S(o, "Port").Contains('/') || S(o, "CidrBlock").Length == 0)
                return ([], "Port和CidrBlock必填");
            if (o["Priority"] is not { } p || !IsInt(p) || p.GetValue<int>() is < 1 or > 100)
                return ([], "Priority必须是1~100的整数");
            if (o["Status"] is not { } st || !IsBool(st)) return ([], "Status必须是布尔值");
            var rule = new SgRule(NextId("sp"), direction, protocol, S(o, "Port"), p.GetValue<int>(), S(o, "CidrBlock"),
                st.GetValue<bool>(), S(o, "PolicyDescription"));
            if (rules.Any(r => Same(r, rule))) return ([], "规则重复");
            rules.Add(rule);
        }
        return (rules, null);
    }

    private static IEnumerable<(string Direction, JsonObject Item)> Items(JsonNode? set) =>
        new[] { "Ingress", "Egress" }
            .SelectMany(d => (set?[d] as JsonArray ?? []).OfType<JsonObject>().Select(o => (d, o)));

    private static bool Same(SgRule a, SgRule b) => a.Direction == b.Direction && a.Protocol == b.Protocol
        && a.Port == b.Port && a.Cidr == b.Cidr && a.Priority == b.Priority && a.Status == b.Status;

    private static bool IsBool(JsonNode n) => n.GetValueKind() is JsonValueKind.True or JsonValueKind.False;

    private static bool IsInt(JsonNode n) => n.GetValueKind() == JsonValueKind.Number && n is JsonValue v
        && v.TryGetValue<int>(out _);
}
