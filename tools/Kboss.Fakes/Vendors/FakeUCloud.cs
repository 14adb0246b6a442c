using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kboss.Fakes.Vendors;

/// <summary>
/// A local UCloud (analysis/vendors.md §4.7, §4.10): the API root served at <c>/ucloud/</c> (an operator's key names
/// <c>http://127.0.0.1:PORT/ucloud</c> as its endpoint), a form, JSON or query request dispatched on <c>Action</c>,
/// the signature checked (sorted key+value, private key, SHA1 hex; written here independently of kboss), state for
/// projects, hosts, firewalls and EIPs, host states that finish after <see cref="FakeVendorServer.PollsToFinish"/>
/// describes (<c>Initializing</c> → <c>Running</c>, <c>Stopping</c> → <c>Stopped</c>, …), price tables, and UCloud's
/// answers <c>{RetCode, Action, Message, …}</c> with its error codes (RetCode ≠ 0).
/// </summary>
public sealed class FakeUCloud : FakeVendorServer
{
    public const string PublicKey = "ucloud-test-public-key";
    public const string PrivateKey = "ucloud-test-private-key-0123456789";
    /// <summary>Path of the API root.</summary>
    public const string Prefix = "/ucloud";

    /// <summary>A host; <see cref="State"/> is where it will be once its transition finished.</summary>
    public sealed class Host(string id, string name, string region, string zone, string project, int cpu, int memory)
    {
        public string Id { get; } = id;
        public string Name { get; } = name;
        public string Region { get; } = region;
        public string Zone { get; } = zone;
        public string ProjectId { get; } = project;
        public int Cpu { get; } = cpu;
        public int Memory { get; } = memory;
        public string State { get; set; } = "Running";
        public string Transition { get; set; } = "Initializing";
        public string TransitionKey { get; set; } = id + ":create";
        public string? FirewallId { get; set; }
        public string Password { get; set; } = "";
    }

    public sealed record Firewall(string Id, string Name, string Region, string ProjectId)
    {
        public List<string> Rules { get; set; } = [];
        public string Tag { get; set; } = "Default";
        public string Remark { get; set; } = "";
    }

    public sealed record Eip(string Id, string Name, string Region, string ProjectId, string Ip, int Bandwidth,
        string OperatorName, string ChargeType)
    {
        public string? HostId { get; set; }
    }

    public ConcurrentDictionary<string, string> Projects { get; } = new();
    public ConcurrentDictionary<string, Host> Hosts { get; } = new();
    public ConcurrentDictionary<string, Firewall> Firewalls { get; } = new();
    public ConcurrentDictionary<string, Eip> Eips { get; } = new();
    /// <summary>Refuse calls whose signature does not match (default on).</summary>
    public bool CheckSignatures { get; set; } = true;
    /// <summary>List price of one vCPU per month, 元.</summary>
    public decimal CpuMonth { get; set; } = 50m;
    /// <summary>List price of 1 GB of memory per month, 元.</summary>
    public decimal GbMonth { get; set; } = 20m;
    /// <summary>List price of 1 Mbps of EIP bandwidth per month, 元.</summary>
    public decimal MbpsMonth { get; set; } = 23m;

    /// <summary>On a free loopback port.</summary>
    public FakeUCloud() : base(0) { }

    /// <param name="port">Loopback port; 0 picks a free one.</param>
    public FakeUCloud(int port) : base(port) { }

    /// <summary>The endpoint an operator saves with its key.</summary>
    public string Endpoint => BaseUrl + Prefix;

    protected override string ActionOf(HttpRequest request) => request.Query["Action"].ToString();

    protected override bool Owns(HttpRequest request) =>
        request.Path.Value is Prefix or Prefix + "/";

    protected override void MapRoutes(WebApplication app)
    {
        app.MapMethods(Prefix, ["GET", "POST"], (Delegate)HandleAsync); // routing ignores a trailing slash
    }

    private async Task<IResult> HandleAsync(HttpContext ctx)
    {
        var p = await ReadAsync(ctx.Request);
        var action = p.GetValueOrDefault("Action", "");
        if (action.Length == 0) return Fail("", 161, "Missing Action");
        if (CheckSignatures && !SignatureValid(p))
            return p.GetValueOrDefault("PublicKey") == PublicKey
                ? Fail(action, 171, "Signature VerifyAC Error") : Fail(action, 172, "User not exist");
        lock (Hosts)
            return Dispatch(action, p);
    }

