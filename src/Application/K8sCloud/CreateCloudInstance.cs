using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Application.Cpcc.InstanceConfigs;
using Kboss.Domain.K8sCloud;
using Mediator;

namespace Kboss.Application.K8sCloud;

/// <summary>Reply data of E53 and one row of E55.</summary>
/// <param name="Id">Instance id (for E56).</param>
/// <param name="Orgid">Owning org.</param>
/// <param name="Userid">Creator.</param>
/// <param name="CustomerGoodsId">Purchased resource, or null.</param>
/// <param name="Namespace">Kubernetes namespace.</param>
/// <param name="Podname">Pod name.</param>
/// <param name="Pvcname">PVC name.</param>
/// <param name="Image">Container image.</param>
/// <param name="Cpu">CPU cores.</param>
/// <param name="Memory">Memory in GiB.</param>
/// <param name="Gpu">GPU cards.</param>
/// <param name="Gpumem">GPU memory per card in MiB, or null.</param>
/// <param name="Storage">Storage in GiB.</param>
/// <param name="Status">Pod phase (E55: live from the cluster) or Pending.</param>
/// <param name="CreateAt">Creation time.</param>
/// <param name="State">Outside-call state (ADR 0015): pending, live, deleting, pending_reconcile, failed.</param>
/// <param name="FailureReason">Why the last cluster call failed or is unknown; "" otherwise.</param>
public sealed record CloudInstanceDto(string Id, string Orgid, string? Userid, string? CustomerGoodsId, string Namespace,
    string Podname, string Pvcname, string Image, int Cpu, int Memory, int Gpu, int? Gpumem, int Storage, string Status,
    DateTime CreateAt, string State, string FailureReason)
{
    /// <summary>The row of <paramref name="i"/>: a row that is not live shows its settled status (Pending, Failed,
    /// Terminating), a live one <paramref name="phase"/> when given, else the stored status.</summary>
    public static CloudInstanceDto From(CloudInstance i, string? phase = null) => new(i.Id, i.OrgId, i.UserId,
        i.CustomerGoodsId, i.NamespaceName, i.Podname, i.Pvcname, i.Image, i.Cpu, i.Memory, i.Gpu, i.Gpumem, i.Storage,
        i.SettledStatus ?? phase ?? i.Status, i.CreateAt, i.State, i.FailureReason);
}

/// <summary>
/// E53 <c>GET /k8cloud/user_create_pod.dspy</c> (also POST): 用户创建实例. Creates a Pod plus a PVC in the org's
/// namespace of the configured cluster (<c>K8s:Cluster</c>): image on <c>K8s:AllowedImages</c>, capacity on one
/// schedulable node (E54 logic, else 集群资源不足), then the outside-call pattern (ADR 0015): reserve the widget stock
/// (conditional UPDATEs: the re-check under concurrency) with the row pending, create the objects on the cluster, then
/// live; a cluster failure gives the stock back and keeps the row failed with the reason (<c>upstream_failed</c>).
/// spec: 35-k8s-service.md; analysis/platform.md §3.7 E53, §4.9, §6.4 #50/#51.
/// </summary>
public sealed record CreateCloudInstance : ICommand<Reply<CloudInstanceDto>>, IOrgScoped
{
    /// <summary>存储 /G (GiB, 1–10240).</summary>
    public string? Storage { get; init; }
    /// <summary>cpu /核 (1–128).</summary>
    public string? Cpu { get; init; }
    /// <summary>内存 /G (GiB, 1–2048).</summary>
    public string? Memory { get; init; }
    /// <summary>gpu /卡 (0–8, default 0).</summary>
    public string? Gpu { get; init; }
    /// <summary>gpu /单卡M: GPU memory per card in MiB; only with gpu &gt; 0.</summary>
    public string? Gpumem { get; init; }
    /// <summary>镜像: must be on the allowlist.</summary>
    public string? Image { get; init; }
    /// <summary>用户orgid (default: the caller's).</summary>
    public string? Orgid { get; set; }
    /// <summary>资源ID: purchased resource the instance belongs to (stored, a filter only).</summary>
    public string? CustomerGoodsId { get; init; }
}

