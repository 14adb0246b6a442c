using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Kboss.Fakes.Vendors;

/// <summary>
/// FakeCds, network family part two (analysis/vendors.md §3.6 CDS-VPC-10…27): stateful EIPs and shared bandwidths
/// (status <c>building</c> → <c>ok</c> after <see cref="FakeVendorServer.PollsToFinish"/> describes, asynchronous
/// changes answered with a <c>TaskId</c>), IP information, line types and unit prices from <see cref="Prices"/>.
/// </summary>
public sealed partial class FakeCds
{
    public sealed record Eip(string Id, string Ip, string Region, string Zone, string BandwidthType, string BillScheme,
        int Qos, string Description, string? BandwidthId = null, string? NetId = null, string? BoundIp = null);
    public sealed record Bandwidth(string Id, string Name, string Region, string Zone, string BandwidthType,
        string BillScheme, int Qos);
    /// <summary>One unit price: the vendor's list price and the operator's price (per cycle).</summary>
    public sealed record UnitPrice(decimal StdPrice, decimal Price);

    public ConcurrentDictionary<string, Eip> Eips { get; } = new();
    public ConcurrentDictionary<string, Bandwidth> Bandwidths { get; } = new();
    /// <summary>Resources whose asynchronous task fails: an EIP's or bandwidth's status turns <c>error</c>; a host's or
    /// image's task in <c>DescribeEvent</c> ends <c>failed</c> (and so does its event).</summary>
    public ConcurrentDictionary<string, bool> FailingTasks { get; } = new();

    private string Status(string id) => FailingTasks.ContainsKey(id) ? "error" : Poll(id, "building", "ok");
    /// <summary>Per-cycle prices: <c>EIP</c> (per address) and <c>Bandwidth</c> (per Mbps).</summary>
    public ConcurrentDictionary<string, UnitPrice> Prices { get; } = new()
    {
        ["EIP"] = new(10m, 8m), ["Bandwidth"] = new(20m, 16m),
    };

    private static readonly string[] BillSchemes = ["BandwIdth", "BandwIdthMonth", "Traffic", "BandwIdth_Shared",
        "Traffic_Shared"];

