using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kboss.Fakes.Vendors;

/// <summary>
/// A local Capital Online (analysis/vendors.md §4.6, §4.10): the API families <c>/vpc/</c>, <c>/ecs/v1/</c>,
/// <c>/sg/v1/</c> with <c>Action</c> dispatch, the HMAC-SHA1 signature checked (written here independently of kboss),
/// stateful VPCs and subnets whose status turns <c>building</c> → <c>ok</c> after <see cref="FakeVendorServer.PollsToFinish"/>
/// describes, CDS's answers <c>{Code, Message, Data, TaskId, RequestId}</c> (or the lower-case variants with
/// <see cref="LowerCaseKeys"/>) and its error codes.
/// </summary>
public sealed partial class FakeCds : FakeVendorServer
{
    public const string AccessKeyId = "cds-test-key-id";
    public const string Secret = "cds-test-secret-0123456789";

    public sealed record Vpc(string Id, string Name, string Segment, string Region);
    public sealed record Subnet(string Id, string VpcId, string Name, string Segment, string Zone);

    public ConcurrentDictionary<string, Vpc> Vpcs { get; } = new();
    public ConcurrentDictionary<string, Subnet> Subnets { get; } = new();
    public sealed record Gateway(string Id, string VpcId, string Name, string Segment, string Zone, string Type);
    public ConcurrentDictionary<string, Gateway> Gateways { get; } = new();
    /// <summary>Answer with <c>code</c>/<c>Msg</c>/<c>data</c> instead of <c>Code</c>/<c>Message</c>/<c>Data</c>.</summary>
    public bool LowerCaseKeys { get; set; }
    /// <summary>Refuse calls whose signature does not match (default on).</summary>
    public bool CheckSignatures { get; set; } = true;

    protected override string ActionOf(HttpRequest request) => request.Query["Action"].ToString();

    private static readonly string[] Paths = ["/vpc/", "/ecs/v1/", "/ecs/v1.1/", "/ebs/v1/", "/sg/v1/"];

    /// <summary>On a free loopback port.</summary>
    public FakeCds() : base(0) { }

    /// <param name="port">Loopback port; 0 picks a free one.</param>
    public FakeCds(int port) : base(port) { }

    protected override bool Owns(HttpRequest request) => Paths.Contains(request.Path.Value);

    protected override void MapRoutes(WebApplication app)
    {
        foreach (var path in Paths)
            app.MapMethods(path, ["GET", "POST"], (Delegate)Handle);
    }

