using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Kboss.Fakes.Vendors;

/// <summary>
/// The ECS/EBS families of the fake Capital Online (analysis/vendors.md §3.8, §4.10): zones, compute families and
/// their sale status, public and private images, stateful hosts that stay <c>building</c> for
/// <see cref="FakeVendorServer.PollsToFinish"/> describes and then run, power operations checked against the host's
/// state, events (<c>EventId</c>) that finish after the same number of polls, a configurable
/// <see cref="PriceOf"/> for DescribePrice, and the documented ECS error codes with their HTTP statuses.
/// </summary>
public sealed partial class FakeCds
{
    /// <summary>One host. <see cref="Status"/> null: still being built (<see cref="FakeVendorServer.Poll"/>).</summary>
    public sealed class Host
    {
        public required string Id { get; init; }
        public required string Name { get; set; }
        public required string Zone { get; init; }
        public required string Family { get; init; }
        public int Cpu { get; init; }
        public int Ram { get; init; }
        public int Gpu { get; init; }
        public string ImageId { get; init; } = "";
        public string VpcId { get; init; } = "";
        public string SubnetId { get; init; } = "";
        public string BillingMethod { get; init; } = "0";
        public string? Status { get; set; }
    }

    /// <summary>A private image and the zones holding a copy.</summary>
    public sealed record Image(string Id, string Name, string EcsId, ConcurrentDictionary<string, bool> Zones);

    /// <summary>An asynchronous ECS event and the resources it acts on.</summary>
    public sealed record Event(string Id, string Type, IReadOnlyList<string> ResourceIds);

    /// <summary>A spec of a compute family: cores, GB of memory, GPU cards, sale status (SELL / SELLOUT).</summary>
    public sealed record Spec(string Family, int Cpu, int Ram, int Gpu, string Status = "SELL");

    public ConcurrentDictionary<string, Host> Hosts { get; } = new();
    public ConcurrentDictionary<string, Image> Images { get; } = new();
    public ConcurrentDictionary<string, Event> Events { get; } = new();

    /// <summary>Region code → its zones.</summary>
    public Dictionary<string, string[]> Zones { get; } = new()
    {
        ["CN_Beijing"] = ["CN_Beijing_A", "CN_Beijing_B"],
    };

    /// <summary>The specs sold in every zone.</summary>
    public List<Spec> Specs { get; } =
    [
        new("标准型S6", 2, 4, 0), new("标准型S6", 4, 8, 0),
        new("GPU计算型G7", 8, 32, 1), new("GPU计算型G7", 16, 64, 2, "SELLOUT"),
    ];

    /// <summary>Public images of every zone: id → name.</summary>
    public Dictionary<string, string> PublicImages { get; } = new()
    {
        ["img-ubuntu2204"] = "Ubuntu 22.04 64位", ["img-centos79"] = "CentOS 7.9 64位",
    };

    /// <summary>
    /// The list price (元) DescribePrice answers for a request body: per hour on demand (BillingMethod 0) and per
    /// month × Duration monthly (1): 0.05/core, 0.02/GB memory, 3.5/GPU card and 0.0005/GB disk per hour, × Number;
    /// a month is 720 hours.
    /// </summary>
    public Func<JsonObject, decimal> PriceOf { get; set; } = DefaultPrice;

    /// <summary>See <see cref="PriceOf"/>.</summary>
    public static decimal DefaultPrice(JsonObject body)
    {
        var disks = Json(body, "SystemDiskInfo") is JsonObject sys ? Int(sys, "Size") : 0;
        disks += (Json(body, "DataDiskInfo") as JsonArray ?? []).OfType<JsonObject>().Sum(d => Int(d, "Size"));
        var hour = Int(body, "Cpu") * 0.05m + Int(body, "Ram") * 0.02m + Int(body, "Gpu") * 3.5m + disks * 0.0005m;
        var number = Math.Max(1, Int(body, "Number"));
        var months = S(body, "BillingMethod") == "1" ? 720m * Math.Max(1, Int(body, "Duration")) : 1m;
        return Math.Round(hour * number * months, 2, MidpointRounding.AwayFromZero);
    }

