using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Identity;

namespace Kboss.Infrastructure;

/// <summary><see cref="IPlatformSettings"/> from <see cref="KbossOptions"/>.</summary>
public sealed class PlatformSettings(KbossOptions options) : IPlatformSettings
{
    /// <inheritdoc />
    public TimeZoneInfo TimeZone { get; } = ResolveTimeZone(options.TimeZone);
    public ThrottlePolicy AccountThrottle { get; } =
        Policy(options.AccountFreeFailures, options.AccountMaxDelaySeconds, options);
    public ThrottlePolicy AddressThrottle { get; } =
        Policy(options.AddressFreeFailures, options.AddressMaxDelaySeconds, options);
    public bool AllowAnonymousOrgOverride => options.AllowAnonymousOrgOverride;

    private static ThrottlePolicy Policy(int free, double maxSeconds, KbossOptions o) => new(Math.Max(1, free),
        TimeSpan.FromSeconds(o.ThrottleBaseDelaySeconds),
        TimeSpan.FromSeconds(Math.Max(o.ThrottleBaseDelaySeconds, maxSeconds)),
        TimeSpan.FromMinutes(o.ThrottleForgetAfterMinutes));

    /// <summary>Finds an IANA/Windows zone; without tzdata, the fixed UTC+8 of Asia/Shanghai.</summary>
    public static TimeZoneInfo ResolveTimeZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException) when (id == "Asia/Shanghai")
        {
            return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(8), id, id);
        }
    }
}
