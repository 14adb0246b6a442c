using Kboss.Domain.Audit;
using Kboss.Domain.Cpcc;
using Kboss.Infrastructure.Persistence;
using Kboss.Infrastructure.Persistence.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>
/// Group commit (ADR 0038) against a real SQLite file: parallel stock adds through the group writer are exact (one
/// audit row each), a failing unit is rolled back alone, and the writer takes turns with EF Core's writers through the
/// writer gate (it waits for a held gate, and fails with a lock conflict past the gate's wait limit).
/// </summary>
public sealed class SqliteGroupWriterTests : IDisposable
{
    private readonly string _folder =
        Path.Combine(Path.GetTempPath(), "kboss-groupwriter-tests", Guid.NewGuid().ToString("N"));
    private readonly string _connectionString;

    public SqliteGroupWriterTests()
    {
        Directory.CreateDirectory(_folder);
        _connectionString =
            new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "kboss.db") }.ToString();
        using var db = CreateContext(gate: null);
        db.Database.Migrate();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* best effort */ }
    }

    private SqliteKbossDbContext CreateContext(SqliteWriteGate? gate) =>
        new(new DbContextOptionsBuilder<SqliteKbossDbContext>()
            .UseSqlite(_connectionString, s => s.MigrationsHistoryTable("__ef_migrations_history"))
            .AddInterceptors(new TimestampInterceptor(TimeProvider.System), new WriteGateInterceptor(gate))
            .Options);

    private async Task<(string WidgetId, string ClusterId)> SeedAsync()
    {
        await using var db = CreateContext(gate: null);
        var center = new ComputeCenter { OrgId = "org-1", Name = "c" };
        var cluster = new Cluster { Cpcid = center.Id, Name = "朝阳区" };
        db.ComputeCenters.Add(center);
        db.Clusters.Add(cluster);
        var widget = Widget.Create(center.Id, WidgetTypes.Gpu, "RTX", "卡", 6m, "小时", "元", cluster.Id, 1).Value!;
        db.Widgets.Add(widget);
        await db.SaveChangesAsync();
        return (widget.Id, cluster.Id);
    }

    private static AuditEntry Audit(string widgetId) => new()
    {
        UserId = "u-1", OrgId = "org-1", Action = "cpcc.widget.stock_added", EntityType = "widget", EntityId = widgetId,
        Detail = """{"stock":1}""",
    };

    private async Task<(long Stock, int AuditRows)> StateAsync(string widgetId)
    {
        await using var db = CreateContext(gate: null);
        return ((await db.WidgetClusterStocks.AsNoTracking().SingleAsync(s => s.WidgetId == widgetId)).Stock,
            await db.AuditEntries.CountAsync(a => a.EntityId == widgetId));
    }

    [Fact]
    public async Task Parallel_adds_are_exact_with_one_audit_row_each_and_count_as_committed()
    {
        var (widgetId, clusterId) = await SeedAsync();
        var gate = new SqliteWriteGate(TimeSpan.FromSeconds(30));
        using var writer = new SqliteGroupWriter(_connectionString, gate, NullLogger<SqliteGroupWriter>.Instance);
        using var reads = new SqliteReadSessions(_connectionString);

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(async _ =>
        {
            await using var db = CreateContext(gate);
            var store = new SqliteWidgetStockStore(db, reads, writer);
            var added = await store.TryAddAsync(widgetId, clusterId, 1, DateTime.UtcNow, Audit(widgetId),
                CancellationToken.None);
            return (added, db.CommittedUnits);
        }));

        results.Should().AllSatisfy(r => r.Should().Be((true, 1)));
        (await StateAsync(widgetId)).Should().Be((201L, 200));
        await using var check = CreateContext(gate: null);
        var refused = await new SqliteWidgetStockStore(check, reads, writer)
            .TryAddAsync(widgetId, clusterId, -1_000, DateTime.UtcNow, Audit(widgetId), CancellationToken.None);
        refused.Should().BeFalse();
        check.CommittedUnits.Should().Be(0);
        (await StateAsync(widgetId)).Should().Be((201L, 200));
    }

    [Fact]
    public async Task A_failing_unit_is_rolled_back_alone_and_the_others_of_its_batch_commit()
    {
        var (widgetId, clusterId) = await SeedAsync();
        using var writer = new SqliteGroupWriter(_connectionString, new SqliteWriteGate(TimeSpan.FromSeconds(30)),
            NullLogger<SqliteGroupWriter>.Instance);

        var units = Enumerable.Range(0, 60).Select(i => writer.RunAsync(s =>
        {
            SqliteWidgetStockStore.Add(s, widgetId, clusterId, 1, DateTime.UtcNow, Audit(widgetId)).Should().BeTrue();
            return i % 3 == 0 ? throw new InvalidOperationException($"unit {i}") : i;
        }, CancellationToken.None)).ToList();

        for (var i = 0; i < units.Count; i++)
        {
            if (i % 3 == 0) await units[i].Invoking(t => t).Should().ThrowAsync<InvalidOperationException>();
            else (await units[i]).Should().Be(i);
        }
        (await StateAsync(widgetId)).Should().Be((1L + 40, 40));
    }

    [Fact]
    public async Task The_writer_waits_for_an_ef_transaction_holding_the_gate_and_gives_up_with_a_lock_conflict()
    {
        var (widgetId, clusterId) = await SeedAsync();
        var gate = new SqliteWriteGate(TimeSpan.FromMilliseconds(300));
        using var writer = new SqliteGroupWriter(_connectionString, gate, NullLogger<SqliteGroupWriter>.Instance);
        await using var holder = CreateContext(gate);

        await using (var tx = await holder.BeginTransactionAsync())
        {
            var add = writer.RunAsync(s => SqliteWidgetStockStore.Add(s, widgetId, clusterId, 1, DateTime.UtcNow,
                Audit(widgetId)), CancellationToken.None);
            var failure = await add.Invoking(t => t).Should().ThrowAsync<WriteGateTimeoutException>();
            holder.IsLockConflict(failure.Which).Should().BeTrue();
            await tx.CommitAsync();
        }
        (await StateAsync(widgetId)).Should().Be((1L, 0));

        await using (var tx = await holder.BeginTransactionAsync())
        {
            var add = writer.RunAsync(s => SqliteWidgetStockStore.Add(s, widgetId, clusterId, 1, DateTime.UtcNow,
                Audit(widgetId)), CancellationToken.None);
            await Task.Delay(100);
            add.IsCompleted.Should().BeFalse("the EF transaction holds the gate");
            await tx.CommitAsync();
            (await add).Should().BeTrue();
        }
        (await StateAsync(widgetId)).Should().Be((2L, 1));
    }
}
