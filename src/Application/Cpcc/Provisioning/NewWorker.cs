using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Cpcc.Executor;
using Kboss.Domain.Cpcc;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.Provisioning;

/// <summary>
/// N1 <c>POST /dev/cpcc/cpcworker/new_cpcworker.dspy</c>: adds an idle device of the centre to a ready cluster as a
/// worker. Reserves the device (compare-and-set, role worker), queues the install and join (≈ 3 min) and answers at
/// once with the device and <c>operation_id</c> (ADR 0010); a failed install gives the device back.
/// spec: 42-cpcc-cluster-workers.md; analysis/cpcc.md §3.F N1, §4.6, §4.7.
/// </summary>
public sealed record NewWorker : ICommand<Reply<ReservedDevice>>
{
    /// <summary>算力中心id.</summary>
    public string? Cpcid { get; init; }
    /// <summary>选中集群id.</summary>
    public string? Clusterid { get; init; }
    /// <summary>选中算力设备id (an idle device of the centre, from K3).</summary>
    public string? WorkerNodeid { get; init; }
}

public sealed class NewWorkerValidator : AbstractValidator<NewWorker>
{
    public NewWorkerValidator()
    {
        RuleFor(x => x.Cpcid).Required("无算力中心ID");
        RuleFor(x => x.Clusterid).Required();
        RuleFor(x => x.WorkerNodeid).Required();
    }
}

public sealed class NewWorkerHandler(IKbossDbContext db, CenterGuard guard, ICurrentUser user, TimeProvider clock, IProvisioningQueue queue)
    : ICommandHandler<NewWorker, Reply<ReservedDevice>>
{
    /// <summary>Message when the cluster is still installing (§4.7: only ready clusters accept workers).</summary>
    public const string NotReady = "算力集群尚未安装完成,不能新增工作节点";

    public async ValueTask<Reply<ReservedDevice>> Handle(NewWorker c, CancellationToken ct)
    {
        var center = await guard.LoadManageableAsync(c.Cpcid!, track: false, ct);
        var cluster = await db.Clusters.AsNoTracking().FirstOrDefaultAsync(k => k.Id == c.Clusterid!.Trim() && k.Cpcid == center.Id, ct)
                      ?? throw BusinessException.NotFound(Provisioning.ClusterNotFound);
        if (cluster.Ready != ClusterReady.Installed || cluster.ClusterJoinProtected.Length == 0) throw BusinessException.Conflict(NotReady);
        var deviceId = c.WorkerNodeid!.Trim();
        if (!await db.Devices.AnyAsync(d => d.Id == deviceId && d.Cpcid == center.Id, ct))
            throw BusinessException.NotFound(Provisioning.DeviceNotFound);
        var now = clock.GetUtcNow().UtcDateTime;
        var op = Provisioning.Start(OperationKinds.AddWorker, center.Id, cluster.Id, deviceId, user.UserId, now);
        await using (var tx = await db.BeginTransactionAsync(ct))
        {
            if (!await Provisioning.TryReserveAsync(db, deviceId, center.Id, cluster.Id, DeviceRoles.Worker, now, ct))
                throw BusinessException.Conflict(Provisioning.DeviceNotIdle);
            db.ProvisioningOperations.Add(op);
            db.AuditEntries.Add(Audit.Entry(user, "cpcc.worker.add_started", "device", deviceId,
                new { cpcid = center.Id, clusterid = cluster.Id, operation_id = op.Id }));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        await Provisioning.EnqueueAsync(queue, op);
        return Reply.Ok($"操作成功!\n工作节点正在安装(约3分钟),请用 operation_id 查询进度: {op.Id}",
            new ReservedDevice(deviceId, DeviceStatus.Occupied, cluster.Id, center.Id, DeviceRoles.Worker, op.Id));
    }
}
