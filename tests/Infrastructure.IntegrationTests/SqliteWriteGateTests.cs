using Kboss.Domain.Cpcc;
using Kboss.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>
/// <see cref="SqliteWriteGate"/> on a real database file (ADR 0016): a second writer waits asynchronously (its call
/// returns at once, unfinished) until the first one's transaction, save or command ends; a context's own save inside
/// its transaction does not wait for itself; disposal gives the gate back; a full wait is a lock conflict.
/// </summary>
public sealed class SqliteWriteGateTests : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kboss-gate-tests", Guid.NewGuid().ToString("N"));
    private readonly string _connectionString;
    private readonly SqliteWriteGate _gate = new(TimeSpan.FromSeconds(10));

    public SqliteWriteGateTests()
    {
        Directory.CreateDirectory(_folder);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_folder, "kboss.db"), Pooling = false, DefaultTimeout = 30,
        }.ToString();
        using var db = Context();
        db.Database.Migrate();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* best effort */ }
        catch (UnauthorizedAccessException) { /* best effort */ }
    }

    /// <summary>Same interceptors as <c>DependencyInjection.AddInfrastructure</c> on SQLite.</summary>
    private SqliteKbossDbContext Context(SqliteWriteGate? gate = null) =>
        new(new DbContextOptionsBuilder<SqliteKbossDbContext>()
            .UseSqlite(_connectionString)
            .AddInterceptors(new TimestampInterceptor(TimeProvider.System), new WriteGateInterceptor(gate ?? _gate),
                new SqlitePragmas())
            .Options);

    private static Label NewLabel() => new() { Name = "n" + Guid.NewGuid().ToString("N"), LabelKey = "k", LabelValue = "v", OrgId = "o" };

    /// <summary>
    /// Starts <paramref name="write"/> and checks that the call came back unfinished: a writer blocked in SQLite's busy
    /// loop would return only after its 30 s time-out, with the task already failed.
    /// </summary>
    private static async Task<Task> StartsWaitingAsync(Func<Task> write)
    {
        var task = write();
        task.IsCompleted.Should().BeFalse("a waiting writer must not block its thread");
        await Task.Delay(Quiet);
        task.IsCompleted.Should().BeFalse("the gate is held by another unit of work");
        return task;
    }

    [Fact]
    public async Task A_second_transaction_waits_without_blocking_until_the_first_commits()
    {
        await using var a = Context();
        await using var b = Context();
        await using var txA = await a.BeginTransactionAsync();
        a.Labels.Add(NewLabel());
        await a.SaveChangesAsync().WaitAsync(TimeSpan.FromSeconds(5)); // its own save inside its transaction

        var txB = await StartsWaitingAsync(() => b.BeginTransactionAsync());
        await txA.CommitAsync();
        await txB.WaitAsync(TimeSpan.FromSeconds(5));
        await b.Database.RollbackTransactionAsync();
    }

    [Fact]
    public async Task A_save_and_an_execute_update_outside_a_transaction_wait_for_the_holder()
    {
        await using var a = Context();
        await using var b = Context();
        await using var c = Context();
        var txA = await a.BeginTransactionAsync();

        b.Labels.Add(NewLabel());
        var save = await StartsWaitingAsync(() => b.SaveChangesAsync());
        var update = await StartsWaitingAsync(() => c.Labels.Where(l => l.LabelKey == "none")
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.LabelValue, "x")));

        await txA.DisposeAsync(); // disposed without commit: the gate must come back all the same
        await Task.WhenAll(save, update).WaitAsync(TimeSpan.FromSeconds(5));
        (await b.Labels.CountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task A_context_disposed_inside_its_transaction_gives_the_gate_back()
    {
        var a = Context();
        await a.BeginTransactionAsync();
        await using var b = Context();
        var txB = await StartsWaitingAsync(() => b.BeginTransactionAsync());
        await a.DisposeAsync();
        await txB.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_wait_past_the_limit_is_a_lock_conflict()
    {
        var gate = new SqliteWriteGate(TimeSpan.FromMilliseconds(200));
        await using var a = Context(gate);
        await using var b = Context(gate);
        await using var txA = await a.BeginTransactionAsync();
        var e = await FluentActions.Awaiting(() => b.BeginTransactionAsync()).Should().ThrowAsync<WriteGateTimeoutException>();
        b.IsLockConflict(e.Which).Should().BeTrue();
    }

    [Fact]
    public async Task What_a_context_commits_is_counted_and_nothing_else()
    {
        await using var db = Context();
        var before = db.CommittedUnits;
        db.Labels.Add(NewLabel());
        await db.SaveChangesAsync(); // one INSERT, no transaction of EF's own
        db.CommittedUnits.Should().BeGreaterThan(before);

        var afterSave = db.CommittedUnits;
        await db.Labels.Where(l => l.LabelKey == "none").ExecuteUpdateAsync(u => u.SetProperty(l => l.LabelValue, "x"));
        await db.SaveChangesAsync(); // nothing to save
        db.CommittedUnits.Should().Be(afterSave);

        await using (var tx = await db.BeginTransactionAsync())
        {
            await db.Labels.ExecuteUpdateAsync(u => u.SetProperty(l => l.LabelValue, "y"));
            db.CommittedUnits.Should().Be(afterSave, "nothing is committed before the commit");
            await tx.CommitAsync();
        }
        db.CommittedUnits.Should().BeGreaterThan(afterSave);
    }
}
