using Kboss.Domain.Catalog;
using Kboss.Domain.Common;
using Kboss.Domain.Finance;

namespace Kboss.Domain.UnitTests;

/// <summary>Every row of finance.md §4.5 and the price examples of §4.10.</summary>
public sealed class SalePricingTests
{
    private static readonly DateTime T0 = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    private static CustomerPriceConfig Config(string state, decimal value, int day = 0) => new(state, value, T0.AddDays(day));

    private static PriceLayers Discount(decimal? unified, params CustomerPriceConfig[] customer) =>
        new(SaleModes.Discount, unified, customer);

    private static PriceLayers Floor(decimal? unified, params CustomerPriceConfig[] customer) =>
        new(SaleModes.FloorPrice, unified, customer);

    // §4.5 row 1: discount products — approved customer discount > unified > 1.0, price = round2(L × d)
    [Fact]
    public void Discount_product_uses_the_approved_customer_discount_first()
    {
        var price = SalePricing.Price(Discount(0.9m, Config(ApprovalStates.Approved, 0.8m)), 1000m, 1).Value!;
        price.Amount.Should().Be(800m);
        price.Rate.Should().Be(new EffectiveRate(0.8m, PriceSources.Customer));
    }

    [Fact]
    public void Discount_product_without_a_customer_discount_uses_the_unified_discount()
    {
        var price = SalePricing.Price(Discount(0.9m), 1000m, 1).Value!;
        price.Amount.Should().Be(900m);
        price.Rate.Source.Should().Be(PriceSources.Unified);
    }

    [Fact]
    public void Discount_product_without_any_configuration_is_sold_at_the_list_price()
    {
        var price = SalePricing.Price(Discount(null), 1000m, 3).Value!;
        price.Amount.Should().Be(1000m);
        price.Rate.Should().Be(new EffectiveRate(null, PriceSources.Default));
    }

    [Fact]
    public void Rebate_products_follow_the_discount_rule()
    {
        var price = SalePricing.Price(new PriceLayers(SaleModes.Rebate, 0.95m, []), 200m, 1).Value!;
        price.Amount.Should().Be(190m);
    }

    // §4.5 row 2: floor-price products — approved customer price > unified price > L / quantity
    [Fact]
    public void Floor_price_product_uses_the_approved_customer_unit_price_times_quantity()
    {
        var price = SalePricing.Price(Floor(120m, Config(ApprovalStates.Approved, 110m)), 500m, 3).Value!;
        price.Amount.Should().Be(330m);
        price.Rate.Should().Be(new EffectiveRate(110m, PriceSources.Customer));
    }

    [Fact]
    public void Floor_price_product_without_a_customer_price_uses_the_unified_price()
    {
        SalePricing.Price(Floor(120m), 500m, 3).Value!.Amount.Should().Be(360m);
    }

    [Fact]
    public void Floor_price_product_without_any_price_is_sold_at_the_list_price()
    {
        SalePricing.Price(Floor(null), 500m, 3).Value!.Amount.Should().Be(500m);
    }

    // §4.5 row 3: pending and rejected configurations are ignored; the previous approved one stays in force
    [Fact]
    public void Pending_and_rejected_customer_configurations_are_ignored()
    {
        var layers = Discount(0.9m, Config(ApprovalStates.Pending, 0.7m, 2), Config(ApprovalStates.Rejected, 0.6m, 3));
        SalePricing.Price(layers, 1000m, 1).Value!.Amount.Should().Be(900m);
    }

    [Fact]
    public void A_pending_change_leaves_the_previous_approved_value_in_force_and_the_latest_approved_wins()
    {
        var layers = Discount(0.9m, Config(ApprovalStates.Approved, 0.85m, 1), Config(ApprovalStates.Approved, 0.8m, 2),
            Config(ApprovalStates.Pending, 0.75m, 3));
        SalePricing.Effective(layers).Should().Be(new EffectiveRate(0.8m, PriceSources.Customer));
        SalePricing.Price(Floor(null, Config(ApprovalStates.Rejected, 1m)), 50m, 2).Value!.Amount.Should().Be(50m);
    }

