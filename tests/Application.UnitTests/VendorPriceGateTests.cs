using Kboss.Application.Common;
using Kboss.Application.Vendors.Charges;
using Kboss.Domain.Finance;

namespace Kboss.Application.UnitTests;

/// <summary>The one gate of vendor prices and charge amounts (ADR 0041 addendum).</summary>
public sealed class VendorPriceGateTests
{
    [Theory]
    [InlineData("0", "0")]
    [InlineData("0.005", "0.01")]
    [InlineData("46.00", "46")]
    [InlineData("1049.325", "1049.33")]
    [InlineData(" 12.5 ", "12.5")]
    public void A_price_is_rounded_to_the_fen(string vendor, string list) =>
        Money.Normalize(VendorPricing.ListPrice(vendor, "百度云")).ToString(System.Globalization.CultureInfo
            .InvariantCulture).Should().Be(list);

    [Theory]
    [InlineData("0.001")]
    [InlineData("0.0049")]
    [InlineData("-0.01")]
    [InlineData("-5")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e400")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("10000000000000000000")]
    public void A_price_that_can_not_be_charged_is_upstream_failed_naming_the_vendor(string? vendor)
    {
        var refused = FluentActions.Invoking(() => VendorPricing.ListPrice(vendor, "百度云"))
            .Should().Throw<BusinessException>().Which;
        (refused.Code, refused.Message[..3]).Should().Be(("upstream_failed", "百度云"));
    }

    [Theory]
    [InlineData("0", null, false)]
    [InlineData("0", "0", false)]
    [InlineData("46", "50", false)]
    [InlineData("0", "0.01", true)]
    [InlineData("-1", "5", true)]
    [InlineData("0.001", "5", true)]
    public void A_charge_is_refused_when_its_amount_is_not_whole_fen_or_rounds_a_paid_price_away(string amount,
        string? list, bool refused) =>
        (VendorPricing.Refusal(Dec(amount), list is null ? null : Dec(list), "云厂商") is { Code: "upstream_failed" })
            .Should().Be(refused);

    private static decimal Dec(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Normalize_drops_the_scale_only()
    {
        Money.Normalize(46.0m).ToString(System.Globalization.CultureInfo.InvariantCulture).Should().Be("46");
        Money.Normalize(40.960m).ToString(System.Globalization.CultureInfo.InvariantCulture).Should().Be("40.96");
        Money.Normalize(46.0m).Should().Be(46m);
    }
}