    private async Task<IResult> Handle(HttpContext ctx)
    {
        if (CheckSignatures && !SignatureValid(ctx.Request))
            return Error(400, "SignatureDoesNotMatch", "The request signature does not conform to CDS standards.");
        var body = ctx.Request.Method == "POST" && ctx.Request.ContentLength > 0
            ? JsonNode.Parse(await new StreamReader(ctx.Request.Body).ReadToEndAsync()) as JsonObject ?? []
            : new JsonObject(ctx.Request.Query.Select(q => KeyValuePair.Create(q.Key, (JsonNode?)q.Value.ToString())));
        return ActionOf(ctx.Request) switch
        {
            "DescribeVPC" => Ok(List(body, "VPCList", Vpcs.Values.Where(v => v.Region == S(body, "RegionCode"))
                .Select(v =>
                new JsonObject
                {
                    ["VPCId"] = v.Id, ["VPCNmae"] = v.Name, ["VPCSegment"] = v.Segment, ["RegionCode"] = v.Region,
                    ["Status"] = Poll(v.Id, "building", "ok"), ["CreateTime"] = "2026-12-07 12:00:00",
                }))),
            "CreateVPC" => CreateVpc(body),
            "DeleteVPC" => Delete(Vpcs, S(body, "VPCId"), "您的VPC删除任务已下发成功!",
                id => Subnets.Values.Any(s => s.VpcId == id) || Gateways.Values.Any(g => g.VpcId == id)
                    ? "VPC下存在子网,无法删除" : null),
            "DescribeSubnet" => Ok(List(body, "SubnetList", Subnets.Values
                .Where(s => Vpcs.TryGetValue(s.VpcId, out var v) && v.Region == S(body, "RegionCode"))
                .Where(s => S(body, "VPCId") is not { Length: > 0 } vpc || s.VpcId == vpc)
                .Select(s => new JsonObject
                {
                    ["SubnetId"] = s.Id, ["SubnetName"] = s.Name, ["SubnetSegment"] = s.Segment, ["VPCId"] = s.VpcId,
                    ["AvailableZoneCode"] = s.Zone, ["Status"] = Poll(s.Id, "building", "ok"), ["UsedIPNum"] = 0,
                }))),
            "CreateSubnet" => CreateSubnet(body),
            "DeleteSubnet" => Delete(Subnets, S(body, "SubnetId"), "您的子网删除任务已下发成功!", _ => null),
            "DescribeVirtualGateWay" => Ok(List(body, "VirtualGateWayList", Gateways.Values
                .Where(g => Vpcs.TryGetValue(g.VpcId, out var v) && v.Region == S(body, "RegionCode"))
                .Select(g => new JsonObject
                {
                    ["VirtualGateWayId"] = g.Id, ["VirtualGateWayName"] = g.Name, ["VPCId"] = g.VpcId,
                    ["VirtualGateWaySegment"] = g.Segment, ["AvailableZoneCode"] = g.Zone, ["Type"] = g.Type,
                    ["Status"] = Poll(g.Id, "building", "ok"), ["UsedIPNum"] = 0,
                }))),
            "CreateVirtualGateWay" => CreateGateway(body),
            "DeleteVirtualGateWay" => Delete(Gateways, S(body, "VirtualGateWayId"), "您的虚拟出网网关删除任务已下发成功!",
                _ => null),
            // security groups (issue 14, module 27): FakeCds.SecurityGroups.cs
            var sg when SecurityGroupActions.Contains(sg) => SecurityGroup(ctx.Request, sg, body),
            var other => Network(other, body)
                          ?? HandleEcs(other, body) // ECS/GPU hosts: FakeCds.Ecs.cs (issue 14)
                          ?? Error(400, "InvalidAction", $"未知的Action: {other}"),
        };
    }

    private IResult CreateVpc(JsonObject body)
    {
        var subnets = body["SubnetList"] as JsonArray;
        if (S(body, "VPCName").Length == 0 || subnets is not { Count: > 0 })
            return Error(400, "InvalidParameter", "创建VPC必须创建一个子网");
        var vpc = new Vpc(NextId("vpc"), S(body, "VPCName"), S(body, "VPCSegment"), S(body, "RegionCode"));
        Vpcs[vpc.Id] = vpc;
        var ids = AddSubnets(vpc.Id, subnets);
        return Ok(new JsonObject { ["VPCId"] = vpc.Id, ["SubnetIdList"] = ids, ["SubnetTaskId"] = NextId("task") },
            "您的VPC创建任务已下发成功!", NextId("task"));
    }

    private IResult CreateSubnet(JsonObject body)
    {
        if (!Vpcs.ContainsKey(S(body, "VPCId"))) return Error(400, "VPCNotFound", "VPC不存在");
        var ids = AddSubnets(S(body, "VPCId"), body["SubnetList"] as JsonArray ?? []);
        return Ok(new JsonObject { ["SubnetIdList"] = ids, ["TaskIdList"] = new JsonArray(NextId("task")) },
            "您的子网创建任务已下发成功");
    }

