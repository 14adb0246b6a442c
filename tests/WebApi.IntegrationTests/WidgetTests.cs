using System.Text.Json.Nodes;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>W1, W2, W4, W5 and B1 (spec: 41-cpcc-widgets-pricing.md, 43-cpcc-purchase.md).</summary>
public sealed class WidgetTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static (string, string?)[] NewWidget(SeededCenter c, string model, string stock = "10", string addOpt = "no", string? cluster = null) =>
    [
        ("cpcid", c.Id), ("clusterid", cluster ?? c.Chaoyang), ("type", "gpu"), ("resource_unit", "卡"), ("unit_price", "1.99"),
        ("model", model), ("stock", stock), ("charge_unit", "小时"), ("account_unit", "元"), ("add_opt", addOpt),
    ];

    [Fact]
    public async Task Demo_list_has_the_spec_rows_in_the_spec_order()
    {
        var r = await app.Operator().GetAsync("/dev/cpcc/cpcwidget/get_cpcwidget.dspy", ("cpcid", DemoData.CenterId));
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("获取算力部件成功");
        r.Data!["total"]!.GetValue<int>().Should().Be(14);
        var rows = r.Data["rows"]!.AsArray();
        rows.Select(x => x!["id"]!.GetValue<string>()).Should().Equal(DemoData.Widgets.Select(w => w.Id));
        var first = rows[0]!.AsObject();
        first.Select(p => p.Key).Should().Equal("id", "cpcid", "type", "model", "unit_price", "resource_unit", "stock", "consumed", "charge_unit", "account_unit", "update_time", "import_export");
        first["update_time"]!.GetValue<string>().Should().Be("2025-06-10 15:22:56");
        first["unit_price"]!.GetValue<decimal>().Should().Be(1.5m);
        var gpu = rows[5]!;
        gpu["model"]!.GetValue<string>().Should().Be("STANDARD-8G");
        gpu["stock"]!.GetValue<long>().Should().Be(5);
        JsonNode.DeepEquals(gpu["import_export"], JsonNode.Parse(
            """[{"clusterid":"4hBm8atruISOU2bs24t_X","clustername":"通州区","stock":2,"consumed":0},{"clusterid":"4hBm8atruISOU2bs24t_N","clustername":"朝阳区","stock":3,"consumed":0}]""")).Should().BeTrue(gpu.ToJsonString());
        rows[14 - 1]!["unit_price"]!.GetValue<decimal>().Should().Be(0.0002m);
    }

    [Fact]
    public async Task Add_then_duplicate_then_add_stock()
    {
        var c = await Seed.CenterAsync(app.Factory);
        var op = app.Operator();
        var r = await op.PostAsync("/dev/cpcc/cpcwidget/add_cpcwidget.dspy", NewWidget(c, "H100-80G"));
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("新增算力部件成功");
        r.Data!["stock"]!.GetValue<string>().Should().Be("10");
        r.Data["unit_price"]!.GetValue<string>().Should().Be("1.99");
        r.Data["id"]!.GetValue<string>().Should().HaveLength(21);
        r.Data["update_time"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$");

        var dup = await op.PostAsync("/dev/cpcc/cpcwidget/add_cpcwidget.dspy", NewWidget(c, "H100-80G"));
        dup.Status.Should().BeFalse();
        dup.Msg.Should().Be("该部件已存在,请前往编辑!");
        dup.Code.Should().Be("conflict");

        await Task.Delay(1100);
        var more = await op.PostAsync("/dev/cpcc/cpcwidget/add_cpcwidget.dspy", NewWidget(c, "H100-80G", "5", "yes", c.Tongzhou));
        more.Status.Should().BeTrue(more.Raw);
        more.Data!["update_time"]!.GetValue<string>().Should().NotBe(r.Data["update_time"]!.GetValue<string>(), "adding stock touches the widget");
        more.Data!["stock"]!.GetValue<string>().Should().Be("15");
        more.Data["import_export"]!.AsArray().Should().HaveCount(2);

        var down = await op.PostAsync("/dev/cpcc/cpcwidget/add_cpcwidget.dspy", NewWidget(c, "H100-80G", "-20", "yes"));
        down.Status.Should().BeFalse();
        down.Code.Should().Be("insufficient_stock");
        var fix = await op.PostAsync("/dev/cpcc/cpcwidget/add_cpcwidget.dspy", NewWidget(c, "H100-80G", "-4", "yes"));
        fix.Data!["stock"]!.GetValue<string>().Should().Be("11");
    }

    /// <summary>The stock add builds its echo from the widget read before its transaction (ADR 0016): same JSON as the
    /// echo of the widget read again after the commit.</summary>
    [Fact]
    public async Task Add_stock_echo_equals_the_widget_read_after_the_commit()
    {
        var c = await Seed.CenterAsync(app.Factory);
        var op = app.Operator();
        (await op.PostAsync("/dev/cpcc/cpcwidget/add_cpcwidget.dspy", NewWidget(c, "A800-80G", "7"))).Status.Should().BeTrue();
        (await op.PostAsync("/dev/cpcc/cpcwidget/add_cpcwidget.dspy", NewWidget(c, "A800-80G", "2", "yes", c.Tongzhou)))
            .Status.Should().BeTrue();
        foreach (var (stock, cluster) in new[] { ("3", c.Chaoyang), ("-1", c.Tongzhou), ("0", c.Chaoyang) })
        {
            var r = await op.PostAsync("/dev/cpcc/cpcwidget/add_cpcwidget.dspy", NewWidget(c, "A800-80G", stock, "yes", cluster));
            r.Status.Should().BeTrue(r.Raw);
            var json = app.Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Mvc.JsonOptions>>()
                .Value.JsonSerializerOptions;
            var reread = await app.Factory.WithDbAsync(db => db.Widgets.AsNoTracking().Include(w => w.Stocks).ThenInclude(s => s.Cluster)
                .SingleAsync(w => w.Cpcid == c.Id && w.Model == "A800-80G"));
            var expected = System.Text.Json.JsonSerializer.SerializeToNode(
                Kboss.Application.Cpcc.Widgets.WidgetEcho.From(reread), json);
            JsonNode.DeepEquals(r.Data, expected).Should().BeTrue($"{r.Data!.ToJsonString()} vs {expected!.ToJsonString()}");
        }
    }

    [Fact]
    public async Task Parallel_add_stock_loses_no_increment()
    {
        var c = await Seed.CenterAsync(app.Factory);
        var id = c.WidgetIds["gpu/A100-80G"];
        var tasks = Enumerable.Range(0, 24).Select(_ => app.Operator().PostAsync("/dev/cpcc/cpcwidget/add_cpcwidget.dspy", NewWidget(c, "A100-80G", "1", "yes", c.Tongzhou)));
        var results = await Task.WhenAll(tasks);
        results.Should().OnlyContain(r => r.Status, string.Join("\n", results.Where(r => !r.Status).Select(r => r.Raw)));
        await app.Factory.WithDbAsync(async db =>
        {
            var stock = await db.WidgetClusterStocks.AsNoTracking().Where(s => s.WidgetId == id).ToListAsync();
            stock.Single(s => s.ClusterId == c.Tongzhou).Stock.Should().Be(24);
            stock.Should().HaveCount(2);
        });
    }

    [Fact]
    public async Task Parallel_decreases_never_go_below_what_is_consumed()
    {
        // The conditional UPDATE uses WidgetClusterStock.CanAdjustBy, the entity's own rule (ADR 0021).
        var c = await Seed.CenterAsync(app.Factory);
        var op = app.Operator();
        var created = await op.PostAsync("/dev/cpcc/cpcwidget/add_cpcwidget.dspy", NewWidget(c, "L40S", "10"));
        var id = created.Data!["id"]!.GetValue<string>();
        await app.Factory.WithDbAsync(async db =>
        {
            (await db.WidgetClusterStocks.SingleAsync(x => x.WidgetId == id)).Consume(2).Ok.Should().BeTrue();
            await db.SaveChangesAsync();
        });
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            app.Operator().PostAsync("/dev/cpcc/cpcwidget/add_cpcwidget.dspy", NewWidget(c, "L40S", "-1", "yes"))));
        results.Count(r => r.Status).Should().Be(8, string.Join("\n", results.Select(r => r.Raw)));
        results.Where(r => !r.Status).Should().OnlyContain(r => r.Code == "insufficient_stock"
            && r.Msg == "调整后的库存不能小于 0,也不能低于已消耗量");
        await app.Factory.WithDbAsync(async db =>
        {
            var entry = await db.WidgetClusterStocks.AsNoTracking().SingleAsync(x => x.WidgetId == id);
            (entry.Stock, entry.Consumed).Should().Be((2L, 2L));
        });
    }

    [Fact]
    public async Task Parallel_first_adds_of_a_new_widget_create_one_widget_and_sum_the_stock()
    {
        var c = await Seed.CenterAsync(app.Factory);
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => app.Operator().PostAsync("/dev/cpcc/cpcwidget/add_cpcwidget.dspy", NewWidget(c, "B200", "2", "yes"))));
        results.Should().OnlyContain(r => r.Status, string.Join("\n", results.Where(r => !r.Status).Select(r => r.Raw)));
        await app.Factory.WithDbAsync(async db =>
        {
            var widgets = await db.Widgets.AsNoTracking().Include(w => w.Stocks).Where(w => w.Cpcid == c.Id && w.Model == "B200").ToListAsync();
            widgets.Should().HaveCount(1);
            widgets[0].TotalStock.Should().Be(24);
        });
    }

    [Theory]
    [InlineData("type", "ram", "type 取值无效,可选: cpu/memory/disk/gpu")]
    [InlineData("unit_price", "abc", "unit_price 必须是不小于 0 的数字,最多 6 位小数")]
    [InlineData("unit_price", "-1", "unit_price 必须是不小于 0 的数字,最多 6 位小数")]
    [InlineData("stock", "1.5", "stock 必须是整数")]
    [InlineData("stock", "-1", "stock 必须是不小于 0 的整数")]
    [InlineData("charge_unit", "年", "charge_unit 取值无效,可选: 秒/分钟/小时/天")]
    [InlineData("account_unit", "美元", "account_unit 取值无效,可选: 元/角/分")]
    [InlineData("add_opt", "maybe", "add_opt 取值无效,可选: no/yes")]
    [InlineData("cpcid", "", "无算力中心ID")]
    [InlineData("clusterid", "", "缺少必要参数: clusterid")]
    public async Task Add_rejects_bad_input(string field, string value, string msg)
    {
        var c = await Seed.CenterAsync(app.Factory);
        var form = NewWidget(c, "X1").Select(p => p.Item1 == field ? (p.Item1, (string?)value) : p).ToArray();
        var r = await app.Operator().PostAsync("/dev/cpcc/cpcwidget/add_cpcwidget.dspy", form);
        r.Http.Should().Be(200);
        r.Status.Should().BeFalse();
        r.Msg.Should().Be(msg);
        r.Body["errors"]![field].Should().NotBeNull();
    }

    [Fact]
    public async Task Add_checks_cluster_and_roles()
    {
        var c = await Seed.CenterAsync(app.Factory);
        var other = await Seed.CenterAsync(app.Factory);
        (await app.Operator().PostAsync("/dev/cpcc/cpcwidget/add_cpcwidget.dspy", NewWidget(c, "X2", cluster: other.Chaoyang))).Msg.Should().Be("该算力集群不属于该算力中心");
        (await app.Operator().PostAsync("/dev/cpcc/cpcwidget/add_cpcwidget.dspy", NewWidget(c, "X2", cluster: "nope"))).Msg.Should().Be("算力集群不存在");
        (await app.Customer().PostAsync("/dev/cpcc/cpcwidget/add_cpcwidget.dspy", NewWidget(c, "X2"))).Http.Should().Be(403);
        (await app.Anonymous().PostAsync("/dev/cpcc/cpcwidget/add_cpcwidget.dspy", NewWidget(c, "X2"))).Http.Should().Be(401);
        var foreign = await app.OtherOperator().PostAsync("/dev/cpcc/cpcwidget/add_cpcwidget.dspy", NewWidget(c, "X2"));
        foreign.Http.Should().Be(403);
        foreign.Msg.Should().Be("无权操作该算力中心");
    }

    [Fact]
    public async Task Update_price_by_id_or_by_type_and_model_is_audited()
    {
        var c = await Seed.CenterAsync(app.Factory);
        var id = c.WidgetIds["memory/Kingston FURY"];
        var r = await app.Operator().PostAsync("/dev/cpcc/cpcwidget/update_cpcwidget.dspy", ("id", id), ("cpcid", c.Id), ("unit_price", "0.0009"), ("type", "memory"), ("model", "Kingston FURY"));
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("更新算力部件成功");
        r.Data!.ToJsonString().Should().Be($$"""{"cpcid":"{{c.Id}}","id":"{{id}}","unit_price":"0.0009"}""");
        var byModel = await app.Operator().PostAsync("/dev/cpcc/cpcwidget/update_cpcwidget.dspy", ("cpcid", c.Id), ("unit_price", "0.001"), ("type", "memory"), ("model", "Kingston FURY"));
        byModel.Data!["id"]!.GetValue<string>().Should().Be(id);
        await app.Factory.WithDbAsync(async db =>
        {
            (await db.Widgets.AsNoTracking().SingleAsync(w => w.Id == id)).UnitPrice.Should().Be(0.001m);
            (await db.AuditEntries.AsNoTracking().CountAsync(a => a.EntityId == id && a.Action == "cpcc.widget.price_changed")).Should().Be(2);
        });
        (await app.Operator().PostAsync("/dev/cpcc/cpcwidget/update_cpcwidget.dspy", ("cpcid", c.Id), ("unit_price", "x"), ("type", "memory"), ("model", "Kingston FURY"))).Msg.Should().Be("单价格式错误");
        var mismatch = await app.Operator().PostAsync("/dev/cpcc/cpcwidget/update_cpcwidget.dspy", ("id", id), ("cpcid", c.Id), ("unit_price", "9"), ("type", "cpu"), ("model", "STANDARD"));
        mismatch.Msg.Should().Be("部件类型或型号与部件ID不符");
        mismatch.Code.Should().Be("conflict");
        var trailing = await app.Operator().PostAsync("/dev/cpcc/cpcwidget/update_cpcwidget.dspy", ("id", id), ("cpcid", c.Id), ("unit_price", "12.50"));
        trailing.Data!["unit_price"]!.GetValue<string>().Should().Be("12.5");
        (await app.Operator().PostAsync("/dev/cpcc/cpcwidget/update_cpcwidget.dspy", ("cpcid", c.Id), ("unit_price", "1"), ("type", "memory"), ("model", "nope"))).Msg.Should().Be("算力部件不存在");
        (await app.Anonymous().PostAsync("/dev/cpcc/cpcwidget/update_cpcwidget.dspy", ("cpcid", c.Id), ("unit_price", "1"))).Http.Should().Be(401);
        (await app.Customer().PostAsync("/dev/cpcc/cpcwidget/update_cpcwidget.dspy", ("cpcid", c.Id), ("unit_price", "1"))).Http.Should().Be(403);
    }

    [Fact]
    public async Task Delete_refuses_consumed_widgets_and_hides_deleted_ones()
    {
        var c = await Seed.CenterAsync(app.Factory);
        var used = c.WidgetIds["gpu/V100-32G"];
        await app.Factory.WithDbAsync(async db =>
        {
            var s = await db.WidgetClusterStocks.FirstAsync(x => x.WidgetId == used);
            s.Adjust(4 - s.Stock).Ok.Should().BeTrue();
            s.Consume(1).Ok.Should().BeTrue();
            await db.SaveChangesAsync();
        });
        var refused = await app.Operator().PostAsync("/dev/cpcc/cpcwidget/delete_cpcwidget.dspy", ("id", used), ("cpcid", c.Id));
        refused.Msg.Should().Be("该部件仍有消耗,无法移除");
        var id = c.WidgetIds["gpu/A100-80G"];
        var r = await app.Operator().PostAsync("/dev/cpcc/cpcwidget/delete_cpcwidget.dspy", ("id", id), ("cpcid", c.Id));
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("移除算力部件成功");
        var list = await app.Operator().GetAsync("/dev/cpcc/cpcwidget/get_cpcwidget.dspy", ("cpcid", c.Id));
        list.Data!["total"]!.GetValue<int>().Should().Be(13);
        (await app.Operator().PostAsync("/dev/cpcc/cpcwidget/delete_cpcwidget.dspy", ("id", id), ("cpcid", c.Id))).Code.Should().Be("not_found");
        // the same model can be added again once deleted
        (await app.Operator().PostAsync("/dev/cpcc/cpcwidget/add_cpcwidget.dspy", NewWidget(c, "A100-80G"))).Status.Should().BeTrue();
    }

    [Fact]
    public async Task Gpu_stock_per_centre_and_cluster()
    {
        var all = await app.Anonymous().GetAsync("/dev/cpcc/cpcwidget/obtaining_gpuinfo.dspy", ("cpcid", DemoData.CenterId));
        all.Status.Should().BeTrue(all.Raw);
        all.Msg.Should().Be("获取集群GPU库存成功");
        all.Data!.AsObject().Select(p => $"{p.Key}={p.Value}").Should().Equal("V100-32G=0", "RTX4090-24G=0", "RTX5090-32G=8", "A100-80G=0", "STANDARD-8G=5");
        var x = await app.Anonymous().GetAsync("/dev/cpcc/cpcwidget/obtaining_gpuinfo.dspy", ("cpcid", DemoData.CenterId), ("clusterid", DemoData.ClusterTongzhou));
        x.Data!["STANDARD-8G"]!.GetValue<long>().Should().Be(2);
        x.Data["RTX5090-32G"]!.GetValue<long>().Should().Be(0);
        var n = await app.Anonymous().GetAsync("/dev/cpcc/cpcwidget/obtaining_gpuinfo.dspy", ("clusterid", DemoData.ClusterChaoyang));
        n.Data!["STANDARD-8G"]!.GetValue<long>().Should().Be(3);
        (await app.Anonymous().GetAsync("/dev/cpcc/cpcwidget/obtaining_gpuinfo.dspy", ("cpcid", "nope"))).Code.Should().Be("not_found");
        (await app.Anonymous().GetAsync("/dev/cpcc/cpcwidget/obtaining_gpuinfo.dspy", ("clusterid", "nope"))).Msg.Should().Be("算力集群不存在");
    }

    [Fact]
    public async Task List_needs_login_and_a_centre()
    {
        (await app.Anonymous().GetAsync("/dev/cpcc/cpcwidget/get_cpcwidget.dspy", ("cpcid", DemoData.CenterId))).Http.Should().Be(401);
        (await app.Operator().GetAsync("/dev/cpcc/cpcwidget/get_cpcwidget.dspy")).Msg.Should().Be("无算力中心ID");
        (await app.Operator().GetAsync("/dev/cpcc/cpcwidget/get_cpcwidget.dspy", ("cpcid", "nope"))).Msg.Should().Be("算力中心不存在");
        (await app.Customer().GetAsync("/dev/cpcc/cpcwidget/get_cpcwidget.dspy", ("cpcid", DemoData.CenterId))).Http.Should().Be(403);
        (await app.OtherOperator().GetAsync("/dev/cpcc/cpcwidget/get_cpcwidget.dspy", ("cpcid", DemoData.CenterId))).Http.Should().Be(403);
    }
}
