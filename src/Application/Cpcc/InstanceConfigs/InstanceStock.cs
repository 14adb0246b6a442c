using System.Globalization;
using System.Text.RegularExpressions;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Domain.Cpcc;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.InstanceConfigs;

/// <summary>One widget quantity an instance takes from its cluster's stock (units of the widget: cpu 核, memory Mi, disk Gi, gpu 卡).</summary>
/// <param name="Type">Widget type.</param>
/// <param name="Model">Widget model.</param>
/// <param name="Amount">Quantity (already multiplied by the replicas).</param>
public sealed record StockNeed(string Type, string Model, long Amount);

/// <summary>
/// Stock consumption of instance configs (analysis/cpcc.md §4.2): cpu = ceil(cpu limit in cores) of <c>cpu_model</c>,
/// memory = limit in Mi (model STANDARD), disk SYS = <c>disk_sys_limit</c> in Gi, disk DATA = <c>source_storagelimits</c>
/// in Gi, gpu = <c>source_gpu</c> of <c>gpu_model</c>, each × replicas, taken from the widget's entry of the config's
/// cluster. Every change is one conditional UPDATE (<c>consumed + need ≤ stock</c>), to be run inside the caller's
/// transaction, so parallel creates can never exceed the stock.
/// </summary>
public static partial class InstanceStock
{
    /// <summary>Memory and disk models used by instances (§4.2).</summary>
    public const string MemoryModel = WidgetTypes.DefaultModel, SystemDiskModel = "SYS", DataDiskModel = "DATA";

    [GeneratedRegex("^([0-9]+(?:\\.[0-9]+)?|\\.[0-9]+)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$")]
    private static partial Regex QuantityPattern();

    /// <summary>Largest quantity accepted, in base units (10^16 cores or bytes, ~8.9 PiB): anything larger is not
    /// a resource one instance can take, and keeps every product below within <c>long</c>.</summary>
    public const decimal MaxQuantity = 1e16m;

    /// <summary>The value of a Kubernetes quantity in base units (cores or bytes); null when not a quantity or above
    /// <see cref="MaxQuantity"/>.</summary>
    public static decimal? Parse(string? quantity)
    {
        var m = QuantityPattern().Match(quantity?.Trim() ?? "");
        if (!m.Success || m.Groups[1].Value.Length > 24) return null;
        var n = decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if (n > MaxQuantity) return null;
        decimal factor = m.Groups[2].Value switch
        {
            "" => 1m, "m" => 0.001m, "k" => 1e3m, "M" => 1e6m, "G" => 1e9m, "T" => 1e12m, "P" => 1e15m, "E" => 1e18m,
            "Ki" => 1024m, "Mi" => 1024m * 1024, "Gi" => 1024m * 1024 * 1024, "Ti" => 1024m * 1024 * 1024 * 1024,
            "Pi" => 1024m * 1024 * 1024 * 1024 * 1024, _ => 1024m * 1024 * 1024 * 1024 * 1024 * 1024,
        };
        return factor > 1m && n > MaxQuantity / factor ? null : n * factor;
    }

    /// <summary>CPU cores of a quantity, rounded up (<c>1500m</c> → 2).</summary>
    public static long Cores(string? q) => (long)Math.Ceiling(Parse(q) ?? 0m);

    /// <summary>Mi of a quantity, rounded up (<c>512Mi</c> → 512, <c>1Gi</c> → 1024).</summary>
    public static long Mebibytes(string? q) => (long)Math.Ceiling((Parse(q) ?? 0m) / (1024m * 1024));

    /// <summary>Gi of a quantity, rounded up (<c>49Gi</c> → 49, <c>500Mi</c> → 1).</summary>
    public static long Gibibytes(string? q) => (long)Math.Ceiling((Parse(q) ?? 0m) / (1024m * 1024 * 1024));

