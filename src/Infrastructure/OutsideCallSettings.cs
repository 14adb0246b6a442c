using System.Globalization;
using Kboss.Application.Common.OutsideCalls;
using Microsoft.Extensions.Configuration;

namespace Kboss.Infrastructure;

/// <summary>Reads <see cref="OutsideCallOptions"/> from configuration section <c>OutsideCalls</c> (ADR 0015).</summary>
public static class OutsideCallSettings
{
    /// <summary><c>OutsideCalls:CallTimeoutSeconds</c> (default 60) and <c>OutsideCalls:ReconcileGraceSeconds</c>
    /// (default
    /// 300, never below the call time-out plus 30 s).</summary>
    public static OutsideCallOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("OutsideCalls");
        var timeout = Seconds(section["CallTimeoutSeconds"]) ?? OutsideCallOptions.Default.CallTimeout;
        var grace = Seconds(section["ReconcileGraceSeconds"]) ?? OutsideCallOptions.Default.ReconcileGrace;
        var floor = timeout + TimeSpan.FromSeconds(30);
        return new OutsideCallOptions(timeout, grace < floor ? floor : grace);
    }

    private static TimeSpan? Seconds(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0
            ? TimeSpan.FromSeconds(s) : null;
}
