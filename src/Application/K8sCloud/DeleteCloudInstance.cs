using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.K8sCloud;

/// <summary>Reply data of E56.</summary>
/// <param name="Id">Deleted instance id.</param>
public sealed record DeletedCloudInstance(string Id);

/// <summary>
/// E56 <c>GET /k8cloud/cloud_instance_delete.dspy</c> (also POST): 用户删除实例. Loads the instance by <c>id</c> (the
/// caller must be able to act on its org, else 403); <c>podname</c>, <c>pvcname</c>, <c>customer_goods_id</c>, when
/// given, must equal the stored values (实例信息不匹配) — the objects deleted are always the stored ones. Outside-call
/// pattern (ADR 0015): row deleting (stock still held), Pod then PVC deleted on the cluster, then row Deleted and stock
/// given back; a cluster failure keeps row and stock as they were.
/// spec: 35-k8s-service.md; analysis/platform.md §3.7 E56, §6.4 #53.
/// </summary>
public sealed record DeleteCloudInstance : ICommand<Reply<DeletedCloudInstance>>
{
    /// <summary>用户获取实例返回的id.</summary>
    public string? Id { get; init; }
    /// <summary>pod名称 (must match when given).</summary>
    public string? Podname { get; init; }
    /// <summary>pvc名称 (must match when given).</summary>
    public string? Pvcname { get; init; }
    /// <summary>用户资源ID (must match when given).</summary>
    public string? CustomerGoodsId { get; init; }
}

public sealed class DeleteCloudInstanceValidator : AbstractValidator<DeleteCloudInstance>
{
    public DeleteCloudInstanceValidator() => RuleFor(x => x.Id).Required().MaxChars(64);
}

public sealed class DeleteCloudInstanceHandler(IKbossDbContext db, OrgAccess access, ICurrentUser user, CloudCluster cloud,
    CloudInstanceCalls kind, OutsideCallRunner outside)
    : ICommandHandler<DeleteCloudInstance, Reply<DeletedCloudInstance>>
{
    /// <summary>Unknown or deleted instance.</summary>
    public const string NotFound = "实例不存在";
    /// <summary>A supplied name differs from the stored one.</summary>
    public const string Mismatch = "实例信息不匹配";

    public async ValueTask<Reply<DeletedCloudInstance>> Handle(DeleteCloudInstance c, CancellationToken ct)
    {
        var instance = await db.CloudInstances.FirstOrDefaultAsync(i => i.Id == c.Id!.Trim(), ct)
                       ?? throw BusinessException.NotFound(NotFound);
        await access.EnsureCanActOnAsync(instance.OrgId, "无权删除该实例", ct);
        if (Differs(c.Podname, instance.Podname) || Differs(c.Pvcname, instance.Pvcname) || Differs(c.CustomerGoodsId, instance.CustomerGoodsId))
            throw new BusinessException(Mismatch, ErrorCodes.InvalidArgument);
        if (instance.IsOpen) throw BusinessException.Conflict($"实例当前状态为 {instance.State},暂不能删除");
        var cluster = await cloud.ByIdAsync(instance.ClusterId, ct);

        await outside.RunAsync(kind, instance, new OutsideCallSteps(
            Reserve: async (now, t) =>
            {
                instance.StartDelete(now);
                db.AuditEntries.Add(Audit.Entry(user, "k8cloud.instance.deleted", "k8s_instance", instance.Id,
                    new { orgid = instance.OrgId, clusterid = instance.ClusterId, instance.Podname,
                          instance.Pvcname }));
                await db.SaveChangesAsync(t);
            },
            Call: t => cloud.DeleteAsync(cluster, instance, t)), ct);
        return Reply.Ok("删除成功", new DeletedCloudInstance(instance.Id));
    }

    private static bool Differs(string? given, string? stored) => !string.IsNullOrWhiteSpace(given) && given.Trim() != (stored ?? "");
}
