using System.Globalization;
using Kboss.Domain.Audit;

namespace Kboss.Application.Cpcc.Widgets;

/// <summary>
/// Data access of the stock add (<c>add_cpcwidget add_opt=yes</c>), the hottest write of the platform
/// (<c>bench/writes.sh</c>): one read and two parameterised SQL commands instead of the LINQ pipeline per statement,
/// which cost ~5× more CPU per statement (ADR 0031); on SQLite on kept connections with prepared statements and group
/// commit (ADR 0038). Everything else about the use case stays in <see cref="AddWidgetHandler"/>. Implemented in
/// Infrastructure for both providers.
/// </summary>
public interface IWidgetStockStore
{
    /// <summary>
    /// The alive widget (<paramref name="cpcid"/>, <paramref name="type"/>, <paramref name="model"/>) with its entries,
    /// its centre's org (null when the centre is gone) and the centre of <paramref name="clusterId"/> (null when no such
    /// cluster), in one read; null when there is no such widget.
    /// </summary>
    Task<StockAddTarget?> FindAsync(string cpcid, string clusterId, string type, string model, CancellationToken ct);

    /// <summary>
    /// The stock add's fast path, as its own unit of work: the same conditional UPDATE, update_time and audit row as
    /// <see cref="TryAdjustAsync"/>, committed when this returns true (on SQLite by the group writer, many adds per
    /// transaction, ADR 0038). False when no row matched: nothing was written, and the caller explains the refusal
    /// or opens the entry in its own transaction (where it tries <see cref="TryAdjustAsync"/> again).
    /// </summary>
    Task<bool> TryAddAsync(string widgetId, string clusterId, long amount, DateTime now, AuditEntry audit,
        CancellationToken ct);

    /// <summary>
    /// Inside the caller's transaction: adds <paramref name="amount"/> to the widget's entry for
    /// <paramref name="clusterId"/> when the widget is alive and <c>WidgetClusterStock.AllowsAdjust</c> holds (one
    /// conditional UPDATE, so parallel adds lose nothing); when it did, sets the widget's update_time to
    /// <paramref name="now"/> and writes <paramref name="audit"/> (one more command). False when no row matched
    /// (nothing written): no entry, the widget deleted meanwhile, or the rule refused.
    /// </summary>
    Task<bool> TryAdjustAsync(string widgetId, string clusterId, long amount, DateTime now, AuditEntry audit,
        CancellationToken ct);
}

/// <summary>What the stock add reads before it writes (<see cref="IWidgetStockStore.FindAsync"/>).</summary>
/// <param name="OrgId">The centre's org, null when the centre is gone.</param>
/// <param name="ClusterCpcid">The centre of the requested cluster, null when there is no such cluster.</param>
/// <param name="Stocks">The widget's entries (cluster name joined), in no particular order.</param>
public sealed record StockAddTarget(string? OrgId, string? ClusterCpcid, string WidgetId, string Cpcid, string Type,
    string Model, decimal UnitPrice, string ResourceUnit, string ChargeUnit, string AccountUnit, DateTime UpdateTime,
    List<ClusterStockDto> Stocks)
{
    /// <summary>
    /// The W1 echo after <paramref name="amount"/> was added to the entry of <paramref name="clusterId"/> at
    /// <paramref name="now"/>; null when this read has no such entry (the caller reads again).
    /// </summary>
    public WidgetEcho? EchoAfterAdding(string clusterId, long amount, DateTime now)
    {
        if (!Stocks.Exists(s => s.Clusterid == clusterId)) return null;
        var entries = Stocks
            .Select(s => s.Clusterid == clusterId ? s with { Stock = s.Stock + amount } : s)
            .OrderByDescending(s => s.Clusterid, StringComparer.Ordinal)
            .ToList();
        return new WidgetEcho
        {
            AccountUnit = AccountUnit, ChargeUnit = ChargeUnit, Cpcid = Cpcid, Model = Model, ResourceUnit = ResourceUnit,
            Stock = entries.Sum(s => s.Stock).ToString(CultureInfo.InvariantCulture), Type = Type,
            UnitPrice = WidgetEcho.DecimalText(UnitPrice), Id = WidgetId, UpdateTime = now, ImportExport = entries,
        };
    }
}
