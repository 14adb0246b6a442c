using System.Globalization;
using System.Text.Json.Serialization;
using Kboss.Domain.Cpcc;

namespace Kboss.Application.Cpcc.Widgets;

/// <summary>One <c>import_export</c> entry: stock of a widget in a cluster (current cluster name joined on read).</summary>
/// <param name="Clusterid">Cluster id.</param>
/// <param name="Clustername">Cluster name.</param>
/// <param name="Stock">库存数 (cpu 核, memory Mi, disk Gi, gpu 卡).</param>
/// <param name="Consumed">消耗数, same unit.</param>
public sealed record ClusterStockDto(string Clusterid, string Clustername, long Stock, long Consumed)
{
    /// <summary>Entries of <paramref name="w"/> in the list order (cluster id descending, as in the spec example).</summary>
    public static List<ClusterStockDto> ListOf(Widget w) => w.Stocks
        .OrderByDescending(s => s.ClusterId, StringComparer.Ordinal)
        .Select(s => new ClusterStockDto(s.ClusterId, s.Cluster?.Name ?? "", s.Stock, s.Consumed))
        .ToList();
}

/// <summary>
/// A W2 row: <c>{"id","cpcid","type","model","unit_price","resource_unit","stock","consumed","charge_unit",
/// "account_unit","update_time","import_export"}</c>; totals derived from the entries. spec: 41-cpcc-widgets-pricing.md.
/// </summary>
public sealed record WidgetRow(string Id, string Cpcid, string Type, string Model, decimal UnitPrice, string ResourceUnit,
    long Stock, long Consumed, string ChargeUnit, string AccountUnit, DateTime UpdateTime, List<ClusterStockDto> ImportExport)
{
    /// <summary>Maps a widget loaded with its stocks and their clusters.</summary>
    public static WidgetRow From(Widget w) => new(w.Id, w.Cpcid, w.Type, w.Model, w.UnitPrice, w.ResourceUnit,
        w.TotalStock, w.TotalConsumed, w.ChargeUnit, w.AccountUnit, w.UpdateTime, ClusterStockDto.ListOf(w));
}

/// <summary>
/// The W1 echo: the stored fields as strings (<c>"stock": "0"</c>, <c>"unit_price": "1.99"</c>) plus id, update_time
/// and the resulting <c>import_export</c>. <c>stock</c> is the widget's total after the operation.
/// </summary>
public sealed record WidgetEcho
{
    /// <summary>计费货币单位.</summary>
    public string AccountUnit { get; init; } = "";
    /// <summary>计费周期.</summary>
    public string ChargeUnit { get; init; } = "";
    /// <summary>算力中心id.</summary>
    public string Cpcid { get; init; } = "";
    /// <summary>型号.</summary>
    public string Model { get; init; } = "";
    /// <summary>资源单位.</summary>
    public string ResourceUnit { get; init; } = "";
    /// <summary>Total stock, as a string.</summary>
    public string Stock { get; init; } = "0";
    /// <summary>Type.</summary>
    public string Type { get; init; } = "";
    /// <summary>Unit price, as a string without trailing zeros.</summary>
    public string UnitPrice { get; init; } = "";
    /// <summary>Widget id.</summary>
    public string Id { get; init; } = "";
    /// <summary>更新时间.</summary>
    public DateTime UpdateTime { get; init; }
    /// <summary>Stock per cluster after the operation.</summary>
    [JsonPropertyName("import_export")]
    public List<ClusterStockDto> ImportExport { get; init; } = [];

    /// <summary>Maps a widget loaded with its stocks.</summary>
    public static WidgetEcho From(Widget w) => new()
    {
        AccountUnit = w.AccountUnit, ChargeUnit = w.ChargeUnit, Cpcid = w.Cpcid, Model = w.Model,
        ResourceUnit = w.ResourceUnit, Stock = w.TotalStock.ToString(CultureInfo.InvariantCulture), Type = w.Type,
        UnitPrice = DecimalText(w.UnitPrice), Id = w.Id, UpdateTime = w.UpdateTime, ImportExport = ClusterStockDto.ListOf(w),
    };

    /// <summary>Invariant text of <paramref name="d"/> without trailing zeros (<c>1.9900</c> → <c>1.99</c>).</summary>
    public static string DecimalText(decimal d) => (d / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
