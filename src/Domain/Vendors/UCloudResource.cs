namespace Kboss.Domain.Vendors;

/// <summary>Values of <see cref="VendorResource.ResourceType"/> for UCloud (analysis/vendors.md §2.7 E-UC-1, E-UC-3).</summary>
public static class UCloudResourceTypes
{
    /// <summary>The org's UCloud project (E-UC-1 <c>UCloudAccountLink</c>): <c>VendorId</c> = ProjectId.</summary>
    public const string Project = "project";
    /// <summary>A host (UHostId).</summary>
    public const string Host = "uhost";
    /// <summary>A firewall (FWId).</summary>
    public const string Firewall = "firewall";
    /// <summary>An elastic IP (EIPId).</summary>
    public const string Eip = "eip";
}

/// <summary>
/// Which customer org owns one UCloud object (analysis/vendors.md §2.7 E-UC-1, E-UC-3; ADR 0044): hosts, firewalls,
/// EIPs and the org's project. <see cref="VendorState"/> is UCloud's own state of a host (<c>Initializing</c>,
/// <c>Starting</c>, <c>Running</c>, <c>Stopping</c>, <c>Stopped</c>, …), kept current by the polling job while it is
/// transitional.
/// </summary>
public sealed class UCloudResource : VendorResource
{
    /// <summary>UCloud's transitional states of a host; the polling job asks UCloud until the state leaves them.</summary>
    public static readonly IReadOnlyList<string> Transitional =
        ["Initializing", "Pending", "Starting", "Stopping", "Rebooting", "Install", "Resizing"];

    /// <summary>ProjectId the object was created in ("" for the account's default project).</summary>
    public string ProjectId { get; init; } = "";
    /// <summary>UCloud's state of the object ("" when UCloud has none, e.g. a firewall).</summary>
    public string VendorState { get; private set; } = "";
    /// <summary>When <see cref="VendorState"/> was last read from UCloud (UTC).</summary>
    public DateTime? VendorStateAt { get; private set; }

    /// <summary>True while <see cref="VendorState"/> is one of <see cref="Transitional"/>.</summary>
    public bool InTransition => Transitional.Contains(VendorState);

    /// <summary>Records UCloud's id of the object.</summary>
    public void Created(string vendorId) => SetVendorId(vendorId);

    /// <summary>Records UCloud's state of the object as read at <paramref name="now"/>.</summary>
    public void Observed(string state, DateTime now)
    {
        VendorState = state.Length > 20 ? state[..20] : state;
        VendorStateAt = now;
    }
}
