using System.Text.Json.Nodes;

namespace Kboss.Application.Vendors.UCloud;

/// <summary>One UCloud API action and whether it only reads (only those are ever retried; analysis/vendors.md §4.1).
/// </summary>
public sealed record UCloudAction(string Name, bool ReadOnly);

/// <summary>The UCloud actions kboss uses (analysis/vendors.md §4.7; UCloud API / ucloud-sdk-python3).</summary>
public static class UCloudActions
{
    private static UCloudAction Read(string name) => new(name, ReadOnly: true);
    private static UCloudAction Change(string name) => new(name, ReadOnly: false);

    public static readonly UCloudAction CreateProject = Change("CreateProject");
    public static readonly UCloudAction DescribeUHostInstance = Read("DescribeUHostInstance");
    public static readonly UCloudAction DescribeAvailableInstanceTypes = Read("DescribeAvailableInstanceTypes");
    public static readonly UCloudAction DescribeImage = Read("DescribeImage");
    public static readonly UCloudAction GetUHostInstancePrice = Read("GetUHostInstancePrice");
    public static readonly UCloudAction CreateUHostInstance = Change("CreateUHostInstance");
    public static readonly UCloudAction StopUHostInstance = Change("StopUHostInstance");
    public static readonly UCloudAction StartUHostInstance = Change("StartUHostInstance");
    public static readonly UCloudAction RebootUHostInstance = Change("RebootUHostInstance");
    public static readonly UCloudAction GetUHostInstanceVncInfo = Read("GetUHostInstanceVncInfo");
    public static readonly UCloudAction TerminateUHostInstance = Change("TerminateUHostInstance");
    public static readonly UCloudAction ResetUHostInstancePassword = Change("ResetUHostInstancePassword");
    public static readonly UCloudAction CreateFirewall = Change("CreateFirewall");
    public static readonly UCloudAction DescribeFirewall = Read("DescribeFirewall");
    public static readonly UCloudAction DeleteFirewall = Change("DeleteFirewall");
    public static readonly UCloudAction UpdateFirewall = Change("UpdateFirewall");
    public static readonly UCloudAction UpdateFirewallAttribute = Change("UpdateFirewallAttribute");
    public static readonly UCloudAction DescribeFirewallResource = Read("DescribeFirewallResource");
    public static readonly UCloudAction GrantFirewall = Change("GrantFirewall");
    public static readonly UCloudAction DisassociateFirewall = Change("DisassociateFirewall");
    public static readonly UCloudAction GetEipPrice = Read("GetEIPPrice");
    public static readonly UCloudAction AllocateEip = Change("AllocateEIP");
    public static readonly UCloudAction BindEip = Change("BindEIP");
    public static readonly UCloudAction DescribeEip = Read("DescribeEIP");
    public static readonly UCloudAction UnBindEip = Change("UnBindEIP");
    public static readonly UCloudAction ReleaseEip = Change("ReleaseEIP");
}

/// <summary>
/// UCloud's request parameters, flat (analysis/vendors.md §3.9): arrays use the <c>.N</c> suffix
/// (<c>Rule.0</c>, <c>UHostIds.0</c>), an array of objects <c>Disks.0.Type</c>. Empty values are left out.
/// </summary>
public sealed class UCloudParams : SortedDictionary<string, string>
{
    public UCloudParams() : base(StringComparer.Ordinal) { }

    /// <summary>Adds <paramref name="value"/> unless it is empty.</summary>
    public UCloudParams With(string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) this[name] = value.Trim();
        return this;
    }

    /// <summary>Adds every parameter of <paramref name="other"/>.</summary>
    public UCloudParams Merge(UCloudParams other)
    {
        foreach (var (k, v) in other) this[k] = v;
        return this;
    }

    /// <summary><c>name.0</c>, <c>name.1</c>, … for a list.</summary>
    public UCloudParams WithList(string name, IEnumerable<string> values)
    {
        var i = 0;
        foreach (var v in values) this[$"{name}.{i++}"] = v;
        return this;
    }

    /// <summary><c>name.N.Field</c> for a JSON array of objects (nested objects as <c>name.N.A.B</c>).</summary>
    public UCloudParams WithObjects(string name, JsonArray items)
    {
        for (var i = 0; i < items.Count; i++) Flatten($"{name}.{i}", items[i]);
        return this;
    }

    private void Flatten(string prefix, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o) Flatten($"{prefix}.{k}", v);
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++) Flatten($"{prefix}.{i}", a[i]);
                break;
            default:
                if (VendorJson.Text(node) is { } text) this[prefix] = text;
                break;
        }
    }
}

/// <summary>
/// Port of UCloud's API (analysis/vendors.md §4.7): one signed call of an action with the operator's key (the key
/// id is UCloud's <c>PublicKey</c>, the secret its private key). Never throws for a vendor error or a transport
/// failure (see <see cref="VendorResult{T}"/>); retries only read-only actions. <c>Data</c> is UCloud's whole answer
/// without <c>RetCode</c>, <c>Action</c> and <c>Message</c> (the E3 envelope's <c>data</c>, §3.0).
/// </summary>
public interface IUCloudClient
{
    Task<VendorResult<JsonObject>> SendAsync(VendorKey key, UCloudAction action, UCloudParams parameters,
        CancellationToken ct);
}
