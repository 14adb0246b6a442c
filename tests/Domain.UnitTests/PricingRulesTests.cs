using Kboss.Domain.Common;
using Kboss.Domain.Cpcc;

namespace Kboss.Domain.UnitTests;

/// <summary>
/// The price formula of <c>accrual_price</c> (analysis/cpcc.md §4.1) with the spec's own numbers, plus the widget
/// stock, quote-unit and id helpers it relies on.
/// </summary>
public sealed class PricingRulesTests
{
    // Widget prices of the doc examples (W2): all 元 per 小时.
    private const decimal IntelCpu = 1.5m;      // per core
    private const decimal SamsungMemory = 0.005m; // per Mi
    private const decimal DataDisk = 0.01m;     // per Gi
    private const decimal Rtx5090 = 6m;         // per card

    private static decimal Hourly(long amount, decimal unitPrice, int duration, string durationUnit) =>
        PricingRules.Subtotal(amount, unitPrice, duration, durationUnit, "小时", "元");

    /// <summary>The four lines of the doc's success example, for <paramref name="duration"/> <paramref name="unit"/>.</summary>
    private static decimal[] ExampleLines(int duration, string unit) =>
    [
        Hourly(4, IntelCpu, duration, unit),
        Hourly(8192, SamsungMemory, duration, unit),
        Hourly(512, DataDisk, duration, unit),
        Hourly(2, Rtx5090, duration, unit),
    ];

    // ---- the spec's examples ----

    [Fact]
    public void One_hour_example_gives_the_documented_lines_and_total()
    {
        var lines = ExampleLines(1, "小时");

        lines.Should().Equal(6m, 40.96m, 5.12m, 12m);
        PricingRules.Round2(lines.Sum()).Should().Be(64.08m);
    }

    [Fact]
    public void Failed_lines_are_left_out_of_the_total()
    {
        // Doc examples 2 and 3: an invalid gpu model (52.08), memory out of stock (23.12).
        var lines = ExampleLines(1, "小时");

        PricingRules.Round2(lines[0] + lines[1] + lines[2]).Should().Be(52.08m);
        PricingRules.Round2(lines[0] + lines[2] + lines[3]).Should().Be(23.12m);
    }

    [Fact]
    public void Two_days_is_48_hours()
    {
        var lines = ExampleLines(2, "天");

        lines.Should().Equal(288m, 1966.08m, 245.76m, 576m);
        PricingRules.Round2(lines.Sum()).Should().Be(3075.84m);
    }

    [Fact]
    public void A_week_is_168_hours()
    {
        var lines = ExampleLines(1, "周");

        lines.Should().Equal(1008m, 6881.28m, 860.16m, 2016m);
        PricingRules.Round2(lines.Sum()).Should().Be(10765.44m); // 64.08 × 168
    }

    [Fact]
    public void A_month_is_720_hours()
    {
        var lines = ExampleLines(1, "月");

        lines.Should().Equal(4320m, 29491.2m, 3686.4m, 8640m);
        PricingRules.Round2(lines.Sum()).Should().Be(46137.6m); // 64.08 × 720
    }

    [Theory]
    [InlineData(3, "小时", 3)]
    [InlineData(3, "天", 72)]
    [InlineData(2, "周", 336)]
    [InlineData(2, "月", 1440)]
    public void Duration_is_converted_to_hours(int duration, string unit, int hours)
    {
        PricingRules.Subtotal(1, 1m, duration, unit, "小时", "元").Should().Be(hours);
        PricingRules.DurationUnitHours[unit].Should().Be(hours / duration);
    }

    // ---- charge units ----

    [Fact]
    public void Per_minute_price_is_charged_60_times_an_hour()
    {
        PricingRules.Subtotal(2, 0.01m, 1, "小时", "分钟", "元").Should().Be(1.2m);     // 2 × 0.01 × 60
        PricingRules.Subtotal(1, 0.5m, 2, "天", "分钟", "元").Should().Be(1440m);       // 0.5 × 2880 minutes
    }

