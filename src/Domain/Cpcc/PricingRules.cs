using Kboss.Domain.Common;

namespace Kboss.Domain.Cpcc;

/// <summary>
/// The price formula of <c>accrual_price</c> (analysis/cpcc.md §4.1), in exact decimal arithmetic:
/// <code> hours    = duration × H[duration_unit]        H: 小时=1, 天=24, 周=168, 月=720
/// periods  = hours ÷ C[charge_unit]             C (hours): 秒=1/3600, 分钟=1/60, 小时=1, 天=24
/// subtotal = round2(amount × unit_price × periods × F[account_unit])   F (元): 元=1, 角=0.1, 分=0.01
/// total    = round2(Σ subtotal of the lines that priced)
/// </code> round2 rounds half away from zero. Results are in 元.
/// </summary>
public static class PricingRules
{
    /// <summary>Currency of every quote.</summary>
    public const string Currency = "元";

    /// <summary>Accepted request duration units and their length in hours (月 = 30 days).</summary>
    public static readonly IReadOnlyDictionary<string, decimal> DurationUnitHours = new Dictionary<string, decimal>
    {
        ["小时"] = 1m, ["天"] = 24m, ["周"] = 168m, ["月"] = 720m,
    };

    /// <summary>Accepted widget charge periods and how many of them fit in one hour.</summary>
    public static readonly IReadOnlyDictionary<string, decimal> ChargeUnitsPerHour = new Dictionary<string, decimal>
    {
        ["秒"] = 3600m, ["分钟"] = 60m, ["小时"] = 1m, ["天"] = 1m / 24m,
    };

    /// <summary>Accepted account units and their value in 元.</summary>
    public static readonly IReadOnlyDictionary<string, decimal> AccountUnitYuan = new Dictionary<string, decimal>
    {
        ["元"] = 1m, ["角"] = 0.1m, ["分"] = 0.01m,
    };

    /// <summary>Rounds to 2 decimals, half away from zero.</summary>
    public static decimal Round2(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Subtotal in 元 of <paramref name="amount"/> units at <paramref name="unitPrice"/> for
    /// <paramref name="duration"/> <paramref name="durationUnit"/>.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown duration, charge or account unit.</exception>
    public static decimal Subtotal(long amount, decimal unitPrice, int duration, string durationUnit,
        string chargeUnit, string accountUnit)
    {
        if (!DurationUnitHours.TryGetValue(durationUnit, out var hoursPerUnit))
            throw new ArgumentException($"unknown duration unit {durationUnit}", nameof(durationUnit));
        if (!ChargeUnitsPerHour.TryGetValue(chargeUnit, out var periodsPerHour))
            throw new ArgumentException($"unknown charge unit {chargeUnit}", nameof(chargeUnit));
        if (!AccountUnitYuan.TryGetValue(accountUnit, out var yuan))
            throw new ArgumentException($"unknown account unit {accountUnit}", nameof(accountUnit));
        // 天: periods = hours / 24 — divide last to keep the arithmetic exact where it can be.
        var periods = chargeUnit == "天" ? duration * hoursPerUnit / 24m : duration * hoursPerUnit * periodsPerHour;
        return Round2(amount * unitPrice * periods * yuan);
    }
    /// <summary>
    /// Checks one quote line against the centre's widgets, in the documented order (analysis/cpcc.md §4.1): a type
    /// without widgets → <c>没有该类型组件</c>; unknown model → <c>无效的 {type} 部件型号: {model}</c>; bad amount →
    /// <c>无效的 {type} 部件数量: {amount}</c> (all invalid_argument); more than is available in
    /// <paramref name="clusterId"/> (else in all clusters), counting earlier lines of the same widget in
    /// <paramref name="requested"/> → <c>{type} {model} 库存不足 (库存: n, 请求: m)</c> (insufficient_stock).
    /// An accepted line adds its amount to <paramref name="requested"/>.
    /// </summary>
    public static Result<WidgetSnapshot> CheckLine(string type, string model, long? amount, string amountText,
        IReadOnlyList<WidgetSnapshot> widgets, string? clusterId, Dictionary<string, long> requested)
    {
        if (!widgets.Any(w => w.Type == type)) return Invalid("没有该类型组件");
        var widget = widgets.FirstOrDefault(w => w.Type == type && w.Model == model);
        if (widget is null) return Invalid($"无效的 {type} 部件型号: {model}");
        if (amount is not { } n) return Invalid($"无效的 {type} 部件数量: {amountText}");
        var cumulative = requested.GetValueOrDefault(widget.Id) + n;
        var available = widget.Available(clusterId);
        if (cumulative > available)
            return new Failure(FailureKind.InsufficientStock,
                $"{type} {widget.Model} 库存不足 (库存: {available}, 请求: {cumulative})");
        requested[widget.Id] = cumulative;
        return widget;
    }

    /// <summary>The refusal of a line whose price overflows decimal.</summary>
    public static Failure Overflow(string type, string model) => Invalid($"{type} {model} 计价金额超出范围");

    private static Failure Invalid(string message) => new(FailureKind.InvalidArgument, message);
}