    private IResult? HandleEcs(string action, JsonObject body) => action switch
    {
        "DescribeRegions" => Ok(new JsonArray(new JsonObject
        {
            ["RegionGroupId"] = "1", ["RegionGroupName"] = "中国大陆",
            ["RegionList"] = new JsonArray(Zones.Select(r => (JsonNode)new JsonObject
            {
                ["RegionId"] = r.Key, ["RegionName"] = r.Key, ["RegionCode"] = r.Key,
                ["AzList"] = new JsonArray(r.Value.Select(z => (JsonNode)new JsonObject
                {
                    ["AzId"] = "az-" + z, ["AzName"] = z, ["AvailableZoneCode"] = z,
                }).ToArray()),
            }).ToArray()),
        }), "获取地域可用区信息成功！"),
        "DescribeEcsFamilyInfo" => InZone(body, () => Ok(new JsonObject
        {
            ["EcsFamilyInfo"] = new JsonArray(Specs.GroupBy(s => s.Family).Select(g => (JsonNode)new JsonObject
            {
                ["EcsFamilyName"] = g.Key,
                ["SpecList"] = new JsonArray(g.Select(s => (JsonNode)SpecJson(s)).ToArray()),
            }).ToArray()),
        }, "获取计算类型族信息成功！")),
        "DescribeZoneInstanceType" => InZone(body, () => Ok(new JsonArray(Specs
            .Where(s => S(body, "EcsFamilyName") is not { Length: > 0 } f || s.Family == f)
            .Where(s => Matches(body, "Cpu", s.Cpu) && Matches(body, "Ram", s.Ram) && Matches(body, "Gpu", s.Gpu))
            .GroupBy(s => s.Family).Select(g => (JsonNode)new JsonObject
            {
                ["EcsFamilyName"] = g.Key, ["AvailableZone"] = S(body, "AvailableZoneCode"),
                ["SpecList"] = new JsonArray(g.Select(s => (JsonNode)SpecJson(s)).ToArray()),
            }).ToArray()), "获取计算类型规格成功！")),
        "DescribeImages" => InZone(body, () => DescribeImages(body)),
        "DescribeDiskQuota" => InZone(body, () => Ok(new JsonObject
        {
            ["QuotaList"] = new JsonArray(new JsonObject
            {
                ["TotalQuota"] = 10240, ["UsedQuota"] = Hosts.Count * 50, ["FreeQuota"] = 10240 - Hosts.Count * 50,
                ["DiskFeature"] = "ssd",
            }),
        }, "获取云盘配额成功！")),
        "DescribeAccountSubject" => Ok(new JsonArray(new JsonObject
        {
            ["Name"] = "测试金-平台", ["Balance"] = 1000, ["Income"] = 1000, ["Duration"] = 30,
            ["BeginTime"] = "2026-12-01 00:00:00", ["EndTime"] = "2026-12-31 00:00:00",
        }), "获取测试账户信息成功！"),
        "DescribePrice" => DescribePrice(body),
        "DescribeInstanceList" => Ok(DescribeInstanceList(body)),
        "DescribeInstance" => WithHost(S(body, "EcsId"), h => Ok(HostJson(h), "获取云服务器详情成功！")),
        "DescribeInstanceStatus" => WithHosts(body, "EcsIds", hosts => Ok(new JsonObject
        {
            ["EcsStatus"] = new JsonObject(hosts.Select(h => (h.Id, Status: StatusOf(h))).Select(h =>
                KeyValuePair.Create(h.Id,
                    (JsonNode?)new JsonObject { ["Status"] = h.Status, ["StatusDisplay"] = h.Status }))),
        }, "获取云服务器状态成功！")),
        "DescribeEvent" => DescribeEvent(S(body, "EventId")),
        "DescribeInstanceMonitor" => WithHost(S(body, "EcsId"), _ => Ok(Monitor(body), "获取监控信息成功！")),
        "DescribeInstanceVncUrl" => WithHost(S(body, "EcsId"), h => Ok(new JsonObject
        {
            ["InstanceVncUrl"] = $"https://vnc.fake-cds.local/{h.Id}?token={NextId("vnc")}",
        }, "获取远程连接地址成功！")),
        "CreateInstance" => CreateInstance(body),
        "OperateInstance" => WithHosts(body, "EcsIds", hosts => Operate(hosts, S(body, "OpType"))),
        "DeleteInstance" => WithHosts(body, "EcsIds", hosts =>
        {
            foreach (var h in hosts) Hosts.TryRemove(h.Id, out _);
            return Ok(new JsonObject { ["EventId"] = NewEvent("DeleteInstance", hosts) }, "删除云服务器任务下发成功！");
        }),
        "ModifyInstancePassword" => S(body, "Password").Length == 0
            ? Error(400, "MissingParameter", "缺少参数Password")
            : WithHosts(body, "EcsIds", hosts => Ok(new JsonObject
            {
                ["EventId"] = NewEvent("ModifyInstancePassword", hosts),
            }, "云服务器管理员用户密码修改任务下发成功！")),
        "ModifyInstanceName" => WithHost(S(body, "EcsId"), h =>
        {
            h.Name = S(body, "Name");
            return Ok(new JsonObject { ["EcsId"] = h.Id, ["Name"] = h.Name }, "修改实例名称成功！");
        }),
        "CreateImage" => WithHost(S(body, "EcsId"), h =>
        {
            var image = new Image(NextId("img"), S(body, "Name"), h.Id, new() { [h.Zone] = true });
            Images[image.Id] = image;
            return Ok(new JsonObject { ["EventId"] = NewEvent("CreateImage", [image.Id]), ["ImageId"] = image.Id },
                "创建私有镜像成功");
        }),
        "DeleteImage" => DeleteImage(body),
        "SyncImage" => Images.TryGetValue(S(body, "ImageId"), out var img)
            ? SyncImage(img, body)
            : Error(404, "InvalidImage.NotFound", "镜像不存在"),
        _ => null,
    };

