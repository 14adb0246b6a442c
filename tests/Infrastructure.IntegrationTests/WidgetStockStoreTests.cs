using Kboss.Application.Cpcc.Widgets;
using Kboss.Domain.Audit;
using Kboss.Domain.Common;
using Kboss.Domain.Cpcc;
using Kboss.Infrastructure.Persistence;
using Kboss.Infrastructure.Persistence.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>
/// The stock add's hand-written data access (ADR 0031) against a real SQLite file: the conditional UPDATE accepts
/// exactly what <see cref="WidgetClusterStock.AllowsAdjust"/> and <see cref="WidgetClusterStock.CanAdjustBy"/> accept,
/// and the compiled read and the write see and change what EF maps.
/// </summary>
public sealed class WidgetStockStoreTests : IDisposable
{
    private const long Max = WidgetClusterStock.MaxStock;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kboss-stockstore-tests", Guid.NewGuid().ToString("N"));
    private readonly string _connectionString;

    public WidgetStockStoreTests()
    {
        Directory.CreateDirectory(_folder);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "kboss.db"), Pooling = false }
            .ToString();
        using var db = CreateContext();
        db.Database.Migrate();
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* best effort */ }
    }

    private SqliteKbossDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<SqliteKbossDbContext>()
            .UseSqlite(_connectionString, s => s.MigrationsHistoryTable("__ef_migrations_history"))
            .AddInterceptors(new TimestampInterceptor(TimeProvider.System))
            .Options);

    private async Task<(string WidgetId, string ClusterId)> SeedAsync()
    {
        await using var db = CreateContext();
        var center = new ComputeCenter { OrgId = "org-1", Name = "c" };
        var cluster = new Cluster { Cpcid = center.Id, Name = "朝阳区" };
        db.ComputeCenters.Add(center);
        db.Clusters.Add(cluster);
        var widget = Widget.Create(center.Id, WidgetTypes.Gpu, "RTX", "卡", 6m, "小时", "元", cluster.Id, 1).Value!;
        db.Widgets.Add(widget);
        await db.SaveChangesAsync();
        return (widget.Id, cluster.Id);
    }

    [Fact]
    public Task The_conditional_update_accepts_exactly_what_the_entity_rule_accepts() =>
        AdjustsAsTheRuleSaysAsync((db, widgetId, clusterId, amount) =>
            WidgetStockStore.AdjustAsync(db, widgetId, clusterId, amount, CancellationToken.None));

    [Fact]
    public async Task The_sqlite_conditional_update_accepts_exactly_what_the_entity_rule_accepts()
    {
        using var session = new SqliteSession(_connectionString);
        await AdjustsAsTheRuleSaysAsync((_, widgetId, clusterId, amount) =>
            Task.FromResult(SqliteWidgetStockStore.Adjust(session, widgetId, clusterId, amount)));
    }

    private async Task AdjustsAsTheRuleSaysAsync(Func<KbossDbContext, string, string, long, Task<int>> adjust)
    {
        var (widgetId, clusterId) = await SeedAsync();
        await using var db = CreateContext();
        foreach (var stock in new[] { 0L, 5, Max - 1, Max })
        foreach (var consumed in new[] { 0L, 3, 5 })
        foreach (var amount in new[] { -6L, -5, -2, 0, 1, 2, Max })
        {
            await db.Database.ExecuteSqlAsync(
                $"UPDATE cpcwidget_stock SET stock = {stock}, consumed = {consumed} WHERE widget_id = {widgetId}");
            var entry = await db.WidgetClusterStocks.AsNoTracking().SingleAsync(s => s.WidgetId == widgetId);
            var expected = WidgetClusterStock.AllowsAdjust(stock, consumed, amount);
            var because = $"stock {stock}, consumed {consumed}, amount {amount}";
            WidgetClusterStock.CanAdjustBy(amount).Compile()(entry).Should().Be(expected, because);

            var changed = await adjust(db, widgetId, clusterId, amount);

            changed.Should().Be(expected ? 1 : 0, because);
            (await db.WidgetClusterStocks.AsNoTracking().SingleAsync(s => s.WidgetId == widgetId)).Stock
                .Should().Be(expected ? stock + amount : stock, because);
        }
        await db.Database.ExecuteSqlAsync($"UPDATE cpcwidget SET del_flg = {DelFlag.Deleted} WHERE id = {widgetId}");
        (await adjust(db, widgetId, clusterId, 1)).Should().Be(0, "a deleted widget's stock does not change");
    }

    [Fact]
    public async Task The_sqlite_read_equals_the_ef_read_with_deleted_clusters_centres_and_widgets()
    {
        var (widgetId, clusterId) = await SeedAsync();
        string cpcid, otherCluster;
        await using (var db = CreateContext())
        {
            cpcid = (await db.Widgets.AsNoTracking().SingleAsync(w => w.Id == widgetId)).Cpcid;
            var other = new Cluster { Cpcid = cpcid, Name = "海淀区" };
            db.Clusters.Add(other);
            db.WidgetClusterStocks.Add(WidgetClusterStock.Open(widgetId, other.Id, 7).Value!);
            await db.SaveChangesAsync();
            otherCluster = other.Id;
        }
        using var session = new SqliteSession(_connectionString);

        async Task SameAsync(string cluster, string model, string because)
        {
            await using var db = CreateContext();
            var expected = await new WidgetStockStore(db)
                .FindAsync(cpcid, cluster, WidgetTypes.Gpu, model, CancellationToken.None);
            var actual = SqliteWidgetStockStore.Find(session, cpcid, cluster, WidgetTypes.Gpu, model);
            actual.Should().BeEquivalentTo(expected, because);
        }

        await SameAsync(clusterId, "RTX", "two alive entries");
        (SqliteWidgetStockStore.Find(session, cpcid, clusterId, WidgetTypes.Gpu, "RTX")!.Stocks).Should().HaveCount(2);
        await SameAsync("no-such-cluster", "RTX", "an unknown cluster");
        await SameAsync(clusterId, "OTHER", "no such widget");
        await using (var db = CreateContext())
            await db.Database.ExecuteSqlAsync(
                $"UPDATE cpccluster SET del_flg = {DelFlag.Deleted} WHERE id = {otherCluster}");
        await SameAsync(otherCluster, "RTX", "a deleted cluster: no centre, its entry gone");
        (SqliteWidgetStockStore.Find(session, cpcid, clusterId, WidgetTypes.Gpu, "RTX")!.Stocks).Should().HaveCount(1);
        await using (var db = CreateContext())
            await db.Database.ExecuteSqlAsync($"UPDATE cpclist SET del_flg = {DelFlag.Deleted} WHERE id = {cpcid}");
        await SameAsync(clusterId, "RTX", "a deleted centre: no org");
        await using (var db = CreateContext())
            await db.Database.ExecuteSqlAsync(
                $"UPDATE cpcwidget SET del_flg = {DelFlag.Deleted} WHERE id = {widgetId}");
        await SameAsync(clusterId, "RTX", "a deleted widget");
        SqliteWidgetStockStore.Find(session, cpcid, clusterId, WidgetTypes.Gpu, "RTX").Should().BeNull();
    }

    [Fact]
    public async Task Find_reads_the_widget_its_entries_the_centres_org_and_the_clusters_centre()
    {
        var (widgetId, clusterId) = await SeedAsync();
        await using var db = CreateContext();
        var cpcid = (await db.Widgets.AsNoTracking().SingleAsync(w => w.Id == widgetId)).Cpcid;
        var store = new WidgetStockStore(db);

        var target = await store.FindAsync(cpcid, clusterId, WidgetTypes.Gpu, "RTX", CancellationToken.None);

        target.Should().NotBeNull();
        target!.OrgId.Should().Be("org-1");
        target.ClusterCpcid.Should().Be(cpcid);
        target.WidgetId.Should().Be(widgetId);
        target.Stocks.Should().Equal(new ClusterStockDto(clusterId, "朝阳区", 1, 0));
        (await store.FindAsync(cpcid, "no-such-cluster", WidgetTypes.Gpu, "RTX", CancellationToken.None))!.ClusterCpcid
            .Should().BeNull();
        (await store.FindAsync(cpcid, clusterId, WidgetTypes.Gpu, "OTHER", CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task An_adjustment_stamps_the_widget_and_writes_the_audit_row_in_the_callers_transaction()
    {
        var (widgetId, clusterId) = await SeedAsync();
        var now = new DateTime(2026, 12, 7, 3, 4, 5, DateTimeKind.Utc);
        var audit = new AuditEntry
        {
            UserId = "u-1", OrgId = "org-1", Action = "cpcc.widget.stock_added", EntityType = "widget", EntityId = widgetId,
            Detail = """{"stock":2}""",
        };
        await using (var db = CreateContext())
        {
            var store = new WidgetStockStore(db);
            await using var tx = await db.Database.BeginTransactionAsync();
            (await store.TryAdjustAsync(widgetId, clusterId, 2, now, audit, CancellationToken.None)).Should().BeTrue();
            (await store.TryAdjustAsync(widgetId, clusterId, -10, now, audit, CancellationToken.None)).Should().BeFalse();
            await tx.CommitAsync();
        }

        await using var check = CreateContext();
        (await check.WidgetClusterStocks.AsNoTracking().SingleAsync(s => s.WidgetId == widgetId)).Stock.Should().Be(3);
        (await check.Widgets.AsNoTracking().SingleAsync(w => w.Id == widgetId)).UpdateTime.Should().Be(now);
        var row = await check.AuditEntries.AsNoTracking().SingleAsync(a => a.Id == audit.Id);
        (row.UserId, row.OrgId, row.Action, row.EntityId, row.Detail, row.CreateAt)
            .Should().Be(("u-1", "org-1", "cpcc.widget.stock_added", widgetId, """{"stock":2}""", now));
    }
}
