using System.Text.Json.Nodes;
using Kboss.Domain.Vendors;

namespace Kboss.Application.Vendors.UCloud;

/// <summary>How one kind of UCloud object is listed: the describe action, the parameter naming one id, the list
/// member and the id/name/state members of an item (aliases first-found; analysis/vendors.md §3.9–§3.11).</summary>
public sealed record UCloudKind(string Type, UCloudAction Describe, string? IdParam, string ListField,
    string[] IdFields, string[] NameFields, string[] StateFields)
{
    /// <summary>The items of a describe answer.</summary>
    public IReadOnlyList<JsonNode?> Items(JsonNode? data) => VendorJson.Items(data, ListField);

    public string? IdOf(JsonNode? item) => VendorJson.Str(item, IdFields);

    public string? NameOf(JsonNode? item) => VendorJson.Str(item, NameFields);

    public string? StateOf(JsonNode? item) => StateFields.Length == 0 ? null : VendorJson.Str(item, StateFields);

    /// <summary><c>{TotalCount, &lt;ListField&gt;}</c> with only the items whose id is in
    /// <paramref name="owned"/>.</summary>
    public JsonObject Owned(JsonNode? data, IReadOnlySet<string> owned)
    {
        var kept = Items(data).Where(i => IdOf(i) is { } id && owned.Contains(id)).Select(i => i!.DeepClone()).ToArray();
        return new JsonObject { ["TotalCount"] = kept.Length, [ListField] = new JsonArray(kept) };
    }
}

/// <summary>The kinds kboss keeps ownership of.</summary>
public static class UCloudKinds
{
    public static readonly UCloudKind Host = new(UCloudResourceTypes.Host, UCloudActions.DescribeUHostInstance,
        "UHostIds.0", "UHostSet", ["UHostId", "UhostId"], ["Name"], ["State"]);
    public static readonly UCloudKind Firewall = new(UCloudResourceTypes.Firewall, UCloudActions.DescribeFirewall,
        "FWId", "DataSet", ["FWId"], ["Name"], []);
    public static readonly UCloudKind Eip = new(UCloudResourceTypes.Eip, UCloudActions.DescribeEip, "EIPIds.0",
        "EIPSet", ["EIPId"], ["Name"], ["Status"]);
    public static readonly UCloudKind Project = new(UCloudResourceTypes.Project,
        new UCloudAction("GetProjectList", ReadOnly: true), null, "ProjectSet", ["ProjectId"], ["ProjectName"], []);

    public static UCloudKind Of(string type) => type switch
    {
        UCloudResourceTypes.Host => Host,
        UCloudResourceTypes.Firewall => Firewall,
        UCloudResourceTypes.Eip => Eip,
        _ => Project,
    };
}
