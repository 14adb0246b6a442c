using System.Linq.Expressions;
using Kboss.Domain.Common;

namespace Kboss.Domain.Cpcc;

/// <summary>
/// 算力设备: a machine of a centre (legacy table <c>cpcnode</c>) that cluster flows install as a control-plane or worker
/// node. State machine (analysis/cpcc.md §4.6): IDLE (<c>node_status "0"</c>, no cluster, role <c>""</c>) ⇔ occupied
/// (<c>"1"</c>, a cluster, role master/worker); only the cluster flows move a device between them, through
/// <see cref="Occupy"/> and <see cref="Release"/>, so <c>idle ⇔ clusterid null ⇔ role ""</c> always holds.
/// spec: 38-cpcc-devices.md; analysis/cpcc.md §2.2.
/// </summary>
public sealed class Device : Entity, ISoftDeletable
{
    /// <summary>Owning centre id.</summary>
    public string Cpcid { get; set; } = "";
    /// <summary>设备简称.</summary>
    public string Name { get; set; } = "";
    /// <summary>Cluster the device belongs to; null while idle.</summary>
    public string? ClusterId { get; private set; }
    /// <summary><c>"0"</c> 空闲 / <c>"1"</c> 占用 (see <see cref="DeviceStatus"/>).</summary>
    public string NodeStatus { get; private set; } = DeviceStatus.Idle;
    /// <summary>集群角色: <c>""</c>, <c>master</c> or <c>worker</c> (see <see cref="DeviceRoles"/>).</summary>
    public string Role { get; private set; } = DeviceRoles.None;
    /// <summary>内网IP, also the SSH host.</summary>
    public string Ip { get; set; } = "";
    /// <summary><c>"0"</c> 虚拟机 / <c>"1"</c> 物理机.</summary>
    public string DeviceType { get; set; } = DeviceTypes.VirtualMachine;
    /// <summary>SSH port, 1–65535.</summary>
    public int SshPort { get; set; } = 22;
    /// <summary>SSH user.</summary>
    public string AdminUser { get; set; } = "";
    /// <summary>SSH password, encrypted at rest; never returned.</summary>
    public string AdminPwdProtected { get; set; } = "";
    /// <summary>启用日期.</summary>
    public DateOnly? EnableDate { get; set; }
    /// <summary>停用/结束日期 (the legacy name says "export").</summary>
    public DateOnly? ExportDate { get; set; }
    /// <summary>公网IP; empty when not set (shown as 未设置).</summary>
    public string ExternalIp { get; set; } = "";
    /// <summary>CPU型号.</summary>
    public string CpuModel { get; set; } = "";
    /// <summary>CPU cores.</summary>
    public long CpuStock { get; set; }
    /// <summary>内存型号.</summary>
    public string MemoryModel { get; set; } = "";
    /// <summary>Memory in Gi.</summary>
    public long MemoryStock { get; set; }
    /// <summary>System disk in Gi.</summary>
    public long SysdiskStock { get; set; }
    /// <summary>Data disk in Gi.</summary>
    public long DatadiskStock { get; set; }
    /// <summary>GPU型号 (format RTXABCD-32G).</summary>
    public string GpuModel { get; set; } = "";
    /// <summary>GPU cards.</summary>
    public long GpuStock { get; set; }
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;

    /// <summary>Refusal of <see cref="Occupy"/> when the device is taken (analysis/cpcc.md §3.D K10 step 2).</summary>
    public const string NotIdleMessage = "该算力设备非空闲状态";

    /// <summary>
    /// The rule of <see cref="Occupy"/>: the device is idle and in no cluster. The compare-and-set UPDATE that
    /// reserves a device (<c>ExecuteUpdate … Where(CanOccupy)</c>) and the entity share it (§4.6).
    /// </summary>
    public static readonly Expression<Func<Device, bool>> CanOccupy =
        d => d.NodeStatus == DeviceStatus.Idle && d.ClusterId == null;

    private static readonly Func<Device, bool> CanOccupyNow = CanOccupy.Compile(preferInterpretation: true);

    /// <summary>True while the device is in no cluster.</summary>
    public bool IsIdle => NodeStatus == DeviceStatus.Idle;

    /// <summary>
    /// IDLE → occupied: the device becomes the <paramref name="role"/> node of cluster <paramref name="clusterId"/>.
    /// Refused (conflict) unless <see cref="CanOccupy"/>; a role other than master/worker or an empty cluster id is
    /// invalid_argument.
    /// </summary>
    public Result Occupy(string clusterId, string role)
    {
        if (!CanOccupyNow(this)) return new Failure(FailureKind.Conflict, NotIdleMessage);
        if (role is not (DeviceRoles.Master or DeviceRoles.Worker))
            return new Failure(FailureKind.InvalidArgument, $"无效的集群角色 {role}");
        if (string.IsNullOrWhiteSpace(clusterId)) return new Failure(FailureKind.InvalidArgument, "集群 id 不能为空");
        ClusterId = clusterId;
        Role = role;
        NodeStatus = DeviceStatus.Occupied;
        return Result.Done;
    }

    /// <summary>occupied → IDLE (worker removed, cluster deleted or an install rolled back).</summary>
    public void Release()
    {
        ClusterId = null;
        Role = DeviceRoles.None;
        NodeStatus = DeviceStatus.Idle;
    }
}

/// <summary>Values of <see cref="Device.NodeStatus"/>.</summary>
public static class DeviceStatus
{
    /// <summary>空闲.</summary>
    public const string Idle = "0";
    /// <summary>占用.</summary>
    public const string Occupied = "1";

    /// <summary>Display text: 空闲 / 占用.</summary>
    public static string Text(string status) => status == Occupied ? "占用" : "空闲";
}

/// <summary>Values of <see cref="Device.DeviceType"/>.</summary>
public static class DeviceTypes
{
    /// <summary>虚拟机.</summary>
    public const string VirtualMachine = "0";
    /// <summary>物理机.</summary>
    public const string Physical = "1";

    /// <summary>Display text: 虚拟机 / 物理机.</summary>
    public static string Text(string type) => type == Physical ? "物理机" : "虚拟机";
}

/// <summary>Values of <see cref="Device.Role"/>.</summary>
public static class DeviceRoles
{
    /// <summary>No cluster role (idle).</summary>
    public const string None = "";
    /// <summary>Control-plane node.</summary>
    public const string Master = "master";
    /// <summary>Worker node.</summary>
    public const string Worker = "worker";
}