    private IResult InZone(JsonObject body, Func<IResult> then) =>
        S(body, "AvailableZoneCode") is not { Length: > 0 } zone
            ? Error(400, "MissingParameter", "缺少参数AvailableZoneCode")
            : Zones.Values.Any(z => z.Contains(zone))
                ? then()
                : Error(404, "InvalidAvailableZone.NotFound", "可用区不存在");

    private static JsonObject SpecJson(Spec s) => new()
    {
        ["Cpu"] = s.Cpu, ["Ram"] = s.Ram, ["Gpu"] = s.Gpu, ["GpuShowType"] = s.Gpu > 0 ? "NVIDIA A10" : "",
        ["GpuType"] = s.Gpu > 0 ? "A10" : "", ["SupportGpuDriver"] = s.Gpu > 0 ? "Datacenter" : "",
        ["Status"] = s.Status, ["CpuName"] = "Intel Xeon",
    };

    private static bool Matches(JsonObject body, string name, int value) =>
        S(body, name) is not { Length: > 0 } given || given == value.ToString(CultureInfo.InvariantCulture);

    private IResult DescribeImages(JsonObject body)
    {
        var zone = S(body, "AvailableZoneCode");
        var wanted = (Json(body, "ImageIds") as JsonArray)?.Select(i => i?.ToString()).ToHashSet();
        var list = PublicImages.Select(p => ImageJson(p.Key, p.Value, "public", zone))
            .Concat(Images.Values.Where(i => i.Zones.ContainsKey(zone))
                .Select(i => ImageJson(i.Id, i.Name, "private", zone)))
            .Where(i => wanted is null || wanted.Contains(i["ImageId"]!.ToString())).ToArray();
        return Ok(new JsonObject
        {
            ["ImageList"] = new JsonArray(list.Cast<JsonNode>().ToArray()), ["TotalCount"] = list.Length,
            ["PageNumber"] = 1, ["PageSize"] = list.Length,
        }, "获取镜像信息成功！");
    }

