using Kboss.Domain.Cpcc;

namespace Kboss.Application.Cpcc.Widgets;

/// <summary>Allowed values of the widget drop-downs (analysis/cpcc.md §2.10).</summary>
public static class WidgetFields
{
    /// <summary>Types: cpu, memory, disk, gpu.</summary>
    public static readonly string[] Types = [WidgetTypes.Cpu, WidgetTypes.Memory, WidgetTypes.Disk, WidgetTypes.Gpu];
    /// <summary>Charge periods.</summary>
    public static readonly string[] ChargeUnits = [.. PricingRules.ChargeUnitsPerHour.Keys];
    /// <summary>Account units.</summary>
    public static readonly string[] AccountUnits = [.. PricingRules.AccountUnitYuan.Keys];
    /// <summary><c>add_opt</c> values.</summary>
    public static readonly string[] AddOpts = ["no", "yes"];
    /// <summary>Message when a widget is unknown.</summary>
    public const string NotFoundMessage = "算力部件不存在";
}