public sealed class CreateCloudInstanceValidator : AbstractValidator<CreateCloudInstance>
{
    public CreateCloudInstanceValidator()
    {
        RuleFor(x => x.Storage).Required().OptionalInt(1, 10240);
        RuleFor(x => x.Cpu).Required().OptionalInt(1, 128);
        RuleFor(x => x.Memory).Required().OptionalInt(1, 2048);
        RuleFor(x => x.Gpu).OptionalInt(0, 8);
        RuleFor(x => x.Gpumem).OptionalInt(1, 1_048_576);
        RuleFor(x => x.Gpumem).Must((x, v) => string.IsNullOrWhiteSpace(v) || (RuleExtensions.TryInt(x.Gpu, out var g) && g > 0))
            .WithMessage("只有分配GPU时才能指定 gpumem");
        RuleFor(x => x.Image).Required().MaxChars(300);
        RuleFor(x => x.CustomerGoodsId).MaxChars(64);
    }
}

public sealed class CreateCloudInstanceHandler(IKbossDbContext db, ICurrentUser user, CloudCluster cloud, IK8sCloudSettings settings,
    CloudInstanceCalls kind, OutsideCallRunner outside) : ICommandHandler<CreateCloudInstance, Reply<CloudInstanceDto>>
{
    /// <summary>Image not on <c>K8s:AllowedImages</c>.</summary>
    public const string ImageNotAllowed = "镜像不在允许列表中";
    /// <summary>No schedulable node has room.</summary>
    public const string NoCapacity = "集群资源不足";

    public async ValueTask<Reply<CloudInstanceDto>> Handle(CreateCloudInstance c, CancellationToken ct)
    {
        var image = c.Image!.Trim();
        if (!settings.AllowedImages.Contains(image, StringComparer.Ordinal))
            throw new BusinessException(ImageNotAllowed, ErrorCodes.InvalidArgument);
        var cluster = await cloud.ConfiguredAsync(ct);
        var instance = new CloudInstance
        {
            OrgId = c.Orgid!, UserId = user.OrgId == c.Orgid ? user.UserId : null,
            CustomerGoodsId = string.IsNullOrWhiteSpace(c.CustomerGoodsId) ? null : c.CustomerGoodsId.Trim(),
            Cpcid = cluster.Cpcid, ClusterId = cluster.Id, Image = image,
            Cpu = (int)Int(c.Cpu), Memory = (int)Int(c.Memory), Storage = (int)Int(c.Storage), Gpu = (int)Int(c.Gpu),
            Gpumem = string.IsNullOrWhiteSpace(c.Gpumem) ? null : (int)Int(c.Gpumem),
        };
        instance.DeriveNames();
        cloud.AssignModels(instance);
        var needs = CloudCluster.Needs(instance);

        var nodes = await cloud.CapacityAsync(cluster, ct);
        if (!nodes.Any(n => n.Fits(instance.Cpu, instance.Memory, instance.Gpu)))
            throw new BusinessException(NoCapacity, ErrorCodes.InsufficientStock);

        // Reserve (stock + pending row) → create on the cluster → live, or failed with the stock given back (ADR 0015).
        await outside.RunAsync(kind, instance, new OutsideCallSteps(
            Reserve: async (now, t) =>
            {
                await InstanceStock.ConsumeAsync(db, cluster.Cpcid, cluster.Id, needs, t);
                instance.StartCreate(now);
                db.CloudInstances.Add(instance);
                db.AuditEntries.Add(Audit.Entry(user, "k8cloud.instance.created", "k8s_instance", instance.Id, new
                {
                    orgid = instance.OrgId, clusterid = cluster.Id, instance.Image, instance.Cpu, instance.Memory,
                    instance.Gpu, instance.Gpumem, instance.Storage, customer_goods_id = instance.CustomerGoodsId,
                }));
                await db.SaveChangesAsync(t);
            },
            Call: t => cloud.CreateAsync(cluster, instance, t)), ct);
        return Reply.Ok("创建成功", CloudInstanceDto.From(instance, CloudInstanceStatus.Pending));
    }

    private static long Int(string? v) => RuleExtensions.TryInt(v, out var n) ? n : 0;
}
