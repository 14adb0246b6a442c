using Kboss.Application.Common.Interfaces;

namespace Kboss.Infrastructure;

/// <summary><see cref="IPlatformSettings"/> from <see cref="KbossOptions"/>.</summary>
public sealed class PlatformSettings(KbossOptions options) : IPlatformSettings
{
    /// <inheritdoc />
    public TimeZoneInfo TimeZone { get; } = ResolveTimeZone(options.TimeZone);
    public int MaxFailedLogins => options.MaxFailedLogins;
    public TimeSpan LockoutDuration => TimeSpan.FromMinutes(options.LockoutMinutes);
    public bool AllowAnonymousOrgOverride => options.AllowAnonymousOrgOverride;

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
