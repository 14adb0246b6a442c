using Kboss.Domain.Common;
using Kboss.Domain.Cpcc;

namespace Kboss.Domain.UnitTests;

/// <summary>Every state change of a widget and its stock entries, allowed and refused (analysis/cpcc.md §3.E, §4.2).</summary>
public sealed class WidgetTransitionTests
{
    private static Widget Gpu(long stock = 4) =>
        Widget.Create("centre", WidgetTypes.Gpu, "A100-80G", "卡", 1.5m, "小时", "元", "c1", stock).Value!;

    [Fact]
    public void Create_sets_the_fields_price_and_one_stock_entry()
    {
        var w = Widget.Create("centre", WidgetTypes.Gpu, "A100-80G", "卡", 1.5m, "天", "角", "c1", 4);
        w.Ok.Should().BeTrue();
        var widget = w.Value!;
        (widget.Cpcid, widget.Type, widget.Model, widget.ResourceUnit, widget.UnitPrice, widget.ChargeUnit, widget.AccountUnit)
            .Should().Be(("centre", "gpu", "A100-80G", "卡", 1.5m, "天", "角"));
        widget.Stocks.Should().ContainSingle().Which.Should().Match<WidgetClusterStock>(s =>
            s.WidgetId == widget.Id && s.ClusterId == "c1" && s.Stock == 4 && s.Consumed == 0);
        Widget.Create("centre", WidgetTypes.Gpu, "A100-80G", "卡", 1.5m, "小时", "元", "c1", 0).Value!.TotalStock.Should().Be(0);
    }

