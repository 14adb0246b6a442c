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

/// <summary>Values of <see cref="CdsResource.TaskState"/>.</summary>
public static class CdsTaskStates
{
    /// <summary>No task followed.</summary>
    public const string None = "";
    /// <summary>CDS accepted the task; the poller follows it.</summary>
    public const string Running = "running";
    /// <summary>CDS accepted the task that creates the resource; the poller follows it (a failure deletes the row and
    /// refunds its share of the create's charge).</summary>
    public const string Creating = "creating";
    /// <summary>The task finished.</summary>
    public const string Done = "done";
    /// <summary>The task failed on CDS after it was accepted.</summary>
    public const string Failed = "failed";
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

    /// <summary>The asynchronous task of <see cref="TaskId"/>: <see cref="CdsTaskStates"/> (issue 14 §5.5).</summary>
    public string TaskState { get; private set; } = CdsTaskStates.None;

    /// <summary>A live row for an object CDS created along with <paramref name="like"/>'s (a VPC's first subnet, the
    /// other hosts or EIPs of one order): same owner and operator, <paramref name="like"/>'s id as its parent.</summary>
    public static CdsResource AlongWith(CdsResource like, string type, string vendorId, string zone, string name,
        DateTime now)
    {
        var row = new CdsResource
        {
            OrgId = like.OrgId, UserId = like.UserId, OperatorOrgId = like.OperatorOrgId, ResourceType = type,
            RegionCode = like.RegionCode, ZoneCode = zone, Name = name, ParentVendorId = like.VendorId,
        };
        row.StartCreate(now);
        row.Created(vendorId, null);
        row.Confirm(now);
        return row;
    }

    /// <summary>Records what CDS answered to the create (its id and task).</summary>
    public void Created(string vendorId, string? taskId)
    {
        SetVendorId(vendorId);
        TaskId = taskId;
        CreateTaskId = taskId;
        TaskState = taskId is null ? CdsTaskStates.None : CdsTaskStates.Creating;
    }

    /// <summary>Records the task of the create when CDS names it apart from the id (an ECS <c>EventId</c>).</summary>
    public void CreateTasked(string? taskId)
    {
        if (taskId is null) return;
        TaskId = taskId;
        CreateTaskId = taskId;
        TaskState = CdsTaskStates.Creating;
    }

    /// <summary>The create's task while <see cref="TaskState"/> is <see cref="CdsTaskStates.Creating"/> (kept when a
    /// later operation records its own <see cref="TaskId"/> before the create ended).</summary>
    public string? CreateTaskId { get; private set; }

    /// <summary>The task the poller follows: the create's while it runs, else the last one.</summary>
    public string? FollowedTaskId => TaskState == CdsTaskStates.Creating ? CreateTaskId ?? TaskId : TaskId;

    /// <summary>True while the poller follows a task (<see cref="CdsTaskStates.Running"/> or
    /// <see cref="CdsTaskStates.Creating"/>).</summary>
    public bool TaskOpen => TaskState is CdsTaskStates.Running or CdsTaskStates.Creating;

    /// <summary>Records the task of a later operation (a delete, a change) as the last one. While the create's task
    /// still runs, that one stays followed (its failure must still delete and refund).</summary>
    public void Tasked(string? taskId)
    {
        if (taskId is null) return;
        TaskId = taskId;
        if (TaskState != CdsTaskStates.Creating) TaskState = CdsTaskStates.Running;
    }

    /// <summary>The task poller saw the followed task end (<paramref name="ok"/>: done, else failed).
    /// A create that succeeded while a later task was recorded goes on with that one.</summary>
    public void TaskEnded(bool ok) =>
        TaskState = !ok ? CdsTaskStates.Failed
            : TaskState == CdsTaskStates.Creating && TaskId != CreateTaskId ? CdsTaskStates.Running
            : CdsTaskStates.Done;
}
