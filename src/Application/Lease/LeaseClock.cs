using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Validation;

namespace Kboss.Application.Lease;

/// <summary>"Now" (UTC) and "today" in the platform time zone (lease.md §0.2 item 6, §4.5).</summary>
public sealed class LeaseClock(TimeProvider clock, IPlatformSettings platform)
{
    /// <summary>Current instant, UTC.</summary>
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The platform date of <see cref="Now"/>.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(Now, platform.TimeZone));

    /// <summary>
    /// The day a job run treats as today: <see cref="Today"/>, or <paramref name="asOf"/> (not before today) when
    /// <see cref="LeaseSettings.AllowRunAsOf"/> is on; refused (参数错误 on <c>as_of</c>) when it is off.
    /// </summary>
    public DateOnly RunDate(string? asOf, LeaseSettings settings)
    {
        if (string.IsNullOrWhiteSpace(asOf)) return Today;
        if (!settings.AllowRunAsOf)
            throw RequestValidationException.For("as_of", "as_of 未启用(Lease:AllowRunAsOf)");
        var day = RuleExtensions.ToDate(asOf)!.Value;
        if (day < Today) throw RequestValidationException.For("as_of", "as_of 不能早于今天");
        return day;
    }
}
