namespace Kboss.Infrastructure;

/// <summary>
/// Configuration of kboss (README, "Configuration"). Bound from the sections named in each property; every value
/// can also come from an environment variable (<c>Kboss__TimeZone</c>, <c>Auth__JwtSigningKey</c>, …).
/// </summary>
public sealed class KbossOptions
{
    /// <summary><c>Database:Provider</c>: <c>Sqlite</c> (default) or <c>SqlServer</c>.</summary>
    public string DatabaseProvider { get; set; } = "Sqlite";
    /// <summary><c>ConnectionStrings:Kboss</c>; default <c>Data Source={DataFolder}/kboss.db</c> for SQLite.</summary>
    public string? ConnectionString { get; set; }
    /// <summary><c>Kboss:DataFolder</c>: database file, Data Protection keys, generated JWT key (default <c>data</c>).</summary>
    public string DataFolder { get; set; } = "data";
    /// <summary><c>Kboss:TimeZone</c>: platform time zone, IANA id (default <c>Asia/Shanghai</c>).</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";
    /// <summary><c>Auth:JwtSigningKey</c>: HMAC key, ≥ 32 bytes; when empty one is generated into the data folder.</summary>
    public string? JwtSigningKey { get; set; }
    /// <summary><c>Auth:TokenLifetimeHours</c> (default 12).</summary>
    public double TokenLifetimeHours { get; set; } = 12;
    /// <summary><c>Auth:Throttle:AccountFreeFailures</c>: failures of one account before it waits (5).</summary>
    public int AccountFreeFailures { get; set; } = 5;
    /// <summary><c>Auth:Throttle:AccountMaxDelaySeconds</c>: longest wait of an account (default 60).</summary>
    public double AccountMaxDelaySeconds { get; set; } = 60;
    /// <summary><c>Auth:Throttle:AddressFreeFailures</c>: failures from one address before it waits (10).</summary>
    public int AddressFreeFailures { get; set; } = 10;
    /// <summary><c>Auth:Throttle:AddressMaxDelaySeconds</c>: longest wait of a client address (default 900).</summary>
    public double AddressMaxDelaySeconds { get; set; } = 900;
    /// <summary><c>Auth:Throttle:BaseDelaySeconds</c>: first wait, doubled by every further failure (1).</summary>
    public double ThrottleBaseDelaySeconds { get; set; } = 1;
    /// <summary><c>Auth:Throttle:ForgetAfterMinutes</c>: failures forgotten this long after the last (60).</summary>
    public double ThrottleForgetAfterMinutes { get; set; } = 60;
    /// <summary><c>Auth:AllowAnonymousOrgOverride</c>: debug bypass, refused outside Development.</summary>
    public bool AllowAnonymousOrgOverride { get; set; }
    /// <summary><c>Demo:Enabled</c>: load the spec's demo centre on first start (default true).</summary>
    public bool DemoEnabled { get; set; } = true;
    /// <summary><c>Bootstrap:AdminUsername</c> (default <c>admin</c>).</summary>
    public string AdminUsername { get; set; } = "admin";
    /// <summary><c>Bootstrap:AdminPassword</c>: initial admin password; generated and printed once when empty.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>
    /// <c>Database:BusyTimeoutSeconds</c> (SQLite, default 5): how long SQLite retries while another process holds the
    /// file's write lock before the unit of work is retried whole (3 tries, then <c>code: busy</c>).
    /// </summary>
    public double BusyTimeoutSeconds { get; set; } = 5;

    /// <summary>
    /// <c>Database:WriteWaitSeconds</c> (SQLite, default 30): how long a write waits (asynchronously, no thread held)
    /// for the in-process writer gate before it counts as a lost lock race.
    /// </summary>
    public double WriteWaitSeconds { get; set; } = 30;

    /// <summary>True for the SQL Server provider.</summary>
    public bool IsSqlServer => DatabaseProvider.Equals("SqlServer", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the options from configuration.</summary>
    public static KbossOptions From(Microsoft.Extensions.Configuration.IConfiguration c)
    {
        var o = new KbossOptions();
        o.DatabaseProvider = c["Database:Provider"] ?? o.DatabaseProvider;
        o.ConnectionString = c.GetConnectionStringOrNull("Kboss");
        o.DataFolder = c["Kboss:DataFolder"] ?? o.DataFolder;
        o.TimeZone = c["Kboss:TimeZone"] ?? o.TimeZone;
        o.JwtSigningKey = c["Auth:JwtSigningKey"];
        o.TokenLifetimeHours = double.TryParse(c["Auth:TokenLifetimeHours"], System.Globalization.CultureInfo.InvariantCulture, out var h) ? h : o.TokenLifetimeHours;
        o.AccountFreeFailures = (int)Number(c, "Auth:Throttle:AccountFreeFailures", o.AccountFreeFailures);
        o.AccountMaxDelaySeconds = Number(c, "Auth:Throttle:AccountMaxDelaySeconds", o.AccountMaxDelaySeconds);
        o.AddressFreeFailures = (int)Number(c, "Auth:Throttle:AddressFreeFailures", o.AddressFreeFailures);
        o.AddressMaxDelaySeconds = Number(c, "Auth:Throttle:AddressMaxDelaySeconds", o.AddressMaxDelaySeconds);
        o.ThrottleBaseDelaySeconds = Number(c, "Auth:Throttle:BaseDelaySeconds", o.ThrottleBaseDelaySeconds);
        o.ThrottleForgetAfterMinutes = Number(c, "Auth:Throttle:ForgetAfterMinutes", o.ThrottleForgetAfterMinutes);
        o.AllowAnonymousOrgOverride = bool.TryParse(c["Auth:AllowAnonymousOrgOverride"], out var a) && a;
        o.DemoEnabled = !bool.TryParse(c["Demo:Enabled"], out var d) || d;
        o.AdminUsername = c["Bootstrap:AdminUsername"] ?? o.AdminUsername;
        o.AdminPassword = c["Bootstrap:AdminPassword"];
        o.BusyTimeoutSeconds = double.TryParse(c["Database:BusyTimeoutSeconds"], System.Globalization.CultureInfo.InvariantCulture,
            out var b) && b > 0 ? b : o.BusyTimeoutSeconds;
        o.WriteWaitSeconds = double.TryParse(c["Database:WriteWaitSeconds"], System.Globalization.CultureInfo.InvariantCulture,
            out var w) && w > 0 ? w : o.WriteWaitSeconds;
        return o;
    }

    private static double Number(Microsoft.Extensions.Configuration.IConfiguration c, string key, double fallback) =>
        double.TryParse(c[key], System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : fallback;
}

internal static class ConfigurationExtensions
{
    public static string? GetConnectionStringOrNull(this Microsoft.Extensions.Configuration.IConfiguration c, string name)
    {
        var v = c.GetSection("ConnectionStrings")[name];
        return string.IsNullOrWhiteSpace(v) ? null : v;
    }
}
