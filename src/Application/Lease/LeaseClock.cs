using Kboss.Application.Common.Interfaces;

namespace Kboss.Application.Lease;

/// <summary>"Now" (UTC) and "today" in the platform time zone (lease.md §0.2 item 6, §4.5).</summary>
public sealed class LeaseClock(TimeProvider clock, IPlatformSettings platform)
{
    /// <summary>Current instant, UTC.</summary>
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The platform date of <see cref="Now"/>.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(Now, platform.TimeZone));
}