    private IResult Dispatch(string action, Dictionary<string, string> p) => action switch
    {
        "CreateProject" => CreateProject(p),
        "GetProjectList" => Ok(action, new JsonObject
        {
            ["ProjectSet"] = Array(Projects.Select(x => new JsonObject { ["ProjectId"] = x.Key, ["ProjectName"] = x.Value })),
        }),
        "DescribeUHostInstance" => DescribeHosts(p),
        "DescribeAvailableInstanceTypes" => Ok(action, new JsonObject
        {
            ["AvailableInstanceTypes"] = Array(new[] { "N", "C", "G", "O" }.Select(t => new JsonObject
            {
                ["Name"] = t, ["Zone"] = p.GetValueOrDefault("Zone", "cn-bj2-02"),
                ["Status"] = t == "G" ? "SoldOut" : "Normal",
            })),
        }),
        "DescribeImage" => Ok(action, new JsonObject
        {
            ["TotalCount"] = 2,
            ["ImageSet"] = Array(new[] { ("uimage-centos", "CentOS 7.9 64位", "Linux"), ("uimage-win", "Windows 2019", "Windows") }
                .Where(i => p.GetValueOrDefault("OsType") is not { Length: > 0 } os || os == i.Item3)
                .Select(i => new JsonObject
                {
                    ["ImageId"] = i.Item1, ["ImageName"] = i.Item2, ["OsType"] = i.Item3, ["ImageType"] = "Base",
                    ["State"] = "Available",
                })),
        }),
        "GetUHostInstancePrice" => HostPrice(p),
        "CreateUHostInstance" => CreateHost(p),
        "StopUHostInstance" => Power(p, "Stopping", "Stopped", from: "Running"),
        "StartUHostInstance" => Power(p, "Starting", "Running", from: "Stopped"),
        "RebootUHostInstance" => Power(p, "Rebooting", "Running", from: "Running"),
        "GetUHostInstanceVncInfo" => WithHost(p, h => Ok(action, new JsonObject
        {
            ["UHostId"] = h.Id, ["UhostId"] = h.Id, ["VncIP"] = "127.0.0.1", ["VncPort"] = 5901,
            ["VncPassword"] = "vnc-" + h.Id,
        })),
        "TerminateUHostInstance" => WithHost(p, h =>
        {
            Hosts.TryRemove(h.Id, out _);
            if (p.GetValueOrDefault("ReleaseEIP") == "true")
                foreach (var e in Eips.Values.Where(e => e.HostId == h.Id).ToList()) Eips.TryRemove(e.Id, out _);
            foreach (var e in Eips.Values.Where(e => e.HostId == h.Id)) e.HostId = null;
            return Ok(action, new JsonObject { ["UHostId"] = h.Id, ["InRecycle"] = "No" });
        }),
        "ResetUHostInstancePassword" => WithHost(p, h =>
        {
            if (h.State != "Stopped" || Current(h) != "Stopped")
                return Fail(action, 8116, $"UHost [{h.Id}] state [{Current(h)}] not allowed, stop it first");
            h.Password = Encoding.UTF8.GetString(Convert.FromBase64String(p.GetValueOrDefault("Password", "")));
            return Ok(action, new JsonObject { ["UHostId"] = h.Id });
        }),
        "CreateFirewall" => CreateFirewall(p),
        "DescribeFirewall" => Ok(action, List("DataSet", Firewalls.Values
            .Where(f => f.Region == p.GetValueOrDefault("Region"))
            .Where(f => p.GetValueOrDefault("FWId") is not { Length: > 0 } id || f.Id == id)
            .Where(f => p.GetValueOrDefault("ResourceId") is not { Length: > 0 } r
                        || (Hosts.TryGetValue(r, out var h) && h.FirewallId == f.Id))
            .Select(f => new JsonObject
            {
                ["FWId"] = f.Id, ["Name"] = f.Name, ["Tag"] = f.Tag, ["Remark"] = f.Remark,
                ["ResourceCount"] = Hosts.Values.Count(h => h.FirewallId == f.Id),
                ["Rule"] = Array(f.Rules.Select(r => Rule(r))),
            }))),
        "DeleteFirewall" => WithFirewall(p, f =>
        {
            if (Hosts.Values.Any(h => h.FirewallId == f.Id))
                return Fail(action, 8013, $"Firewall [{f.Id}] in use by uhost, disassociate it first");
            Firewalls.TryRemove(f.Id, out _);
            return Ok(action, new JsonObject());
        }),
        "UpdateFirewall" => WithFirewall(p, f =>
        {
            var rules = Listed(p, "Rule");
            if (rules.Count == 0) return Fail(action, 230, "Params [Rule] not available");
            f.Rules = rules;
            return Ok(action, new JsonObject { ["FWId"] = f.Id });
        }),
        "UpdateFirewallAttribute" => WithFirewall(p, f =>
        {
            var updated = f with { Name = p.GetValueOrDefault("Name") is { Length: > 0 } n ? n : f.Name };
            updated.Rules = f.Rules;
            updated.Tag = p.GetValueOrDefault("Tag") is { Length: > 0 } t ? t : f.Tag;
            updated.Remark = p.GetValueOrDefault("Remark") ?? f.Remark;
            Firewalls[f.Id] = updated;
            return Ok(action, new JsonObject());
        }),
        "DescribeFirewallResource" => WithFirewall(p, f => Ok(action, List("ResourceSet", Hosts.Values
            .Where(h => h.FirewallId == f.Id).Select(h => new JsonObject
            {
                ["ResourceId"] = h.Id, ["ResourceType"] = "uhost", ["Name"] = h.Name, ["Zone"] = h.Zone,
                ["Status"] = 1,
            })))),
        "GrantFirewall" => WithFirewall(p, f => WithHost(p, h =>
        {
            h.FirewallId = f.Id;
            return Ok(action, new JsonObject());
        }, "ResourceId")),
        "DisassociateFirewall" => WithFirewall(p, f => WithHost(p, h =>
        {
            if (h.FirewallId != f.Id) return Fail(action, 8014, $"Firewall [{f.Id}] not bound to [{h.Id}]");
            h.FirewallId = null;
            return Ok(action, new JsonObject());
        }, "ResourceId")),
        "GetEIPPrice" => EipPrice(p),
        "AllocateEIP" => AllocateEip(p),
        "DescribeEIP" => DescribeEips(p),
        "BindEIP" => WithEip(p, e => WithHost(p, h =>
        {
            if (e.HostId is not null) return Fail(action, 8027, $"EIP [{e.Id}] already bound");
            e.HostId = h.Id;
            return Ok(action, new JsonObject());
        }, "ResourceId")),
        "UnBindEIP" => WithEip(p, e => WithHost(p, h =>
        {
            if (e.HostId != h.Id) return Fail(action, 8028, $"EIP [{e.Id}] not bound to [{h.Id}]");
            e.HostId = null;
            return Ok(action, new JsonObject());
        }, "ResourceId")),
        "ReleaseEIP" => WithEip(p, e =>
        {
            if (e.HostId is not null) return Fail(action, 8029, $"EIP [{e.Id}] in use, unbind it first");
            Eips.TryRemove(e.Id, out _);
            return Ok(action, new JsonObject());
        }),
        _ => Fail(action, 160, $"Action [{action}] not exist"),
    };

