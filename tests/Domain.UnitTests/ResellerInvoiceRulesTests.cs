using Kboss.Domain.Catalog;
using Kboss.Domain.Common;
using Kboss.Domain.Finance;

namespace Kboss.Domain.UnitTests;

/// <summary>Reseller modes, floors and economics (finance.md §3.4, §4.5 row 4, §4.7); domains; invoice rules (§4.8).</summary>
public sealed class ResellerInvoiceRulesTests
{
    [Fact]
    public void The_mode_follows_the_values_given_and_both_are_refused()
    {
        SalePricing.ResellerMode(0.9m, null).Value.Should().Be(SaleModes.Discount);
        SalePricing.ResellerMode(null, 95m).Value.Should().Be(SaleModes.FloorPrice);
        SalePricing.ResellerMode(null, null).Value.Should().Be(SaleModes.Rebate);
        SalePricing.ResellerMode(0.9m, 95m).Failure.Should()
            .Be(new Failure(FailureKind.InvalidArgument, SalePricing.BothGivenMessage, "price"));
    }

    [Theory]
    [InlineData(SaleModes.Discount, "0.8", SaleModes.Discount, "0.8", null)] // equal to cost: allowed
    [InlineData(SaleModes.Discount, "0.79", SaleModes.Discount, "0.8", "售价不能低于底价")]
    [InlineData(SaleModes.Discount, "0.85", SaleModes.Rebate, "0.8", null)] // rebate products are discount-priced
    [InlineData(SaleModes.Discount, "1.01", SaleModes.Discount, null, "折扣必须大于0且不大于1")]
    [InlineData(SaleModes.Discount, "0.9", SaleModes.FloorPrice, null, "底价产品请配置底价(price)")]
    [InlineData(SaleModes.FloorPrice, "89.99", SaleModes.FloorPrice, "90", "售价不能低于底价")]
    [InlineData(SaleModes.FloorPrice, "90", SaleModes.FloorPrice, "90", null)]
    [InlineData(SaleModes.FloorPrice, "90.001", SaleModes.FloorPrice, null, "售价必须大于0")]
    [InlineData(SaleModes.FloorPrice, "95", SaleModes.Discount, null, "折扣产品请配置折扣(discount)")]
    [InlineData(SaleModes.Rebate, "0.1", SaleModes.Discount, "0.8", null)]
    [InlineData(SaleModes.Rebate, "0.2", SaleModes.Discount, "0.8", null)] // keeps 0.8 of the list price = cost
    [InlineData(SaleModes.Rebate, "0.21", SaleModes.Discount, "0.8", "售价不能低于底价")]
    [InlineData(SaleModes.Rebate, "0.9999", SaleModes.Discount, "0.8", "售价不能低于底价")] // review finding
    [InlineData(SaleModes.Rebate, null, SaleModes.FloorPrice, "90", null)]
    [InlineData(SaleModes.Rebate, "1", SaleModes.Discount, null, "回佣比例必须不小于0且小于1")]
    public void A_reseller_rate_obeys_the_floor_rules_of_sale_prices(string mode, string? value, string productMode,
        string? floor, string? refusal)
    {
        var result = SalePricing.CheckResellerRate(new ResellerRate(mode, value is null ? null : decimal.Parse(value)),
            productMode, floor is null ? null : decimal.Parse(floor));
        result.Failure?.Message.Should().Be(refusal);
        if (refusal is null) result.Ok.Should().BeTrue();
    }

    [Fact]
    public void The_reseller_cost_of_each_mode_is_rounded_half_away_from_zero()
    {
        var line = new ResellerLine(Amount: 1100m, ProviderAmt: 1234.50m, Quantity: 3);
        SalePricing.ResellerCost(line, new ResellerRate(SaleModes.Discount, 0.85m)).Should().Be(1049.33m);
        SalePricing.ResellerCost(line, new ResellerRate(SaleModes.FloorPrice, 95.555m)).Should().Be(286.67m);
        SalePricing.ResellerCost(line, new ResellerRate(SaleModes.Rebate, 0.1m)).Should().Be(990m);
        SalePricing.ResellerCost(line, new ResellerRate(SaleModes.Rebate, null)).Should().Be(1100m);
        SalePricing.ResellerCost(line, null).Should().Be(1100m);
        SalePricing.ResellerCost(line with { ProviderAmt = null }, new ResellerRate(SaleModes.Discount, 0.5m))
            .Should().Be(550m);
        // a refund of 5 of a 100 purchase at floor 95 gives back 5% of the cost
        SalePricing.ResellerCost(new ResellerLine(100m, 100m, 1), new ResellerRate(SaleModes.FloorPrice, 95m), 0.05m)
            .Should().Be(4.75m);
    }

