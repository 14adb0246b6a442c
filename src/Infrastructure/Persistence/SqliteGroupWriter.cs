using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Kboss.Infrastructure.Persistence;

/// <summary>
/// Group commit for hot SQLite writes (ADR 0038). Requests queue small units of work; one loop runs them on a
/// long-lived connection with prepared statements (<see cref="SqliteSession"/>), up to <see cref="MaxBatch"/> of them
/// in one <c>BEGIN IMMEDIATE</c> transaction, each inside its own savepoint: a unit that throws is rolled back to its
/// savepoint and fails alone, the others commit. A unit's result is handed back only after the COMMIT; when the
/// transaction itself fails (begin, commit, a broken connection), every unit of the batch fails with that error and
/// nothing of it is committed. The loop holds <see cref="SqliteWriteGate"/> for each batch, so EF Core's writers and
/// the batches take turns; past the gate's wait limit the batch fails with <see cref="WriteGateTimeoutException"/>
/// (a lock conflict the caller's unit of work may retry).
/// </summary>
public sealed class SqliteGroupWriter : IDisposable
{
    /// <summary>Most units in one transaction.</summary>
    public const int MaxBatch = 64;

    private readonly Channel<Unit> _queue =
        Channel.CreateUnbounded<Unit>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string _connectionString;
    private readonly SqliteWriteGate _gate;
    private readonly ILogger<SqliteGroupWriter> _logger;
    private readonly Task _loop;
    private SqliteSession? _session;

    public SqliteGroupWriter(string connectionString, SqliteWriteGate gate, ILogger<SqliteGroupWriter> logger)
    {
        (_connectionString, _gate, _logger) = (connectionString, gate, logger);
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>
    /// Queues <paramref name="work"/> (synchronous SQL on the writer's session, inside the batch's transaction) and
    /// returns its result once committed. <paramref name="ct"/> cancels it only while it waits in the queue.
    /// </summary>
    public Task<T> RunAsync<T>(Func<SqliteSession, T> work, CancellationToken ct)
    {
        var unit = new Unit<T>(work, ct);
        if (!_queue.Writer.TryWrite(unit)) throw new ObjectDisposedException(nameof(SqliteGroupWriter));
        return unit.Task;
    }

    private async Task LoopAsync()
    {
        var batch = new List<Unit>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var unit))
                if (!unit.CancelIfRequested()) batch.Add(unit);
            if (batch.Count == 0) continue;
            try
            {
                await RunBatchAsync(batch).ConfigureAwait(false);
            }
            catch (Exception e) // never let the loop die: fail the batch instead
            {
                foreach (var unit in batch) unit.Fail(e);
            }
            batch.Clear();
        }
    }

    private async Task RunBatchAsync(List<Unit> batch)
    {
        if (!await _gate.TryEnterAsync(CancellationToken.None).ConfigureAwait(false))
            throw new WriteGateTimeoutException(_gate.WaitLimit);
        try
        {
            var session = _session ??= new SqliteSession(_connectionString);
            try
            {
                session.Execute("BEGIN IMMEDIATE");
                foreach (var unit in batch) RunInSavepoint(session, unit);
                session.Execute("COMMIT");
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "SQLite group commit of {Count} units failed; none committed", batch.Count);
                _session = null; // a fresh connection next time: this one's state is unknown
                RollBack(session); // never hand a connection with an open write transaction back to the pool
                session.Dispose();
                throw;
            }
        }
        finally
        {
            _gate.Exit();
        }
        foreach (var unit in batch) unit.Complete();
    }

    private void RollBack(SqliteSession session)
    {
        try
        {
            session.Execute("ROLLBACK");
        }
        catch (Exception e) // none open, or the connection is broken: nothing to roll back
        {
            _logger.LogDebug(e, "ROLLBACK after a failed group commit");
        }
    }

    private static void RunInSavepoint(SqliteSession session, Unit unit)
    {
        session.Execute("SAVEPOINT unit");
        try
        {
            unit.Run(session);
        }
        catch (Exception e)
        {
            session.Execute("ROLLBACK TO unit");
            session.Execute("RELEASE unit");
            unit.Fail(e);
            return;
        }
        session.Execute("RELEASE unit");
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _loop.Wait(TimeSpan.FromSeconds(5));
        _session?.Dispose();
        _session = null;
    }

    private abstract class Unit
    {
        public abstract bool CancelIfRequested();
        public abstract void Run(SqliteSession session);
        public abstract void Complete();
        public abstract void Fail(Exception e);
    }

    private sealed class Unit<T>(Func<SqliteSession, T> work, CancellationToken ct) : Unit
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Task => _done.Task;

        public override bool CancelIfRequested() => ct.IsCancellationRequested && _done.TrySetCanceled(ct);
        public override void Run(SqliteSession session) => _result = work(session);
        public override void Complete() => _done.TrySetResult(_result!);
        public override void Fail(Exception e) => _done.TrySetException(e);
    }
}
