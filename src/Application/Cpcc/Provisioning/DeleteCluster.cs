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
/// K11 <c>POST /computing/cpcluster_delete.dspy</c>: removes a cluster. Behind <c>Cpcc:Features:DeleteCluster</c>
/// (off → <c>功能开发中</c>, §6.1). When on: refused while instance configs exist (<c>请先删除集群资源实例</c>) or an
/// operation runs; otherwise a long operation (≈ 1 min) removes every worker (forced), resets the controller, frees
/// the devices, deletes the cluster's widget stock rows and the cluster. spec: 40-cpcc-clusters.md; analysis/cpcc.md §3.D K11.
/// </summary>
public sealed record DeleteCluster : ICommand<Reply<StartedRemoval>>
{
    /// <summary>算力集群id (from K1).</summary>
    public string? Id { get; init; }
}

public sealed class DeleteClusterValidator : AbstractValidator<DeleteCluster>
{
    public DeleteClusterValidator() => RuleFor(x => x.Id).Required();
}

public sealed class DeleteClusterHandler(IKbossDbContext db, CenterGuard guard, ICurrentUser user, TimeProvider clock,
    IProvisioningQueue queue, CpccFeatures features) : ICommandHandler<DeleteCluster, Reply<StartedRemoval>>
{
    /// <summary>Message while instance configs exist.</summary>
    public const string HasConfigs = "请先删除集群资源实例";

    public async ValueTask<Reply<StartedRemoval>> Handle(DeleteCluster c, CancellationToken ct)
    {
        var cluster = await db.Clusters.AsNoTracking().FirstOrDefaultAsync(k => k.Id == c.Id!.Trim(), ct)
                      ?? throw BusinessException.NotFound(Provisioning.ClusterNotFound);
        var center = await guard.LoadManageableAsync(cluster.Cpcid, track: false, ct);
        if (!features.DeleteCluster) return Reply.Fail<StartedRemoval>(CpccFeatures.InDevelopment, ErrorCodes.NotImplemented);
        if (await db.InstanceConfigs.AnyAsync(i => i.ClusterId == cluster.Id, ct)) throw BusinessException.Conflict(HasConfigs);
        if (await Provisioning.BusyAsync(db, cluster.Id, null, ct)) throw BusinessException.Conflict(Provisioning.Busy);
        var op = Provisioning.Start(OperationKinds.DeleteCluster, center.Id, cluster.Id, cluster.ControllerId ?? "", user.UserId,
            clock.GetUtcNow().UtcDateTime);
        op.Force = true;
        db.ProvisioningOperations.Add(op);
        db.AuditEntries.Add(Audit.Entry(user, "cpcc.cluster.delete_started", "cluster", cluster.Id, new { cpcid = center.Id, cluster.Name, operation_id = op.Id }));
        await db.SaveChangesAsync(ct);
        await Provisioning.EnqueueAsync(queue, op);
        return Reply.Ok($"操作成功!\n正在删除算力集群(约1分钟),请用 operation_id 查询进度: {op.Id}", new StartedRemoval(cluster.Id, op.Id));
    }
}
