using Kboss.Domain.Common;

namespace Kboss.Domain.Vendors;

/// <summary>Values of <see cref="VendorResource.ResourceType"/> (analysis/vendors.md §2.5 E-CDS-1).</summary>
public static class CdsResourceTypes
{
    public const string Vpc = "vpc";
    public const string Subnet = "subnet";
    public const string VirtualGateway = "virtual_gateway";
    public const string Eip = "eip";
    public const string Bandwidth = "bandwidth";
    public const string SecurityGroup = "security_group";
    public const string Ecs = "ecs";
    public const string Image = "image";
}

/// <summary>
/// Which customer org owns one Capital Online resource (analysis/vendors.md §2.5 E-CDS-1): CDS is called with the
/// operator's master key, so ownership lives here. The state machine is the outside-call pattern's (ADR 0015):
/// <c>pending</c> (creating) → <c>live</c> | <c>failed</c> | <c>pending_reconcile</c>, <c>deleting</c> →
/// <c>deleted</c>. <see cref="VendorResource.VendorId"/> is known once CDS answered the create. ADR 0037, 0044.
/// </summary>
public sealed class CdsResource : VendorResource
{
    /// <summary>CDS id of the parent (a subnet's VPCId).</summary>
    public string? ParentVendorId { get; init; }
    /// <summary>CDS TaskId / EventId of the last asynchronous operation.</summary>
    public string? TaskId { get; private set; }

    /// <summary>Records what CDS answered to the create (its id and task).</summary>
    public void Created(string vendorId, string? taskId)
    {
        SetVendorId(vendorId);
        TaskId = taskId;
    }

    /// <summary>Records the task of a later operation (a delete).</summary>
    public void Tasked(string? taskId) => TaskId = taskId ?? TaskId;
}