    private IResult CreateProject(Dictionary<string, string> p)
    {
        if (p.GetValueOrDefault("ProjectName") is not { Length: > 0 } name)
            return Fail("CreateProject", 230, "Params [ProjectName] not available");
        var id = NextId("org");
        Projects[id] = name;
        return Ok("CreateProject", new JsonObject { ["ProjectId"] = id });
    }

    /// <summary>The state a describe shows now: the transition's until it was polled enough, then the target.</summary>
    private string Current(Host h) => h.Transition.Length == 0 ? h.State : PeekDone(h) ? h.State : h.Transition;

    private readonly ConcurrentDictionary<string, int> _seen = new();

    private bool PeekDone(Host h) => _seen.GetValueOrDefault(h.TransitionKey) > PollsToFinish;

    private IResult DescribeHosts(Dictionary<string, string> p)
    {
        var ids = Listed(p, "UHostIds");
        var items = Hosts.Values.Where(h => h.Region == p.GetValueOrDefault("Region"))
            .Where(h => p.GetValueOrDefault("ProjectId") is not { Length: > 0 } pr || h.ProjectId == pr)
            .Where(h => ids.Count == 0 || ids.Contains(h.Id)).OrderBy(h => h.Id).ToList();
        var set = new JsonArray();
        foreach (var h in items)
        {
            if (h.Transition.Length > 0)
            {
                var n = _seen.AddOrUpdate(h.TransitionKey, 1, (_, k) => k + 1);
                if (n > PollsToFinish) h.Transition = "";
            }
            set.Add(new JsonObject
            {
                ["UHostId"] = h.Id, ["Name"] = h.Name, ["Zone"] = h.Zone, ["State"] = Current(h), ["CPU"] = h.Cpu,
                ["Memory"] = h.Memory, ["BasicImageId"] = "uimage-centos", ["ChargeType"] = "Month",
                ["IPSet"] = Array(Eips.Values.Where(e => e.HostId == h.Id).Select(e => new JsonObject
                {
                    ["Type"] = e.OperatorName, ["IP"] = e.Ip, ["IPId"] = e.Id, ["Bandwidth"] = e.Bandwidth,
                }).Append(new JsonObject { ["Type"] = "Private", ["IP"] = "10.9.0." + h.Id[^1] })),
            });
        }
        return Ok("DescribeUHostInstance", new JsonObject { ["TotalCount"] = set.Count, ["UHostSet"] = set });
    }

