namespace Kboss.Application.Lease;

/// <summary>
/// Settings of both lease modules (section <c>Lease</c>, ADR 0036): the expiry-warning window (lease.md §4.12) and the
/// lock time-outs of §4.2.
/// </summary>
/// <param name="WarningDays">Warn when 0 ≤ end − today ≤ this (default 7).</param>
/// <param name="LockTtlMinutes">A lock without an order is released after this (default 15).</param>
/// <param name="OrderPayTimeoutMinutes">A lock bound to an order is released this long after binding (default
/// 30).</param>
/// <param name="AllowRunAsOf">
/// <c>Lease:AllowRunAsOf</c> (default false; a warning is logged at start-up when on, ADR 0039): the
/// admin-only job endpoints <c>update_stock</c> and <c>expiration_warning</c> accept <c>as_of</c>, a later platform
/// date the run treats as today, so a walk-through sees a lease end without waiting for midnight.
/// </param>
public sealed record LeaseSettings(int WarningDays = 7, int LockTtlMinutes = 15, int OrderPayTimeoutMinutes = 30,
    bool AllowRunAsOf = false)
{
    /// <summary>Lock life without an order.</summary>
    public TimeSpan LockTtl => TimeSpan.FromMinutes(LockTtlMinutes);
    /// <summary>Lock life after binding an order.</summary>
    public TimeSpan PayTimeout => TimeSpan.FromMinutes(OrderPayTimeoutMinutes);
}