    [Fact]
    public void Per_second_price_is_charged_3600_times_an_hour()
    {
        PricingRules.Subtotal(1, 0.0001m, 1, "小时", "秒", "元").Should().Be(0.36m);   // 0.0001 × 3600
        PricingRules.Subtotal(3, 0.00001m, 1, "天", "秒", "元").Should().Be(2.59m);    // 3 × 0.00001 × 86400 = 2.592
    }

    [Fact]
    public void Per_day_price_is_charged_per_24_hours()
    {
        PricingRules.Subtotal(1, 24m, 1, "小时", "天", "元").Should().Be(1m);          // 1/24 day
        PricingRules.Subtotal(2, 10m, 2, "天", "天", "元").Should().Be(40m);           // 2 × 10 × 2 days
        PricingRules.Subtotal(1, 3m, 1, "周", "天", "元").Should().Be(21m);            // 7 days
        PricingRules.Subtotal(1, 1m, 1, "月", "天", "元").Should().Be(30m);            // 月 = 30 days
        PricingRules.Subtotal(1, 24m, 5, "小时", "天", "元").Should().Be(5m);          // 5/24 day, exact after rounding
        PricingRules.Subtotal(1, 1m, 1, "小时", "天", "元").Should().Be(0.04m);        // 0.041666… → 0.04
    }

    // ---- account units ----

    [Fact]
    public void Price_in_jiao_is_a_tenth_of_a_yuan()
    {
        PricingRules.Subtotal(2, 15m, 1, "小时", "小时", "角").Should().Be(3m);        // 2 × 15 角 = 3 元
        PricingRules.Subtotal(4, 1.5m, 2, "天", "小时", "角").Should().Be(28.8m);      // 288 角
    }

    [Fact]
    public void Price_in_fen_is_a_hundredth_of_a_yuan()
    {
        PricingRules.Subtotal(1, 250m, 1, "小时", "小时", "分").Should().Be(2.5m);     // 250 分
        PricingRules.Subtotal(8192, 0.5m, 1, "小时", "小时", "分").Should().Be(40.96m); // 4096 分
    }

    [Fact]
    public void Charge_and_account_units_combine()
    {
        // 3 cores at 2 分 per minute for 1 day: 3 × 2 × 1440 = 8640 分 = 86.4 元.
        PricingRules.Subtotal(3, 2m, 1, "天", "分钟", "分").Should().Be(86.4m);
    }

    // ---- rounding ----

