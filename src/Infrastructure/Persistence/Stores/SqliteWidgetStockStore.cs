using Kboss.Application.Cpcc.Widgets;
using Kboss.Domain.Audit;
using Kboss.Domain.Common;
using Kboss.Domain.Cpcc;
using Microsoft.Data.Sqlite;

namespace Kboss.Infrastructure.Persistence.Stores;

/// <summary>
/// <see cref="IWidgetStockStore"/> on SQLite without EF Core on the hot path (ADR 0038): the read runs on a kept read
/// session (<see cref="SqliteReadSessions"/>), the add is a unit of the group writer (<see cref="SqliteGroupWriter"/>),
/// both with prepared statements. The SQL restates what <see cref="WidgetStockStore"/> does through EF Core (the
/// entity mapping with its soft-delete filters, <see cref="WidgetClusterStock.AllowsAdjust"/>); tests compare the two
/// and the rule over a grid of values. The slow path (<see cref="TryAdjustAsync"/>, in the caller's EF Core
/// transaction) stays on <see cref="WidgetStockStore"/>.
/// </summary>
public sealed class SqliteWidgetStockStore(KbossDbContext db, SqliteReadSessions reads, SqliteGroupWriter writer)
    : IWidgetStockStore
{
    private const string Alive = DelFlag.Alive;

    /// <summary>
    /// The widget (at most one: unique among alive widgets) left-joined to its entries and their clusters, all by
    /// index; the centre's org and the cluster's centre on every row. A row whose cluster is null (no entry, or the
    /// entry's cluster is deleted) is no entry: EF Core's required navigation under the cluster's filter.
    /// </summary>
    private const string FindSql = $"""
        SELECT w.id, w.cpcid, w.type, w.model, w.unit_price, w.resource_unit, w.charge_unit, w.account_unit,
               w.update_time,
               (SELECT c.org_id FROM cpclist AS c WHERE c.id = @cpcid AND c.del_flg = '{Alive}' LIMIT 1),
               (SELECT k.cpcid FROM cpccluster AS k WHERE k.id = @cluster AND k.del_flg = '{Alive}' LIMIT 1),
               sk.id, sk.name, s.stock, s.consumed
        FROM cpcwidget AS w
        LEFT JOIN cpcwidget_stock AS s ON s.widget_id = w.id
        LEFT JOIN cpccluster AS sk ON sk.id = s.cluster_id AND sk.del_flg = '{Alive}'
        WHERE w.cpcid = @cpcid AND w.type = @type AND w.model = @model AND w.del_flg = '{Alive}'
        """;

    /// <summary>
    /// The conditional UPDATE: <see cref="WidgetClusterStock.AllowsAdjust"/> on an alive widget's entry.
    /// </summary>
    private const string AdjustSql = $"""
        UPDATE cpcwidget_stock SET stock = stock + @amount
        WHERE widget_id = @widget AND cluster_id = @cluster
          AND EXISTS (SELECT 1 FROM cpcwidget WHERE id = @widget AND del_flg = '{Alive}')
          AND stock + @amount >= consumed AND stock + @amount >= 0
          AND stock <= @max - @amount
        """;

    private const string StampAndAuditSql = """
        UPDATE cpcwidget SET update_time = @now WHERE id = @widget;
        INSERT INTO audit_log (id, action, create_at, detail, entity_id, entity_type, org_id, update_time, user_id)
        VALUES (@id, @action, @now, @detail, @entity_id, @entity_type, @org, @now, @user)
        """;

    public Task<StockAddTarget?> FindAsync(string cpcid, string clusterId, string type, string model,
        CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(reads.Run(s => Find(s, cpcid, clusterId, type, model)));
    }

    public async Task<bool> TryAddAsync(string widgetId, string clusterId, long amount, DateTime now, AuditEntry audit,
        CancellationToken ct)
    {
        var added = await writer.RunAsync(s => Add(s, widgetId, clusterId, amount, now, audit), ct);
        if (added) db.CommittedUnits++; // a lock-conflict retry must not repeat this unit of work (ADR 0016)
        return added;
    }

    public Task<bool> TryAdjustAsync(string widgetId, string clusterId, long amount, DateTime now, AuditEntry audit,
        CancellationToken ct) => new WidgetStockStore(db).TryAdjustAsync(widgetId, clusterId, amount, now, audit, ct);

    /// <summary>The read of <see cref="IWidgetStockStore.FindAsync"/> on <paramref name="session"/>.</summary>
    public static StockAddTarget? Find(SqliteSession session, string cpcid, string clusterId, string type, string model)
    {
        using var r = session.Command(FindSql, ("@cpcid", cpcid), ("@cluster", clusterId), ("@type", type),
            ("@model", model)).ExecuteReader();
        if (!r.Read()) return null;
        var stocks = new List<ClusterStockDto>();
        var target = new StockAddTarget(NullableString(r, 9), NullableString(r, 10), r.GetString(0), r.GetString(1),
            r.GetString(2), r.GetString(3), r.GetDecimal(4), r.GetString(5), r.GetString(6), r.GetString(7),
            DateTime.SpecifyKind(r.GetDateTime(8), DateTimeKind.Utc), stocks);
        do
        {
            if (!r.IsDBNull(11))
                stocks.Add(new ClusterStockDto(r.GetString(11), r.GetString(12), r.GetInt64(13), r.GetInt64(14)));
        } while (r.Read());
        return target;
    }

    /// <summary>
    /// The unit of work of <see cref="TryAddAsync"/> on <paramref name="session"/> (in the writer's transaction):
    /// the conditional UPDATE, then, when it changed a row, update_time and the audit row. False: nothing written.
    /// </summary>
    public static bool Add(SqliteSession session, string widgetId, string clusterId, long amount, DateTime now,
        AuditEntry audit)
    {
        if (Adjust(session, widgetId, clusterId, amount) == 0) return false;
        session.Command(StampAndAuditSql, ("@now", now), ("@widget", widgetId), ("@id", audit.Id),
            ("@action", audit.Action), ("@detail", audit.Detail), ("@entity_id", audit.EntityId),
            ("@entity_type", audit.EntityType), ("@org", audit.OrgId), ("@user", audit.UserId)).ExecuteNonQuery();
        return true;
    }

    /// <summary>The conditional UPDATE alone (rows changed); the tests compare it with the rule.</summary>
    public static int Adjust(SqliteSession session, string widgetId, string clusterId, long amount) =>
        session.Command(AdjustSql, ("@amount", amount), ("@widget", widgetId), ("@cluster", clusterId),
            ("@max", WidgetClusterStock.MaxStock)).ExecuteNonQuery();

    private static string? NullableString(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
