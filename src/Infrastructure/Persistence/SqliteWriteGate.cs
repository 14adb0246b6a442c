using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kboss.Infrastructure.Persistence;

/// <summary>
/// The process-wide SQLite writer gate (ADR 0016): one unit of work at a time may write. SQLite allows one writer
/// per file anyway; waiting here is an async wait (no pool thread sleeps), where Microsoft.Data.Sqlite's own busy
/// retry would sleep a thread per waiter. Its busy time-out is left for other processes on the same file.
/// A <see cref="KbossDbContext"/> takes the gate before <c>BEGIN IMMEDIATE</c>, before the implicit transaction of a
/// <c>SaveChanges</c>, and before an <c>ExecuteUpdate</c>/<c>ExecuteDelete</c>/raw SQL outside a transaction, and
/// gives it back when that transaction, save or command ends (or the context is disposed). A context that holds the
/// gate does not take it again (a <c>SaveChanges</c> inside its own transaction).
/// </summary>
public sealed class SqliteWriteGate(TimeSpan waitLimit)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Longest wait for the gate before <see cref="WriteGateTimeoutException"/>.</summary>
    public TimeSpan WaitLimit { get; } = waitLimit;

    internal async ValueTask EnterAsync(KbossDbContext db, WriteHold hold, CancellationToken ct)
    {
        if (db.WriteLease is not null) return;
        if (!await _gate.WaitAsync(WaitLimit, ct)) throw new WriteGateTimeoutException(WaitLimit);
        db.WriteLease = new Lease(_gate, hold);
    }

    internal void Enter(KbossDbContext db, WriteHold hold)
    {
        if (db.WriteLease is not null) return;
        if (!_gate.Wait(WaitLimit)) throw new WriteGateTimeoutException(WaitLimit);
        db.WriteLease = new Lease(_gate, hold);
    }

    /// <summary>
    /// Takes the gate for a holder that is not a context (<see cref="SqliteGroupWriter"/>); false when it was not free
    /// within <see cref="WaitLimit"/>. The holder gives it back with <see cref="Exit()"/>.
    /// </summary>
    internal Task<bool> TryEnterAsync(CancellationToken ct) => _gate.WaitAsync(WaitLimit, ct);

    /// <summary>Gives back a gate taken with <see cref="TryEnterAsync"/>.</summary>
    internal void Exit() => _gate.Release();

    /// <summary>Gives the gate back when <paramref name="db"/> holds it for <paramref name="hold"/>.</summary>
    internal static void Exit(KbossDbContext db, WriteHold hold)
    {
        if (db.WriteLease is not { } lease || lease.Hold != hold) return;
        db.WriteLease = null;
        lease.Release();
    }

    /// <summary>One holding of the gate; released once.</summary>
    internal sealed class Lease(SemaphoreSlim gate, WriteHold hold)
    {
        private int _released;
        public WriteHold Hold { get; } = hold;
        public void Release()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}

/// <summary>What a context holds the writer gate for; only the same kind of end releases it.</summary>
internal enum WriteHold
{
    Transaction,
    SaveChanges,
    Command,
}

/// <summary>The writer gate was not free within its wait limit; a lock conflict the unit of work may retry.</summary>
public sealed class WriteGateTimeoutException(TimeSpan limit)
    : TimeoutException($"The SQLite writer gate was not free within {limit.TotalSeconds:0.#} s.");

/// <summary>
/// Takes and gives back <see cref="SqliteWriteGate"/> around transactions, saves and write commands (no gate on SQL
/// Server), and counts what a context commits (<see cref="KbossDbContext.CommittedUnits"/>) on every provider.
/// </summary>
public sealed class WriteGateInterceptor(SqliteWriteGate? gate)
    : IDbTransactionInterceptor, ISaveChangesInterceptor, IDbCommandInterceptor
{
    private static KbossDbContext? Db(DbContext? context) => context as KbossDbContext;

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken ct = default)
    {
        if (gate is not null && Db(eventData.Context) is { } db) await gate.EnterAsync(db, WriteHold.Transaction, ct);
        return result;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (gate is not null && Db(eventData.Context) is { } db) gate.Enter(db, WriteHold.Transaction);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        Exit(eventData.Context, WriteHold.Transaction, committed: true);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken ct = default)
    {
        Exit(eventData.Context, WriteHold.Transaction, committed: true);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        Exit(eventData.Context, WriteHold.Transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken ct = default)
    {
        Exit(eventData.Context, WriteHold.Transaction);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) =>
        Exit(eventData.Context, WriteHold.Transaction);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData,
        CancellationToken ct = default)
    {
        Exit(eventData.Context, WriteHold.Transaction);
        return Task.CompletedTask;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (gate is not null && Db(eventData.Context) is { } db) await gate.EnterAsync(db, WriteHold.SaveChanges, ct);
        return result;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (gate is not null && Db(eventData.Context) is { } db) gate.Enter(db, WriteHold.SaveChanges);
        return result;
    }

    // A single-statement save outside a transaction runs without one (no commit event): it committed if it wrote.
    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Exit(eventData.Context, WriteHold.SaveChanges, committed: SavedOutsideTransaction(eventData, result));
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken ct = default)
    {
        Exit(eventData.Context, WriteHold.SaveChanges, committed: SavedOutsideTransaction(eventData, result));
        return ValueTask.FromResult(result);
    }

    private static bool SavedOutsideTransaction(SaveChangesCompletedEventData e, int result) =>
        result > 0 && e.Context?.Database.CurrentTransaction is null;

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Exit(eventData.Context, WriteHold.SaveChanges);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        Exit(eventData.Context, WriteHold.SaveChanges);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => Exit(eventData.Context, WriteHold.SaveChanges);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken ct = default)
    {
        Exit(eventData.Context, WriteHold.SaveChanges);
        return Task.CompletedTask;
    }

    // ExecuteUpdate / ExecuteDelete / ExecuteSql outside a transaction run as one auto-committed non-query.
    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command,
        CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (gate is not null && command.Transaction is null && Db(eventData.Context) is { } db) await gate.EnterAsync(db, WriteHold.Command, ct);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result)
    {
        if (gate is not null && command.Transaction is null && Db(eventData.Context) is { } db) gate.Enter(db, WriteHold.Command);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Exit(eventData.Context, WriteHold.Command, committed: command.Transaction is null && result > 0);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken ct = default)
    {
        Exit(eventData.Context, WriteHold.Command, committed: command.Transaction is null && result > 0);
        return ValueTask.FromResult(result);
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) =>
        Exit(eventData.Context, WriteHold.Command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken ct = default)
    {
        Exit(eventData.Context, WriteHold.Command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) =>
        Exit(eventData.Context, WriteHold.Command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken ct = default)
    {
        Exit(eventData.Context, WriteHold.Command);
        return Task.CompletedTask;
    }

    private static void Exit(DbContext? context, WriteHold hold, bool committed = false)
    {
        if (Db(context) is not { } db) return;
        if (committed) db.CommittedUnits++;
        SqliteWriteGate.Exit(db, hold);
    }
}
