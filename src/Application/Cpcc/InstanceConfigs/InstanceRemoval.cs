using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Domain.Cpcc;

namespace Kboss.Application.Cpcc.InstanceConfigs;

/// <summary>
/// Removes an instance config from its cluster in the outside-call shape (ADR 0015), shared by K9
/// <see cref="DeleteInstanceConfig"/> and the compute-centre expiry (ADR 0040): the row goes <c>deleting</c> with an
/// audit entry, the cluster call runs outside any transaction, then the row is soft-deleted and its stock given back;
/// a cluster failure keeps row and stock (<c>upstream_failed</c>). The caller checks rights first.
/// </summary>
public sealed class InstanceRemoval(IKbossDbContext db, ICurrentUser user, InstanceDeployer deployer,
    InstanceConfigCalls kind, OutsideCallRunner outside)
{
    /// <summary>Removes <paramref name="config"/> (tracked, not in an open state), audited as
    /// <paramref name="action"/>.</summary>
    public async Task RunAsync(InstanceConfig config, string action, CancellationToken ct)
    {
        if (config.IsOpen) throw BusinessException.Conflict($"资源实例当前状态为 {config.State},暂不能删除");
        var kubeconfig = await deployer.KubeconfigAsync(config.ClusterId, ct);
        await outside.RunAsync(kind, config, new OutsideCallSteps(
            Reserve: async (now, t) =>
            {
                config.StartDelete(now);
                db.AuditEntries.Add(Audit.Entry(user, action, "instance_config", config.Id, new
                {
                    config.Cpcid, clusterid = config.ClusterId, orgid = config.OrgId, config.SourceName,
                    config.PodcdName,
                }));
                await db.SaveChangesAsync(t);
            },
            Call: t => deployer.DeleteAsync(kubeconfig, config, t)), ct);
    }
}