    private IResult CreateGateway(JsonObject body)
    {
        if (!Vpcs.ContainsKey(S(body, "VPCId"))) return Error(400, "VPCNotFound", "VPC不存在");
        var ids = new JsonArray();
        foreach (var item in (body["VirtualGateWayList"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var g = new Gateway(NextId("vgw"), S(body, "VPCId"), S(item, "VirtualGateWayName"),
                S(item, "VirtualGateWaySegment"), S(item, "AvailableZoneCode"), S(item, "Type"));
            Gateways[g.Id] = g;
            ids.Add(g.Id);
        }
        return Ok(new JsonObject { ["VirtualGateWayIdList"] = ids, ["TaskIdList"] = new JsonArray(NextId("task")) },
            "您的虚拟出网网关创建任务已下发成功");
    }

    private JsonArray AddSubnets(string vpcId, JsonArray list)
    {
        var ids = new JsonArray();
        foreach (var item in list.OfType<JsonObject>())
        {
            var s = new Subnet(NextId("subnet"), vpcId, S(item, "SubnetName"), S(item, "SubnetSegment"),
                S(item, "AvailableZoneCode"));
            Subnets[s.Id] = s;
            ids.Add(s.Id);
        }
        return ids;
    }

    private IResult Delete<T>(ConcurrentDictionary<string, T> store, string id, string message, Func<string, string?> refuse)
    {
        if (!store.ContainsKey(id)) return Error(400, "ResourceNotFound", "资源不存在");
        if (refuse(id) is { } why) return Error(400, "DependencyViolation", why);
        store.TryRemove(id, out _);
        return Ok(null, message, NextId("task"));
    }

    /// <summary>Items per page of a describe (0: all on one page), paged by the body's <c>PageNumber</c>.</summary>
    public int PageSize { get; set; }

    private JsonObject List(JsonObject body, string field, IEnumerable<JsonObject> items)
    {
        var all = items.ToList();
        var page = int.TryParse(S(body, "PageNumber"), out var p) && p > 1 ? p : 1;
        var shown = PageSize > 0 ? all.Skip((page - 1) * PageSize).Take(PageSize) : all;
        return new JsonObject { ["Total"] = all.Count, [field] = new JsonArray(shown.Cast<JsonNode>().ToArray()) };
    }

    private IResult Ok(JsonNode? data, string message = "成功", string? taskId = null)
    {
        var o = new JsonObject
        {
            [LowerCaseKeys ? "code" : "Code"] = "Success", [LowerCaseKeys ? "Msg" : "Message"] = message,
            [LowerCaseKeys ? "data" : "Data"] = data, ["RequestId"] = NextId("req"),
        };
        if (taskId is not null) o["TaskId"] = taskId;
        return Results.Content(o.ToJsonString(), "application/json");
    }

    /// <summary>A CDS error answer.</summary>
    public static JsonObject ErrorBody(string code, string message) =>
        new() { ["Code"] = code, ["Message"] = message, ["RequestId"] = "req-error" };

    private static IResult Error(int status, string code, string message) =>
        Results.Content(ErrorBody(code, message).ToJsonString(), "application/json", Encoding.UTF8, status);

    private static string S(JsonObject o, string name) => o[name]?.ToString() ?? "";

    private static bool SignatureValid(HttpRequest request)
    {
        var pairs = request.Query.Where(q => q.Key != "Signature")
            .Select(q => (K: Enc(q.Key), V: Enc(q.Value.ToString()))).OrderBy(p => p.K, StringComparer.Ordinal);
        var canonical = string.Join("&", pairs.Select(p => p.K + "=" + p.V));
        var toSign = request.Method + "&%2F&" + Enc(canonical);
        var expected = Convert.ToBase64String(new HMACSHA1(Encoding.UTF8.GetBytes(Secret + "&"))
            .ComputeHash(Encoding.UTF8.GetBytes(toSign)));
        return request.Query["AccessKeyId"] == AccessKeyId && request.Query["Signature"] == expected;
    }

    private static string Enc(string s)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(s))
            sb.Append(b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
                or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~' ? ((char)b).ToString() : $"%{b:X2}");
        return sb.ToString();
    }
}
