using Kboss.Application.Common.Interfaces;
using Kboss.Application.Cpcc.Executor;
using Kboss.Domain.Cpcc;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.Provisioning;

/// <summary>Feature flags of the unfinished teardown endpoints (analysis/cpcc.md §6.1; configuration <c>Cpcc:Features:*</c>).</summary>
public sealed class CpccFeatures
{
    /// <summary><c>Cpcc:Features:DeleteCluster</c>: K11 <c>cpcluster_delete</c> (default off).</summary>
    public bool DeleteCluster { get; init; }
    /// <summary><c>Cpcc:Features:DeleteWorker</c>: N2 <c>delete_cpcworker</c> (default on: drain, delete the node, device back to idle).</summary>
    public bool DeleteWorker { get; init; }
    /// <summary><c>Cpcc:Features:ImportCluster</c>: <c>import_cluster</c> by kubeconfig (default off; ADR 0040).
    /// </summary>
    public bool ImportCluster { get; init; }

    /// <summary>Answer of a flagged-off endpoint.</summary>
    public const string InDevelopment = "功能开发中";
}

/// <summary>
/// Data of K10/N1 answers: the device as reserved (the documented shape) plus the operation to poll.
/// </summary> <param name="Id">Device id.</param>
/// <param name="NodeStatus">Always <c>"1"</c> (occupied).</param>
/// <param name="Clusterid">Cluster id.</param>
/// <param name="Cpcid">Centre id.</param>
/// <param name="Role">master / worker.</param>
/// <param name="OperationId">Id for <c>get_cluster_operation.dspy</c>.</param>
public sealed record ReservedDevice(string Id, string NodeStatus, string Clusterid, string Cpcid, string Role, string OperationId);

/// <summary>Shared steps of the provisioning use cases.</summary>
public static class Provisioning
{
    /// <summary>Message when the picked device is taken (analysis/cpcc.md §3.D K10 step 2).</summary>
    public const string DeviceNotIdle = Device.NotIdleMessage;
    /// <summary>Message when the picked device is unknown in the centre.</summary>
    public const string DeviceNotFound = "算力设备不存在";
    /// <summary>Message when the cluster id is unknown in the centre.</summary>
    public const string ClusterNotFound = "算力集群不存在";
    /// <summary>Message while another long operation runs on the same cluster or device.</summary>
    public const string Busy = "该集群或设备有正在进行的操作,请稍后再试";

    /// <summary>
    /// Compare-and-set idle → occupied in one conditional UPDATE under <see cref="Device.CanOccupy"/> (the rule of
    /// <see cref="Device.Occupy"/>), so two requests can never take the same device (§4.6). Returns false when the
    /// device was not idle (or not in the centre).
    /// </summary>
    public static async Task<bool> TryReserveAsync(IKbossDbContext db, string deviceId, string cpcid, string clusterId,
        string role, DateTime nowUtc, CancellationToken ct) =>
        await db.Devices.Where(d => d.Id == deviceId && d.Cpcid == cpcid).Where(Device.CanOccupy)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.NodeStatus, DeviceStatus.Occupied)
                .SetProperty(d => d.ClusterId, clusterId).SetProperty(d => d.Role, role)
                .SetProperty(d => d.UpdateTime, nowUtc), ct) == 1;

    /// <summary>True while an operation runs on <paramref name="clusterId"/> or <paramref name="deviceId"/>.</summary>
    public static Task<bool> BusyAsync(IKbossDbContext db, string? clusterId, string? deviceId, CancellationToken ct) =>
        db.ProvisioningOperations.AnyAsync(o => o.Status == OperationStatus.Running
                                                && ((clusterId != null && o.ClusterId == clusterId) || (deviceId != null && o.DeviceId == deviceId)), ct);

    /// <summary>
    /// Schedules committed operation <paramref name="op"/> as a scheduler job (not cancelled by the client leaving: the
    /// operation is already accepted) and counts it started.
    /// </summary>
    public static async Task EnqueueAsync(IProvisioningQueue queue, ProvisioningOperation op)
    {
        await queue.EnqueueAsync(op.Id, CancellationToken.None);
        Common.Metrics.KbossMetrics.Operation(op.Kind, "started");
    }

    /// <summary>A new running operation.</summary>
    public static ProvisioningOperation Start(string kind, string cpcid, string clusterId, string deviceId, string? userId, DateTime nowUtc) => new()
    {
        Kind = kind, Cpcid = cpcid, ClusterId = clusterId, DeviceId = deviceId, UserId = userId, StartedAt = nowUtc,
        Log = $"[kboss] 操作已受理 ({kind})\n",
    };
}
