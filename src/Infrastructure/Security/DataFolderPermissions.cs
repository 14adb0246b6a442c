using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Kboss.Infrastructure.Security;

/// <summary>
/// Keeps the data folder private to the service account on Unix (ADR 0018): the process umask becomes 077, so every
/// file kboss creates from then on (SQLite database, its <c>-wal</c>/<c>-shm</c>, Data Protection key files, the
/// generated JWT key, anything later) is 0600 and every folder 0700; the SQLite file is created empty with 0600
/// before SQLite opens it (SQLite gives <c>-wal</c>/<c>-shm</c> the database file's mode); files left 0644 by earlier
/// versions are set to 0600 at start. Nothing on Windows (ACLs of the folder apply).
/// </summary>
public static class DataFolderPermissions
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnly | UnixFileMode.UserExecute;

    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint SetUmask(uint mask);

    /// <summary>Applies the rules to <paramref name="options"/>' data folder and database file; creates the
    /// folder.</summary>
    public static void Apply(KbossOptions options)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(options.DataFolder);
            return;
        }
        SetUmask(0b000_111_111); // 077
        if (!Directory.Exists(options.DataFolder)) Directory.CreateDirectory(options.DataFolder, OwnerOnlyFolder);
        var database = options.IsSqlServer ? null : SqliteFile(options);
        if (database is not null && !File.Exists(database))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(database))!, OwnerOnlyFolder);
            var create = new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnly,
            };
            new FileStream(database, create).Dispose(); // an empty file is an empty SQLite database
        }
        var existing = new List<string>();
        if (database is not null)
            existing.AddRange([database, database + "-wal", database + "-shm", database + "-journal"]);
        existing.Add(Path.Combine(options.DataFolder, JwtSigningKey.FileName));
        var keys = Path.Combine(options.DataFolder, "keys");
        if (Directory.Exists(keys)) existing.AddRange(Directory.GetFiles(keys));
        foreach (var file in existing.Where(File.Exists))
            if ((File.GetUnixFileMode(file) & ~OwnerOnly) != 0) File.SetUnixFileMode(file, OwnerOnly);
    }

    /// <summary>The SQLite database file named by the connection string (default <c>{DataFolder}/kboss.db</c>);
    /// null for an in-memory database.</summary>
    public static string? SqliteFile(KbossOptions options)
    {
        var builder = new SqliteConnectionStringBuilder(
            options.ConnectionString ?? $"Data Source={Path.Combine(options.DataFolder, "kboss.db")}");
        var source = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(source) || source == ":memory:"
            || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)) return null;
        return source;
    }
}