    private IResult HostPrice(Dictionary<string, string> p)
    {
        if (!int.TryParse(p.GetValueOrDefault("CPU"), out var cpu) || !int.TryParse(p.GetValueOrDefault("Memory"), out var mem))
            return Fail("GetUHostInstancePrice", 230, "Params [CPU/Memory] not available");
        var month = cpu * CpuMonth + mem / 1024 * GbMonth + DiskGb(p) * 0.5m;
        var count = int.TryParse(p.GetValueOrDefault("Count"), out var c) ? c : 1;
        var quantity = int.TryParse(p.GetValueOrDefault("Quantity"), out var q) && q > 0 ? q : 1;
        return Ok("GetUHostInstancePrice", Prices(p, month * count, quantity));
    }

    private JsonObject Prices(Dictionary<string, string> p, decimal month, int quantity)
    {
        var types = p.GetValueOrDefault("ChargeType") is { Length: > 0 } only ? [only] : new[] { "Month", "Year", "Dynamic" };
        return new JsonObject
        {
            ["PriceSet"] = Array(types.Select(t =>
            {
                var list = Math.Round(t switch
                {
                    "Year" => month * 10 * quantity,
                    "Dynamic" or "Postpay" => month / 720,
                    _ => month * quantity,
                }, 2);
                return new JsonObject
                {
                    ["ChargeType"] = t, ["OriginalPrice"] = list, ["Price"] = Math.Round(list * 0.8m, 2),
                    ["ListPrice"] = list, ["PurchaseValue"] = 1798732800,
                };
            })),
        };
    }

    private static int DiskGb(Dictionary<string, string> p) =>
        p.Where(x => x.Key.StartsWith("Disks.", StringComparison.Ordinal) && x.Key.EndsWith(".Size", StringComparison.Ordinal))
            .Sum(x => int.TryParse(x.Value, out var n) ? n : 0);

    private IResult CreateHost(Dictionary<string, string> p)
    {
        const string action = "CreateUHostInstance";
        foreach (var required in new[] { "Region", "Zone", "ImageId", "CPU", "Memory", "Password", "Disks.0.Type" })
            if (p.GetValueOrDefault(required) is not { Length: > 0 })
                return Fail(action, 230, $"Params [{required}] not available");
        if (p.GetValueOrDefault("SecurityGroupId") is { Length: > 0 } fw && !Firewalls.ContainsKey(fw))
            return Fail(action, 8021, $"Firewall [{fw}] not exist");
        var h = new Host(NextId("uhost"), p.GetValueOrDefault("Name", "UHost"), p["Region"], p["Zone"],
            p.GetValueOrDefault("ProjectId", ""), int.Parse(p["CPU"], CultureInfo.InvariantCulture),
            int.Parse(p["Memory"], CultureInfo.InvariantCulture))
        {
            FirewallId = p.GetValueOrDefault("SecurityGroupId") is { Length: > 0 } f ? f : null,
            Password = Encoding.UTF8.GetString(Convert.FromBase64String(p["Password"])),
        };
        Hosts[h.Id] = h;
        return Ok(action, new JsonObject { ["UHostIds"] = new JsonArray(h.Id), ["IPs"] = new JsonArray("10.9.0." + h.Id[^1]) });
    }

