using Kboss.Domain.Common;

namespace Kboss.Domain.Vendors;

/// <summary>
/// Which customer org owns one object of a resold cloud (analysis/vendors.md §2.5 E-CDS-1, §2.7 E-UC-3): the vendor is
/// called with the operator's master key, so ownership lives in kboss. Shared by every vendor's ownership table
/// (<see cref="CdsResource"/>, <see cref="UCloudResource"/>; ADR 0044); the state machine is the outside-call
/// pattern's (ADR 0015): <c>pending</c> → <c>live</c> | <c>failed</c> | <c>pending_reconcile</c>, <c>deleting</c> →
/// <c>deleted</c>. <see cref="VendorId"/> is known once the vendor answered the create.
/// </summary>
public abstract class VendorResource : OutsideEffectEntity
{
    /// <summary>Owning customer org.</summary>
    public string OrgId { get; init; } = "";
    /// <summary>Creating user.</summary>
    public string UserId { get; init; } = "";
    /// <summary>Operator org whose vendor key created it (the key used for every later call).</summary>
    public string OperatorOrgId { get; init; } = "";
    /// <summary>The vendor's kind of object (<see cref="CdsResourceTypes"/>, <see cref="UCloudResourceTypes"/>).</summary>
    public string ResourceType { get; init; } = "";
    /// <summary>The vendor's id; null until the vendor answered.</summary>
    public string? VendorId { get; private set; }
    /// <summary>Region.</summary>
    public string RegionCode { get; init; } = "";
    /// <summary>Zone ("" when the object is regional).</summary>
    public string ZoneCode { get; init; } = "";
    /// <summary>Name given at creation.</summary>
    public string Name { get; init; } = "";

    /// <summary>Records the vendor's id of the object.</summary>
    protected void SetVendorId(string vendorId) => VendorId = vendorId;
}
