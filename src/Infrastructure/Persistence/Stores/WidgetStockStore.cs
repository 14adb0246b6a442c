using Kboss.Application.Cpcc.Widgets;
using Kboss.Domain.Audit;
using Kboss.Domain.Common;
using Kboss.Domain.Cpcc;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Infrastructure.Persistence.Stores;

/// <summary>
/// <see cref="IWidgetStockStore"/> on EF Core: the read is a compiled query (no per-call expression walk or cache
/// lookup), the writes are parameterised SQL through <c>Database.ExecuteSqlAsync</c> in the caller's transaction
/// (no LINQ translation per call). The SQL is plain enough for SQLite and SQL Server alike. The conditional UPDATE
/// spells out <see cref="WidgetClusterStock.AllowsAdjust"/>; a test runs both over a grid of values (ADR 0031).
/// </summary>
public sealed class WidgetStockStore(KbossDbContext db) : IWidgetStockStore
{
    private static readonly Func<KbossDbContext, string, string, string, string, CancellationToken, Task<StockAddTarget?>>
        Find = EF.CompileAsyncQuery((KbossDbContext c, string cpcid, string clusterId, string type, string model,
                CancellationToken ct) =>
            c.Widgets.Where(w => w.Cpcid == cpcid && w.Type == type && w.Model == model)
                .Select(w => new StockAddTarget(
                    c.ComputeCenters.Where(x => x.Id == cpcid).Select(x => x.OrgId).FirstOrDefault(),
                    c.Clusters.Where(k => k.Id == clusterId).Select(k => k.Cpcid).FirstOrDefault(),
                    w.Id, w.Cpcid, w.Type, w.Model, w.UnitPrice, w.ResourceUnit, w.ChargeUnit, w.AccountUnit, w.UpdateTime,
                    w.Stocks.Select(s => new ClusterStockDto(s.ClusterId, s.Cluster!.Name, s.Stock, s.Consumed)).ToList()))
                .FirstOrDefault());

    /// <remarks>
    /// Opens the context's connection for the rest of the unit of work (the pooled context closes it when it is
    /// returned): every open of a pooled SQLite connection registers EF Core's SQL functions again, so one open per
    /// stock add instead of one per statement group.
    /// </remarks>
    public async Task<StockAddTarget?> FindAsync(string cpcid, string clusterId, string type, string model,
        CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        return await Find(db, cpcid, clusterId, type, model, ct);
    }

    public async Task<bool> TryAddAsync(string widgetId, string clusterId, long amount, DateTime now, AuditEntry audit,
        CancellationToken ct)
    {
        await using var tx = await db.BeginTransactionAsync(ct);
        if (!await TryAdjustAsync(widgetId, clusterId, amount, now, audit, ct)) return false; // disposing rolls back
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<bool> TryAdjustAsync(string widgetId, string clusterId, long amount, DateTime now, AuditEntry audit,
        CancellationToken ct)
    {
        if (await AdjustAsync(db, widgetId, clusterId, amount, ct) == 0) return false;
        await db.Database.ExecuteSqlAsync($"""
            UPDATE cpcwidget SET update_time = {now} WHERE id = {widgetId};
            INSERT INTO audit_log (id, action, create_at, detail, entity_id, entity_type, org_id, update_time, user_id)
            VALUES ({audit.Id}, {audit.Action}, {now}, {audit.Detail}, {audit.EntityId}, {audit.EntityType},
                    {audit.OrgId}, {now}, {audit.UserId})
            """, ct);
        return true;
    }

    /// <summary>The conditional UPDATE alone (rows changed); the tests compare it with the rule.</summary>
    public static Task<int> AdjustAsync(KbossDbContext db, string widgetId, string clusterId, long amount,
        CancellationToken ct) => db.Database.ExecuteSqlAsync($"""
            UPDATE cpcwidget_stock SET stock = stock + {amount}
            WHERE widget_id = {widgetId} AND cluster_id = {clusterId}
              AND EXISTS (SELECT 1 FROM cpcwidget WHERE id = {widgetId} AND del_flg = {DelFlag.Alive})
              AND stock + {amount} >= consumed AND stock + {amount} >= 0
              AND stock <= {WidgetClusterStock.MaxStock} - {amount}
            """, ct);
}
