using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.InstanceConfigs;

/// <summary>
/// K8 <c>POST /dev/cpcc/cpcpodyaml/update_cpcpodyaml.dspy</c>: overwrites a config's workload fields (the derived names
/// stay). <c>id</c> is required (§6.4 #30); the config must be in <c>clusterid</c> of <c>cpcid</c>. Changing
/// <c>source_podengine</c> is refused (<c>不允许修改资源实例控制器</c>): it would rename the controller (§6.4 #39). A masked
/// <c>source_authpasswd</c> keeps the stored one; an absent <c>source_nodeselector</c> keeps it, an empty one clears it.
/// Only a live config changes. Outside-call pattern (ADR 0015): the stock moves from the old to the new needs (§4.2)
/// with the row <c>updating</c>, the objects are re-applied on the cluster (P9 <c>apply</c>), then <c>live</c>; a cluster
/// failure puts the old values and stock back (<c>upstream_failed</c>). <c>orgid</c> is checked by the org-scope rule
/// only; access to the config follows <see cref="InstanceConfigAccess"/>. spec: 40-cpcc-clusters.md; §3.D K8.
/// </summary>
public sealed record UpdateInstanceConfig : InstanceConfigFieldsRequest, ICommand<Reply<InstanceConfigEcho>>,
    IOrgScoped
{
    /// <summary>算力中心ID.</summary>
    public string? Cpcid { get; init; }
    /// <inheritdoc />
    public override string? Clusterid { get; init; }
    /// <summary>资源实例配置ID.</summary>
    public string? Id { get; init; }
    /// <inheritdoc />
    [JsonPropertyOrder(AfterSelflabel + 1)]
    public string? Orgid { get; set; }
}

public sealed class UpdateInstanceConfigValidator : AbstractValidator<UpdateInstanceConfig>
{
    public UpdateInstanceConfigValidator()
    {
        RuleFor(x => x.Cpcid).Required("无算力中心ID");
        RuleFor(x => x.Id).Required();
        Include(new InstanceConfigFieldsValidator(nodeSelectorRequired: false));
    }
}

public sealed class UpdateInstanceConfigHandler(IKbossDbContext db, InstanceConfigAccess configs,
    ISecretProtector secrets, ICurrentUser user,
    InstanceDeployer deployer, InstanceConfigCalls kind, OutsideCallRunner outside)
    : ICommandHandler<UpdateInstanceConfig, Reply<InstanceConfigEcho>>
{
    public async ValueTask<Reply<InstanceConfigEcho>> Handle(UpdateInstanceConfig c, CancellationToken ct)
    {
        var config = await db.InstanceConfigs.FirstOrDefaultAsync(i => i.Id == c.Id.Trimmed()
                         && i.ClusterId == c.Clusterid.Trimmed() && i.Cpcid == c.Cpcid.Trimmed(), ct)
                     ?? throw BusinessException.NotFound(InstanceConfigAccess.NotFound);
        await configs.EnsureCanManageAsync(config, ct);
        if (c.SourcePodengine.Trimmed() != config.SourcePodengine) throw BusinessException.Conflict("不允许修改资源实例控制器");
        InstanceConfigAccess.EnsureLive(config);
        var kubeconfig = await deployer.KubeconfigAsync(config.ClusterId, ct);
        var snapshot = db.InstanceConfigs.Entry(config).CurrentValues.Clone();
        var before = new { config.SourceName, config.SourceReplicasetnum, config.SourceCpurate, config.SourceMemrate, config.SourceOutsideport };
        var oldNeeds = InstanceStock.Needs(config);
        InstanceConfigMapper.Apply(c, config, secrets);
        var newNeeds = InstanceStock.Needs(config);
        await InstanceConfigAccess.EnsureNodePortFreeAsync(db, config, ct);

        // Reserve (stock moved, row updating) → re-apply on the cluster → live; a failure puts values and stock back.
        await outside.RunAsync(kind, config, new OutsideCallSteps(
            Reserve: async (now, t) =>
            {
                await InstanceStock.ReleaseAsync(db, config.Cpcid, config.ClusterId, oldNeeds, t);
                await InstanceStock.ConsumeAsync(db, config.Cpcid, config.ClusterId, newNeeds, t);
                config.StartUpdate(now);
                db.AuditEntries.Add(Audit.Entry(user, "cpcc.instance_config.updated", "instance_config", config.Id, new
                {
                    before,
                    after = new
                    {
                        config.SourceName, config.SourceReplicasetnum, config.SourceCpurate, config.SourceMemrate,
                        config.SourceOutsideport,
                    },
                    password_changed = !SecretMask.MeansKeep(c.SourceAuthpasswd),
                }));
                await InstanceConfigAccess.SaveAsync(db, t);
            },
            Call: t => deployer.ApplyAsync(kubeconfig, config, t),
            Undo: async t =>
            {
                await InstanceStock.ReleaseAsync(db, config.Cpcid, config.ClusterId, newNeeds, t);
                await InstanceStock.RestoreAsync(db, config.Cpcid, config.ClusterId, oldNeeds, t);
                kind.Restore(config, snapshot);
            }), ct);
        return Reply.Ok("资源参数更新成功,请10秒后查看实时资源实例面板", InstanceConfigEcho.From(config));
    }
}