    // §4.5 row 4: floor validation at configuration time
    [Theory]
    [InlineData(0.85, 0.8, true)]
    [InlineData(0.8, 0.8, true)]
    [InlineData(0.79, 0.8, false)]
    [InlineData(0.5, null, true)]
    public void A_discount_below_the_cost_discount_is_refused(decimal discount, double? cost, bool ok)
    {
        var result = SalePricing.CheckDiscount(discount, (decimal?)cost);
        result.Ok.Should().Be(ok);
        if (!ok) result.Failure.Should().Be(new Failure(FailureKind.Conflict, SalePricing.BelowFloorMessage));
    }

    [Theory]
    [InlineData(100, 90, true)]
    [InlineData(90, 90, true)]
    [InlineData(89.99, 90, false)]
    public void A_unit_price_below_the_floor_price_is_refused(decimal price, decimal floor, bool ok)
    {
        var result = SalePricing.CheckUnitPrice(price, floor);
        result.Ok.Should().Be(ok);
        if (!ok) result.Failure!.Message.Should().Be("售价不能低于底价");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.1)]
    [InlineData(1.01)]
    public void Discounts_outside_0_to_1_are_invalid(decimal discount) =>
        SalePricing.CheckDiscount(discount, null).Failure!.Should()
            .Be(new Failure(FailureKind.InvalidArgument, SalePricing.BadDiscountMessage, "discount"));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1.001)]
    public void Unit_prices_must_be_positive_whole_fen(decimal price) =>
        SalePricing.CheckUnitPrice(price, null).Failure!.Kind.Should().Be(FailureKind.InvalidArgument);

    // §4.5 row 5: a reseller's own settings are floored by the reseller's cost (same check, the reseller's cost)
    [Fact]
    public void A_resellers_discount_is_floored_by_its_own_cost()
    {
        SalePricing.CheckDiscount(0.88m, 0.9m).Failure!.Message.Should().Be(SalePricing.BelowFloorMessage);
        SalePricing.CheckDiscount(0.92m, 0.9m).Ok.Should().BeTrue();
    }

    // §4.5 row 6: rounding half away from zero
    [Fact]
    public void The_spec_rounding_example_1234_50_at_0_85_is_1049_33()
    {
        SalePricing.Price(Discount(0.85m), 1234.50m, 1).Value!.Amount.Should().Be(1049.33m);
    }

    // §4.10 #3: the range "0.9,0.98" holds valid multiplier discounts
    [Theory]
    [InlineData(0.9)]
    [InlineData(0.98)]
    public void The_range_example_discounts_are_valid_and_price_as_multipliers(decimal discount)
    {
        SalePricing.CheckDiscount(discount, null).Ok.Should().BeTrue();
        SalePricing.Price(Discount(discount), 100m, 1).Value!.Amount.Should().Be(100m * discount);
    }

    // §4.10 #6: fractional prices such as 0.005 元/Gi give fractional amounts, kept as decimals with 2 places
    [Fact]
    public void Fractional_list_prices_are_priced_in_decimals_rounded_to_fen()
    {
        SalePricing.Price(Discount(0.9m), 512 * 0.005m, 1).Value!.Amount.Should().Be(2.3m);  // 2.56 × 0.9 = 2.304
        SalePricing.Price(Discount(null), 0.005m, 1).Value!.Amount.Should().Be(0.01m);       // half away from zero
    }

    [Fact]
    public void Bad_lines_are_refused()
    {
        SalePricing.Price(Discount(null), -1m, 1).Ok.Should().BeFalse();
        SalePricing.Price(Discount(null), 1m, 0).Ok.Should().BeFalse();
    }
}
