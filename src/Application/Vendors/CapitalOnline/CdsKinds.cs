using System.Text.Json.Nodes;
using Kboss.Domain.Vendors;

namespace Kboss.Application.Vendors.CapitalOnline;

/// <summary>How one kind of CDS resource is listed: the describe action, its list member and the id and name
/// members of an item (aliases first-found; analysis/vendors.md §3.6–§3.8). <paramref name="ByZone"/>: the describe
/// is per availability zone (ECS hosts, images), so the reconciler sends the row's <c>AvailableZoneCode</c>.
/// <paramref name="Numbered"/>: the objects of one order are named <c>name-N</c>, <c>name-(N+1)</c>, … (ECS hosts);
/// else they share the order's name (EIPs).</summary>
public sealed record CdsKind(string Type, CdsAction Describe, string ListField, string[] IdFields, string[] NameFields,
    bool ByZone = false, bool Numbered = false)
{
    /// <summary>The names of the other <paramref name="count"/> − 1 objects of an order whose first is named
    /// <paramref name="first"/> (empty when a numbered name has no number).</summary>
    public IReadOnlyList<string> SiblingNames(string first, int count)
    {
        if (!Numbered) return Enumerable.Repeat(first, Math.Max(0, count - 1)).ToList();
        var dash = first.LastIndexOf('-');
        if (dash < 0 || !int.TryParse(first[(dash + 1)..], out var start)) return [];
        return Enumerable.Range(1, Math.Max(0, count - 1)).Select(i => $"{first[..dash]}-{start + i}").ToList();
    }

    /// <summary>The items of a describe answer's <c>Data</c>.</summary>
    public IReadOnlyList<JsonNode?> Items(JsonNode? data) =>
        data is JsonArray a ? [.. a] : VendorJson.Items(data, ListField);

    /// <summary>The describe that lists <paramref name="row"/>: its region, a subnet's VPC, a per-zone kind's zone.
    /// </summary>
    public JsonObject DescribeBody(CdsResource row)
    {
        var body = new JsonObject { ["RegionCode"] = row.RegionCode };
        if (row.ResourceType == CdsResourceTypes.Subnet && row.ParentVendorId is { } vpc) body["VPCId"] = vpc;
        if (ByZone) body["AvailableZoneCode"] = row.ZoneCode;
        return body;
    }

    /// <summary>An item's CDS id.</summary>
    public string? IdOf(JsonNode? item) => VendorJson.Str(item, IdFields);

    /// <summary>An item's name.</summary>
    public string? NameOf(JsonNode? item) => VendorJson.Str(item, NameFields);

    /// <summary><c>{Total, &lt;ListField&gt;}</c> with only the items whose id is in <paramref name="owned"/>.</summary>
    public JsonObject Owned(JsonNode? data, IReadOnlySet<string> owned)
    {
        var kept = Items(data).Where(i => IdOf(i) is { } id && owned.Contains(id)).Select(i => i!.DeepClone()).ToArray();
        return new JsonObject { ["Total"] = kept.Length, [ListField] = new JsonArray(kept) };
    }
}

/// <summary>The kinds kboss keeps ownership of.</summary>
public static class CdsKinds
{
    public static readonly CdsKind Vpc = new(CdsResourceTypes.Vpc, CdsActions.DescribeVpc, "VPCList", ["VPCId"],
        ["VPCName", "VPCNmae"]);
    public static readonly CdsKind Subnet = new(CdsResourceTypes.Subnet, CdsActions.DescribeSubnet, "SubnetList",
        ["SubnetId"], ["SubnetName"]);
    public static readonly CdsKind VirtualGateway = new(CdsResourceTypes.VirtualGateway,
        CdsActions.DescribeVirtualGateway, "VirtualGateWayList", ["VirtualGateWayId"], ["VirtualGateWayName"]);
    public static readonly CdsKind Eip = new(CdsResourceTypes.Eip, CdsActions.DescribeEip, "EIPList", ["Id", "EIPId"],
        ["Description"]);
    public static readonly CdsKind Bandwidth = new(CdsResourceTypes.Bandwidth, CdsActions.DescribeBandwidth,
        "BandwidthList", ["Id", "BandwidthId"], ["Name"]);
    // Security groups (issue 14, module 27)
    public static readonly CdsKind SecurityGroup = new(CdsResourceTypes.SecurityGroup,
        CdsActions.DescribeSecurityGroups, "SecurityGroupSet", ["SecurityGroupId"], ["SecurityGroupName"]);
    // ECS/GPU hosts (issue 14, module 28)
    public static readonly CdsKind Ecs = new(CdsResourceTypes.Ecs, CdsActions.DescribeInstanceList, "EcsList",
        ["EcsId"], ["EcsName"], ByZone: true, Numbered: true);
    public static readonly CdsKind Image = new(CdsResourceTypes.Image, CdsActions.DescribeImages, "ImageList",
        ["ImageId"], ["ImageName"], ByZone: true);

    /// <summary>The kind of a resource type; null for types without a network describe.</summary>
    public static CdsKind? Of(string type) => type switch
    {
        CdsResourceTypes.Vpc => Vpc,
        CdsResourceTypes.Subnet => Subnet,
        CdsResourceTypes.VirtualGateway => VirtualGateway,
        CdsResourceTypes.Eip => Eip,
        CdsResourceTypes.Bandwidth => Bandwidth,
        CdsResourceTypes.SecurityGroup => SecurityGroup, // issue 14, module 27
        CdsResourceTypes.Ecs => Ecs, // ECS/GPU hosts (issue 14)
        CdsResourceTypes.Image => Image, // ECS/GPU hosts (issue 14)
        _ => null,
    };
}
