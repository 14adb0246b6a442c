using System.Linq.Expressions;
using Kboss.Domain.Common;

namespace Kboss.Domain.Cpcc;

/// <summary>
/// 算力部件: a sellable component of a centre (cpu / memory / disk / gpu) with a unit price per resource unit per
/// charge period. Unique per (centre, type, model). Stock lives per cluster in <see cref="Stocks"/>; the totals are
/// derived, never stored (analysis/cpcc.md §2.5, §4.2). spec: 41-cpcc-widgets-pricing.md.
/// </summary>
public sealed class Widget : Entity, ISoftDeletable
{
    /// <summary>Message of a price outside [0, <see cref="MaxPriceExclusive"/>).</summary>
    public const string BadPriceMessage = "单价格式错误";
    /// <summary>Message of a delete refused while stock is consumed.</summary>
    public const string StillConsumedMessage = "该部件仍有消耗,无法移除";
    /// <summary>Prices stay below 10^13 (decimal(19,6), ADR 0004).</summary>
    public const decimal MaxPriceExclusive = 10_000_000_000_000m;

    private readonly List<WidgetClusterStock> _stocks = [];

    /// <summary>算力中心ID.</summary>
    public string Cpcid { get; init; } = "";
    /// <summary>cpu, memory, disk or gpu (see <see cref="WidgetTypes"/>).</summary>
    public string Type { get; init; } = "";
    /// <summary>部件型号/系列, e.g. <c>RTX5090-32G</c>.</summary>
    public string Model { get; init; } = WidgetTypes.DefaultModel;
    /// <summary>单位单价 in <see cref="AccountUnit"/> per resource unit per <see cref="ChargeUnit"/>.</summary>
    public decimal UnitPrice { get; private set; }
    /// <summary>Display unit as entered (核, Gi, Mi, 卡, …). Pricing uses the fixed quote units.</summary>
    public string ResourceUnit { get; init; } = "";
    /// <summary>计费周期: 小时, 分钟, 秒 or 天.</summary>
    public string ChargeUnit { get; init; } = "小时";
    /// <summary>计费货币单位: 元, 角 or 分.</summary>
    public string AccountUnit { get; init; } = "元";
    /// <summary>Stock per cluster (<c>import_export</c>); changed only by <see cref="AddStock"/>.</summary>
    public IReadOnlyList<WidgetClusterStock> Stocks => _stocks;
    /// <summary><c>"0"</c> alive, <c>"1"</c> deleted; set through <see cref="Delete"/>.</summary>
    public string DelFlg { get; set; } = DelFlag.Alive;

    /// <summary>总库存数 = Σ per-cluster stock.</summary>
    public long TotalStock => WidgetStock.Total(_stocks);
    /// <summary>总消耗数 = Σ per-cluster consumed.</summary>
    public long TotalConsumed => WidgetStock.Consumed(_stocks);

    /// <summary>
    /// Quantity still sellable: in <paramref name="clusterId"/> when given (a cluster without an entry has 0),
    /// otherwise over all clusters. Same raw unit as a quote amount (memory in Mi).
    /// </summary>
    public long Available(string? clusterId) => WidgetStock.Available(_stocks, clusterId);

    /// <summary>
    /// A new widget at <paramref name="unitPrice"/> with <paramref name="stock"/> in <paramref name="clusterId"/>
    /// (W1 without an existing widget). Refused: a bad price, or a negative stock (nothing to take from).
    /// </summary>
    public static Result<Widget> Create(string cpcid, string type, string model, string resourceUnit, decimal unitPrice,
        string chargeUnit, string accountUnit, string clusterId, long stock)
    {
        var widget = new Widget
        {
            Cpcid = cpcid, Type = type, Model = model, ResourceUnit = resourceUnit, ChargeUnit = chargeUnit,
            AccountUnit = accountUnit,
        };
        if (widget.ChangePrice(unitPrice).Failure is { } badPrice) return badPrice;
        if (widget.AddStock(clusterId, stock).Failure is { } badStock) return badStock;
        return widget;
    }

    /// <summary>W4: sets the unit price. Refused (invalid_argument): negative or ≥ 10^13.</summary>
    public Result ChangePrice(decimal unitPrice)
    {
        if (unitPrice < 0 || unitPrice >= MaxPriceExclusive)
            return new Failure(FailureKind.InvalidArgument, BadPriceMessage, "unit_price");
        UnitPrice = unitPrice;
        return Result.Done;
    }

