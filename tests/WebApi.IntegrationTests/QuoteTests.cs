using System.Text.Json.Nodes;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>W3 accrual_price: the spec's four examples with their exact values (spec: 41-cpcc-widgets-pricing.md).</summary>
public sealed class QuoteTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Path = "/dev/cpcc/cpcwidget/accrual_price.dspy";
    private const string Intel = "INTEL(R) XEON(R) PLATINUM 8582C";

    private static string Resources(string gpuModel = "RTX5090-32G") =>
        $$"""[{"type":"cpu","model":"{{Intel}}","amount":4},{"type":"memory","model":"Samsung DDR4 DIMMs","amount":8192},{"type":"disk","model":"DATA","amount":512},{"type":"gpu","model":"{{gpuModel}}","amount":2}]""";

    private static void PricedLine(JsonNode line, string name, string type, long amount, string unit, decimal price, decimal subtotal)
    {
        line.AsObject().Select(p => p.Key).Should().Equal("resource_name", "resource_type", "amount", "resource_unit", "unit_price", "duration", "duration_unit", "subtotal");
        line["resource_name"]!.GetValue<string>().Should().Be(name);
        line["resource_type"]!.GetValue<string>().Should().Be(type);
        line["amount"]!.GetValue<long>().Should().Be(amount);
        line["resource_unit"]!.GetValue<string>().Should().Be(unit);
        line["unit_price"]!.GetValue<decimal>().Should().Be(price);
        line["duration"]!.GetValue<string>().Should().Be("1");
        line["duration_unit"]!.GetValue<string>().Should().Be("小时");
        line["subtotal"]!.GetValue<decimal>().Should().Be(subtotal);
    }

    private static void ErrorLine(JsonNode line, string type, string error)
    {
        line.AsObject().Select(p => p.Key).Should().Equal("resource_type", "error");
        line["resource_type"]!.GetValue<string>().Should().Be(type);
        line["error"]!.GetValue<string>().Should().Be(error);
    }

    [Fact]
    public async Task Spec_success_example_totals_64_08_on_the_demo_centre_anonymously()
    {
        var r = await app.Anonymous().GetAsync(Path, ("cpcid", DemoData.CenterId), ("resources", Resources()), ("duration", "1"), ("duration_unit", "小时"));
        r.Http.Should().Be(200);
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("获取部件组合价格成功");
        r.Raw.Should().Contain("\"total_price\":64.08").And.Contain("\"subtotal\":6}").And.Contain("\"unit_price\":6,");
        var d = r.Data!;
        d["currency"]!.GetValue<string>().Should().Be("元");
        d["status"]!.GetValue<bool>().Should().BeTrue();
        d["message"]!.GetValue<string>().Should().Be("汇算正常");
        d["duration"]!.GetValue<string>().Should().Be("1");
        d["duration_unit"]!.GetValue<string>().Should().Be("小时");
        var lines = d["price_details"]!.AsArray();
        lines.Should().HaveCount(4);
        PricedLine(lines[0]!, $"cpu {Intel}", "cpu", 4, "核", 1.5m, 6m);
        PricedLine(lines[1]!, "memory Samsung DDR4 DIMMs", "memory", 8192, "Mi", 0.005m, 40.96m);
        PricedLine(lines[2]!, "disk DATA", "disk", 512, "Gi", 0.01m, 5.12m);
        PricedLine(lines[3]!, "gpu RTX5090-32G", "gpu", 2, "卡", 6m, 12m);
    }

    [Fact]
    public async Task Spec_invalid_gpu_model_example_totals_52_08()
    {
        var r = await app.Anonymous().GetAsync(Path, ("cpcid", DemoData.CenterId), ("resources", Resources("RTXs5090-32G")), ("duration", "1"), ("duration_unit", "小时"));
        r.Status.Should().BeFalse();
        r.Msg.Should().Be("无效的 gpu 部件型号: RTXs5090-32G");
        r.Data!["total_price"]!.GetValue<decimal>().Should().Be(52.08m);
        r.Data["status"]!.GetValue<bool>().Should().BeFalse();
        r.Data["message"]!.GetValue<string>().Should().Be("无效的 gpu 部件型号: RTXs5090-32G");
        var lines = r.Data["price_details"]!.AsArray();
        PricedLine(lines[2]!, "disk DATA", "disk", 512, "Gi", 0.01m, 5.12m);
        ErrorLine(lines[3]!, "gpu", "无效的 gpu 部件型号: RTXs5090-32G");
    }

    [Fact]
    public async Task Spec_memory_out_of_stock_example_totals_23_12()
    {
        var center = await Seed.CenterAsync(app.Factory, stock: new Dictionary<string, long> { ["Samsung DDR4 DIMMs"] = 1280 });
        var r = await app.Anonymous().GetAsync(Path, ("cpcid", center.Id), ("resources", Resources()), ("duration", "1"), ("duration_unit", "小时"));
        r.Status.Should().BeFalse();
        r.Msg.Should().Be("memory Samsung DDR4 DIMMs 库存不足 (库存: 1280, 请求: 8192)");
        r.Code.Should().Be("insufficient_stock");
        r.Data!["total_price"]!.GetValue<decimal>().Should().Be(23.12m);
        r.Data["message"]!.GetValue<string>().Should().Be(r.Msg);
        var lines = r.Data["price_details"]!.AsArray();
        ErrorLine(lines[1]!, "memory", "memory Samsung DDR4 DIMMs 库存不足 (库存: 1280, 请求: 8192)");
        PricedLine(lines[3]!, "gpu RTX5090-32G", "gpu", 2, "卡", 6m, 12m);
    }

    [Fact]
    public async Task Spec_centre_without_widgets_totals_0_with_four_error_lines()
    {
        var center = await Seed.CenterAsync(app.Factory, withWidgets: false);
        var r = await app.Anonymous().GetAsync(Path, ("cpcid", center.Id), ("resources", Resources()), ("duration", "1"), ("duration_unit", "小时"));
        r.Status.Should().BeFalse();
        r.Msg.Should().Be("没有该类型组件");
        r.Data!["total_price"]!.GetValue<decimal>().Should().Be(0m);
        r.Data["currency"]!.GetValue<string>().Should().Be("元");
        r.Data["message"]!.GetValue<string>().Should().Be("没有该类型组件");
        var lines = r.Data["price_details"]!.AsArray();
        lines.Select(l => l!["resource_type"]!.GetValue<string>()).Should().Equal("cpu", "memory", "disk", "gpu");
        foreach (var l in lines) ErrorLine(l!, l!["resource_type"]!.GetValue<string>(), "没有该类型组件");
    }

    [Theory]
    [InlineData("2", "天", "3075.84")]
    [InlineData("1", "周", "10765.44")]
    [InlineData("1", "月", "46137.6")]
    public async Task Longer_durations_convert_to_hours(string duration, string unit, string total)
    {
        var r = await app.Anonymous().GetAsync(Path, ("cpcid", DemoData.CenterId), ("resources", Resources()), ("duration", duration), ("duration_unit", unit));
        r.Status.Should().BeTrue(r.Raw);
        r.Data!["total_price"]!.GetValue<decimal>().Should().Be(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture));
        r.Data["duration"]!.GetValue<string>().Should().Be(duration);
        r.Data["duration_unit"]!.GetValue<string>().Should().Be(unit);
    }

    [Fact]
    public async Task Cluster_stock_is_checked_when_clusterid_is_given()
    {
        // STANDARD-8G: 3 in 朝阳区, 2 in 通州区
        var res = """[{"type":"gpu","model":"STANDARD-8G","amount":3}]""";
        (await app.Anonymous().GetAsync(Path, ("cpcid", DemoData.CenterId), ("resources", res), ("clusterid", DemoData.ClusterChaoyang))).Status.Should().BeTrue();
        var r = await app.Anonymous().GetAsync(Path, ("cpcid", DemoData.CenterId), ("resources", res), ("clusterid", DemoData.ClusterTongzhou));
        r.Msg.Should().Be("gpu STANDARD-8G 库存不足 (库存: 2, 请求: 3)");
        (await app.Anonymous().GetAsync(Path, ("cpcid", DemoData.CenterId), ("resources", """[{"type":"gpu","model":"STANDARD-8G","amount":5}]"""))).Status.Should().BeTrue();
        var twice = """[{"type":"gpu","model":"STANDARD-8G","amount":3},{"type":"gpu","model":"STANDARD-8G","amount":3}]""";
        (await app.Anonymous().GetAsync(Path, ("cpcid", DemoData.CenterId), ("resources", twice))).Msg.Should().Be("gpu STANDARD-8G 库存不足 (库存: 5, 请求: 6)");
    }

    [Fact]
    public async Task Json_body_with_a_real_array_and_post_form_are_accepted()
    {
        var body = new { cpcid = DemoData.CenterId, resources = new object[] { new { type = "gpu", model = "RTX5090-32G", amount = "2" } }, duration = 3, duration_unit = "小时" };
        var r = await app.Anonymous().PostJsonAsync(Path, body);
        r.Status.Should().BeTrue(r.Raw);
        r.Data!["total_price"]!.GetValue<decimal>().Should().Be(36m);
        var f = await app.Anonymous().PostAsync(Path, ("cpcid", DemoData.CenterId), ("resources", """[{"type":"disk","model":"DATA","amount":100}]"""));
        f.Data!["total_price"]!.GetValue<decimal>().Should().Be(1m);
        f.Data["duration"]!.GetValue<string>().Should().Be("1");
        f.Data["duration_unit"]!.GetValue<string>().Should().Be("小时");
    }

    [Theory]
    [InlineData(null, "[]", null, null, "无算力中心ID")]
    [InlineData("AROU9udKtPNyh0AZtO_WY", null, null, null, "resources参数格式错误")]
    [InlineData("AROU9udKtPNyh0AZtO_WY", "not json", null, null, "resources参数格式错误")]
    [InlineData("AROU9udKtPNyh0AZtO_WY", "[]", null, null, "resources参数格式错误")]
    [InlineData("AROU9udKtPNyh0AZtO_WY", "{\"type\":\"cpu\"}", null, null, "resources参数格式错误")]
    [InlineData("AROU9udKtPNyh0AZtO_WY", "[1,2]", null, null, "resources参数格式错误")]
    [InlineData("AROU9udKtPNyh0AZtO_WY", "[{\"type\":\"gpu\",\"model\":\"A100-80G\",\"amount\":1}]", "abc", null, "无效的使用时长: abc")]
    [InlineData("AROU9udKtPNyh0AZtO_WY", "[{\"type\":\"gpu\",\"model\":\"A100-80G\",\"amount\":1}]", "0", null, "无效的使用时长: 0")]
    [InlineData("AROU9udKtPNyh0AZtO_WY", "[{\"type\":\"gpu\",\"model\":\"A100-80G\",\"amount\":1}]", "1", "年", "无效的时长单位: 年")]
    public async Task Bad_requests_fail_clearly_never_500(string? cpcid, string? resources, string? duration, string? unit, string msg)
    {
        var r = await app.Anonymous().GetAsync(Path, ("cpcid", cpcid), ("resources", resources), ("duration", duration), ("duration_unit", unit));
        r.Http.Should().Be(200);
        r.Status.Should().BeFalse();
        r.Code.Should().Be("invalid_argument");
        r.Msg.Should().Be(msg);
        r.Body["errors"].Should().NotBeNull();
    }

    [Theory]
    [InlineData("-3")]
    [InlineData("1.5")]
    [InlineData("\"x\"")]
    [InlineData("0")]
    public async Task A_bad_amount_fails_only_its_line(string amount)
    {
        var res = $$"""[{"type":"gpu","model":"STANDARD-8G","amount":{{amount}}},{"type":"disk","model":"DATA","amount":100}]""";
        var r = await app.Anonymous().GetAsync(Path, ("cpcid", DemoData.CenterId), ("resources", res));
        r.Status.Should().BeFalse();
        r.Msg.Should().StartWith("无效的 gpu 部件数量: ");
        r.Data!["total_price"]!.GetValue<decimal>().Should().Be(1m);
    }

    [Fact]
    public async Task Unknown_centre_is_not_found()
    {
        var r = await app.Anonymous().GetAsync(Path, ("cpcid", "no-such-centre"), ("resources", Resources()));
        r.Status.Should().BeFalse();
        r.Code.Should().Be("not_found");
        r.Msg.Should().Be("算力中心不存在");
    }
}

