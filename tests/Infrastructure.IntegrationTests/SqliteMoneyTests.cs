using Kboss.Domain.Common;
using Kboss.Domain.Cpcc;
using Kboss.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>
/// The SQLite provider against a real database file (ARCHITECTURE.md §4 and §8): migrations, money ordering and sums,
/// the soft-delete filter, the alive-only unique index and the timestamp interceptor.
/// Every test gets its own fresh database in its own temp folder.
/// </summary>
public sealed class SqliteMoneyTests : IDisposable
{
    private readonly string _folder;
    private readonly string _connectionString;

    public SqliteMoneyTests()
    {
        _folder = Path.Combine(Path.GetTempPath(), "kboss-sqlite-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        // No pooling, so Dispose can delete the file without clearing pools other tests are using.
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_folder, "kboss.db"),
            Pooling = false,
        }.ToString();
        using var db = CreateContext();
        db.Database.Migrate();
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* best effort */ }
        catch (UnauthorizedAccessException) { /* best effort */ }
    }

    /// <summary>Same options as <c>DependencyInjection.AddInfrastructure</c> on SQLite.</summary>
    private SqliteKbossDbContext CreateContext(TimeProvider? clock = null) =>
        new(new DbContextOptionsBuilder<SqliteKbossDbContext>()
            .UseSqlite(_connectionString, s => s.MigrationsHistoryTable("__ef_migrations_history"))
            .AddInterceptors(new TimestampInterceptor(clock ?? TimeProvider.System))
            .Options);

    private static Widget NewWidget(decimal unitPrice, string model = "STANDARD", string type = WidgetTypes.Cpu,
        string cpcid = "centre-1", string delFlg = DelFlag.Alive)
    {
        var widget = new Widget
        {
            Cpcid = cpcid, Type = type, Model = model, ResourceUnit = "核", ChargeUnit = "小时", AccountUnit = "元", DelFlg = delFlg,
        };
        widget.ChangePrice(unitPrice).Ok.Should().BeTrue();
        return widget;
    }

    // ---- migrations ----

    [Fact]
    public void Migrations_apply_cleanly_on_a_fresh_database()
    {
        using var db = CreateContext();

        db.Database.GetAppliedMigrations().Should().Equal(db.Database.GetMigrations());
        db.Database.GetPendingMigrations().Should().BeEmpty();
        db.Database.HasPendingModelChanges().Should().BeFalse("a model change needs a SQLite migration (dotnet ef migrations add … --context SqliteKbossDbContext)");

        var tables = db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'").ToList();
        tables.Should().Contain(["cpclist", "cpccluster", "cpcwidget", "cpcwidget_stock", "users", "organization", "revoked_token", "audit_log", "__ef_migrations_history"]);

        // Every entity set is queryable against the migrated schema (column names match the model).
        db.Organizations.Should().BeEmpty();
        db.Users.Should().BeEmpty();
        db.RevokedTokens.Should().BeEmpty();
        db.AuditEntries.Should().BeEmpty();
        db.ComputeCenters.Should().BeEmpty();
        db.Clusters.Should().BeEmpty();
        db.Widgets.Include(w => w.Stocks).Should().BeEmpty();
        db.WidgetClusterStocks.Should().BeEmpty();
    }

    [Fact]
    public void Migrating_again_is_a_no_op()
    {
        using (var db = CreateContext()) db.Database.Migrate();

        using var check = CreateContext();
        check.Database.GetAppliedMigrations().Should().Equal(check.Database.GetMigrations());
    }

    [Fact]
    public void Widget_unique_index_is_filtered_on_alive_rows_in_the_sqlite_schema()
    {
        using var db = CreateContext();

        var sql = db.Database.SqlQueryRaw<string>(
            "SELECT sql AS Value FROM sqlite_master WHERE type = 'index' AND name = 'IX_cpcwidget_cpcid_type_model'").Single();

        sql.Should().Contain("UNIQUE").And.Contain("\"cpcid\", \"type\", \"model\"").And.EndWith("WHERE del_flg = '0'");
    }

    // ---- money ----

    [Fact]
    public async Task Order_by_unit_price_is_numeric_not_textual()
    {
        await using (var db = CreateContext())
        {
            // Inserted so that a text sort ("13.4" < "7" < "84.3") would differ from the numeric one.
            db.Widgets.AddRange(NewWidget(84.3m, "m-84"), NewWidget(7m, "m-7"), NewWidget(13.4m, "m-13"));
            await db.SaveChangesAsync();
        }

        await using var read = CreateContext();
        (await read.Widgets.OrderBy(w => w.UnitPrice).Select(w => w.UnitPrice).ToListAsync())
            .Should().Equal(7m, 13.4m, 84.3m);
        (await read.Widgets.OrderByDescending(w => w.UnitPrice).Select(w => w.Model).ToListAsync())
            .Should().Equal("m-84", "m-13", "m-7");
        (await read.Widgets.Where(w => w.UnitPrice > 10m).OrderBy(w => w.UnitPrice).Select(w => w.UnitPrice).ToListAsync())
            .Should().Equal(13.4m, 84.3m);
        (await read.Widgets.Where(w => w.UnitPrice < 13.4m).Select(w => w.UnitPrice).ToListAsync())
            .Should().Equal(7m);
        (await read.Widgets.MaxAsync(w => w.UnitPrice)).Should().Be(84.3m);
        (await read.Widgets.MinAsync(w => w.UnitPrice)).Should().Be(7m);
    }

    [Fact]
    public async Task Sum_of_unit_prices_is_exact()
    {
        // unit_price is decimal(19,6): at most 13 integer digits, so the large value has 13 (12345678901234.5678 of
        // ARCHITECTURE.md §4 would not fit the SQL Server column).
        const decimal large = 1234567890123.5678m;
        await using (var db = CreateContext())
        {
            for (var i = 0; i < 1000; i++) db.Widgets.Add(NewWidget(0.0001m, $"tiny-{i:D4}"));
            db.Widgets.Add(NewWidget(large, "large"));
            await db.SaveChangesAsync();
        }

        await using var read = CreateContext();
        (await read.Widgets.CountAsync()).Should().Be(1001);
        (await read.Widgets.SumAsync(w => w.UnitPrice)).Should().Be(1234567890123.6678m);
        (await read.Widgets.Where(w => w.Model != "large").SumAsync(w => w.UnitPrice)).Should().Be(0.1m);
        (await read.Widgets.Where(w => w.Model == "large").Select(w => w.UnitPrice).SingleAsync()).Should().Be(large);
    }

    [Fact]
    public async Task Six_decimal_unit_prices_round_trip_and_sum_exactly()
    {
        await using (var db = CreateContext())
        {
            for (var i = 0; i < 1000; i++) db.Widgets.Add(NewWidget(0.000001m, $"micro-{i:D4}", WidgetTypes.Memory));
            db.Widgets.Add(NewWidget(9999999999999.999999m, "max", WidgetTypes.Memory)); // the largest decimal(19,6)
            db.Widgets.Add(NewWidget(0.0002m, "mem", WidgetTypes.Memory)); // a real memory price per Mi-hour
            await db.SaveChangesAsync();
        }

        await using var read = CreateContext();
        (await read.Widgets.Where(w => w.Model == "max").Select(w => w.UnitPrice).SingleAsync()).Should().Be(9999999999999.999999m);
        (await read.Widgets.Where(w => w.Model == "mem").Select(w => w.UnitPrice).SingleAsync()).Should().Be(0.0002m);
        (await read.Widgets.Where(w => w.Model.StartsWith("micro-")).SumAsync(w => w.UnitPrice)).Should().Be(0.001m);
        (await read.Widgets.SumAsync(w => w.UnitPrice)).Should().Be(10000000000000.001199m);
    }

    // ---- soft delete ----

    [Fact]
    public async Task Soft_deleted_rows_are_filtered_out_of_queries()
    {
        await using (var db = CreateContext())
        {
            db.Widgets.AddRange(NewWidget(1m, "alive"), NewWidget(2m, "deleted", delFlg: DelFlag.Deleted));
            await db.SaveChangesAsync();
        }

        await using var read = CreateContext();
        (await read.Widgets.Select(w => w.Model).ToListAsync()).Should().Equal("alive");
        (await read.Widgets.SumAsync(w => w.UnitPrice)).Should().Be(1m);
        (await read.Widgets.AnyAsync(w => w.Model == "deleted")).Should().BeFalse();
        (await read.Widgets.IgnoreQueryFilters().CountAsync()).Should().Be(2);
    }

    [Fact]
    public async Task Soft_deleting_a_row_hides_it_from_later_queries()
    {
        string id;
        await using (var db = CreateContext())
        {
            var widget = NewWidget(1m);
            db.Widgets.Add(widget);
            await db.SaveChangesAsync();
            id = widget.Id;
            widget.DelFlg = DelFlag.Deleted;
            await db.SaveChangesAsync();
        }

        await using var read = CreateContext();
        (await read.Widgets.FirstOrDefaultAsync(w => w.Id == id)).Should().BeNull();
        (await read.Widgets.IgnoreQueryFilters().SingleAsync(w => w.Id == id)).DelFlg.Should().Be(DelFlag.Deleted);
    }

    [Fact]
    public async Task Soft_delete_filter_applies_to_every_soft_deletable_entity()
    {
        await using (var db = CreateContext())
        {
            db.Organizations.Add(new Domain.Identity.Organization { Name = "gone", DelFlg = DelFlag.Deleted });
            db.Users.Add(new Domain.Identity.User { Username = "gone", OrgId = "x", DelFlg = DelFlag.Deleted });
            db.ComputeCenters.Add(new ComputeCenter { Name = "gone", DelFlg = DelFlag.Deleted });
            db.Clusters.Add(new Cluster { Name = "gone", DelFlg = DelFlag.Deleted });
            await db.SaveChangesAsync();
        }

        await using var read = CreateContext();
        (await read.Organizations.CountAsync()).Should().Be(0);
        (await read.Users.CountAsync()).Should().Be(0);
        (await read.ComputeCenters.CountAsync()).Should().Be(0);
        (await read.Clusters.CountAsync()).Should().Be(0);
        (await read.Organizations.IgnoreQueryFilters().CountAsync()).Should().Be(1);
        (await read.Users.IgnoreQueryFilters().CountAsync()).Should().Be(1);
        (await read.ComputeCenters.IgnoreQueryFilters().CountAsync()).Should().Be(1);
        (await read.Clusters.IgnoreQueryFilters().CountAsync()).Should().Be(1);
    }

    // ---- unique (cpcid, type, model) over alive rows ----

    [Fact]
    public async Task Two_alive_widgets_with_the_same_centre_type_and_model_violate_the_unique_index()
    {
        await using (var db = CreateContext())
        {
            db.Widgets.Add(NewWidget(1m, "A100-80G", WidgetTypes.Gpu));
            await db.SaveChangesAsync();
        }

        await using var second = CreateContext();
        second.Widgets.Add(NewWidget(2m, "A100-80G", WidgetTypes.Gpu));
        var act = () => second.SaveChangesAsync();

        var thrown = await act.Should().ThrowAsync<DbUpdateException>();
        second.IsUniqueViolation(thrown.Which).Should().BeTrue();
    }

    [Fact]
    public async Task Duplicates_in_one_save_also_violate_the_unique_index()
    {
        await using var db = CreateContext();
        db.Widgets.AddRange(NewWidget(1m, "A100-80G", WidgetTypes.Gpu), NewWidget(2m, "A100-80G", WidgetTypes.Gpu));

        var act = () => db.SaveChangesAsync();

        var thrown = await act.Should().ThrowAsync<DbUpdateException>();
        db.IsUniqueViolation(thrown.Which).Should().BeTrue();
    }

    [Fact]
    public async Task A_deleted_and_an_alive_widget_with_the_same_key_are_allowed()
    {
        await using (var db = CreateContext())
        {
            db.Widgets.Add(NewWidget(1m, "A100-80G", WidgetTypes.Gpu, delFlg: DelFlag.Deleted));
            await db.SaveChangesAsync();
        }
        await using (var db = CreateContext())
        {
            db.Widgets.Add(NewWidget(2m, "A100-80G", WidgetTypes.Gpu));
            await db.SaveChangesAsync();
        }
        await using (var db = CreateContext())
        {
            // Deleting the alive one and re-adding it again keeps working: any number of deleted copies may exist.
            var alive = await db.Widgets.SingleAsync();
            alive.DelFlg = DelFlag.Deleted;
            db.Widgets.Add(NewWidget(3m, "A100-80G", WidgetTypes.Gpu));
            await db.SaveChangesAsync();
        }

        await using var read = CreateContext();
        (await read.Widgets.Select(w => w.UnitPrice).ToListAsync()).Should().Equal(3m);
        (await read.Widgets.IgnoreQueryFilters().CountAsync()).Should().Be(3);
    }

    [Fact]
    public async Task Same_type_and_model_in_other_centres_or_other_types_are_allowed()
    {
        await using var db = CreateContext();
        db.Widgets.AddRange(
            NewWidget(1m, "STANDARD", WidgetTypes.Cpu, "centre-1"),
            NewWidget(1m, "STANDARD", WidgetTypes.Cpu, "centre-2"),
            NewWidget(1m, "STANDARD", WidgetTypes.Memory, "centre-1"));

        await db.SaveChangesAsync();

        (await db.Widgets.CountAsync()).Should().Be(3);
    }

    [Fact]
    public async Task Other_errors_are_not_unique_violations()
    {
        await using var db = CreateContext();
        var widget = NewWidget(1m);
        db.Widgets.Add(widget);
        await db.SaveChangesAsync();
        // A stock row pointing at a cluster that does not exist: a foreign-key failure, not a duplicate.
        db.WidgetClusterStocks.Add(WidgetClusterStock.Open(widget.Id, "no-such-cluster", 1).Value!);

        var act = () => db.SaveChangesAsync();

        var thrown = await act.Should().ThrowAsync<DbUpdateException>();
        db.IsUniqueViolation(thrown.Which).Should().BeFalse();
    }

    // ---- timestamps ----

    [Fact]
    public async Task Interceptor_sets_create_and_update_time_in_utc()
    {
        var before = DateTime.UtcNow;
        string id;
        await using (var db = CreateContext())
        {
            var widget = NewWidget(1m);
            widget.CreateAt.Should().Be(default);
            db.Widgets.Add(widget);
            await db.SaveChangesAsync();
            id = widget.Id;
        }
        var after = DateTime.UtcNow;

        await using var read = CreateContext();
        var stored = await read.Widgets.SingleAsync(w => w.Id == id);
        stored.CreateAt.Kind.Should().Be(DateTimeKind.Utc);
        stored.UpdateTime.Kind.Should().Be(DateTimeKind.Utc);
        stored.CreateAt.Should().BeOnOrAfter(before).And.BeOnOrBefore(after);
        stored.UpdateTime.Should().Be(stored.CreateAt);
    }

    [Fact]
    public async Task Interceptor_stamps_update_time_on_update_and_keeps_create_at()
    {
        var clock = new ManualClock(new DateTimeOffset(2025, 6, 10, 7, 22, 56, 123, TimeSpan.Zero));
        string id;
        await using (var db = CreateContext(clock))
        {
            var widget = NewWidget(1m);
            db.Widgets.Add(widget);
            await db.SaveChangesAsync();
            id = widget.Id;
        }

        clock.Now = clock.Now.AddHours(3);
        await using (var db = CreateContext(clock))
        {
            var widget = await db.Widgets.SingleAsync(w => w.Id == id);
            widget.ChangePrice(2m);
            await db.SaveChangesAsync();
        }

        await using var read = CreateContext();
        var stored = await read.Widgets.SingleAsync(w => w.Id == id);
        stored.CreateAt.Should().Be(new DateTime(2025, 6, 10, 7, 22, 56, 123, DateTimeKind.Utc));
        stored.UpdateTime.Should().Be(new DateTime(2025, 6, 10, 10, 22, 56, 123, DateTimeKind.Utc));
        stored.CreateAt.Kind.Should().Be(DateTimeKind.Utc);
        stored.UpdateTime.Kind.Should().Be(DateTimeKind.Utc);
        stored.UnitPrice.Should().Be(2m);
    }

    [Fact]
    public async Task Interceptor_also_runs_on_synchronous_save()
    {
        var clock = new ManualClock(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await using (var db = CreateContext(clock))
        {
            db.Organizations.Add(new Domain.Identity.Organization { Name = "org" });
            db.SaveChanges();
        }

        await using var read = CreateContext();
        var org = await read.Organizations.SingleAsync();
        org.CreateAt.Should().Be(new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        org.UpdateTime.Should().Be(org.CreateAt);
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