    /// <summary>
    /// W1 <c>add_opt=yes</c>: adds <paramref name="amount"/> (negative corrects down) to the entry of
    /// <paramref name="clusterId"/>, opening it when missing. Refusals as <see cref="WidgetClusterStock.Open"/> and
    /// <see cref="WidgetClusterStock.Adjust"/>.
    /// </summary>
    public Result AddStock(string clusterId, long amount)
    {
        if (_stocks.FirstOrDefault(s => s.ClusterId == clusterId) is { } entry) return entry.Adjust(amount);
        var opened = WidgetClusterStock.Open(Id, clusterId, amount);
        if (opened.Failure is { } failure) return failure;
        _stocks.Add(opened.Value!);
        return Result.Done;
    }

    /// <summary>W5: soft-deletes the widget. Refused (conflict) while any of its stock is consumed.</summary>
    public Result Delete()
    {
        if (TotalConsumed > 0) return new Failure(FailureKind.Conflict, StillConsumedMessage);
        DelFlg = DelFlag.Deleted;
        return Result.Done;
    }

    /// <summary>The immutable copy a cache may share (<see cref="WidgetSnapshot"/>).</summary>
    public WidgetSnapshot ToSnapshot() => new(Id, Cpcid, Type, Model, UnitPrice, ChargeUnit, AccountUnit,
        [.. _stocks.Select(s => new StockSnapshot(s.ClusterId, s.Stock, s.Consumed))]);
}

/// <summary>Stock of one widget in one cluster (an <c>import_export</c> entry).</summary>
public sealed class WidgetClusterStock
{
    /// <summary>Largest stock of one entry (cpu 核, memory Mi, disk Gi, gpu 卡).</summary>
    public const long MaxStock = 1_000_000_000_000_000;
    /// <summary>Message of a decrease on a cluster without an entry.</summary>
    public const string NothingToReduceMessage = "该集群暂无此部件库存,无法减少";
    /// <summary>Message of a decrease below 0 or below what is consumed.</summary>
    public const string BelowConsumedMessage = "调整后的库存不能小于 0,也不能低于已消耗量";

    private WidgetClusterStock()
    {
    }

    /// <summary>Surrogate key.</summary>
    public string Id { get; private init; } = NanoId.New();
    /// <summary>Widget id.</summary>
    public string WidgetId { get; private init; } = "";
    /// <summary>Cluster id.</summary>
    public string ClusterId { get; private init; } = "";
    /// <summary>库存数 in the quote unit of the widget type (cpu 核, memory Mi, disk Gi, gpu 卡).</summary>
    public long Stock { get; private set; }
    /// <summary>消耗数, same unit.</summary>
    public long Consumed { get; private set; }
    /// <summary>The cluster (for its current name).</summary>
    public Cluster? Cluster { get; set; }

    /// <summary>
    /// The rule of <see cref="Adjust"/> as an expression, so the race-safe conditional UPDATE
    /// (<c>ExecuteUpdate … Where(CanAdjustBy(n))</c>) and the entity share it: the result stays within
    /// [max(0, consumed), <see cref="MaxStock"/>].
    /// </summary>
    public static Expression<Func<WidgetClusterStock, bool>> CanAdjustBy(long amount) =>
        s => s.Stock + amount >= s.Consumed && s.Stock + amount >= 0 && s.Stock <= MaxStock - amount;

    /// <summary>
    /// <see cref="CanAdjustBy"/> on plain values (the entity's own check, and the hot path's SQL is tested against it):
    /// adding <paramref name="amount"/> to <paramref name="stock"/> keeps it within [max(0, consumed), MaxStock].
    /// </summary>
    public static bool AllowsAdjust(long stock, long consumed, long amount) =>
        stock + amount >= consumed && stock + amount >= 0 && stock <= MaxStock - amount;

    /// <summary>The rule of <see cref="Consume"/> as an expression (consumed never exceeds stock).</summary>
    public static Expression<Func<WidgetClusterStock, bool>> CanConsume(long amount) =>
        s => s.Consumed + amount <= s.Stock;