    [Theory]
    [InlineData(1, "0.125", "0.13")]    // banker's rounding would give 0.12
    [InlineData(1, "0.005", "0.01")]    // … and 0.00
    [InlineData(3, "0.015", "0.05")]    // 0.045: … and 0.04
    [InlineData(5, "0.0005", "0")]      // 0.0025 → 0.00
    [InlineData(7, "0.0035", "0.02")]   // 0.0245 → 0.02
    [InlineData(1, "2.675", "2.68")]    // a double would hold 2.67499999… and give 2.67
    public void Subtotal_rounds_half_away_from_zero(long amount, string unitPrice, string expected)
    {
        PricingRules.Subtotal(amount, decimal.Parse(unitPrice, System.Globalization.CultureInfo.InvariantCulture), 1, "小时", "小时", "元")
            .Should().Be(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Midpoints_from_account_unit_conversion_round_away_from_zero()
    {
        PricingRules.Subtotal(1, 0.5m, 1, "小时", "小时", "分").Should().Be(0.01m);    // 0.005 元
        PricingRules.Subtotal(1, 0.25m, 1, "小时", "小时", "角").Should().Be(0.03m);   // 0.025 元
    }

    [Fact]
    public void Round2_rounds_half_away_from_zero_both_ways()
    {
        PricingRules.Round2(2.675m).Should().Be(2.68m);
        PricingRules.Round2(-2.675m).Should().Be(-2.68m);
        PricingRules.Round2(2.665m).Should().Be(2.67m);
        PricingRules.Round2(2.6749m).Should().Be(2.67m);
        PricingRules.Round2(64.08m).Should().Be(64.08m);
    }

    [Fact]
    public void Total_is_rounded_after_summing_rounded_lines()
    {
        // Each line rounds first (0.125 → 0.13), then the total of the rounded lines: 0.13 + 0.13 = 0.26, not round(0.25).
        var lines = new[] { Hourly(1, 0.125m, 1, "小时"), Hourly(1, 0.125m, 1, "小时") };

        PricingRules.Round2(lines.Sum()).Should().Be(0.26m);
    }

    // ---- unknown units ----

    [Theory]
    [InlineData("年", "小时", "元", "durationUnit")]
    [InlineData("hour", "小时", "元", "durationUnit")]
    [InlineData("", "小时", "元", "durationUnit")]
    [InlineData("小时", "月", "元", "chargeUnit")]
    [InlineData("小时", "周", "元", "chargeUnit")]
    [InlineData("小时", "", "元", "chargeUnit")]
    [InlineData("小时", "小时", "美元", "accountUnit")]
    [InlineData("小时", "小时", "厘", "accountUnit")]
    [InlineData("小时", "小时", " 元", "accountUnit")]
    public void Unknown_units_throw(string durationUnit, string chargeUnit, string accountUnit, string parameter)
    {
        var act = () => PricingRules.Subtotal(1, 1m, 1, durationUnit, chargeUnit, accountUnit);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be(parameter);
    }

    [Fact]
    public void Unit_tables_hold_exactly_the_documented_units()
    {
        PricingRules.DurationUnitHours.Keys.Should().BeEquivalentTo("小时", "天", "周", "月");
        PricingRules.ChargeUnitsPerHour.Keys.Should().BeEquivalentTo("秒", "分钟", "小时", "天");
        PricingRules.AccountUnitYuan.Keys.Should().BeEquivalentTo("元", "角", "分");
        PricingRules.Currency.Should().Be("元");
    }

    // ---- Widget.Available ----

    private static Widget GpuWithStock()
    {
        var widget = new Widget { Type = WidgetTypes.Gpu, Model = "STANDARD-8G" };
        widget.AddStock("4hBm8atruISOU2bs24t_X", 2).Ok.Should().BeTrue(); // 通州区
        widget.AddStock("4hBm8atruISOU2bs24t_N", 3).Ok.Should().BeTrue(); // 朝阳区
        widget.Stocks[1].Consume(1).Ok.Should().BeTrue();
        return widget;
    }

    [Fact]
    public void Totals_are_the_sums_of_the_cluster_entries()
    {
        var widget = GpuWithStock();

        widget.TotalStock.Should().Be(5); // spec: STANDARD-8G 5 = 2 + 3
        widget.TotalConsumed.Should().Be(1);
    }

    [Fact]
    public void Available_without_a_cluster_is_total_stock_minus_total_consumed()
    {
        var widget = GpuWithStock();

        widget.Available(null).Should().Be(4);
        widget.Available("").Should().Be(4);
    }

    [Fact]
    public void Available_in_a_cluster_is_that_entry_stock_minus_consumed()
    {
        var widget = GpuWithStock();

        widget.Available("4hBm8atruISOU2bs24t_X").Should().Be(2);
        widget.Available("4hBm8atruISOU2bs24t_N").Should().Be(2);
    }

    [Fact]
    public void Available_in_a_cluster_without_an_entry_is_zero()
    {
        GpuWithStock().Available("no-such-cluster").Should().Be(0);
        new Widget().Available("any").Should().Be(0);
    }

    [Fact]
    public void A_widget_without_entries_has_nothing()
    {
        var widget = new Widget();

        widget.TotalStock.Should().Be(0);
        widget.TotalConsumed.Should().Be(0);
        widget.Available(null).Should().Be(0);
    }

    [Fact]
    public void Totals_follow_changes_to_the_entries()
    {
        var widget = GpuWithStock();
        widget.Stocks[0].Consume(2).Ok.Should().BeTrue();
        widget.AddStock("third", 10).Ok.Should().BeTrue();

        widget.TotalStock.Should().Be(15);
        widget.TotalConsumed.Should().Be(3);
        widget.Available(null).Should().Be(12);
        widget.Available("4hBm8atruISOU2bs24t_X").Should().Be(0);
        widget.Available("third").Should().Be(10);
    }

    [Fact]
    public void Memory_stock_counts_in_mi_like_the_quote_amount()
    {
        // Doc example 3: "memory Samsung DDR4 DIMMs 库存不足 (库存: 1280, 请求: 8192)".
        var memory = new Widget { Type = WidgetTypes.Memory, Model = "Samsung DDR4 DIMMs" };
        memory.AddStock("c", 1280);

        memory.Available("c").Should().Be(1280);
        (8192 > memory.Available("c")).Should().BeTrue();
    }

    [Fact]
    public void New_widget_has_the_documented_defaults()
    {
        var widget = new Widget();

        widget.Model.Should().Be("STANDARD");
        widget.ChargeUnit.Should().Be("小时");
        widget.AccountUnit.Should().Be("元");
        widget.DelFlg.Should().Be(DelFlag.Alive);
        widget.Id.Should().HaveLength(NanoId.Length);
    }

    // ---- WidgetTypes ----

    [Theory]
    [InlineData("cpu", "核")]
    [InlineData("memory", "Mi")]
    [InlineData("disk", "Gi")]
    [InlineData("gpu", "卡")]
    [InlineData("GPU", "")]
    [InlineData("npu", "")]
    [InlineData("", "")]
    public void Quote_unit_is_fixed_per_type(string type, string unit)
    {
        WidgetTypes.QuoteUnit(type).Should().Be(unit);
    }

    [Fact]
    public void Quote_unit_of_memory_is_mi_even_when_the_widget_says_gi()
    {
        var memory = new Widget { Type = WidgetTypes.Memory, ResourceUnit = "Gi" };

        WidgetTypes.QuoteUnit(memory.Type).Should().Be("Mi");
    }

    [Theory]
    [InlineData("cpu", true)]
    [InlineData("memory", true)]
    [InlineData("disk", true)]
    [InlineData("gpu", true)]
    [InlineData("Cpu", false)]
    [InlineData("npu", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_the_four_fixed_types_are_valid(string? type, bool valid)
    {
        WidgetTypes.IsValid(type).Should().Be(valid);
    }

    [Fact]
    public void Types_are_listed_in_ascending_order()
    {
        WidgetTypes.All.Should().Equal("cpu", "disk", "gpu", "memory");
        WidgetTypes.All.Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    // ---- NanoId ----

    [Fact]
    public void NanoId_is_21_characters_of_the_url_alphabet()
    {
        NanoId.UrlAlphabet.Should().HaveLength(64).And.MatchRegex("^[A-Za-z0-9_-]+$");
        NanoId.UrlAlphabet.Distinct().Should().HaveCount(64);

        for (var i = 0; i < 1000; i++)
            NanoId.New().Should().HaveLength(21).And.MatchRegex("^[A-Za-z0-9_-]{21}$");
    }

    [Fact]
    public void NanoId_uses_the_whole_alphabet_and_does_not_repeat()
    {
        var ids = Enumerable.Range(0, 5000).Select(_ => NanoId.New()).ToList();

        ids.Should().OnlyHaveUniqueItems();
        // 105,000 characters: every one of the 64 symbols shows up (a miss has probability ~ 64·e^-1640).
        ids.SelectMany(id => id).Distinct().Should().BeEquivalentTo(NanoId.UrlAlphabet.ToCharArray());
    }

    [Fact]
    public void Kubernetes_name_is_21_lowercase_alphanumerics()
    {
        NanoId.KubernetesAlphabet.Should().Be("abcdefghijklmnopqrstuvwxyz0123456789");

        var names = Enumerable.Range(0, 5000).Select(_ => NanoId.NewKubernetesName()).ToList();

        names.Should().AllSatisfy(n => n.Should().HaveLength(21).And.MatchRegex("^[a-z0-9]{21}$"));
        names.Should().OnlyHaveUniqueItems();
        names.SelectMany(n => n).Distinct().Should().BeEquivalentTo(NanoId.KubernetesAlphabet.ToCharArray());
    }

    [Fact]
    public void Entities_get_a_fresh_nanoid()
    {
        var a = new Widget();
        var b = new Widget();

        a.Id.Should().MatchRegex("^[A-Za-z0-9_-]{21}$");
        a.Id.Should().NotBe(b.Id);
        WidgetClusterStock.Open(a.Id, "c", 0).Value!.Id.Should().HaveLength(21);
    }
}