    private JsonObject ImageJson(string id, string name, string type, string zone) => new()
    {
        ["TemplateType"] = type, ["ImageId"] = id, ["ImageName"] = name,
        ["Status"] = type == "public" ? "ok" : Poll(id, "creating", "ok"), ["OsType"] = "Linux", ["OsBit"] = 64,
        ["StatusDisplay"] = "可用", ["AvailableZoneCode"] = zone, ["CreateTime"] = "2026-12-07 12:00:00",
        ["OsSize"] = 40, ["IsOptimized"] = false,
    };

    private IResult DescribePrice(JsonObject body) => InZone(body, () =>
        FindSpec(body) is null
            ? Error(400, "InvalidInstanceSpec.ValueNotSupported", "不支持的规格")
            : Ok(new JsonObject
            {
                ["PriceUnit"] = S(body, "BillingMethod") == "1" ? "月" : "小时", ["PriceSymbol"] = "￥",
                ["TotalPrice"] = PriceOf(body),
            }, "获取计费信息成功！"));

    private Spec? FindSpec(JsonObject body) => Specs.FirstOrDefault(s => s.Family == S(body, "EcsFamilyName")
        && s.Cpu == Int(body, "Cpu") && s.Ram == Int(body, "Ram") && s.Gpu == Int(body, "Gpu"));

    private JsonObject DescribeInstanceList(JsonObject body)
    {
        var hosts = Hosts.Values
            .Where(h => S(body, "AvailableZoneCode") is not { Length: > 0 } z || h.Zone == z)
            .Where(h => S(body, "VpcId") is not { Length: > 0 } v || h.VpcId == v)
            .Where(h => S(body, "SearchInfo") is not { Length: > 0 } s || h.Id == s || h.Name.Contains(s))
            .OrderBy(h => h.Id, StringComparer.Ordinal).Select(HostJson).ToArray();
        return new JsonObject
        {
            ["EcsList"] = new JsonArray(hosts.Cast<JsonNode>().ToArray()), ["PageNumber"] = 1,
            ["PageSize"] = hosts.Length, ["TotalCount"] = hosts.Length,
        };
    }

    private string StatusOf(Host h) => h.Status ?? Poll(h.Id);

    private JsonObject HostJson(Host h) => HostJson(h, StatusOf(h));

    private static JsonObject HostJson(Host h, string status) => new()
    {
        ["EcsId"] = h.Id, ["EcsName"] = h.Name, ["Status"] = status, ["StatusDisplay"] = status,
        ["AvailableZoneCode"] = h.Zone, ["VpcId"] = h.VpcId, ["SubnetId"] = h.SubnetId, ["EcsFamilyName"] = h.Family,
        ["CpuSize"] = h.Cpu, ["RamSize"] = h.Ram, ["GpuSize"] = h.Gpu, ["IsGpu"] = h.Gpu > 0,
        ["BillingMethod"] = h.BillingMethod, ["ImageId"] = h.ImageId, ["CreateTime"] = "2026-12-07 12:00:00",
    };

