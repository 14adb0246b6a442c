namespace Kboss.Domain.Lease;

/// <summary>
/// Rates of the lease reports, in percent with 2 decimals (MidpointRounding.AwayFromZero), 0 when the total is 0
/// (lease.md §4.6, §4.7). Each rate is rounded on its own, so rates of one total may add up to 99.99 or 100.01.
/// </summary>
public static class LeaseRates
{
    /// <summary>round(100 × <paramref name="part"/> / <paramref name="total"/>, 2).</summary>
    public static decimal Percent(long part, long total) =>
        total <= 0 ? 0m : Math.Round(100m * part / total, 2, MidpointRounding.AwayFromZero);
}

/// <summary>
/// Units of module 20 at one moment (lease.md §4.7): <see cref="Idle"/> the sellable stock, <see cref="Locked"/> the
/// units of status-0 locks, <see cref="Rented"/> those of status-1 orders (released and expired orders count nowhere);
/// total = idle + locked + rented. A provider's figures are the sums of its records (weighted by units).
/// </summary>
/// <param name="Idle">Sellable units.</param>
/// <param name="Locked">Locked units.</param>
/// <param name="Rented">Rented units.</param>
public sealed record LeaseUnitCounts(long Idle, long Locked, long Rented)
{
    /// <summary>No units.</summary>
    public static readonly LeaseUnitCounts None = new(0, 0, 0);

    /// <summary>All units.</summary>
    public long Total => Idle + Locked + Rented;
    /// <summary>空闲率.</summary>
    public decimal IdleRate => LeaseRates.Percent(Idle, Total);
    /// <summary>租售率 (locked units are not rented).</summary>
    public decimal RentRate => LeaseRates.Percent(Rented, Total);
    /// <summary>Share of locked units.</summary>
    public decimal LockedRate => LeaseRates.Percent(Locked, Total);

    /// <summary>The sum of two counts.</summary>
    public static LeaseUnitCounts operator +(LeaseUnitCounts a, LeaseUnitCounts b) =>
        new(a.Idle + b.Idle, a.Locked + b.Locked, a.Rented + b.Rented);
}