    /// <summary>
    /// Why <see cref="Adjust"/> by <paramref name="amount"/> is refused (also for a conditional UPDATE that hit no row).
    /// </summary>
    public static Failure AdjustRefusal(long amount) => amount > 0
        ? new Failure(FailureKind.InvalidArgument, $"库存超出上限 {MaxStock}")
        : new Failure(FailureKind.InsufficientStock, BelowConsumedMessage);

    /// <summary>A new entry with <paramref name="stock"/>. Refused (insufficient_stock): a negative stock.</summary>
    public static Result<WidgetClusterStock> Open(string widgetId, string clusterId, long stock)
    {
        if (stock < 0) return new Failure(FailureKind.InsufficientStock, NothingToReduceMessage);
        if (stock > MaxStock) return AdjustRefusal(stock);
        return new WidgetClusterStock { WidgetId = widgetId, ClusterId = clusterId, Stock = stock };
    }

    /// <summary>Adds <paramref name="amount"/> (may be negative) under <see cref="CanAdjustBy"/>.</summary>
    public Result Adjust(long amount)
    {
        if (!AllowsAdjust(Stock, Consumed, amount)) return AdjustRefusal(amount);
        Stock += amount;
        return Result.Done;
    }

    /// <summary>Takes <paramref name="amount"/> (≥ 1) of this stock; refused (insufficient_stock) past it.</summary>
    public Result Consume(long amount)
    {
        if (amount < 1) return new Failure(FailureKind.InvalidArgument, "消耗数量必须大于 0");
        if (!CanConsume(amount).Compile(preferInterpretation: true)(this))
            return new Failure(FailureKind.InsufficientStock, $"库存不足(需要 {amount})");
        Consumed += amount;
        return Result.Done;
    }

    /// <summary>Gives <paramref name="amount"/> back; consumed never drops below 0.</summary>
    public void Release(long amount) => Consumed = Consumed >= amount ? Consumed - amount : 0;
}

/// <summary>Stock of one cluster in a <see cref="WidgetSnapshot"/>.</summary>
/// <param name="ClusterId">Cluster id.</param>
/// <param name="Stock">库存数.</param>
/// <param name="Consumed">消耗数.</param>
public sealed record StockSnapshot(string ClusterId, long Stock, long Consumed);

/// <summary>
/// Immutable copy of a widget with its stock, for caches (<c>WidgetCatalog</c>) and pure checks (quotes,
/// accommodation). Never tracked, never saved.
/// </summary> <param name="Id">Widget id.</param>
/// <param name="Cpcid">Centre.</param>
/// <param name="Type">cpu / memory / disk / gpu.</param>
/// <param name="Model">Model.</param>
/// <param name="UnitPrice">Price in <paramref name="AccountUnit"/> per unit per <paramref name="ChargeUnit"/>.</param>
/// <param name="ChargeUnit">计费周期.</param>
/// <param name="AccountUnit">计费货币单位.</param>
/// <param name="Stocks">Stock per cluster.</param>
public sealed record WidgetSnapshot(string Id, string Cpcid, string Type, string Model, decimal UnitPrice,
    string ChargeUnit, string AccountUnit, IReadOnlyList<StockSnapshot> Stocks)
{
    /// <summary>Same as <see cref="Widget.Available"/>.</summary>
    public long Available(string? clusterId) =>
        WidgetStock.Available(Stocks.Select(s => (s.ClusterId, s.Stock, s.Consumed)), clusterId);
}

/// <summary>The stock sums, one piece of code for entities and snapshots (analysis/cpcc.md §4.2).</summary>
internal static class WidgetStock
{
    public static long Total(IEnumerable<WidgetClusterStock> s) => s.Sum(x => x.Stock);

    public static long Consumed(IEnumerable<WidgetClusterStock> s) => s.Sum(x => x.Consumed);

    public static long Available(IEnumerable<WidgetClusterStock> s, string? clusterId) =>
        Available(s.Select(x => (x.ClusterId, x.Stock, x.Consumed)), clusterId);

    public static long Available(IEnumerable<(string ClusterId, long Stock, long Consumed)> s, string? clusterId) =>
        string.IsNullOrEmpty(clusterId)
            ? s.Sum(x => x.Stock - x.Consumed)
            : s.Where(x => x.ClusterId == clusterId).Sum(x => x.Stock - x.Consumed);
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
