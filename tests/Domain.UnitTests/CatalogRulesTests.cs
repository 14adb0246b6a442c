using Kboss.Domain.Catalog;

namespace Kboss.Domain.UnitTests;

public sealed class CatalogRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(5.0, 1)]
    [InlineData(24.0, 1)]
    [InlineData(24.5, 2)]
    [InlineData(60.0, 3)]
    [InlineData(168.0, 7)]
    public void Days_left_are_rounded_up(double hours, int days) => CatalogRules.DaysLeft(Now.AddHours(hours), Now).Should().Be(days);

    [Theory]
    [InlineData("350000", "0.9", "315000")]
    [InlineData("120000.5", "0.8", "96000.4")]
    [InlineData("100", "0.333", "33.3")]
    public void Discount_price_is_rounded_to_cents(string price, string discount, string expected) =>
        CatalogRules.DiscountPrice(decimal.Parse(price), decimal.Parse(discount)).Should().Be(decimal.Parse(expected));

    [Fact]
    public void The_15_product_groups_keep_the_documented_order() =>
        ProductGroups.All.Should().HaveCount(15).And.StartWith("大数据平台").And.EndWith("智能短信");
}