    /// <summary>What <paramref name="c"/> takes from stock; zero amounts are left out.</summary>
    /// <exception cref="RequestValidationException">A quantity times the replicas is beyond any stock.</exception>
    public static IReadOnlyList<StockNeed> Needs(InstanceConfig c)
    {
        long r = Math.Max(1, c.SourceReplicasetnum);
        var needs = new List<StockNeed>
        {
            new(WidgetTypes.Cpu, c.CpuModel, Times(Cores(c.SourceCpurate), r)),
            new(WidgetTypes.Memory, MemoryModel, Times(Mebibytes(c.SourceMemrate), r)),
            new(WidgetTypes.Disk, SystemDiskModel, Times(Gibibytes(c.DiskSysLimit), r)),
            new(WidgetTypes.Disk, DataDiskModel, Times(Gibibytes(c.SourceStoragelimits), r)),
            new(WidgetTypes.Gpu, c.GpuModel, Times(c.SourceGpu, r)),
        };
        return needs.Where(n => n.Amount > 0).ToList();
    }

    private static long Times(long amount, long replicas) =>
        amount <= MaxAmount / replicas ? amount * replicas
            : throw RequestValidationException.For("source_replicasetnum", "资源数量过大");

    /// <summary>Largest amount of one widget an instance may take (stock is far below it).</summary>
    private const long MaxAmount = 1L << 53;

    /// <summary>
    /// Takes <paramref name="needs"/> from the stock of cluster <paramref name="clusterId"/> of centre <paramref name="cpcid"/>.
    /// Call inside a transaction: a failure leaves earlier lines to the caller's rollback.
    /// </summary> <exception cref="BusinessException"><c>insufficient_stock</c> when a widget is missing or short.</exception>
    public static async Task ConsumeAsync(IKbossDbContext db, string cpcid, string clusterId, IReadOnlyList<StockNeed> needs, CancellationToken ct)
    {
        foreach (var n in needs)
        {
            var widgetId = await db.Widgets.AsNoTracking().Where(w => w.Cpcid == cpcid && w.Type == n.Type && w.Model == n.Model)
                .Select(w => w.Id).FirstOrDefaultAsync(ct)
                ?? throw new BusinessException($"该算力中心没有 {n.Type} 部件 {n.Model},无法创建资源实例", ErrorCodes.InsufficientStock);
            var amount = n.Amount;
            var updated = await db.WidgetClusterStocks
                .Where(s => s.WidgetId == widgetId && s.ClusterId == clusterId && s.Consumed + amount <= s.Stock)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Consumed, s => s.Consumed + amount), ct);
            if (updated == 0)
            {
                Common.Metrics.KbossMetrics.StockConflict("instance");
                throw new BusinessException($"该算力集群的 {n.Type} 部件 {n.Model} 库存不足(需要 {amount})", ErrorCodes.InsufficientStock);
            }
        }
    }

    /// <summary>
    /// Takes <paramref name="needs"/> again without the stock check: a compensation putting back what an instance that
    /// still runs uses (it may exceed the stock when others took it meanwhile; the figure then tells the truth).
    /// </summary>
    public static async Task RestoreAsync(IKbossDbContext db, string cpcid, string clusterId,
        IReadOnlyList<StockNeed> needs, CancellationToken ct)
    {
        foreach (var n in needs)
        {
            var amount = n.Amount;
            var widgetIds = db.Widgets.IgnoreQueryFilters()
                .Where(w => w.Cpcid == cpcid && w.Type == n.Type && w.Model == n.Model).Select(w => w.Id);
            await db.WidgetClusterStocks.Where(s => widgetIds.Contains(s.WidgetId) && s.ClusterId == clusterId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Consumed, s => s.Consumed + amount), ct);
        }
    }

    /// <summary>Gives <paramref name="needs"/> back to the stock of cluster <paramref name="clusterId"/> (never below 0 consumed).</summary>
    public static async Task ReleaseAsync(IKbossDbContext db, string cpcid, string clusterId, IReadOnlyList<StockNeed> needs, CancellationToken ct)
    {
        foreach (var n in needs)
        {
            var amount = n.Amount;
            var widgetIds = db.Widgets.IgnoreQueryFilters().Where(w => w.Cpcid == cpcid && w.Type == n.Type && w.Model == n.Model).Select(w => w.Id);
            await db.WidgetClusterStocks.Where(s => widgetIds.Contains(s.WidgetId) && s.ClusterId == clusterId && s.Consumed > 0)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Consumed, s => s.Consumed >= amount ? s.Consumed - amount : 0), ct);
        }
    }
}
