using System.Collections.Concurrent;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Cpcc.Executor;
using Kboss.Domain.Common;
using Kboss.Domain.Cpcc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kboss.Application.Cpcc.Provisioning;

/// <summary>
/// Runs one queued <see cref="ProvisioningOperation"/> to its end (the state machine of analysis/cpcc.md §4.6/§4.7):
/// calls the centre's <see cref="IClusterProvisioner"/>, streams its output into the operation log, and then either
/// completes (cluster <c>ready = 1</c> with the encrypted join command and a kubeconfig the loader accepts; device
/// released after a removal)
/// or rolls back (device idle again, a failed cluster marked deleted) keeping the log. Runs outside any HTTP request,
/// in its own scope (ADR 0010).
/// </summary>
public sealed class ProvisioningRunner(IKbossDbContext db, IClusterProvisioner provisioner, ISecretProtector secrets,
    IKubeconfigPolicy kubeconfigs, TimeProvider clock, ILogger<ProvisioningRunner> logger)
{
    /// <summary>The documented failure message of K10/N1 (followed by the reason).</summary>
    public const string FailedMessage = "算力中心服务操作失败";
    /// <summary>Message of operations cut short by a restart of the service.</summary>
    public const string Interrupted = "服务节点停止导致操作中断,已回滚;机器可能处于半安装状态,请先清理(kubeadm reset)再重试";

    /// <summary>How often the captured log and progress are written while the operation runs.</summary>
    public static TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Runs operation <paramref name="operationId"/> (does nothing unless it is running). With
    /// <paramref name="recovering"/> (the scheduler hands back a run whose node died or was stopped mid-way) the
    /// operation is failed and rolled back instead: the machine may be half-installed, so it is never re-run blindly.
    /// </summary>
    public async Task RunAsync(string operationId, bool recovering, CancellationToken ct)
    {
        var op = await db.ProvisioningOperations.FirstOrDefaultAsync(o => o.Id == operationId, ct);
        if (op is null || op.Status != OperationStatus.Running) return;
        if (recovering)
        {
            await InterruptAsync(op, ct);
            return;
        }
        var center = await db.ComputeCenters.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(c => c.Id == op.Cpcid, ct);
        var cluster = await db.Clusters.IgnoreQueryFilters().FirstOrDefaultAsync(k => k.Id == op.ClusterId, ct);
        if (center is null || cluster is null)
        {
            await FinishAsync(op, false, FailedMessage + ": 算力中心或集群已不存在", ct);
            return;
        }
        var sink = new Sink();
        try
        {
            var (ok, message) = await (op.Kind switch
            {
                OperationKinds.CreateCluster => CreateClusterAsync(op, center, cluster, sink, ct),
                OperationKinds.AddWorker => AddWorkerAsync(op, center, cluster, sink, ct),
                OperationKinds.RemoveWorker => RemoveWorkerAsync(op, center, cluster, sink, ct),
                OperationKinds.DeleteCluster => DeleteClusterAsync(op, center, cluster, sink, ct),
                _ => Task.FromResult((false, $"未知操作类型 {op.Kind}")),
            });
            Drain(op, sink);
            if (!ok) await RollBackAsync(op, ct);
            await FinishAsync(op, ok, message, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw; // shutting down: the scheduler hands the run back and a live node rolls it back
        }
        catch (Exception e)
        {
            logger.LogError(e, "Provisioning operation {Operation} ({Kind}) failed unexpectedly", op.Id, op.Kind);
            db.ClearChanges();
            op = await db.ProvisioningOperations.FirstAsync(o => o.Id == operationId, CancellationToken.None);
            Drain(op, sink);
            await RollBackAsync(op, CancellationToken.None);
            await FinishAsync(op, false, FailedMessage + ": 内部错误", CancellationToken.None);
        }
    }

    /// <summary>
    /// Fails and rolls back the running operations that started before <paramref name="startedBeforeUtc"/> and for
    /// which <paramref name="isScheduled"/> says no job exists any more (a node died between accepting the operation
    /// and scheduling its job, or an operation left by a version without the job store). Returns how many.
    /// </summary>
    public async Task<int> RecoverOrphansAsync(DateTime startedBeforeUtc,
        Func<string, CancellationToken, Task<bool>> isScheduled, CancellationToken ct)
    {
        var running = await db.ProvisioningOperations
            .Where(o => o.Status == OperationStatus.Running && o.StartedAt < startedBeforeUtc).ToListAsync(ct);
        var n = 0;
        foreach (var op in running)
        {
            if (await isScheduled(op.Id, ct)) continue;
            await InterruptAsync(op, ct);
            n++;
        }
        return n;
    }

    private async Task InterruptAsync(ProvisioningOperation op, CancellationToken ct)
    {
        op.AppendLog("[kboss] " + Interrupted);
        await RollBackAsync(op, ct);
        await FinishAsync(op, false, Interrupted, ct);
    }

    private async Task<(bool, string)> CreateClusterAsync(ProvisioningOperation op, ComputeCenter center, Cluster cluster, Sink sink, CancellationToken ct)
    {
        var device = await DeviceAsync(op.DeviceId, ct);
        if (device is null) return (false, FailedMessage + ": 控制节点设备已不存在");
        var r = await FlushingAsync(op, sink, provisioner.CreateControlPlaneAsync(center, SshTarget.Of(device), sink, ct), ct);
        if (!r.Status || r.Data is null) return (false, Failure(r.Info));
        try
        {
            kubeconfigs.EnsureUsable(r.Data.Kubeconfig); // data, never code (ADR 0014): a refused one is never stored
        }
        catch (KubeGatewayException e)
        {
            return (false, Failure(e.Message));
        }
        cluster.CompleteInstall(secrets.Protect(r.Data.JoinCommand), secrets.Protect(r.Data.Kubeconfig));
        return (true, "操作成功!集群安装完成,加入集群凭证已加密保存");
    }

    private async Task<(bool, string)> AddWorkerAsync(ProvisioningOperation op, ComputeCenter center, Cluster cluster, Sink sink, CancellationToken ct)
    {
        var device = await DeviceAsync(op.DeviceId, ct);
        if (device is null) return (false, FailedMessage + ": 工作节点设备已不存在");
        if (cluster.ClusterJoinProtected.Length == 0) return (false, FailedMessage + ": 集群没有加入凭证");
        var r = await FlushingAsync(op, sink, provisioner.JoinWorkerAsync(center, SshTarget.Of(device), secrets.Unprotect(cluster.ClusterJoinProtected), sink, ct), ct);
        return r.Status ? (true, "操作成功!工作节点已加入集群") : (false, Failure(r.Info));
    }

    private async Task<(bool, string)> RemoveWorkerAsync(ProvisioningOperation op, ComputeCenter center, Cluster cluster, Sink sink, CancellationToken ct)
    {
        var device = await DeviceAsync(op.DeviceId, ct);
        if (device is null) return (false, FailedMessage + ": 工作节点设备已不存在");
        var controller = cluster.ControllerId is null ? null : await DeviceAsync(cluster.ControllerId, ct);
        var r = await FlushingAsync(op, sink, provisioner.RemoveNodeAsync(center, controller is null ? null : SshTarget.Of(controller),
            SshTarget.Of(device), op.Force, sink, ct), ct);
        if (!r.Status) return (false, Failure(r.Info));
        device.Release();
        return (true, "移除工作节点成功");
    }

    private async Task<(bool, string)> DeleteClusterAsync(ProvisioningOperation op, ComputeCenter center, Cluster cluster, Sink sink, CancellationToken ct)
    {
        var members = await db.Devices.Where(d => d.ClusterId == cluster.Id).ToListAsync(ct);
        var controller = members.FirstOrDefault(d => d.Id == cluster.ControllerId);
        var controllerTarget = controller is null ? null : SshTarget.Of(controller);
        var workers = members.Where(d => d != controller).ToList();
        for (var i = 0; i < workers.Count; i++)
        {
            sink.Line($"[kboss] 移除工作节点 {workers[i].Ip}");
            var r = await FlushingAsync(op, sink, provisioner.RemoveNodeAsync(center, controllerTarget, SshTarget.Of(workers[i]), true, sink, ct), ct);
            if (!r.Status) return (false, Failure(r.Info));
            workers[i].Release();
            await db.SaveChangesAsync(ct); // a worker removed stays removed even if a later step fails
            sink.Progress(10 + 70 * (i + 1) / Math.Max(1, workers.Count));
        }
        if (controller is not null)
        {
            sink.Line($"[kboss] 重置控制节点 {controller.Ip}");
            var r = await FlushingAsync(op, sink, provisioner.RemoveNodeAsync(center, null, controllerTarget!, true, sink, ct), ct);
            if (!r.Status) return (false, Failure(r.Info));
            controller.Release();
        }
        await db.WidgetClusterStocks.Where(s => s.ClusterId == cluster.Id).ExecuteDeleteAsync(ct);
        cluster.MarkDeleted();
        return (true, "删除算力集群成功");
    }

    private static string Failure(string info) => string.IsNullOrWhiteSpace(info) ? FailedMessage : $"{FailedMessage}: {info}";

    private Task<Device?> DeviceAsync(string id, CancellationToken ct) =>
        db.Devices.IgnoreQueryFilters().FirstOrDefaultAsync(d => d.Id == id, ct);

    /// <summary>Undoes what the operation reserved: an install gives its device back and a new cluster is marked deleted.</summary>
    private async Task RollBackAsync(ProvisioningOperation op, CancellationToken ct)
    {
        if (op.Kind is not (OperationKinds.CreateCluster or OperationKinds.AddWorker)) return; // removals leave the device in place
        var device = await DeviceAsync(op.DeviceId, ct);
        if (device is not null && device.ClusterId == op.ClusterId) device.Release();
        if (op.Kind == OperationKinds.CreateCluster)
        {
            var cluster = await db.Clusters.IgnoreQueryFilters().FirstOrDefaultAsync(k => k.Id == op.ClusterId, ct);
            cluster?.AbandonInstall();
        }
        op.AppendLog("[kboss] 已回滚: 设备恢复空闲" + (op.Kind == OperationKinds.CreateCluster ? ",未完成的集群已移除" : ""));
    }

    private async Task FinishAsync(ProvisioningOperation op, bool ok, string message, CancellationToken ct)
    {
        var stillRunning = await db.ProvisioningOperations.AsNoTracking()
            .AnyAsync(o => o.Id == op.Id && o.Status == OperationStatus.Running, ct);
        if (!stillRunning)
        {
            // a node taken for dead came back after another node had ended the operation: keep that outcome
            db.ClearChanges();
            logger.LogWarning("Provisioning operation {Operation} was ended by another node; outcome dropped", op.Id);
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (ok) op.Succeed(message, now);
        else op.Fail(message, now);
        op.AppendLog($"[kboss] {(ok ? "成功" : "失败")}: {message}");
        await db.SaveChangesAsync(ct);
        Common.Metrics.KbossMetrics.Operation(op.Kind, op.Status);
        logger.LogInformation("Provisioning operation {Operation} ({Kind}) {Status}", op.Id, op.Kind, op.Status);
    }

    /// <summary>
    /// Awaits the executor call <paramref name="work"/> (which does not touch the database), writing the captured lines
    /// and progress every <see cref="FlushInterval"/> meanwhile.
    /// </summary>
    private async Task<T> FlushingAsync<T>(ProvisioningOperation op, Sink sink, Task<T> work, CancellationToken ct)
    {
        while (!work.IsCompleted)
        {
            await Task.WhenAny(work, Task.Delay(FlushInterval, ct));
            if (work.IsCompleted) break;
            if (Drain(op, sink)) await db.SaveChangesAsync(ct);
        }
        return await work;
    }

    private static bool Drain(ProvisioningOperation op, Sink sink)
    {
        var changed = false;
        while (sink.Lines.TryDequeue(out var line)) { op.AppendLog(line); changed = true; }
        var p = Math.Clamp(sink.Percent, 0, 99);
        if (p > op.Progress) { op.Progress = p; changed = true; }
        return changed;
    }

    private sealed class Sink : IProvisioningLog
    {
        public ConcurrentQueue<string> Lines { get; } = new();
        private int _percent;
        public int Percent => Volatile.Read(ref _percent);
        public void Line(string text) => Lines.Enqueue(text);
        public void Progress(int percent)
        {
            int seen;
            do { seen = Volatile.Read(ref _percent); if (percent <= seen) return; }
            while (Interlocked.CompareExchange(ref _percent, percent, seen) != seen);
        }
    }
}
