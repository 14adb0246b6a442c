using Kboss.Domain.Lease;

namespace Kboss.Domain.UnitTests;

/// <summary>The rates of lease.md §4.6 and §4.7: 2 decimals away from zero, weighted by units, 0 without
/// units.</summary>
public sealed class LeaseRateTests
{
    [Theory]
    [InlineData(5, 16, 31.25)]  // §3B.16's provider example: idle 5 of 16
    [InlineData(9, 16, 56.25)]  // rented 9 of 16
    [InlineData(2, 16, 12.50)]  // locked 2 of 16
    [InlineData(1, 3, 33.33)]
    [InlineData(2, 3, 66.67)]
    [InlineData(1, 32, 3.13)]   // 3.125: away from zero, not to even (3.12)
    [InlineData(1, 160, 0.63)]  // 0.625
    [InlineData(0, 5, 0)]
    [InlineData(5, 5, 100)]
    [InlineData(3, 0, 0)]       // no devices: 0, not a division by zero
    public void Percent_rounds_to_two_decimals_away_from_zero(long part, long total, double expected) =>
        LeaseRates.Percent(part, total).Should().Be((decimal)expected);

    [Fact]
    public void Unit_counts_give_the_three_rates_of_the_product_example()
    {
        var c = new LeaseUnitCounts(Idle: 5, Locked: 2, Rented: 3); // §3B.17: total 10
        (c.Total, c.IdleRate, c.RentRate, c.LockedRate).Should().Be((10L, 50m, 30m, 20m));
    }

    [Fact]
    public void A_provider_sums_units_and_does_not_average_product_rates()
    {
        var all = new LeaseUnitCounts(5, 2, 3) + new LeaseUnitCounts(0, 0, 6);
        (all.Total, all.IdleRate, all.RentRate, all.LockedRate).Should().Be((16L, 31.25m, 56.25m, 12.50m));
        ((50m + 0m) / 2).Should().NotBe(all.IdleRate); // the average of the two products' idle rates is 25
    }

    [Fact]
    public void Separately_rounded_rates_may_add_up_to_99_99()
    {
        var c = new LeaseUnitCounts(1, 1, 1);
        (c.IdleRate + c.RentRate + c.LockedRate).Should().Be(99.99m);
        LeaseUnitCounts.None.IdleRate.Should().Be(0m);
    }
}
