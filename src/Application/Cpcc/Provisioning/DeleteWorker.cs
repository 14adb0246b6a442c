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

/// <summary>Reply data of N2/K11: the target and the operation to poll.</summary>
/// <param name="Id">Device id (N2) or cluster id (K11).</param>
/// <param name="OperationId">Id for <c>get_cluster_operation.dspy</c>.</param>
public sealed record StartedRemoval(string Id, string OperationId);

/// <summary>
/// N2 (documented without a path; proposed <c>POST /dev/cpcc/cpcworker/delete_cpcworker.dspy</c>): removes a worker
/// from its cluster (drained unless <c>force</c>, deleted from the cluster, the machine reset) and makes the device idle.
/// Refused for the controller. Behind <c>Cpcc:Features:DeleteWorker</c> (off → <c>功能开发中</c>). Long operation
/// (≈ 1 min): answers at once with <c>operation_id</c>. spec: 42-cpcc-cluster-workers.md; analysis/cpcc.md §3.F N2, §6.1.
/// </summary>
public sealed record DeleteWorker : ICommand<Reply<StartedRemoval>>
{
    /// <summary>算力中心id.</summary>
    public string? Cpcid { get; init; }
    /// <summary>集群id.</summary>
    public string? Clusterid { get; init; }
    /// <summary>工作节点的算力设备id.</summary>
    public string? WorkerNodeid { get; init; }
    /// <summary>true: delete without draining (default false).</summary>
    public string? Force { get; init; }
}

public sealed class DeleteWorkerValidator : AbstractValidator<DeleteWorker>
{
    public DeleteWorkerValidator()
    {
        RuleFor(x => x.Cpcid).Required("无算力中心ID");
        RuleFor(x => x.Clusterid).Required();
        RuleFor(x => x.WorkerNodeid).Required();
        RuleFor(x => x.Force).Must(v => string.IsNullOrWhiteSpace(v) || bool.TryParse(v.Trim(), out _) || v.Trim() is "0" or "1")
            .WithMessage("force 只能是 true/false");
    }
}

public sealed class DeleteWorkerHandler(IKbossDbContext db, CenterGuard guard, ICurrentUser user, TimeProvider clock,
    IProvisioningQueue queue, CpccFeatures features) : ICommandHandler<DeleteWorker, Reply<StartedRemoval>>
{
    /// <summary>Message when the device is not a worker of the cluster.</summary>
    public const string NotAWorker = "该算力设备不是此集群的工作节点";

    public async ValueTask<Reply<StartedRemoval>> Handle(DeleteWorker c, CancellationToken ct)
    {
        var center = await guard.LoadManageableAsync(c.Cpcid!, track: false, ct);
        if (!features.DeleteWorker) return Reply.Fail<StartedRemoval>(CpccFeatures.InDevelopment, ErrorCodes.NotImplemented);
        var cluster = await db.Clusters.AsNoTracking().FirstOrDefaultAsync(k => k.Id == c.Clusterid!.Trim() && k.Cpcid == center.Id, ct)
                      ?? throw BusinessException.NotFound(Provisioning.ClusterNotFound);
        var device = await db.Devices.AsNoTracking().FirstOrDefaultAsync(d => d.Id == c.WorkerNodeid!.Trim() && d.Cpcid == center.Id, ct)
                     ?? throw BusinessException.NotFound(Provisioning.DeviceNotFound);
        if (device.ClusterId != cluster.Id || device.Role != DeviceRoles.Worker || device.Id == cluster.ControllerId)
            throw BusinessException.Conflict(NotAWorker);
        if (await Provisioning.BusyAsync(db, cluster.Id, device.Id, ct)) throw BusinessException.Conflict(Provisioning.Busy);
        var force = c.Force?.Trim() is { } f && (f == "1" || f.Equals("true", StringComparison.OrdinalIgnoreCase));
        var op = Provisioning.Start(OperationKinds.RemoveWorker, center.Id, cluster.Id, device.Id, user.UserId, clock.GetUtcNow().UtcDateTime);
        op.Force = force;
        db.ProvisioningOperations.Add(op);
        db.AuditEntries.Add(Audit.Entry(user, "cpcc.worker.remove_started", "device", device.Id,
            new { cpcid = center.Id, clusterid = cluster.Id, force, operation_id = op.Id }));
        await db.SaveChangesAsync(ct);
        await Provisioning.EnqueueAsync(queue, op);
        return Reply.Ok($"操作成功!\n正在移除工作节点(约1分钟),请用 operation_id 查询进度: {op.Id}", new StartedRemoval(device.Id, op.Id));
    }
}
