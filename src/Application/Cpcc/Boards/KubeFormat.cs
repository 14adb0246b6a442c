using System.Globalization;

namespace Kboss.Application.Cpcc.Boards;

/// <summary>kubectl's display conventions shared by the boards and the pcapi lists (analysis/cpcc.md §2.7).</summary>
public static class KubeFormat
{
    /// <summary>
    /// kubectl's human age (<c>duration.HumanDuration</c>): <c>45s</c>, <c>5m30s</c>, <c>16h</c>, <c>5d18h</c>, <c>70d</c>,
    /// <c>2y10d</c>; <c>""</c> when <paramref name="createdUtc"/> is unknown.
    /// </summary>
    public static string Age(DateTime? createdUtc, DateTime nowUtc)
    {
        if (createdUtc is null) return "";
        var d = nowUtc - createdUtc.Value;
        var seconds = (long)Math.Floor(d.TotalSeconds);
        if (seconds < -1) return "<invalid>";
        if (seconds < 0) return "0s";
        if (seconds < 120) return $"{seconds}s";
        var minutes = seconds / 60;
        if (minutes < 10) return seconds % 60 == 0 ? $"{minutes}m" : $"{minutes}m{seconds % 60}s";
        if (minutes < 180) return $"{minutes}m";
        var hours = minutes / 60;
        if (hours < 8) return minutes % 60 == 0 ? $"{hours}h" : $"{hours}h{minutes % 60}m";
        if (hours < 48) return $"{hours}h";
        if (hours < 24 * 8) return hours % 24 == 0 ? $"{hours / 24}d" : $"{hours / 24}d{hours % 24}h";
        if (hours < 24 * 365 * 2) return $"{hours / 24}d";
        if (hours < 24 * 365 * 8)
        {
            var days = hours / 24 % 365;
            return days == 0 ? $"{hours / 24 / 365}y" : $"{hours / 24 / 365}y{days}d";
        }
        return $"{hours / 24 / 365}y";
    }

    /// <summary>
    /// <paramref name="value"/> rounded half to even (Python's <c>"{:.Nf}"</c> on an exact tie, analysis/cpcc.md §4.9)
    /// with exactly <paramref name="decimals"/> decimals, invariant culture.
    /// </summary>
    public static string Fixed(decimal value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.ToEven).ToString("F" + decimals, CultureInfo.InvariantCulture);

    /// <summary>A CPU quantity from millicores in Kubernetes' canonical form: <c>2</c>, <c>1500m</c>, <c>250m</c>.</summary>
    public static string Cpu(long milli) =>
        milli % 1000 == 0 ? (milli / 1000).ToString(CultureInfo.InvariantCulture) : $"{milli}m";

    /// <summary>A memory quantity from Mi: <c>5Gi</c> when whole Gi, else <c>512Mi</c>.</summary>
    public static string Memory(long mi) =>
        mi != 0 && mi % 1024 == 0 ? $"{mi / 1024}Gi" : $"{mi}Mi";
}
