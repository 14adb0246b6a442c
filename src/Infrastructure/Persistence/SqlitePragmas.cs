using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kboss.Infrastructure.Persistence;

/// <summary>
/// Per-connection SQLite settings (ADR 0016), applied once per physical connection (pooled connections keep them):
/// <c>synchronous=NORMAL</c> (in WAL mode a commit writes the log without an fsync; the database stays consistent
/// after a crash, a power loss may drop the last commits) and <c>temp_store=MEMORY</c>. <c>journal_mode=WAL</c> is a
/// property of the file, set once at start-up.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Sql = "PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY;";
    private readonly ConditionalWeakTable<object, object> _applied = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite) return;
        if (_applied.TryGetValue(handle, out _)) return;
        Apply(sqlite);
        _applied.AddOrUpdate(handle, handle);
    }

    /// <summary>Applies the settings to an open connection that EF Core does not open (ADR 0038).</summary>
    internal static void Apply(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }
}