    private IResult DescribeEvent(string id)
    {
        if (!Events.TryGetValue(id, out var e)) return Error(404, "InvalidEvent.NotFound", "事件不存在");
        var ended = Poll(id, "doing", "ended") == "ended";
        var tasks = e.ResourceIds.Select(r => (Resource: r,
            Status: !ended ? "doing" : FailingTasks.ContainsKey(r) ? "failed" : "success")).ToList();
        var status = !ended ? "doing" : tasks.Any(t => t.Status == "failed") ? "failed" : "success";
        return Ok(new JsonObject
        {
            ["EventId"] = e.Id, ["EventStatus"] = status, ["EventType"] = e.Type,
            ["TaskList"] = new JsonArray(tasks.Select(t => (JsonNode)new JsonObject
            {
                ["TaskId"] = e.Id + "-" + t.Resource, ["Status"] = t.Status, ["ResourceId"] = t.Resource,
            }).ToArray()),
        }, "获取事件信息成功！");
    }

    private static JsonObject Monitor(JsonObject body)
    {
        var wanted = (Json(body, "Indicators") as JsonArray ?? []).Select(i => i?.ToString() ?? "").ToArray();
        var data = new JsonObject();
        foreach (var indicator in wanted.Length == 0 ? ["CpuUsage", "MemoryUsage"] : wanted)
            data[indicator] = new JsonObject
            {
                ["Unit"] = "%", ["Device"] = "all", ["Time"] = new JsonArray("2026-12-07 12:00:00"),
                ["Value"] = new JsonArray(12.5),
            };
        return data;
    }

    private IResult CreateInstance(JsonObject body)
    {
        foreach (var required in new[] { "AvailableZoneCode", "EcsFamilyName", "Cpu", "Ram", "ImageId", "Password" })
            if (S(body, required).Length == 0) return Error(400, "MissingParameter", $"缺少参数{required}");
        if (!Zones.Values.Any(z => z.Contains(S(body, "AvailableZoneCode"))))
            return Error(404, "InvalidAvailableZone.NotFound", "可用区不存在");
        var spec = FindSpec(body);
        if (spec is null) return Error(400, "InvalidInstanceSpec.ValueNotSupported", "不支持的规格");
        if (spec.Status != "SELL") return Error(400, "InvalidInstanceType.ValueNotSupported", "该规格已售罄");
        var number = Math.Max(1, Int(body, "Number"));
        if (number > 100) return Error(400, "MaxEcsCountExceed", "超过最大云服务器数量");
        var image = S(body, "ImageId");
        if (!PublicImages.ContainsKey(image) && !Images.ContainsKey(image))
            return Error(404, "InvalidImage.NotFound", "镜像不存在");
        var vpc = Json(body, "VpcInfo") is JsonObject v ? S(v, "VpcId") : "";
        if (vpc.Length > 0 && !Vpcs.ContainsKey(vpc)) return Error(404, "InvalidVpc.NotFound", "VPC不存在");
        var name = S(body, "Name") is { Length: > 0 } n ? n : "ecs-" + DateTime.UtcNow.ToString("yyyyMMdd");
        var start = Math.Max(1, Int(body, "StartNumber"));
        var hosts = Enumerable.Range(0, number).Select(i => new Host
        {
            Id = NextId("ins"), Name = number > 1 ? $"{name}-{start + i}" : name,
            Zone = S(body, "AvailableZoneCode"),
            Family = spec.Family, Cpu = spec.Cpu, Ram = spec.Ram, Gpu = spec.Gpu, ImageId = image, VpcId = vpc,
            SubnetId = Json(body, "SubnetInfo") is JsonObject s ? S(s, "SubnetId") : "",
            BillingMethod = S(body, "BillingMethod") is { Length: > 0 } b ? b : "0",
        }).ToList();
        foreach (var h in hosts) Hosts[h.Id] = h;
        return Ok(new JsonObject
        {
            ["EventId"] = NewEvent("CreateInstance", hosts),
            ["EcsIdSet"] = new JsonArray(hosts.Select(h => (JsonNode)h.Id).ToArray()),
        }, "创建云服务器任务下发成功");
    }

