using System.Globalization;
using Kboss.Domain.Common;
using Kboss.Domain.Cpcc;
using Kboss.Domain.Identity;

namespace Kboss.Infrastructure.Seeding;

/// <summary>
/// The spec's example centre (<c>AROU9udKtPNyh0AZtO_WY</c>), its clusters 朝阳区 (<c>…_N</c>) and 通州区 (<c>…_X</c>)
/// and its 14 widgets with the unit prices and update times of the <c>get_cpcwidget</c> example
/// (spec: 41-cpcc-widgets-pricing.md). Stock is the spec's where it shows any (STANDARD-8G: 2 + 3) and enough for the
/// spec's success quote elsewhere (4 × INTEL 8582C, 8192 Mi Samsung DDR4, 512 Gi DATA, 2 × RTX5090-32G).
/// </summary>
public static class DemoData
{
    /// <summary>Demo operator org of the spec's examples.</summary>
    public const string OrgId = "mIWUHBeeDM8mwAFPIQ8pS";
    /// <summary>Demo centre id.</summary>
    public const string CenterId = "AROU9udKtPNyh0AZtO_WY";
    /// <summary>Cluster 朝阳区.</summary>
    public const string ClusterChaoyang = "4hBm8atruISOU2bs24t_N";
    /// <summary>Cluster 通州区.</summary>
    public const string ClusterTongzhou = "4hBm8atruISOU2bs24t_X";

    /// <summary>One demo widget: spec id, type, model, price (元/小时), display unit, spec update time (Asia/Shanghai), stock in 朝阳区 and 通州区.</summary>
    public sealed record WidgetSeed(string Id, string Type, string Model, decimal UnitPrice, string ResourceUnit,
        string UpdateTime, long StockChaoyang, long? StockTongzhou = null);

    /// <summary>The 14 widgets of the spec, in its list order.</summary>
    public static readonly IReadOnlyList<WidgetSeed> Widgets =
    [
        new("SwaVSlL6RtORQrNTqAGi6", "cpu", "INTEL(R) XEON(R) PLATINUM 8582C", 1.5m, "核", "2025-06-10 15:22:56", 64),
        new("OmME0B0AQjCkr__TT2LSZ", "cpu", "STANDARD", 2.2m, "核", "2025-06-10 15:22:53", 0),
        new("e6FGUkiEN6uujVfNp6oBK", "cpu", "AMD EPYC 7542 32-Core Processor", 0.8m, "核", "2025-06-10 15:22:50", 0),
        new("meebE6wMvHi0eLHw-GGkJ", "disk", "DATA", 0.01m, "Gi", "2025-06-10 15:22:54", 10240),
        new("JFaQH-YjuYjfX7oy7lojF", "disk", "SYS", 0.005m, "Gi", "2025-06-10 15:22:51", 0),
        new("XXXe35qAC1E0Dqu2GN5pN", "gpu", "STANDARD-8G", 2m, "卡", "2025-06-10 16:29:22", 3, 2),
        new("Rj-YyF__ELLvosq6Mgxjn", "gpu", "A100-80G", 18m, "卡", "2025-06-10 15:22:55", 0),
        new("ImmA3ghOcrQ-Ltebmm1x2", "gpu", "RTX5090-32G", 6m, "卡", "2025-06-10 15:22:51", 8),
        new("BCEJAaX7pt20bfni4hJbp", "gpu", "RTX4090-24G", 4m, "卡", "2025-06-10 15:22:48", 0),
        new("aHUd2O5sawlVqsn2icysS", "gpu", "V100-32G", 12m, "卡", "2025-06-10 15:22:47", 0),
        new("uSOsd4iM5ohtDvJPMqE-h", "memory", "Samsung DDR4 DIMMs", 0.005m, "Gi", "2025-06-10 15:22:57", 262144),
        new("PC9YvPO3pJ_I1_fd8xvca", "memory", "STANDARD", 0.0004m, "Gi", "2025-06-10 15:22:55", 0),
        new("LLHswyKb78yYPMZIDBbjd", "memory", "Crucial P-series", 0.0005m, "Gi", "2025-06-10 15:22:52", 0),
        new("B2Jl1_6P7mMdIdtvO-Qcf", "memory", "Kingston FURY", 0.0002m, "Gi", "2025-06-10 15:22:47", 0),
    ];

    /// <summary>
    /// Builds a centre with two clusters and the 14 widgets. With <paramref name="specIds"/> the spec's ids are used
    /// (the demo); otherwise fresh ids (tests). <paramref name="stock"/> overrides the 朝阳区 stock per model.
    /// </summary>
    public static (ComputeCenter Center, Cluster Chaoyang, Cluster Tongzhou, List<Widget> Widgets) Build(
        string orgId, string protectedPassword, TimeZoneInfo zone, bool specIds, IReadOnlyDictionary<string, long>? stock = null)
    {
        var center = new ComputeCenter
        {
            Id = specIds ? CenterId : NanoId.New(), Name = "测试pcapi", OrgId = orgId, PcapiUrl = "https://trial.kaiyuancloud.cn",
            ApiUser = "ysh", ApiPwdProtected = protectedPassword, EnableDate = new DateOnly(2025, 4, 13),
            ExpireDate = new DateOnly(2025, 4, 18), ContactName = "kyy", ContactPhone = "",
        };
        var chaoyang = new Cluster { Id = specIds ? ClusterChaoyang : NanoId.New(), Name = "朝阳区", Cpcid = center.Id, Ready = ClusterReady.Installed };
        var tongzhou = new Cluster { Id = specIds ? ClusterTongzhou : NanoId.New(), Name = "通州区", Cpcid = center.Id, Ready = ClusterReady.Installed };
        var widgets = Widgets.Select(s =>
        {
            var local = DateTime.ParseExact(s.UpdateTime, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            var w = new Widget
            {
                Id = specIds ? s.Id : NanoId.New(), Cpcid = center.Id, Type = s.Type, Model = s.Model,
                ResourceUnit = s.ResourceUnit, ChargeUnit = "小时", AccountUnit = "元",
                UpdateTime = TimeZoneInfo.ConvertTimeToUtc(local, zone),
            };
            var n = stock is not null && stock.TryGetValue(s.Model, out var o) ? o : s.StockChaoyang;
            Seeded(w.ChangePrice(s.UnitPrice));
            Seeded(w.AddStock(chaoyang.Id, n));
            if (s.StockTongzhou is { } t) Seeded(w.AddStock(tongzhou.Id, t));
            return w;
        }).ToList();
        return (center, chaoyang, tongzhou, widgets);
    }

    private static void Seeded(Result result)
    {
        if (result.Failure is { } f) throw new InvalidOperationException("demo widget refused: " + f.Message);
    }

    /// <summary>The demo operator org, owned by the platform org.</summary>
    public static Organization Org(string platformOrgId) =>
        new() { Id = OrgId, Name = "开元云演示运营机构", Kind = OrgKind.Operator, OwnerOrgId = platformOrgId };
}