    private IResult? Network(string action, JsonObject body) => action switch
    {
        "DescribeEIP" => Ok(List(body, "EIPList", Eips.Values.Where(e => e.Region == S(body, "RegionCode"))
            .Select(EipJson))),
        "CreateEIP" => CreateEip(body),
        "UpdateEIP" => Change(Eips, S(body, "EIPId"), e => e with
        {
            Description = body["Description"] is null ? e.Description : S(body, "Description"),
            Qos = int.TryParse(S(body, "Qos"), out var q) ? q : e.Qos,
        }, "修改成功"),
        "DeleteEIP" => Delete(Eips, S(body, "EIPId"), "删除成功",
            id => Eips[id].NetId is not null ? "EIP已绑定,请先解绑" : null),
        "BindEIP" => Bind(body),
        "UnbindEIP" => Change(Eips, S(body, "EIPId"), e => e.NetId != S(body, "NetId") ? null
            : e with { NetId = null, BoundIp = null }, "解绑任务下发成功"),
        "DescribeBandwidth" => Ok(List(body, "BandwidthList", Bandwidths.Values
            .Where(b => b.Region == S(body, "RegionCode"))
            .Where(b => S(body, "AvailableZoneCode") is not { Length: > 0 } z || b.Zone == z)
            .Select(b => new JsonObject
            {
                ["Id"] = b.Id, ["Name"] = b.Name, ["RegionCode"] = b.Region, ["AvailableZoneCode"] = b.Zone,
                ["BandwidthType"] = b.BandwidthType, ["BillScheme"] = b.BillScheme, ["Qos"] = b.Qos,
                ["Status"] = Status(b.Id), ["CreateTime"] = "2026-12-07 12:00:00",
            }))),
        "CreateBandwidth" => CreateBandwidth(body),
        "UpdateBandwidth" => Change(Bandwidths, S(body, "BandwidthId"),
            b => int.TryParse(S(body, "Qos"), out var q) && q > 0 ? b with { Qos = q } : null, "修改成功"),
        "DeleteBandwidth" => Delete(Bandwidths, S(body, "BandwidthId"), "删除成功",
            id => Eips.Values.Any(e => e.BandwidthId == id) ? "共享带宽中还有EIP,无法删除" : null),
        "BandwidthAddEIP" => EachEip(body, e => Bandwidths.ContainsKey(S(body, "BandwidthId"))
            ? e with { BandwidthId = S(body, "BandwidthId") } : null),
        "BandwidthRemoveEIP" => RemoveFromBandwidth(body),
        "DescribeIPInfo" => IpInfo(body),
        "NetEIPInfo" => Ok(new JsonArray((body["NetIdList"] as JsonArray ?? []).Select(n => n?.ToString() ?? "")
            .Where(n => Subnets.ContainsKey(n) || Gateways.ContainsKey(n)).Select(n => (JsonNode)new JsonObject
            {
                ["NetId"] = n, ["NetName"] = Subnets.TryGetValue(n, out var s) ? s.Name : Gateways[n].Name,
                ["NetType"] = Subnets.ContainsKey(n) ? "subnet" : "virtual_gateway", ["IPNum"] = 256,
                ["IPMask"] = "255.255.255.0",
                ["EIP_INFO_LIST"] = new JsonArray(Eips.Values.Where(e => e.NetId == n).Select(e =>
                    (JsonNode)new JsonObject
                {
                    ["EIP"] = e.Ip, ["EIPId"] = e.Id, ["Qos"] = e.Qos, ["Status"] = "ok",
                    ["BandwidthType"] = e.BandwidthType, ["BillScheme"] = e.BillScheme, ["ReginCode"] = e.Region,
                }).ToArray()),
            }).ToArray())),
        "ReserveIPAndBindEIP" => Reserve(body),
        "DescribeSubnetIp" => Subnets.ContainsKey(S(body, "SubnetId"))
            ? Ok(new JsonObject
            {
                ["UsedList"] = new JsonArray(Eips.Values.Where(e => e.NetId == S(body, "SubnetId"))
                    .Select(e => (JsonNode)new JsonObject { ["IP"] = e.BoundIp, ["Usage"] = "eip" }).ToArray()),
                ["UsedNum"] = Eips.Values.Count(e => e.NetId == S(body, "SubnetId")),
                ["UnusedList"] = new JsonArray(), ["UnusedNum"] = 250,
            })
            : Error(400, "SubnetNotFound", "子网不存在"),
        "VPCBandWidthBillingScheme" => Ok(new JsonArray(new[] { ("BGP", "BGP多线"), ("Telecom", "电信") }
            .Select(t => (JsonNode)new JsonObject
            {
                ["BandwidthType"] = t.Item1, ["BandwidthTypeName"] = t.Item2,
                ["BillingSchemeList"] = new JsonArray(
                    Scheme("BandwIdth", "固定带宽"), Scheme("BandwIdthMonth", "固定带宽包月")),
            }).ToArray())),
        "VPCBandWidthUnitPrice" => S(body, "AvailableZoneCode").Length == 0
            ? Error(400, "InvalidParameter", "AvailableZoneCode不能为空")
            : Ok(new JsonObject { ["EIPPrice"] = PriceJson("EIP"), ["BandwidthPrice"] = PriceJson("Bandwidth") }),
        _ => null,
    };

    private static JsonObject Scheme(string code, string name) => new()
    {
        ["BillingScheme"] = code, ["BillingSchemeName"] = name, ["ResourceType"] = "EIP", ["ResourceTypeName"] = "EIP",
    };

