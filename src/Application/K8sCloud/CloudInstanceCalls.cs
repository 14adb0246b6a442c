using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Application.Cpcc.InstanceConfigs;
using Kboss.Domain.K8sCloud;

namespace Kboss.Application.K8sCloud;

/// <summary>
/// Users' container instances in the outside-call pattern (ADR 0015): an instance holds its widget stock while it is
/// not failed or deleted; the cluster is asked whether its Pod exists.
/// </summary>
public sealed class CloudInstanceCalls(IKbossDbContext db, CloudCluster cloud, Cpcc.Widgets.WidgetCatalog catalog)
    : IOutsideEffectKind<CloudInstance>
{
    public string Name => "k8s_instance";
    public string System => KubeGatewayException.System;
    public IQueryable<CloudInstance> Rows => db.CloudInstances;

    public Task ReleaseAsync(CloudInstance row, CancellationToken ct) =>
        InstanceStock.ReleaseAsync(db, row.Cpcid, row.ClusterId, CloudCluster.Needs(row), ct);

    public async Task<bool> ExistsAsync(CloudInstance row, CancellationToken ct) =>
        await cloud.ExistsAsync(await cloud.ByIdAsync(row.ClusterId, ct), row, ct);

    public void Settled(CloudInstance row) => catalog.Invalidate(row.Cpcid);
}