/// <summary>Amounts so large the price overflows decimal fail their line instead of answering 500.</summary>
public sealed class QuoteOverflowTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Overflowing_line_fails_clearly()
    {
        var c = await Seed.CenterAsync(app.Factory, stock: new Dictionary<string, long> { ["DATA"] = 1_000_000_000_000 });
        await app.Factory.WithDbAsync(async db =>
        {
            // The charge unit is fixed at creation: rewrite the row as a test set-up, price through the entity.
            var id = c.WidgetIds["disk/DATA"];
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteUpdateAsync(
                db.Widgets.Where(x => x.Id == id), u => u.SetProperty(x => x.ChargeUnit, "秒"));
            var w = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Widgets, x => x.Id == id);
            w.ChangePrice(9_999_999_999_999m).Ok.Should().BeTrue();
            await db.SaveChangesAsync();
        });
        var r = await app.Anonymous().GetAsync("/dev/cpcc/cpcwidget/accrual_price.dspy", ("cpcid", c.Id),
            ("resources", """[{"type":"disk","model":"DATA","amount":1000000000000}]"""), ("duration", "100000"), ("duration_unit", "月"));
        r.Http.Should().Be(200);
        r.Status.Should().BeFalse();
        r.Msg.Should().Be("disk DATA 计价金额超出范围");
    }
}