    private JsonObject PriceJson(string item) => new()
    {
        ["StdPrice"] = Prices[item].StdPrice, ["Price"] = Prices[item].Price,
        ["Discount"] = Math.Round(Prices[item].Price / Prices[item].StdPrice, 2), ["Sign"] = "¥", ["Cycle"] = "月",
        ["Unit"] = item == "EIP" ? "个" : "Mbps",
    };

    private JsonObject EipJson(Eip e) => new()
    {
        ["Id"] = e.Id, ["IP"] = e.Ip, ["RegionCode"] = e.Region, ["AvailableZoneCode"] = e.Zone,
        ["Status"] = Status(e.Id), ["Description"] = e.Description, ["IsBind"] = e.NetId is not null,
        ["CreateTime"] = "2026-12-07 12:00:00", ["Qos"] = e.Qos,
        ["BandwidthInfo"] = new JsonObject
        {
            ["Id"] = e.BandwidthId ?? e.Id, ["Qos"] = e.Qos, ["BandwidthType"] = e.BandwidthType,
            ["BillScheme"] = e.BandwidthId is null ? e.BillScheme : "BandwIdth_Shared",
        },
        ["BindResourceInfo"] = e.NetId is null
            ? null
            : new JsonObject { ["SubnetId"] = e.NetId, ["SubnetIP"] = e.BoundIp },
    };

    private IResult CreateEip(JsonObject body)
    {
        if (!int.TryParse(S(body, "Qos"), out var qos) || qos < 1 || !int.TryParse(S(body, "Size"), out var size)
            || size < 1 || !BillSchemes.Contains(S(body, "BillScheme")))
            return Error(400, "InvalidParameter", "参数错误: Qos、Size必须大于0,BillScheme不合法");
        var created = new JsonArray();
        for (var i = 0; i < size; i++)
        {
            var n = int.Parse(NextId("ip")[3..]);
            var e = new Eip(NextId("eip"), $"101.0.{n / 250}.{n % 250 + 1}", S(body, "RegionCode"),
                S(body, "AvailableZoneCode"), S(body, "BandwidthType"), S(body, "BillScheme"), qos,
                S(body, "Description"));
            Eips[e.Id] = e;
            created.Add(new JsonObject { ["EIPId"] = e.Id, ["IP"] = e.Ip });
        }
        return Ok(created, "任务下发成功", NextId("task"));
    }

    private IResult CreateBandwidth(JsonObject body)
    {
        if (!int.TryParse(S(body, "Qos"), out var qos) || qos < 1 || S(body, "Name").Length == 0)
            return Error(400, "InvalidParameter", "参数错误: Name不能为空,Qos必须大于0");
        var b = new Bandwidth(NextId("bw"), S(body, "Name"), S(body, "RegionCode"), S(body, "AvailableZoneCode"),
            S(body, "BandwidthType"), S(body, "BillScheme"), qos);
        Bandwidths[b.Id] = b;
        return Ok(new JsonArray(new JsonObject { ["BandwidthId"] = b.Id }), "创建成功", NextId("task"));
    }

    private IResult Bind(JsonObject body)
    {
        var net = S(body, "NetId");
        if (!Subnets.ContainsKey(net) && !Gateways.ContainsKey(net)) return Error(400, "NetNotFound", "子网不存在");
        return Change(Eips, S(body, "EIPId"), e => e.NetId is not null ? null
            : e with { NetId = net, BoundIp = S(body, "IP") }, "绑定任务下发成功");
    }