    private IResult Operate(IReadOnlyList<Host> hosts, string op)
    {
        var (from, to) = op switch
        {
            "start_up_ecs" => ("shutdown", "running"),
            "shutdown_ecs" or "hard_shutdown_ecs" or "free_shutdown_ecs" => ("running", "shutdown"),
            "restart_ecs" => ("running", "running"),
            _ => ("", ""),
        };
        if (from.Length == 0) return Error(400, "InvalidParameter", $"不支持的操作类型: {op}");
        if (hosts.Any(h => StatusOf(h) != from))
            return Error(403, "InvalidOperation.InstanceStatusUnsupported", "云服务器当前状态不支持该操作");
        foreach (var h in hosts) h.Status = to;
        return Ok(new JsonObject { ["EventId"] = NewEvent("OperateInstance", hosts) },
            "批量操作云服务器任务下发成功！");
    }

    private IResult DeleteImage(JsonObject body)
    {
        var ids = (Json(body, "ImageIds") as JsonArray ?? []).Select(i => i?.ToString() ?? "").ToList();
        if (ids.Count == 0) return Error(400, "MissingParameter", "缺少参数ImageIds");
        if (ids.Any(i => !Images.ContainsKey(i))) return Error(404, "InvalidImage.NotFound", "镜像不存在");
        var zone = S(body, "AvailableZoneCode"); // absent: every node (the vendor's dangerous default)
        foreach (var image in ids.Select(i => Images[i]))
        {
            if (zone.Length == 0) image.Zones.Clear();
            else image.Zones.TryRemove(zone, out _);
            if (image.Zones.IsEmpty) Images.TryRemove(image.Id, out _);
        }
        return Ok(new JsonObject { ["EventId"] = NewEvent("DeleteImage", ids) }, "删除节点镜像成功!");
    }

    private IResult SyncImage(Image image, JsonObject body)
    {
        var zones = (Json(body, "AvailableZoneCodes") as JsonArray ?? []).Select(z => z?.ToString() ?? "").ToList();
        if (zones.Count == 0) return Error(400, "MissingParameter", "缺少参数AvailableZoneCodes");
        if (zones.Any(z => !Zones.Values.Any(all => all.Contains(z))))
            return Error(404, "InvalidAvailableZone.NotFound", "可用区不存在");
        foreach (var z in zones) image.Zones[z] = true;
        return Ok(new JsonObject { ["EventId"] = NewEvent("SyncImage", [image.Id]) }, "同步私有镜像成功！");
    }

    private string NewEvent(string type, IEnumerable<Host> hosts) =>
        NewEvent(type, hosts.Select(h => h.Id).ToList());

    private string NewEvent(string type, IReadOnlyList<string> ids)
    {
        var e = new Event(NextId("event"), type, ids);
        Events[e.Id] = e;
        return e.Id;
    }

    private IResult WithHost(string id, Func<Host, IResult> then) =>
        Hosts.TryGetValue(id, out var h) ? then(h) : Error(404, "InvalidResourceId.NotFound", "云服务器不存在");

    private IResult WithHosts(JsonObject body, string name, Func<IReadOnlyList<Host>, IResult> then)
    {
        var ids = (Json(body, name) as JsonArray ?? []).Select(i => i?.ToString() ?? "").ToList();
        if (ids.Count == 0) return Error(400, "MissingParameter", $"缺少参数{name}");
        var hosts = ids.Select(i => Hosts.GetValueOrDefault(i)).ToList();
        return hosts.Any(h => h is null)
            ? Error(404, "InvalidResourceId.NotFound", "云服务器不存在")
            : then(hosts!);
    }

    /// <summary>A member that may arrive as JSON or as JSON text (GET query).</summary>
    private static JsonNode? Json(JsonObject body, string name) => body[name] switch
    {
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String
            && v.GetValue<string>().TrimStart() is ['[' or '{', ..] text => JsonNode.Parse(text),
        var other => other,
    };

    private static int Int(JsonObject body, string name) =>
        int.TryParse(S(body, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