    [Fact]
    public void Create_refuses_a_negative_stock_and_a_bad_price()
    {
        Widget.Create("c", WidgetTypes.Cpu, "X", "核", 1m, "小时", "元", "c1", -1).Failure.Should()
            .Be(new Failure(FailureKind.InsufficientStock, WidgetClusterStock.NothingToReduceMessage));
        Widget.Create("c", WidgetTypes.Cpu, "X", "核", -0.01m, "小时", "元", "c1", 1).Failure!.Kind.Should()
            .Be(FailureKind.InvalidArgument);
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("0.000001", true)]
    [InlineData("9999999999999.999999", true)]
    [InlineData("10000000000000", false)]
    [InlineData("-0.000001", false)]
    public void Change_price_accepts_zero_up_to_below_ten_to_the_thirteen(string price, bool ok)
    {
        var w = Gpu();
        var value = decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture);
        var result = w.ChangePrice(value);
        result.Ok.Should().Be(ok);
        w.UnitPrice.Should().Be(ok ? value : 1.5m);
        if (!ok) result.Failure.Should().Be(new Failure(FailureKind.InvalidArgument, Widget.BadPriceMessage, "unit_price"));
    }

    [Fact]
    public void Add_stock_adds_to_the_entry_or_opens_one()
    {
        var w = Gpu(4);
        w.AddStock("c1", 3).Ok.Should().BeTrue();
        w.AddStock("c1", -2).Ok.Should().BeTrue();
        w.AddStock("c2", 6).Ok.Should().BeTrue();
        w.Stocks.Select(s => (s.ClusterId, s.Stock)).Should().Equal(("c1", 5L), ("c2", 6L));
    }

    [Fact]
    public void Add_stock_refuses_reducing_a_missing_entry_below_zero_below_consumed_or_above_the_maximum()
    {
        var w = Gpu(4);
        w.AddStock("c2", -1).Failure.Should().Be(new Failure(FailureKind.InsufficientStock, WidgetClusterStock.NothingToReduceMessage));
        w.AddStock("c1", -5).Failure.Should().Be(new Failure(FailureKind.InsufficientStock, WidgetClusterStock.BelowConsumedMessage));
        w.Stocks[0].Consume(3).Ok.Should().BeTrue();
        w.AddStock("c1", -2).Failure!.Kind.Should().Be(FailureKind.InsufficientStock);
        w.AddStock("c1", -1).Ok.Should().BeTrue(); // exactly down to what is consumed
        w.AddStock("c1", WidgetClusterStock.MaxStock).Failure.Should()
            .Be(new Failure(FailureKind.InvalidArgument, $"库存超出上限 {WidgetClusterStock.MaxStock}"));
        w.AddStock("c3", WidgetClusterStock.MaxStock + 1).Failure!.Kind.Should().Be(FailureKind.InvalidArgument);
        w.Stocks.Select(s => (s.ClusterId, s.Stock, s.Consumed)).Should().Equal(("c1", 3L, 3L));
    }

    [Theory]
    [InlineData(4, 0, -4, true)]
    [InlineData(4, 0, -5, false)]
    [InlineData(4, 2, -2, true)]
    [InlineData(4, 2, -3, false)]
    [InlineData(4, 0, 999_999_999_999_996, true)]
    [InlineData(4, 0, 999_999_999_999_997, false)]
    public void The_sql_rule_and_the_entity_agree(long stock, long consumed, long amount, bool allowed)
    {
        var w = Gpu(stock);
        if (consumed > 0) w.Stocks[0].Consume(consumed).Ok.Should().BeTrue();
        WidgetClusterStock.CanAdjustBy(amount).Compile()(w.Stocks[0]).Should().Be(allowed);
        w.AddStock("c1", amount).Ok.Should().Be(allowed);
        w.Stocks[0].Stock.Should().Be(allowed ? stock + amount : stock);
    }

    [Fact]
    public void Consume_stays_within_the_stock_and_release_never_goes_below_zero()
    {
        var s = Gpu(4).Stocks[0];
        s.Consume(3).Ok.Should().BeTrue();
        s.Consume(2).Failure!.Kind.Should().Be(FailureKind.InsufficientStock);
        s.Consume(0).Failure!.Kind.Should().Be(FailureKind.InvalidArgument);
        s.Consume(1).Ok.Should().BeTrue();
        s.Consumed.Should().Be(4);
        s.Release(3);
        s.Consumed.Should().Be(1);
        s.Release(5);
        s.Consumed.Should().Be(0);
    }

    [Fact]
    public void Delete_is_refused_while_stock_is_consumed()
    {
        var w = Gpu(4);
        w.Stocks[0].Consume(1).Ok.Should().BeTrue();
        w.Delete().Failure.Should().Be(new Failure(FailureKind.Conflict, Widget.StillConsumedMessage));
        w.DelFlg.Should().Be(DelFlag.Alive);
        w.Stocks[0].Release(1);
        w.Delete().Ok.Should().BeTrue();
        w.DelFlg.Should().Be(DelFlag.Deleted);
    }

    [Fact]
    public void A_snapshot_is_an_immutable_copy_with_the_same_availability()
    {
        var w = Gpu(4);
        w.AddStock("c2", 6).Ok.Should().BeTrue();
        w.Stocks[1].Consume(2).Ok.Should().BeTrue();
        var snap = w.ToSnapshot();
        (snap.Id, snap.Type, snap.Model, snap.UnitPrice).Should().Be((w.Id, w.Type, w.Model, w.UnitPrice));
        foreach (var cluster in new string?[] { null, "", "c1", "c2", "none" })
            snap.Available(cluster).Should().Be(w.Available(cluster));
        w.AddStock("c1", 10).Ok.Should().BeTrue();
        snap.Available("c1").Should().Be(4, "the copy does not follow later changes");
    }

    // ---- PricingRules.CheckLine: typed failures of a quote line ----

    private static readonly IReadOnlyList<WidgetSnapshot> Catalog =
    [
        new("g1", "c", WidgetTypes.Gpu, "A100", 1m, "小时", "元", [new StockSnapshot("k1", 3, 1), new StockSnapshot("k2", 5, 0)]),
    ];

    [Fact]
    public void Check_line_kinds_follow_the_documented_order()
    {
        var requested = new Dictionary<string, long>();
        PricingRules.CheckLine("cpu", "X", 1, "1", Catalog, null, requested).Failure.Should()
            .Be(new Failure(FailureKind.InvalidArgument, "没有该类型组件"));
        PricingRules.CheckLine("gpu", "H800", 1, "1", Catalog, null, requested).Failure.Should()
            .Be(new Failure(FailureKind.InvalidArgument, "无效的 gpu 部件型号: H800"));
        PricingRules.CheckLine("gpu", "A100", null, "-1", Catalog, null, requested).Failure.Should()
            .Be(new Failure(FailureKind.InvalidArgument, "无效的 gpu 部件数量: -1"));
        PricingRules.CheckLine("gpu", "A100", 3, "3", Catalog, "k1", requested).Failure.Should()
            .Be(new Failure(FailureKind.InsufficientStock, "gpu A100 库存不足 (库存: 2, 请求: 3)"));
        requested.Should().BeEmpty();
    }

    [Fact]
    public void Check_line_counts_repeated_widgets_together()
    {
        var requested = new Dictionary<string, long>();
        PricingRules.CheckLine("gpu", "A100", 4, "4", Catalog, null, requested).Value!.Id.Should().Be("g1");
        PricingRules.CheckLine("gpu", "A100", 4, "4", Catalog, null, requested).Failure!.Message.Should()
            .Be("gpu A100 库存不足 (库存: 7, 请求: 8)");
        requested["g1"].Should().Be(4);
        PricingRules.CheckLine("gpu", "A100", 3, "3", Catalog, null, requested).Ok.Should().BeTrue();
        requested["g1"].Should().Be(7);
        PricingRules.Overflow("disk", "DATA").Should().Be(new Failure(FailureKind.InvalidArgument, "disk DATA 计价金额超出范围"));
    }
}
