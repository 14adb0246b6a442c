using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Kboss.Infrastructure.Persistence;

/// <summary>
/// An open SQLite connection outside EF Core that keeps its commands prepared for its whole life (ADR 0038).
/// Microsoft.Data.Sqlite has no statement cache: a new command, or the same one on a reopened pooled connection,
/// is prepared again, and each open of EF Core's connection registers its SQL functions again. Not thread-safe: one
/// user at a time (<see cref="SqliteReadSessions"/>, <see cref="SqliteGroupWriter"/>).
/// </summary>
public sealed class SqliteSession : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>Opens a connection to <paramref name="connectionString"/> with kboss's pragmas (ADR 0016).</summary>
    public SqliteSession(string connectionString)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        SqlitePragmas.Apply(_connection);
    }

    /// <summary>
    /// The command for <paramref name="sql"/>, prepared on first use and kept, with <paramref name="parameters"/>
    /// bound (null → SQL NULL). Every call with the same text must pass the same parameter names.
    /// </summary>
    public SqliteCommand Command(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, _) in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
            command.Prepare();
            _commands.Add(sql, command);
        }
        for (var i = 0; i < parameters.Length; i++) command.Parameters[i].Value = parameters[i].Value ?? DBNull.Value;
        return command;
    }

    /// <summary>Runs <paramref name="sql"/> (no parameters) as a kept command; rows changed.</summary>
    public int Execute(string sql) => Command(sql).ExecuteNonQuery();

    public void Dispose()
    {
        foreach (var command in _commands.Values) command.Dispose();
        _commands.Clear();
        _connection.Dispose();
    }
}

/// <summary>
/// Read sessions for hot reads (ADR 0038): open connections with their prepared commands, lent to one reader at a
/// time and kept (at most <see cref="MaxIdle"/> idle). Reads run in parallel with each other and with the writer
/// (WAL). A session whose read failed is closed, not kept.
/// </summary>
public sealed class SqliteReadSessions(string connectionString) : IDisposable
{
    private const int MaxIdle = 8;
    private readonly ConcurrentQueue<SqliteSession> _idle = new();
    private int _idleCount;
    private volatile bool _disposed;

    /// <summary>Runs <paramref name="read"/> on a lent session.</summary>
    public T Run<T>(Func<SqliteSession, T> read)
    {
        var session = Rent();
        T result;
        try
        {
            result = read(session);
        }
        catch
        {
            session.Dispose();
            throw;
        }
        Return(session);
        return result;
    }

    private SqliteSession Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_idle.TryDequeue(out var session)) return new SqliteSession(connectionString);
        Interlocked.Decrement(ref _idleCount);
        return session;
    }

    private void Return(SqliteSession session)
    {
        if (_disposed || Interlocked.Increment(ref _idleCount) > MaxIdle)
        {
            Interlocked.Decrement(ref _idleCount);
            session.Dispose();
            return;
        }
        _idle.Enqueue(session);
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryDequeue(out var session)) session.Dispose();
    }
}