    private IResult Power(Dictionary<string, string> p, string transition, string target, string from) =>
        WithHost(p, h =>
        {
            var now = Current(h);
            if (now != from)
                return Fail("Power", 8116, $"UHost [{h.Id}] state [{now}] not allowed");
            h.State = target;
            h.Transition = transition;
            h.TransitionKey = $"{h.Id}:{NextId("t")}";
            return Ok(p["Action"], new JsonObject { ["UHostId"] = h.Id });
        });

    private IResult CreateFirewall(Dictionary<string, string> p)
    {
        var rules = Listed(p, "Rule");
        if (p.GetValueOrDefault("Name") is not { Length: > 0 } name) return Fail("CreateFirewall", 230, "Params [Name] not available");
        if (rules.Count == 0) return Fail("CreateFirewall", 230, "Params [Rule] not available");
        var f = new Firewall(NextId("firewall"), name, p.GetValueOrDefault("Region", ""), p.GetValueOrDefault("ProjectId", ""))
        {
            Rules = rules, Tag = p.GetValueOrDefault("Tag", "Default"), Remark = p.GetValueOrDefault("Remark", ""),
        };
        Firewalls[f.Id] = f;
        return Ok("CreateFirewall", new JsonObject { ["FWId"] = f.Id });
    }

    private IResult EipPrice(Dictionary<string, string> p)
    {
        if (!int.TryParse(p.GetValueOrDefault("Bandwidth"), out var mbps) || p.GetValueOrDefault("OperatorName") is not { Length: > 0 })
            return Fail("GetEIPPrice", 230, "Params [Bandwidth/OperatorName] not available");
        var quantity = int.TryParse(p.GetValueOrDefault("Quantity"), out var q) && q > 0 ? q : 1;
        return Ok("GetEIPPrice", Prices(p, mbps * MbpsMonth, quantity));
    }

    private IResult AllocateEip(Dictionary<string, string> p)
    {
        if (!int.TryParse(p.GetValueOrDefault("Bandwidth"), out var mbps) || p.GetValueOrDefault("OperatorName") is not { Length: > 0 } op)
            return Fail("AllocateEIP", 230, "Params [Bandwidth/OperatorName] not available");
        var id = NextId("eip");
        var e = new Eip(id, p.GetValueOrDefault("Name", "EIP"), p.GetValueOrDefault("Region", ""),
            p.GetValueOrDefault("ProjectId", ""), "106.75.0." + int.Parse(id[^3..], CultureInfo.InvariantCulture), mbps, op,
            p.GetValueOrDefault("ChargeType", "Month"));
        Eips[id] = e;
        return Ok("AllocateEIP", new JsonObject
        {
            ["EIPSet"] = new JsonArray(new JsonObject
            {
                ["EIPId"] = id, ["EIPAddr"] = new JsonArray(new JsonObject { ["IP"] = e.Ip, ["OperatorName"] = op }),
            }),
        });
    }

    private IResult DescribeEips(Dictionary<string, string> p)
    {
        var ids = Listed(p, "EIPIds");
        var items = Eips.Values.Where(e => e.Region == p.GetValueOrDefault("Region"))
            .Where(e => ids.Count == 0 || ids.Contains(e.Id)).OrderBy(e => e.Id).Select(e => new JsonObject
            {
                ["EIPId"] = e.Id, ["Name"] = e.Name, ["Bandwidth"] = e.Bandwidth, ["ChargeType"] = e.ChargeType,
                ["Status"] = e.HostId is null ? "free" : "used",
                ["EIPAddr"] = new JsonArray(new JsonObject { ["IP"] = e.Ip, ["OperatorName"] = e.OperatorName }),
                ["Resource"] = e.HostId is null ? null
                    : new JsonObject { ["ResourceType"] = "uhost", ["ResourceID"] = e.HostId },
            }).ToList();
        var o = List("EIPSet", items);
        o["UnbindCount"] = items.Count(i => i["Status"]!.ToString() == "free");
        o["TotalBandwidth"] = items.Sum(i => i["Bandwidth"]!.GetValue<int>());
        return Ok("DescribeEIP", o);
    }

