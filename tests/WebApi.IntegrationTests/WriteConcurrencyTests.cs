using System.Diagnostics;
using Kboss.Domain.Identity;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// SQLite under concurrency (ADR 0016): parallel writers on mixed endpoints never see a 5xx or "database is locked"
/// and lose nothing; another connection holding the file's write lock delays writes, and past the retries they get
/// <c>code: busy</c>, never a 500.
/// </summary>
public sealed class WriteConcurrencyTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string AddWidget = "/dev/cpcc/cpcwidget/add_cpcwidget.dspy";
    private const int Writers = 64;
    private const int RoundsPerWriter = 2;

    internal static (string, string?)[] StockAdd(string cpcid, string cluster) =>
    [
        ("cpcid", cpcid), ("clusterid", cluster), ("type", "gpu"), ("resource_unit", "卡"), ("unit_price", "6"),
        ("model", "RTX5090-32G"), ("stock", "1"), ("charge_unit", "小时"), ("account_unit", "元"), ("add_opt", "yes"),
    ];

    [Fact]
    public async Task Sixty_four_parallel_writers_on_mixed_endpoints_get_no_5xx_and_lose_nothing()
    {
        var c = await Seed.CenterAsync(app.Factory);
        var gpu = c.WidgetIds["gpu/RTX5090-32G"];
        var stockBefore = await StockAsync(app.Factory, gpu, c.Chaoyang);
        var tag = Guid.NewGuid().ToString("N")[..8];
        // Sign-ins spread over accounts: one account's parallel sign-ins are a throttling matter, not this test's.
        var signers = Enumerable.Range(0, 8).Select(i => $"s{tag}{i}").ToList();
        foreach (var name in signers)
            (await app.Admin().PostAsync("/user/add_user.dspy", ("username", name), ("password", AppFixture.Password),
                ("roles", Roles.Customer), ("orgid", app.CustomerOrgId))).Status.Should().BeTrue();

        // Writer w, round r does kind (w + r) % 6: stock add, label, device, org, user, sign-in.
        async Task<(int Kind, Response R)> WriteAsync(int w, int r)
        {
            var kind = (w + r) % 6;
            var n = $"{tag}-{w}-{r}";
            var resp = kind switch
            {
                0 => await app.Operator().PostAsync(AddWidget, StockAdd(c.Id, c.Chaoyang)),
                1 => await app.Operator().PostAsync("/dev/cpcc/cpclabel/add_cpclabel.dspy", ("name", "并发标签" + n),
                    ("labeltype", "1"), ("label_key", "k" + tag), ("label_value", $"v{w}-{r}")),
                2 => await app.Operator().PostAsync("/dev/cpcc/cpcnode/add_cpcnode.dspy",
                    DeviceTests.Fields(c.Id, $"10.{64 + r}.{w / 200}.{w % 200 + 1}", "并发设备" + n)),
                3 => await app.Admin().PostAsync("/user/add_org.dspy", ("name", "并发机构" + n), ("kind", "operator")),
                4 => await app.Admin().PostAsync("/user/add_user.dspy", ("username", "u" + n), ("password", AppFixture.Password),
                    ("roles", Roles.Customer), ("orgid", app.CustomerOrgId)),
                _ => await app.Anonymous().PostAsync("/user/login.dspy", ("username", signers[w % signers.Count]),
                    ("password", AppFixture.Password)),
            };
            return (kind, resp);
        }

        var results = await Task.WhenAll(Enumerable.Range(0, Writers).Select(async w =>
        {
            var mine = new List<(int Kind, Response R)>();
            for (var r = 0; r < RoundsPerWriter; r++) mine.Add(await WriteAsync(w, r));
            return mine;
        }));
        var all = results.SelectMany(x => x).ToList();

        all.Should().OnlyContain(x => x.R.Http < 500, "no write may answer 5xx");
        all.Should().NotContain(x => x.R.Raw.Contains("locked", StringComparison.OrdinalIgnoreCase));
        all.Where(x => !x.R.Status).Select(x => x.R.Raw).Should().BeEmpty("every write succeeds (the gate queues them)");

        int Count(int kind) => all.Count(x => x.Kind == kind);
        (await StockAsync(app.Factory, gpu, c.Chaoyang)).Should().Be(stockBefore + Count(0));
        await app.Factory.WithDbAsync(async db =>
        {
            (await db.Labels.CountAsync(l => l.LabelKey == "k" + tag)).Should().Be(Count(1));
            (await db.Devices.CountAsync(d => d.Cpcid == c.Id && d.Name.StartsWith("并发设备" + tag))).Should().Be(Count(2));
            (await db.Organizations.CountAsync(o => o.Name.StartsWith("并发机构" + tag))).Should().Be(Count(3));
            (await db.Users.CountAsync(u => u.Username.StartsWith("u" + tag))).Should().Be(Count(4));
        });
    }

    [Fact]
    public async Task Another_connection_holding_the_write_lock_for_a_while_only_delays_a_write()
    {
        var c = await Seed.CenterAsync(app.Factory);
        var gpu = c.WidgetIds["gpu/RTX5090-32G"];
        var before = await StockAsync(app.Factory, gpu, c.Chaoyang);

        await using var other = await HoldWriteLockAsync(app.Factory);
        var clock = Stopwatch.StartNew();
        var write = app.Operator().PostAsync(AddWidget, StockAdd(c.Id, c.Chaoyang));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        write.IsCompleted.Should().BeFalse("the other connection still holds the write lock");
        await other.DisposeAsync(); // rolls back and frees the file

        var r = await write;
        r.Http.Should().Be(200);
        r.Status.Should().BeTrue(r.Raw);
        clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(1.4));
        (await StockAsync(app.Factory, gpu, c.Chaoyang)).Should().Be(before + 1);
    }

    /// <summary>A connection of its own (as another process would have) inside <c>BEGIN IMMEDIATE</c>.</summary>
    internal static async Task<SqliteConnection> HoldWriteLockAsync(KbossFactory factory)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataFolder, "kboss.db")};Pooling=False");
        await connection.OpenAsync();
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE;";
        await begin.ExecuteNonQueryAsync();
        return connection;
    }

    internal static Task<long> StockAsync(KbossFactory factory, string widgetId, string clusterId) =>
        factory.WithDbAsync(db => db.WidgetClusterStocks.AsNoTracking()
            .Where(s => s.WidgetId == widgetId && s.ClusterId == clusterId).Select(s => s.Stock).SingleAsync());
}

