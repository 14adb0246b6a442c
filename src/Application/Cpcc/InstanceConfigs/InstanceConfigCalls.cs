using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Domain.Cpcc;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.InstanceConfigs;

/// <summary>
/// Instance configs in the outside-call pattern (ADR 0015): a config holds its widget stock (§4.2) while it is not
/// failed or deleted; the cluster is asked whether its controller exists; a purchased one settles its purchase too
/// (ADR 0033).
/// </summary>
public sealed class InstanceConfigCalls(IKbossDbContext db, InstanceDeployer deployer, Widgets.WidgetCatalog catalog,
    Finance.CpccLocalisation.CpccPurchaseSettlement purchases)
    : IOutsideEffectKind<InstanceConfig>
{
    public string Name => "instance_config";
    public string System => KubeGatewayException.System;
    public IQueryable<InstanceConfig> Rows => db.InstanceConfigs;

    public Task ReleaseAsync(InstanceConfig row, CancellationToken ct) =>
        InstanceStock.ReleaseAsync(db, row.Cpcid, row.ClusterId, InstanceStock.Needs(row), ct);

    public Task<bool> ExistsAsync(InstanceConfig row, CancellationToken ct) => deployer.ExistsAsync(row, ct);

    /// <summary>A purchased instance (CPC-06) is delivered when live, refunded when its create failed.</summary>
    public Task AfterTransitionAsync(InstanceConfig row, CancellationToken ct) => purchases.SettleAsync(row, ct);

    public void Settled(InstanceConfig row) => catalog.Invalidate(row.Cpcid);

    /// <summary>
    /// Puts the workload fields of <paramref name="row"/> back to <paramref name="before"/> (an update's compensation),
    /// leaving the state columns to the state machine.
    /// </summary>
    public void Restore(InstanceConfig row, Microsoft.EntityFrameworkCore.ChangeTracking.PropertyValues before)
    {
        var current = db.InstanceConfigs.Entry(row).CurrentValues;
        foreach (var p in before.Properties.Where(p => !StateColumns.Contains(p.Name))) current[p] = before[p];
    }

    private static readonly HashSet<string> StateColumns =
    [
        nameof(InstanceConfig.State), nameof(InstanceConfig.Operation), nameof(InstanceConfig.ResumeState),
        nameof(InstanceConfig.FailureReason), nameof(InstanceConfig.StateChangedAt), nameof(InstanceConfig.DelFlg),
        nameof(InstanceConfig.CreateAt), nameof(InstanceConfig.UpdateTime),
    ];
}
