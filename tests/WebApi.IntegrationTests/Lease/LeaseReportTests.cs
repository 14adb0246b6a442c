using System.Text.Json.Nodes;
using Kboss.WebApi.IntegrationTests.Infrastructure;

namespace Kboss.WebApi.IntegrationTests.Lease;

/// <summary>
/// The data set of <see cref="LeaseReportTests"/>, made once: store S1 with product P1 (3 devices, window T−30…T+365)
/// and P3 (1 device, window T+100…T+200), store S2 with P2 (2 devices, T−30…T+365); bill 1 rents P1's first two
/// devices for T…T+10, bill 2 P2's first for T+5…T+20 (T = the platform's today).
/// </summary>
public sealed class IdleReportFixture : LeaseFixture
{
    public string S1 { get; private set; } = "";
    public string S2 { get; private set; } = "";
    public (string Id, string[] Devices) P1 { get; private set; }
    public (string Id, string[] Devices) P2 { get; private set; }
    public (string Id, string[] Devices) P3 { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var t = Today;
        (S1, S2) = (Unique("报表仓库"), Unique("报表仓库"));
        await StoreAsync(S1);
        await StoreAsync(S2);
        P1 = await ProductAsync(S1, 3, start: t.AddDays(-30), end: t.AddDays(365));
        P2 = await ProductAsync(S2, 2, start: t.AddDays(-30), end: t.AddDays(365));
        P3 = await ProductAsync(S1, 1, start: t.AddDays(100), end: t.AddDays(200));
        await FundCustomerAsync("100");
        (await LeaseBuyTests.BuyAsync(Customer(), P1.Id, P1.Devices[..2], t, t.AddDays(10))).Status.Should().BeTrue();
        (await LeaseBuyTests.BuyAsync(Customer(), P2.Id, P2.Devices[..1], t.AddDays(5), t.AddDays(20))).Status
            .Should().BeTrue();
    }
}

/// <summary>
/// Module 15's reports over HTTP (analysis/lease.md §3A.8, §3A.14, §3A.18, §4.6; ADR 0039) with hand-checked values
/// on <see cref="IdleReportFixture"/>'s data set.
/// </summary>
public sealed class LeaseReportTests(IdleReportFixture app) : IClassFixture<IdleReportFixture>
{
    private Task<Response> ReportAsync(DateOnly? day, Api? who = null, int? rows = null, int? page = null) =>
        (who ?? app.Operator()).PostJsonAsync("/lease/report_disengaged.dspy",
            new { select_date = day?.ToString("yyyy-MM-dd"), rows, page });

    private static (int, int, int, decimal) Counts(JsonNode n) => (n["total"]!.GetValue<int>(),
        n["idle"]!.GetValue<int>(), n["rented"]!.GetValue<int>(), n["idle_rate"]!.GetValue<decimal>());

    private static Dictionary<string, (int, int, int, decimal)> By(JsonNode data, string list, string key) =>
        data[list]!.AsArray().ToDictionary(x => x![key]!.GetValue<string>(), x => Counts(x!));

