using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Cpcc;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.InstanceConfigs;

/// <summary>
/// K6 <c>POST /dev/cpcc/cpcpodyaml/new_cpcpodyaml.dspy</c>: stores a workload configuration of org <c>orgid</c> (the
/// caller's by default) in an installed cluster (<c>ready</c> 1), with a lowercase id and the derived Kubernetes names
/// of §4.8. The centre's operators manage it. Outside-call pattern (ADR 0015): reserve the instance's widget stock of
/// the cluster (<see cref="InstanceStock"/>, §4.2) with the row <c>pending</c>, apply the objects on the cluster
/// (<see cref="InstanceDeployer"/>, P9 <c>apply</c>), then <c>live</c>; a cluster failure gives the stock back, keeps
/// the row <c>failed</c> with the reason and answers <c>upstream_failed</c>; no answer leaves it <c>pending_reconcile</c>.
/// spec: 40-cpcc-clusters.md; analysis/cpcc.md §3.D K6, §4.8.
/// </summary>
public sealed record NewInstanceConfig : InstanceConfigFieldsRequest, ICommand<Reply<NewInstanceConfigEcho>>,
    IOrgScoped
{
    /// <inheritdoc />
    public override string? Clusterid { get; init; }
    /// <summary>分配GPU个数 (integer ≥ 0).</summary>
    [JsonPropertyOrder(AfterSelflabel - 1)]
    public string? SourceGpu { get; init; }
    /// <inheritdoc />
    [JsonPropertyOrder(AfterSelflabel + 1)]
    public string? Orgid { get; set; }
    /// <summary>CPU型号 (a cpu widget model).</summary>
    [JsonPropertyOrder(AfterSelflabel + 1)]
    public string? CpuModel { get; init; }
    /// <summary>显卡型号 (required when <c>source_gpu</c> &gt; 0, §6.4 #38).</summary>
    [JsonPropertyOrder(AfterSelflabel + 1)]
    public string? GpuModel { get; init; }
    /// <summary>默认系统盘空间 (Kubernetes quantity).</summary>
    [JsonPropertyOrder(AfterSelflabel + 1)]
    public string? DiskSysLimit { get; init; }
    /// <summary>Owning user (a user of <c>orgid</c>); default: the caller when it belongs to that org.</summary>
    [JsonPropertyOrder(AfterSelflabel + 1)]
    public string? Userid { get; init; }
}

public sealed class NewInstanceConfigValidator : AbstractValidator<NewInstanceConfig>
{
    public NewInstanceConfigValidator()
    {
        Include(new InstanceConfigFieldsValidator(nodeSelectorRequired: true));
        RuleFor(x => x.SourceGpu).Required().OptionalInt(0, 64);
        RuleFor(x => x.CpuModel).Required().MaxChars(100);
        RuleFor(x => x.GpuModel).MaxChars(100);
        RuleFor(x => x.GpuModel).Must((x, m) => !RuleExtensions.TryInt(x.SourceGpu, out var n) || n == 0 || !string.IsNullOrWhiteSpace(m))
            .WithMessage("分配GPU时必须指定 gpu_model");
        RuleFor(x => x.DiskSysLimit).Required()
            .Must(v => string.IsNullOrWhiteSpace(v) || InstanceConfigFieldsValidator.IsQuantity(v)).WithMessage("disk_sys_limit 必须是合法的资源数量,如 20Gi");
    }
}

public sealed class NewInstanceConfigHandler(IKbossDbContext db, CenterGuard guard, ISecretProtector secrets, ICurrentUser user,
    InstanceDeployer deployer, InstanceConfigCalls kind, OutsideCallRunner outside)
    : ICommandHandler<NewInstanceConfig, Reply<NewInstanceConfigEcho>>
{
    /// <summary>Message when the cluster is still installing.</summary>
    public const string NotReady = "算力集群尚未安装完成,暂不能创建资源实例";

    public async ValueTask<Reply<NewInstanceConfigEcho>> Handle(NewInstanceConfig c, CancellationToken ct)
    {
        var cluster = await db.Clusters.AsNoTracking().FirstOrDefaultAsync(k => k.Id == c.Clusterid.Trimmed(), ct)
                      ?? throw BusinessException.NotFound(Clusters.UpdateClusterHandler.NotFound);
        var center = await guard.LoadManageableAsync(cluster.Cpcid, track: false, ct);
        if (cluster.Ready != ClusterReady.Installed) throw BusinessException.Conflict(NotReady);
        var owner = await OwnerAsync(c, ct);

        var config = new InstanceConfig
        {
            Cpcid = center.Id, ClusterId = cluster.Id, OrgId = c.Orgid!, UserId = owner,
            SourceGpu = InstanceConfigFieldsValidator.Int(c.SourceGpu), CpuModel = c.CpuModel.Trimmed(),
            GpuModel = c.GpuModel?.Trim() ?? "", DiskSysLimit = c.DiskSysLimit.Trimmed(),
        };
        InstanceConfigMapper.Apply(c, config, secrets);
        var names = InstanceNaming.Derive(cluster.Id, config.OrgId, config.Id, config.SourcePodengine);
        config.NamespaceName = names.Namespace;
        config.ServiceaccountName = names.ServiceAccount;
        config.PodcdName = names.Controller;
        config.ServiceName = names.Service;
        await InstanceConfigAccess.EnsureNodePortFreeAsync(db, config, ct);
        var kubeconfig = await deployer.KubeconfigAsync(cluster.Id, ct);

        // Reserve (stock + pending row) → apply on the cluster → live, or failed with the stock given back (ADR 0015).
        await outside.RunAsync(kind, config, new OutsideCallSteps(
            Reserve: async (now, t) =>
            {
                await InstanceStock.ConsumeAsync(db, center.Id, cluster.Id, InstanceStock.Needs(config), t);
                config.StartCreate(now);
                db.InstanceConfigs.Add(config);
                db.AuditEntries.Add(Audit.Entry(user, "cpcc.instance_config.created", "instance_config", config.Id, new
                {
                    cpcid = center.Id, clusterid = cluster.Id, orgid = config.OrgId, config.SourceName,
                    config.SourcePodengine, config.PodImagepath, config.SourceCpurate, config.SourceMemrate,
                    config.SourceGpu, config.SourceOutsideport,
                }));
                await InstanceConfigAccess.SaveAsync(db, t);
            },
            Call: t => deployer.ApplyAsync(kubeconfig, config, t)), ct);
        return Reply.Ok("新增资源实例参数成功,请10秒后查看实时资源实例面板", NewInstanceConfigEcho.FromNew(config));
    }

    private async Task<string?> OwnerAsync(NewInstanceConfig c, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(c.Userid)) return user.OrgId == c.Orgid ? user.UserId : null;
        var id = c.Userid.Trim();
        var org = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.OrgId).FirstOrDefaultAsync(ct)
                  ?? throw BusinessException.NotFound("用户不存在");
        if (org != c.Orgid) throw BusinessException.Conflict("该用户不属于该组织");
        return id;
    }
}
