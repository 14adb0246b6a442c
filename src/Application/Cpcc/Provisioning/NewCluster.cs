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
/// K10 <c>POST /dev/cpcc/cpccluster/new_cluster.dspy</c>: creates a Kubernetes cluster on an idle device of the centre.
/// Reserves the device (compare-and-set idle → occupied, role master) and inserts the cluster with <c>ready = 0</c> in
/// one transaction, queues the install and answers at once with the device (documented shape) plus
/// <c>operation_id</c> to poll with <c>get_cluster_operation.dspy</c> (ADR 0010). The install (≈ 5 min) then sets
/// <c>ready = 1</c> or rolls back. spec: 40-cpcc-clusters.md; analysis/cpcc.md §3.D K10, §4.6, §4.7, §5.2.
/// </summary>
public sealed record NewCluster : ICommand<Reply<ReservedDevice>>
{
    /// <summary>算力中心id.</summary>
    public string? Cpcid { get; init; }
    /// <summary>集群控制节点的id (an idle device of the centre, from K3).</summary>
    public string? CtlNodeid { get; init; }
    /// <summary>集群类别: 0 kubernetes (1 slurm is not supported).</summary>
    public string? ClusterType { get; init; }
    /// <summary>集群名称 (≤ 100 chars).</summary>
    public string? ClusterName { get; init; }
    /// <summary>启用时间 yyyy-MM-dd.</summary>
    public string? EnableDate { get; init; }
    /// <summary>停用时间 yyyy-MM-dd.</summary>
    public string? ExportDate { get; init; }
}

public sealed class NewClusterValidator : AbstractValidator<NewCluster>
{
    /// <summary>Message for slurm (pcapi installs kubernetes only).</summary>
    public const string NoSlurm = "暂不支持slurm集群";

    public NewClusterValidator()
    {
        RuleFor(x => x.Cpcid).Required("无算力中心ID");
        RuleFor(x => x.CtlNodeid).Required();
        RuleFor(x => x.ClusterType).Required().OneOf([ClusterTypes.Kubernetes, ClusterTypes.Slurm])
            .Must(v => v?.Trim() != ClusterTypes.Slurm).WithMessage(NoSlurm);
        RuleFor(x => x.ClusterName).Required().MaxChars(100);
        RuleFor(x => x.EnableDate).Required().OptionalDate();
        RuleFor(x => x.ExportDate).Required().OptionalDate();
        RuleFor(x => x.ExportDate)
            .Must((x, end) => RuleExtensions.ToDate(x.EnableDate) is not { } e || RuleExtensions.ToDate(end) is not { } d || d >= e)
            .WithMessage("停止日期不能早于启用日期");
    }
}

public sealed class NewClusterHandler(IKbossDbContext db, CenterGuard guard, ICurrentUser user, TimeProvider clock, IProvisioningQueue queue)
    : ICommandHandler<NewCluster, Reply<ReservedDevice>>
{
    public async ValueTask<Reply<ReservedDevice>> Handle(NewCluster c, CancellationToken ct)
    {
        var center = await guard.LoadManageableAsync(c.Cpcid!, track: false, ct);
        var deviceId = c.CtlNodeid!.Trim();
        if (!await db.Devices.AnyAsync(d => d.Id == deviceId && d.Cpcid == center.Id, ct))
            throw BusinessException.NotFound(Provisioning.DeviceNotFound);
        var now = clock.GetUtcNow().UtcDateTime;
        var cluster = new Cluster
        {
            Name = c.ClusterName!.Trim(), Cpcid = center.Id, ClusterType = ClusterTypes.Kubernetes, ControllerId = deviceId,
            EnableDate = RuleExtensions.ToDate(c.EnableDate), ExportDate = RuleExtensions.ToDate(c.ExportDate), Ready = ClusterReady.Installing,
        };
        var op = Provisioning.Start(OperationKinds.CreateCluster, center.Id, cluster.Id, deviceId, user.UserId, now);
        await using (var tx = await db.BeginTransactionAsync(ct))
        {
            if (!await Provisioning.TryReserveAsync(db, deviceId, center.Id, cluster.Id, DeviceRoles.Master, now, ct))
                throw BusinessException.Conflict(Provisioning.DeviceNotIdle);
            db.Clusters.Add(cluster);
            db.ProvisioningOperations.Add(op);
            db.AuditEntries.Add(Audit.Entry(user, "cpcc.cluster.create_started", "cluster", cluster.Id,
                new { cpcid = center.Id, cluster.Name, controllerid = deviceId, operation_id = op.Id }));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        await Provisioning.EnqueueAsync(queue, op);
        return Reply.Ok($"操作成功!\n集群正在安装(约5分钟),请用 operation_id 查询进度: {op.Id}",
            new ReservedDevice(deviceId, DeviceStatus.Occupied, cluster.Id, center.Id, DeviceRoles.Master, op.Id));
    }
}