    [Fact]
    public async Task Idle_statistics_follow_the_bill_dates_of_the_selected_day()
    {
        var t = app.Today;
        var today = await ReportAsync(null);
        (today.Status, today.Msg, today.Data!["select_date"]!.GetValue<string>())
            .Should().Be((true, "统计空闲成功", t.ToString("yyyy-MM-dd")), today.Raw);
        Counts(today.Data!).Should().Be((5, 3, 2, 60.00m)); // P3's window has not begun
        By(today.Data!, "by_store", "store_name").Should().BeEquivalentTo(new Dictionary<string, (int, int, int,
            decimal)> { [app.S1] = (3, 1, 2, 33.33m), [app.S2] = (2, 2, 0, 100m) });
        By(today.Data!, "by_product", "product_id").Should().BeEquivalentTo(new Dictionary<string, (int, int, int,
            decimal)> { [app.P1.Id] = (3, 1, 2, 33.33m), [app.P2.Id] = (2, 2, 0, 100m) });
        today.Data!["idle_devices"]!["total"]!.GetValue<int>().Should().Be(3);

        var five = await ReportAsync(t.AddDays(5));
        Counts(five.Data!).Should().Be((5, 2, 3, 40.00m));
        By(five.Data!, "by_store", "store_name")[app.S2].Should().Be((2, 1, 1, 50.00m));
        Counts((await ReportAsync(t.AddDays(15))).Data!).Should().Be((5, 4, 1, 80.00m));
        Counts((await ReportAsync(t.AddDays(150))).Data!).Should().Be((6, 6, 0, 100m));
        Counts((await ReportAsync(t.AddDays(400))).Data!).Should().Be((0, 0, 0, 0m));

        var paged = await ReportAsync(null, rows: 2, page: 2);
        paged.Data!["idle_devices"]!["rows"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task Idle_statistics_are_for_staff_of_the_devices_org_only()
    {
        Counts((await ReportAsync(null, app.OtherOperator())).Data!).Should().Be((0, 0, 0, 0m));
        (await ReportAsync(null, app.Customer())).Http.Should().Be(403);
        (await ReportAsync(null, app.Anonymous())).Http.Should().Be(401);
        var bad = await app.Operator().PostJsonAsync("/lease/report_disengaged.dspy",
            new { select_date = "2023-13-01" });
        (bad.Http, bad.Status, bad.Msg).Should().Be((200, false, "日期格式错误: select_date"));
        (await ReportAsync(null, rows: 101)).Status.Should().BeFalse();
    }

    [Fact]
    public async Task Server_data_groups_idle_and_rented_devices_by_a_whitelisted_field()
    {
        var r = await app.Operator().PostJsonAsync("/lease/get_server_data.dspy",
            new { field = "store_name", rows = 100 });
        (r.Status, r.Msg).Should().Be((true, "获取服务器数据成功"), r.Raw);
        var byValue = r.Data!["rows"]!.AsArray().ToDictionary(x => x!["value"]!.GetValue<string>(), x => (
            x!["total"]!.GetValue<int>(), x["idle"]!.GetValue<int>(), x["rented"]!.GetValue<int>()));
        (byValue[app.S1], byValue[app.S2]).Should().Be(((4, 2, 2), (2, 1, 1)));
        var status = await app.Customer().PostJsonAsync("/lease/get_server_data.dspy", new { field = "status" });
        status.Data!["rows"]!.AsArray().Select(x => (x!["value"]!.GetValue<string>(), x["total"]!.GetValue<int>()))
            .Should().Equal(("0", 3), ("1", 3));
        var other = await app.OtherOperator().PostJsonAsync("/lease/get_server_data.dspy",
            new { field = "store_name" });
        other.Data!["total"]!.GetValue<int>().Should().Be(0);
        var bad = await app.Operator().PostJsonAsync("/lease/get_server_data.dspy", new { field = "id; drop table x" });
        (bad.Status, bad.Msg).Should().Be((false, "不支持的字段: id; drop table x"));
        var missing = await app.Operator().PostJsonAsync("/lease/get_server_data.dspy", new { });
        (missing.Http, missing.Msg).Should().Be((200, "缺少必要参数: field"));
        (await app.Anonymous().PostJsonAsync("/lease/get_server_data.dspy", new { field = "cpu" })).Http
            .Should().Be(401);
    }

    [Fact]
    public async Task Distinct_lists_the_values_in_use_verbatim_and_sorted()
    {
        var r = await app.Customer().PostJsonAsync("/lease/get_distinct.dspy",
            new { distinct = new[] { "product_name", "store_name", "resource_type" } });
        (r.Status, r.Msg).Should().Be((true, "获取去重字段成功"), r.Raw);
        r.Data!["store_name"]!.AsArray().Select(x => x!.GetValue<string>()).Should()
            .Equal(new[] { app.S1, app.S2 }.Order(StringComparer.Ordinal));
        r.Data!["product_name"]!.AsArray().Should().HaveCount(3);
        r.Data!["resource_type"]!.AsArray().Select(x => x!.GetValue<string>()).Should().Equal("resource_type ™️ ");
        var other = await app.OtherOperator().PostJsonAsync("/lease/get_distinct.dspy",
            new { distinct = new[] { "store_name" } });
        other.Data!["store_name"]!.AsArray().Should().BeEmpty();
        var bad = await app.Operator().PostJsonAsync("/lease/get_distinct.dspy",
            new { distinct = new[] { "cpu", "id" } });
        (bad.Status, bad.Msg).Should().Be((false, "不支持的字段: id"));
        (await app.Operator().PostJsonAsync("/lease/get_distinct.dspy", new { distinct = Array.Empty<string>() })).Msg
            .Should().Be("缺少必要参数: distinct");
        (await app.Operator().PostJsonAsync("/lease/get_distinct.dspy", new { distinct = "store_name" })).Http
            .Should().Be(200);
    }

    [Fact]
    public async Task Running_the_jobs_for_a_later_day_is_refused_unless_configured()
    {
        var r = await app.Admin().PostJsonAsync("/lease/update_stock.dspy",
            new { as_of = app.Today.AddDays(30).ToString("yyyy-MM-dd") });
        (r.Http, r.Status, r.Msg).Should().Be((200, false, "as_of 未启用(Lease:AllowRunAsOf)"));
        (await app.Admin().PostJsonAsync("/lease/expiration_warning.dspy", new { as_of = "x" })).Status
            .Should().BeFalse();
        (await ReportAsync(null)).Data!["rented"]!.GetValue<int>().Should().Be(2); // nothing was recycled
    }
}