/// <summary>A write lock held past every retry: <c>code: busy</c> (HTTP 200), and the next write works again.</summary>
public sealed class WriteLockTimeoutTests : IAsyncLifetime
{
    private readonly KbossFactory _factory = new(settings: new Dictionary<string, string>
    {
        ["Database:BusyTimeoutSeconds"] = "1", ["Database:WriteWaitSeconds"] = "1",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_write_lock_held_past_the_retries_answers_busy_not_500()
    {
        var admin = new Api(_factory.CreateClient());
        admin.WithToken(await admin.LoginAsync("admin", KbossFactory.AdminPassword));
        var form = WriteConcurrencyTests.StockAdd(DemoData.CenterId, DemoData.ClusterChaoyang);

        await using (await WriteConcurrencyTests.HoldWriteLockAsync(_factory))
        {
            var writes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => admin.PostAsync(AddWidgetPath, form)));
            writes.Should().OnlyContain(r => r.Http == 200 && !r.Status && r.Code == "busy", string.Join("\n", writes.Select(w => w.Raw)));
            writes.Should().NotContain(r => r.Raw.Contains("locked", StringComparison.OrdinalIgnoreCase));
        }

        var after = await admin.PostAsync(AddWidgetPath, form);
        after.Status.Should().BeTrue(after.Raw);
    }

    private const string AddWidgetPath = "/dev/cpcc/cpcwidget/add_cpcwidget.dspy";
}