    [Theory]
    [InlineData("https://Xterm.KaiyuanCloud.cn:443/login?a=1", "xterm.kaiyuancloud.cn")]
    [InlineData("xterm.kaiyuancloud.cn.", "xterm.kaiyuancloud.cn")]
    [InlineData("bad domain!", null)]
    [InlineData("-x.cn", null)]
    [InlineData("", null)]
    public void Domains_are_normalised(string value, string? expected) =>
        Reseller.NormalizeDomain(value).Should().Be(expected);

    [Theory]
    [InlineData("https://kaiytuancloud.cn/domain/xterm.kaiyuancloud.cn", "xterm.kaiyuancloud.cn")]
    [InlineData("https://xterm.kaiyuancloud.cn/#/home", "xterm.kaiyuancloud.cn")]
    [InlineData("https://kaiyuancloud.cn/domain/", null)]
    public void A_page_address_names_the_host_after_domain_else_its_own(string link, string? host) =>
        Reseller.HostOfLink(link).Should().Be(host);

    [Fact]
    public void Updating_white_label_info_keeps_absent_fields_clears_empty_ones_and_deleting_frees_the_domain()
    {
        var row = Reseller.Open("org");
        row.Update("a.example.cn", "https://cdn/logo.png", "京ICP备1号", null).Ok.Should().BeTrue();
        row.Update(null, "", null, null).Ok.Should().BeTrue();
        (row.DomainName, row.Logo, row.LicenseNumber).Should().Be(("a.example.cn", null, "京ICP备1号"));
        row.Update("not a host", null, null, null).Failure!.Message.Should().Be(Reseller.BadDomainMessage);
        row.DomainName.Should().Be("a.example.cn");
        row.Delete();
        row.DelFlg.Should().Be(DelFlag.Deleted);
        row.DomainName.Should().BeNull();
    }

    private static InvoiceFields Special(string? taxNo = "91110000MA01ABCD2X") =>
        new("HT-1", InvoiceFields.Special, "开元云", taxNo, "工商银行", "6222000011112222", "01012345678", "张三",
            "北京市海淀区", "100080", InvoiceFields.Enterprise);

    [Fact]
    public void Invoice_info_rules()
    {
        Special().Check().Ok.Should().BeTrue();
        Special(taxNo: null).Check().Failure!.Param.Should().Be("tax_no");
        Special(taxNo: "tax_no").Check().Failure!.Message.Should().Be("税号须为15到20位字母或数字");
        (Special() with { BankName = " " }).Check().Failure!.Param.Should().Be("bank_name");
        (Special() with { InvoiceType = 3 }).Check().Failure!.Param.Should().Be("invoice_type");
        (Special() with { TitleType = 0 }).Check().Failure!.Param.Should().Be("title_type");
        new InvoiceFields(null, InvoiceFields.Ordinary, null, null, null, null, null, null, null, null,
            InvoiceFields.Personal).Check().Ok.Should().BeTrue();
    }

    [Fact]
    public void An_application_is_decided_once()
    {
        InvoiceApplication.Open("o", "m", "c", "u", "n", 0m, 1, "{}").Failure.Should().NotBeNull();
        InvoiceApplication.Open("o", "m", "c", "u", "n", 10m, 0, "{}").Failure!.Param.Should().Be("recharge_id");
        var app = InvoiceApplication.Open("o", "m", "c", "u", "n", 1500m, 2, "{}").Value!;
        InvoiceApplication.HoldsRecords(app.State).Should().BeTrue();
        app.Decide(approved: true).Ok.Should().BeTrue();
        app.State.Should().Be(InvoiceApplicationStates.Approved);
        InvoiceApplication.HoldsRecords(app.State).Should().BeTrue();
        app.Decide(approved: false).Failure!.Message.Should().Be(InvoiceApplication.NotPendingMessage);
        app.SendFailed("x").Ok.Should().BeFalse();

        var refused = InvoiceApplication.Open("o", "m", "c", "u", "n", 1m, 1, "{}").Value!;
        refused.Decide(approved: false).Ok.Should().BeTrue();
        InvoiceApplication.HoldsRecords(refused.State).Should().BeFalse();
        var failed = InvoiceApplication.Open("o", "m", "c", "u", "n", 1m, 1, "{}").Value!;
        failed.SendFailed("未配置审批密钥").Ok.Should().BeTrue();
        (failed.State, failed.FailureReason).Should().Be((InvoiceApplicationStates.SendFailed, "未配置审批密钥"));
        failed.Decide(approved: true).Ok.Should().BeFalse();
    }
}