    private IResult WithHost(Dictionary<string, string> p, Func<Host, IResult> then, string param = "UHostId") =>
        Hosts.TryGetValue(p.GetValueOrDefault(param, ""), out var h)
            ? then(h) : Fail(p.GetValueOrDefault("Action", ""), 8039, $"UHost [{p.GetValueOrDefault(param)}] not exist");

    private IResult WithFirewall(Dictionary<string, string> p, Func<Firewall, IResult> then) =>
        Firewalls.TryGetValue(p.GetValueOrDefault("FWId", ""), out var f)
            ? then(f) : Fail(p.GetValueOrDefault("Action", ""), 8021, $"Firewall [{p.GetValueOrDefault("FWId")}] not exist");

    private IResult WithEip(Dictionary<string, string> p, Func<Eip, IResult> then) =>
        Eips.TryGetValue(p.GetValueOrDefault("EIPId", ""), out var e)
            ? then(e) : Fail(p.GetValueOrDefault("Action", ""), 8025, $"EIP [{p.GetValueOrDefault("EIPId")}] not exist");

    private static JsonObject Rule(string rule)
    {
        var f = rule.Split('|');
        return new JsonObject
        {
            ["ProtocolType"] = f[0], ["DstPort"] = f[1], ["SrcIP"] = f[2], ["RuleAction"] = f[3],
            ["Priority"] = f.Length > 4 ? f[4] : "", ["Remark"] = f.Length > 5 ? f[5] : "",
        };
    }

    /// <summary><c>name.0</c>, <c>name.1</c>, … in order.</summary>
    private static List<string> Listed(Dictionary<string, string> p, string name)
    {
        var list = new List<string>();
        for (var i = 0; p.TryGetValue($"{name}.{i}", out var v); i++) list.Add(v);
        return list;
    }

    private static JsonArray Array(IEnumerable<JsonObject> items) => new(items.Cast<JsonNode>().ToArray());

    private static JsonObject List(string field, IEnumerable<JsonObject> items)
    {
        var array = Array(items);
        return new JsonObject { ["TotalCount"] = array.Count, [field] = array };
    }

    private static IResult Ok(string action, JsonObject body)
    {
        var o = new JsonObject { ["RetCode"] = 0, ["Action"] = action + "Response" };
        foreach (var (k, v) in body.ToList())
        {
            body.Remove(k);
            o[k] = v;
        }
        return Results.Content(o.ToJsonString(), "application/json");
    }

    /// <summary>A UCloud error answer (HTTP 200, RetCode ≠ 0).</summary>
    public static JsonObject ErrorBody(string action, int retCode, string message) =>
        new() { ["RetCode"] = retCode, ["Action"] = action + "Response", ["Message"] = message };

    private static IResult Fail(string action, int retCode, string message) =>
        Results.Content(ErrorBody(action, retCode, message).ToJsonString(), "application/json");

    private static async Task<Dictionary<string, string>> ReadAsync(HttpRequest request)
    {
        var p = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        if (request.HasFormContentType)
            foreach (var (k, v) in await request.ReadFormAsync()) p[k] = v.ToString();
        else if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true
                 && await JsonNode.ParseAsync(request.Body) is JsonObject json)
            foreach (var (k, v) in json) p[k] = v is JsonValue jv ? jv.ToString() : v?.ToJsonString() ?? "";
        return p;
    }

    /// <summary>UCloud's signature, computed here on its own: SHA1 hex of the sorted key+value pairs and the private
    /// key.</summary>
    private static bool SignatureValid(Dictionary<string, string> p)
    {
        if (p.GetValueOrDefault("PublicKey") != PublicKey) return false;
        var text = new StringBuilder();
        foreach (var key in p.Keys.Where(k => k != "Signature").Order(StringComparer.Ordinal))
            text.Append(key).Append(p[key]);
        text.Append(PrivateKey);
        var hex = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(text.ToString()))).ToLowerInvariant();
        return p.GetValueOrDefault("Signature") == hex;
    }
}