    private IResult RemoveFromBandwidth(JsonObject body)
    {
        var delete = S(body, "Delete") is "true" or "True";
        if (!delete && !int.TryParse(S(body, "Qos"), out _))
            return Error(400, "InvalidParameter", "不删除EIP时必须指定新带宽参数");
        var ids = (body["EIPIdList"] as JsonArray ?? []).Select(i => i?.ToString() ?? "").ToList();
        if (ids.Count == 0 || ids.Any(i => !Eips.TryGetValue(i, out var e) || e.BandwidthId is null))
            return Error(400, "InvalidParameter", "EIP不在共享带宽中");
        foreach (var id in ids)
            if (delete) Eips.TryRemove(id, out _);
            else Eips[id] = Eips[id] with { BandwidthId = null, BillScheme = S(body, "BillScheme"),
                BandwidthType = S(body, "BandwidthType"), Qos = int.Parse(S(body, "Qos")) };
        return Ok(null, "任务下发成功", NextId("task"));
    }

    private IResult IpInfo(JsonObject body)
    {
        var net = S(body, "NetId");
        var segment = Subnets.TryGetValue(net, out var s) ? s.Segment
            : Gateways.TryGetValue(net, out var g) ? g.Segment : null;
        if (segment is null) return Error(400, "NetNotFound", "网络不存在");
        var used = Eips.Values.Where(e => e.NetId == net).Select(e => e.BoundIp).ToHashSet();
        var prefix = segment[..segment.LastIndexOf('.')];
        var ips = Enumerable.Range(2, 4).Select(i => $"{prefix}.{i}").Select(ip => (JsonNode)new JsonObject
        {
            ["IPAddress"] = ip, ["IPMask"] = "255.255.255.0", ["IPStatus"] = used.Contains(ip) ? 1 : 0,
            ["IPUsage"] = used.Contains(ip) ? "eip" : "",
        }).ToArray();
        return Ok(new JsonObject
        {
            ["SegmentNum"] = 1,
            ["SegmentList"] = new JsonArray(
                new JsonObject { ["NetSignal"] = segment, ["IPList"] = new JsonArray(ips) }),
        });
    }

    private IResult Reserve(JsonObject body)
    {
        var ips = (body["Ips"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (ips.Count == 0) return Error(400, "InvalidParameter", "Ips不能为空");
        foreach (var item in ips)
        {
            var addresses = (item["AddressList"] as JsonArray ?? []).Select(a => a?.ToString() ?? "").ToList();
            var eips = (item["EIPList"] as JsonArray ?? []).Select(a => a?.ToString() ?? "").ToList();
            if (!Gateways.ContainsKey(S(item, "NetId"))) return Error(400, "NetNotFound", "虚拟出网网关不存在");
            if (addresses.Count != eips.Count) return Error(400, "InvalidParameter", "AddressList与EIPList数量不一致");
            for (var i = 0; i < eips.Count; i++)
                if (Eips.Values.FirstOrDefault(e => e.Ip == eips[i]) is { } e)
                    Eips[e.Id] = e with { NetId = S(item, "NetId"), BoundIp = addresses[i] };
        }
        return Ok(null, "任务下发成功", NextId("task"));
    }

    private IResult EachEip(JsonObject body, Func<Eip, Eip?> change)
    {
        var ids = (body["EIPIdList"] as JsonArray ?? []).Select(i => i?.ToString() ?? "").ToList();
        if (ids.Count == 0 || ids.Any(i => !Eips.ContainsKey(i))) return Error(400, "ResourceNotFound", "EIP不存在");
        var changed = ids.Select(i => change(Eips[i])).ToList();
        if (changed.Any(c => c is null)) return Error(400, "InvalidParameter", "共享带宽不存在");
        foreach (var e in changed) Eips[e!.Id] = e;
        return Ok(null, "任务下发成功", NextId("task"));
    }

    private IResult Change<T>(ConcurrentDictionary<string, T> store, string id, Func<T, T?> change, string message)
        where T : class
    {
        if (!store.TryGetValue(id, out var item)) return Error(400, "ResourceNotFound", "资源不存在");
        if (change(item) is not { } changed) return Error(400, "InvalidParameter", "当前状态不允许该操作");
        store[id] = changed;
        return Ok(null, message, NextId("task"));
    }
}
