using Kboss.Domain.Common;

namespace Kboss.Domain.Cpcc;

/// <summary>
/// 算力部件: a sellable component of a centre (cpu / memory / disk / gpu) with a unit price per resource unit per
/// charge period. Unique per (centre, type, model). Stock lives per cluster in <see cref="Stocks"/>; the totals are
/// derived, never stored (analysis/cpcc.md §2.5, §4.2). spec: 41-cpcc-widgets-pricing.md.
/// </summary>
public sealed class Widget : Entity, ISoftDeletable
{
    /// <summary>算力中心ID.</summary>
    public string Cpcid { get; set; } = "";
    /// <summary>cpu, memory, disk or gpu (see <see cref="WidgetTypes"/>).</summary>
    public string Type { get; set; } = "";
    /// <summary>部件型号/系列, e.g. <c>RTX5090-32G</c>.</summary>
    public string Model { get; set; } = WidgetTypes.DefaultModel;
    /// <summary>单位单价 in <see cref="AccountUnit"/> per resource unit per <see cref="ChargeUnit"/>.</summary>
    public decimal UnitPrice { get; set; }
    /// <summary>Display unit as entered (核, Gi, Mi, 卡, …). Pricing uses the fixed quote units.</summary>
    public string ResourceUnit { get; set; } = "";
    /// <summary>计费周期: 小时, 分钟, 秒 or 天.</summary>
    public string ChargeUnit { get; set; } = "小时";
    /// <summary>计费货币单位: 元, 角 or 分.</summary>
    public string AccountUnit { get; set; } = "元";
    /// <summary>Stock per cluster (<c>import_export</c>).</summary>
    public List<WidgetClusterStock> Stocks { get; set; } = [];
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;

    /// <summary>总库存数 = Σ per-cluster stock.</summary>
    public long TotalStock => Stocks.Sum(s => s.Stock);
    /// <summary>总消耗数 = Σ per-cluster consumed.</summary>
    public long TotalConsumed => Stocks.Sum(s => s.Consumed);

    /// <summary>
    /// Quantity still sellable: in <paramref name="clusterId"/> when given (a cluster without an entry has 0),
    /// otherwise over all clusters. Same raw unit as a quote amount (memory in Mi).
    /// </summary>
    public long Available(string? clusterId) => string.IsNullOrEmpty(clusterId)
        ? TotalStock - TotalConsumed
        : Stocks.Where(s => s.ClusterId == clusterId).Sum(s => s.Stock - s.Consumed);
}

/// <summary>Stock of one widget in one cluster (an <c>import_export</c> entry).</summary>
public sealed class WidgetClusterStock
{
    /// <summary>Surrogate key.</summary>
    public string Id { get; set; } = NanoId.New();
    /// <summary>Widget id.</summary>
    public string WidgetId { get; set; } = "";
    /// <summary>Cluster id.</summary>
    public string ClusterId { get; set; } = "";
    /// <summary>库存数 in the quote unit of the widget type (cpu 核, memory Mi, disk Gi, gpu 卡).</summary>
    public long Stock { get; set; }
    /// <summary>消耗数, same unit.</summary>
    public long Consumed { get; set; }
    /// <summary>The cluster (for its current name).</summary>
    public Cluster? Cluster { get; set; }
}

/// <summary>The four fixed widget types and their quote units (analysis/cpcc.md §4.1).</summary>
public static class WidgetTypes
{
    /// <summary>CPU, amount in cores (核).</summary>
    public const string Cpu = "cpu";
    /// <summary>Memory, amount in Mi.</summary>
    public const string Memory = "memory";
    /// <summary>Disk, amount in Gi.</summary>
    public const string Disk = "disk";
    /// <summary>GPU, amount in cards (卡).</summary>
    public const string Gpu = "gpu";
    /// <summary>Default model name.</summary>
    public const string DefaultModel = "STANDARD";

    /// <summary>Types in the list order of <c>get_cpcwidget</c> (type ascending).</summary>
    public static readonly IReadOnlyList<string> All = [Cpu, Disk, Gpu, Memory];

    /// <summary>True for cpu, memory, disk, gpu.</summary>
    public static bool IsValid(string? type) => type is Cpu or Memory or Disk or Gpu;

    /// <summary>Fixed unit a quote line shows: cpu 核, memory Mi, disk Gi, gpu 卡.</summary>
    public static string QuoteUnit(string type) => type switch
    {
        Cpu => "核",
        Memory => "Mi",
        Disk => "Gi",
        Gpu => "卡",
        _ => "",
    };
}
