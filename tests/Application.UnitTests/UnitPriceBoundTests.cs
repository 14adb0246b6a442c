using Kboss.Application.Cpcc.Widgets;

namespace Kboss.Application.UnitTests;

/// <summary>
/// unit_price is <c>decimal(19,6)</c> on both providers: a price must fit it (below 10^13, at most 6 decimals), or the
/// SQL Server insert fails with an arithmetic overflow instead of a clear <c>status:false</c>.
/// </summary>
public sealed class UnitPriceBoundTests
{
    private static AddWidget Add(string unitPrice) => new()
    {
        Cpcid = "c", Clusterid = "k", Type = "cpu", ResourceUnit = "核", UnitPrice = unitPrice,
        ChargeUnit = "小时", AccountUnit = "元",
    };

    [Theory]
    [InlineData("0", true)]
    [InlineData("0.0002", true)]
    [InlineData("9999999999999.999999", true)]
    [InlineData("10000000000000", false)]
    [InlineData("12345678901234.5678", false)]
    [InlineData("0.0000001", false)]
    [InlineData("-1", false)]
    public void Add_accepts_only_prices_that_fit_decimal_19_6(string unitPrice, bool valid)
    {
        new AddWidgetValidator().Validate(Add(unitPrice)).IsValid.Should().Be(valid);
    }

    [Theory]
    [InlineData("9999999999999.999999", true)]
    [InlineData("10000000000000", false)]
    [InlineData("0.0000001", false)]
    public void Update_accepts_only_prices_that_fit_decimal_19_6(string unitPrice, bool valid)
    {
        new UpdateWidgetPriceValidator().Validate(new UpdateWidgetPrice { Id = "w", Cpcid = "c", UnitPrice = unitPrice })
            .IsValid.Should().Be(valid);
    }
}
