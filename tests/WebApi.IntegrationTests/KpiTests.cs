using Kboss.Application.Finance.Kpi;
using Kboss.Domain.Finance;
using Kboss.Domain.Identity;
using Kboss.Infrastructure.Persistence;
using Kboss.Infrastructure.Persistence.Migrations;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Finance.Bills;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// The constructed data set of the KPI tests (finance.md §3.1, §4.1–§4.4, §4.9), dated relative to today's month m0
/// and the month before, m1 (platform time). Demo operator org:
/// <list type="bullet">
/// <item>客户甲 (the fixture's customer, created now): BUY 1780 on m0 (list 2000, no cost snapshot → cost 2000),
///   RECHARGE_ALIPAY 300 on m1.</item>
/// <item>A (created m1, salesperson S): BUY 1000 on m0 (cost 700); BUY 1000 on m1 (cost 650) refunded 100 on m1
///   (cost back 65); unpaid BUY 999 and cancelled BUY 555 on m0; RECHARGE 5000 on m0.</item>
/// <item>C and E created 12 months before m0 (no bills); D created now and deleted, with a BUY 4321 on m0 (out of
///   every figure).</item>
/// </list>
/// Revenue m0 = 1000 + 1780 = 2780, m1 = 1000 − 100 = 900 (the KPI-02 example of §3.1: total 3680, 环比 208.89);
/// cost m0 = 2700, m1 = 585; profit m0 = 80, m1 = 315. Other operator org: X with BUY 7777 on m0 and 500 twelve months
/// earlier (同比 1455.40).
/// </summary>
public sealed class KpiFixture : AppFixture
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    public DateOnly M0 { get; private set; }
    public DateOnly M1 { get; private set; }
    public DateOnly M12 { get; private set; }
    public string A { get; private set; } = "";
    public string X { get; private set; } = "";
    public string SalesId { get; private set; } = "";
    public string SalesToken { get; private set; } = "";
    public Api Sales() => new Api(Factory.CreateClient()).WithToken(SalesToken);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Zone));
        M0 = new DateOnly(today.Year, today.Month, 1);
        (M1, M12) = (M0.AddMonths(-1), M0.AddMonths(-12));
        var sales = await Admin().PostAsync("/user/add_user.dspy", ("username", "sales1"), ("password", Password),
            ("roles", Roles.Sales), ("orgid", DemoData.OrgId));
        sales.Status.Should().BeTrue(sales.Raw);
        SalesId = sales.Data!["id"]!.GetValue<string>();
        SalesToken = await Anonymous().LoginAsync("sales1", Password);
        A = await CustomerAsync(Operator(), "客户A", M1.AddDays(3));
        await CustomerAsync(Operator(), "客户C", M12.AddDays(5));
        await CustomerAsync(Operator(), "客户E", M12.AddDays(6));
        var d = await CustomerAsync(Operator(), "客户D", null);
        X = await CustomerAsync(OtherOperator(), "客户X", null);
        (await Operator().PostAsync("/kpi/assign_salesman.dspy", ("user_orgid", A), ("salemanid", SalesId)))
            .Status.Should().BeTrue();
        await Factory.WithDbAsync(async db =>
        {
            await db.Organizations.Where(o => o.Id == d).ExecuteUpdateAsync(s => s.SetProperty(o => o.DelFlg, "1"));
            var refunded = Paid(A, 1000, 1100, 650, "p-1", M1, 1);
            db.Bills.AddRange(Paid(CustomerOrgId, 1780, 2000, null, "p-2", M0, 3),
                Paid(A, 1000, 1250, 700, "p-1", M0, 2),
                refunded, refunded.NewRefund(100, M1, At(M1, 2)).OrThrowValue(),
                Bill.NewRecharge(CustomerOrgId, 300, BusinessOps.RechargeAlipay, M1, At(M1, 3)).OrThrowValue(),
                Bill.NewRecharge(A, 5000, BusinessOps.Recharge, M0, At(M0, 4)).OrThrowValue(),
                Unpaid(A, 999, M0, 5), Unpaid(A, 555, M0, 6, cancel: true),
                Paid(X, 7777, 8000, 5000, "p-9", M0, 1), Paid(X, 500, 600, 300, "p-9", M12, 1),
                Paid(d, 4321, 5000, 3000, "p-1", M0, 7));
            refunded.RecordRefund(100).Ok.Should().BeTrue();
            await db.SaveChangesAsync();
            // The bills were written without BillService: their day totals as the migration fills them (ADR 0040).
            await db.Database.ExecuteSqlRawAsync(BillDayTotalBackfill.Sql);
        });
    }

    private async Task<string> CustomerAsync(Api who, string name, DateOnly? created)
    {
        var r = await who.PostAsync("/user/add_org.dspy", ("name", name), ("kind", "customer"));
        r.Status.Should().BeTrue(r.Raw);
        var id = r.Data!["id"]!.GetValue<string>();
        if (created is { } day)
            await Factory.WithDbAsync(db => db.Organizations.Where(o => o.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.CreateAt, At(day, 0))));
        return id;
    }

    /// <summary>Noon (platform time) of <paramref name="day"/> plus <paramref name="minutes"/>, as UTC.</summary>
    public static DateTime At(DateOnly day, int minutes) => TimeZoneInfo.ConvertTimeToUtc(
        day.ToDateTime(new TimeOnly(12, minutes)), Zone);

    private static Bill Paid(string customer, decimal amount, decimal list, decimal? cost, string product,
        DateOnly day, int minutes)
    {
        var bill = Bill.NewPurchase(new PurchaseLine(customer, amount, list, 1, cost, product, "prov-1"), day,
            At(day, minutes)).OrThrowValue();
        bill.MarkPaid().Ok.Should().BeTrue();
        return bill;
    }

    private static Bill Unpaid(string customer, decimal amount, DateOnly day, int minutes, bool cancel = false)
    {
        var bill = Bill.NewPurchase(new PurchaseLine(customer, amount, amount, 1, amount, "p-1", "prov-1"), day,
            At(day, minutes)).OrThrowValue();
        if (cancel) bill.Cancel().Ok.Should().BeTrue();
        return bill;
    }
}

internal static class ResultTestExtensions
{
    public static T OrThrowValue<T>(this Kboss.Domain.Common.Result<T> r) =>
        r.Value ?? throw new InvalidOperationException(r.Failure?.Message);
}

/// <summary>KPI-01…11 over HTTP on <see cref="KpiFixture"/> (hand-checked values in its summary).</summary>
public sealed class KpiTests(KpiFixture app) : IClassFixture<KpiFixture>
{
    private const string Operate = "/kpi/operate_kpi.dspy";
    private const string Revenue = "/kpi/revenue_analysis.dspy";
    private const string Profit = "/kpi/profit_analysis.dspy";
    private const string CustomerBills = "/kpi/user_get_bill.dspy";
    private const string Salesman = "/pub/get_salesman.dspy";
    private const string OperatorBills = "/kpi/operator_get_all_bill.dspy";
    private const string Cumulative = "/kpi/get_cumulative_users.dspy";
    private const string Assign = "/kpi/assign_salesman.dspy";
    private static readonly string[] Screens =
    [
        "/kpi/large_screen_first_page.dspy", "/kpi/large_screen_second_page.dspy",
        "/kpi/large_screen_third_page.dspy", "/kpi/large_screen_fourth_page.dspy",
    ];

    private static decimal[] Decimals(System.Text.Json.Nodes.JsonNode? n) =>
        n!.AsArray().Select(v => v!.GetValue<decimal>()).ToArray();

    private static string Label(DateOnly d) => d.ToString("yyyy-MM");

    [Fact]
    public async Task Revenue_analysis_reproduces_the_spec_example_with_huanbi_208_89_and_zero_bases()
    {
        var r = await app.Operator().GetAsync(Revenue, ("time", "month"));
        r.Status.Should().BeTrue(r.Raw);
        var s = r.Data!["revenue"]!;
        var dates = s["date"]!.AsArray().Select(d => d!.GetValue<string>()).ToArray();
        dates.Should().HaveCount(12);
        (dates[^1], dates[^2], dates[0]).Should().Be((Label(app.M0), Label(app.M1), Label(app.M0.AddMonths(-11))));
        var number = Decimals(s["number"]);
        (number[^1], number[^2], number.Take(10).Sum()).Should().Be((2780m, 900m, 0m));
        r.Data!["total"]!.GetValue<decimal>().Should().Be(3680m);
        Decimals(s["huanbi"])[^1].Should().Be(208.89m);
        Decimals(s["huanbi"])[^2].Should().Be(0m, "the month before m1 is 0: base 0 gives 0");
        Decimals(s["tongbi"]).Should().AllSatisfy(t => t.Should().Be(0m));
        r.Raw.Should().Contain("\"tongbi\":[0,0,0,0,0,0,0,0,0,0,0,0]", "a zero base is the integer 0 (§4.4)");

        var other = await app.OtherOperator().GetAsync(Revenue);
        Decimals(other.Data!["revenue"]!["number"])[^1].Should().Be(7777m);
        Decimals(other.Data!["revenue"]!["tongbi"])[^1].Should().Be(1455.40m, "(7777 − 500) / 500 × 100");
        other.Data!["total"]!.GetValue<decimal>().Should().Be(7777m, "the base year is outside the window");

        var days = await app.Operator().GetAsync(Revenue, ("time", "day"));
        days.Data!["revenue"]!["date"]!.AsArray().Should().HaveCount(30);
        var years = await app.Operator().GetAsync(Revenue, ("time", "year"));
        years.Data!["revenue"]!["date"]!.AsArray().Should().HaveCount(5);
        years.Data!["total"]!.GetValue<decimal>().Should().Be(app.M1.Year == app.M0.Year ? 3680m : 2780m + 900m);
    }

    [Fact]
    public async Task Profit_is_revenue_minus_the_cost_snapshot_for_the_org_and_for_one_salesperson()
    {
        var r = await app.Operator().GetAsync(Profit);
        r.Status.Should().BeTrue(r.Raw);
        (r.Data!["total_revenue"]!.GetValue<decimal>(), r.Data!["total_cost"]!.GetValue<decimal>(),
            r.Data!["total_profit"]!.GetValue<decimal>()).Should().Be((3680m, 3285m, 395m));
        var p = Decimals(r.Data!["profit"]!["number"]);
        (p[^1], p[^2]).Should().Be((80m, 315m));
        Decimals(r.Data!["profit"]!["huanbi"])[^1].Should().Be(-74.60m, "(80 − 315) / 315 × 100");

        foreach (var who in new[] { app.Operator(), app.Sales() })
        {
            var mine = await who.GetAsync(Profit, ("userid", app.SalesId));
            mine.Status.Should().BeTrue(mine.Raw);
            (mine.Data!["total_revenue"]!.GetValue<decimal>(), mine.Data!["total_cost"]!.GetValue<decimal>(),
                mine.Data!["total_profit"]!.GetValue<decimal>()).Should().Be((1900m, 1285m, 615m));
            Decimals(mine.Data!["profit"]!["huanbi"])[^1].Should().Be(-4.76m, "(300 − 315) / 315 × 100");
        }
        (await app.Sales().GetAsync(Profit)).Data!["total_profit"]!.GetValue<decimal>().Should().Be(615m);
        (await app.Sales().GetAsync(Profit, ("userid", app.SalesId + "x"))).Http.Should().Be(403);
        (await app.OtherOperator().GetAsync(Profit, ("userid", app.SalesId))).Http.Should().Be(403);
    }

    [Fact]
    public async Task Operate_kpi_counts_new_live_customers_per_month_for_the_org_and_for_a_salesperson()
    {
        var r = await app.Operator().GetAsync(Operate, ("type", "运营"), ("userid", DemoData.OrgId));
        r.Status.Should().BeTrue(r.Raw);
        var c = r.Data!["customer"]!;
        var number = c["number"]!.AsArray().Select(n => n!.GetValue<int>()).ToArray();
        (number[^1], number[^2], number.Sum()).Should().Be((1, 1, 2), "客户甲 in m0, A in m1; D is deleted");
        Decimals(c["tongbi"])[^1].Should().Be(-50m, "C and E were new 12 months before m0");
        Decimals(c["huanbi"])[^1].Should().Be(0m);
        c["date"]!.AsArray().Should().HaveCount(12);
        c["huanbi"]!.AsArray().Should().HaveCount(12);

        (await app.Operator().GetAsync(Operate)).Data!["customer"]!["number"]!.ToJsonString()
            .Should().Be(c["number"]!.ToJsonString(), "type defaults to 运营 and userid to the caller's org");
        var sales = await app.Sales().GetAsync(Operate, ("type", "销售"));
        sales.Data!["customer"]!["number"]!.AsArray().Select(n => n!.GetValue<int>()).Sum().Should().Be(1);
        (await app.Operator().GetAsync(Operate, ("type", "sale"), ("userid", app.SalesId))).Status.Should().BeTrue();

        var bad = await app.Operator().GetAsync(Operate, ("type", "boss"));
        (bad.Status, bad.Msg, bad.Code).Should().Be((false, "type参数错误", "invalid_argument"));
        (await app.OtherOperator().GetAsync(Operate, ("userid", DemoData.OrgId))).Http.Should().Be(403);
        (await app.Sales().GetAsync(Operate, ("type", "运营"))).Http.Should().Be(403);
        (await app.Customer().GetAsync(Operate)).Http.Should().Be(403);
        (await app.Anonymous().GetAsync(Operate)).Http.Should().Be(401);
    }

    [Fact]
    public async Task Cumulative_users_count_live_customers_up_to_each_bucket_end()
    {
        var r = await app.Operator().GetAsync(Cumulative, ("target", "month"));
        r.Status.Should().BeTrue(r.Raw);
        var rows = r.Data!.AsArray();
        rows.Should().HaveCount(12);
        (rows[^1]!["target"]!.GetValue<string>(), rows[^1]!["cumulative_users"]!.GetValue<int>()).Should()
            .Be((Label(app.M0), 4));
        rows[^2]!["cumulative_users"]!.GetValue<int>().Should().Be(3);
        rows[0]!["cumulative_users"]!.GetValue<int>().Should().Be(2, "C and E existed before the window");
        (await app.Operator().GetAsync(Cumulative, ("target", "day"))).Data!.AsArray().Should().HaveCount(30);
        var years = (await app.Operator().GetAsync(Cumulative, ("target", "year"))).Data!.AsArray();
        years.Should().HaveCount(5);
        years[^1]!["cumulative_users"]!.GetValue<int>().Should().Be(4);
        var bad = await app.Operator().GetAsync(Cumulative, ("target", "week"));
        (bad.Msg, bad.Code).Should().Be(("target参数错误", "invalid_argument"));
        (await app.Customer().GetAsync(Cumulative)).Http.Should().Be(403);
        (await app.OtherOperator().GetAsync(Cumulative)).Data!.AsArray()[^1]!["cumulative_users"]!.GetValue<int>()
            .Should().Be(1);
    }

    [Fact]
    public async Task Operator_bill_list_pages_all_bills_with_the_whole_sum_and_filters()
    {
        var r = await app.Operator().GetAsync(OperatorBills, ("orgid", DemoData.OrgId), ("current_page", "3"),
            ("page_size", "3"));
        r.Status.Should().BeTrue(r.Raw);
        var d = r.Data!;
        (d["total_num"]!.GetValue<int>(), d["total_page"]!.GetValue<int>(), d["bill_sum"]!.GetValue<decimal>(),
            d["page_size"]!.GetValue<int>(), d["current_page"]!.GetValue<string>()).Should()
            .Be((8, 3, 10734m, 3, "3"));
        var last = d["bill_list"]!.AsArray();
        last.Should().HaveCount(2, "8 bills, 3 per page");
        last.Select(b => b!["amount"]!.GetValue<decimal>()).Should().Equal(100m, 1000m);
        var first = (await app.Operator().GetAsync(OperatorBills, ("orgid", DemoData.OrgId), ("current_page", "1")))
            .Data!;
        first["page_size"]!.GetValue<int>().Should().Be(20, "default 20 (§4.10 #5)");
        var top = first["bill_list"]!.AsArray()[0]!;
        (top["amount"]!.GetValue<decimal>(), top["business_op"]!.GetValue<string>(),
                top["bill_state"]!.GetValue<string>(), top["orgname"]!.GetValue<string>(),
                top["salemanid"]!.GetValue<string>(), top["salemanname"]!.GetValue<string>())
            .Should().Be((555m, "BUY", "2", "客户A", app.SalesId, "sales1"));
        top["bill_date"]!.GetValue<string>().Should().Be(app.M0.ToString("yyyy-MM-dd"));
        top["bill_timestamp"]!.GetValue<string>().Should().Be(app.M0.ToString("yyyy-MM-dd") + " 12:06:00");
        top.AsObject().Should().ContainKeys("provider_amt", "quantity", "orderid", "ordergoodsid", "productid",
            "providerid", "provider_billid", "resourceid", "del_flg", "create_at", "productname", "orgcode", "address");

        async Task<(int, decimal)> Filtered(params (string, string?)[] q)
        {
            var res = await app.Operator().GetAsync(OperatorBills,
                [("orgid", DemoData.OrgId), ("current_page", "1"), .. q]);
            res.Status.Should().BeTrue(res.Raw);
            return (res.Data!["total_num"]!.GetValue<int>(), res.Data!["bill_sum"]!.GetValue<decimal>());
        }
        (await Filtered(("salemanid", app.SalesId))).Should().Be((6, 8654m));
        (await Filtered(("user_orgid", app.CustomerOrgId))).Should().Be((2, 2080m));
        var m1 = app.M1.ToString("yyyy-MM-dd");
        (await Filtered(("start_time", m1), ("end_time", m1))).Should().Be((3, 1400m), "inclusive dates (§4.10 #1)");
        (await Filtered(("start_time", m1 + " 08:00:00"), ("end_time", m1))).Should().Be((3, 1400m));
        (await Filtered(("user_orgid", app.X))).Should().Be((0, 0m), "another org's customer is not in scope");
        var past = await app.Operator().GetAsync(OperatorBills, ("orgid", DemoData.OrgId), ("current_page", "99"));
        (past.Data!["total_num"]!.GetValue<int>(), past.Data!["bill_list"]!.AsArray().Count).Should().Be((8, 0));
    }

    [Fact]
    public async Task Operator_bill_list_refuses_bad_input_and_other_orgs()
    {
        foreach (var q in new (string, string?)[][]
                 {
                     [("current_page", "1")], [("orgid", DemoData.OrgId)],
                     [("orgid", DemoData.OrgId), ("current_page", "0")],
                     [("orgid", DemoData.OrgId), ("current_page", "1"), ("page_size", "1001")],
                     [("orgid", DemoData.OrgId), ("current_page", "1"), ("start_time", "2023/08/01")],
                     [("orgid", DemoData.OrgId), ("current_page", "1"), ("start_time", "2024-02-02"),
                         ("end_time", "2024-02-01")],
                 })
        {
            var r = await app.Operator().GetAsync(OperatorBills, q);
            (r.Http, r.Status, r.Code).Should().Be((200, false, "invalid_argument"), r.Raw);
        }
        var date = await app.Operator().GetAsync(OperatorBills, ("orgid", DemoData.OrgId), ("current_page", "1"),
            ("end_time", "2023/08/01"));
        date.Msg.Should().Be("日期格式错误,请使用YYYY-MM-DD格式");
        var range = await app.Operator().GetAsync(OperatorBills, ("orgid", DemoData.OrgId), ("current_page", "1"),
            ("start_time", "2024-02-02"), ("end_time", "2024-02-01"));
        range.Msg.Should().Be("开始日期不能晚于结束日期");
        (await app.OtherOperator().GetAsync(OperatorBills, ("orgid", DemoData.OrgId), ("current_page", "1")))
            .Http.Should().Be(403);
        (await app.Customer().GetAsync(OperatorBills, ("orgid", app.CustomerOrgId), ("current_page", "1")))
            .Http.Should().Be(403);
        (await app.Anonymous().GetAsync(OperatorBills, ("orgid", DemoData.OrgId), ("current_page", "1")))
            .Http.Should().Be(401);
    }

    [Fact]
    public async Task Customer_bill_list_shows_own_bills_to_the_customer_its_operator_and_salesperson_only()
    {
        var own = await app.Customer().GetAsync(CustomerBills, ("user_orgid", app.CustomerOrgId),
            ("page_size", "10"), ("current_page", "1"));
        own.Status.Should().BeTrue(own.Raw);
        (own.Data!["total_num"]!.GetValue<int>(), own.Data!["bill_sum"]!.GetValue<decimal>()).Should().Be((2, 2080m));
        own.Data!["bill_list"]!.AsArray().Select(b => b!["business_op"]!.GetValue<string>()).Should()
            .Equal("BUY", "RECHARGE_ALIPAY");
        own.Data!["bill_list"]!.AsArray()[1]!["productname"]!.GetValue<string>().Should().Be("");

        var byUser = await app.Operator().GetAsync(CustomerBills, ("user_orgid", app.CustomerOrgId),
            ("page_size", "10"), ("current_page", "1"), ("start_time", app.M0.ToString("yyyy-MM-dd")));
        (byUser.Data!["total_num"]!.GetValue<int>(), byUser.Data!["bill_sum"]!.GetValue<decimal>()).Should()
            .Be((1, 1780m));
        var sales = await app.Sales().GetAsync(CustomerBills, ("user_orgid", app.A), ("page_size", "2"),
            ("current_page", "1"));
        (sales.Data!["total_num"]!.GetValue<int>(), sales.Data!["total_page"]!.GetValue<int>()).Should().Be((6, 3));
        (await app.Sales().GetAsync(CustomerBills, ("user_orgid", app.CustomerOrgId), ("page_size", "2"),
            ("current_page", "1"))).Http.Should().Be(403, "客户甲 is not the salesperson's customer");
        (await app.Customer().GetAsync(CustomerBills, ("user_orgid", app.A), ("page_size", "2"),
            ("current_page", "1"))).Http.Should().Be(403);
        (await app.OtherOperator().GetAsync(CustomerBills, ("user_orgid", app.CustomerOrgId), ("page_size", "2"),
            ("current_page", "1"))).Http.Should().Be(403);
        var unknown = await app.Operator().GetAsync(CustomerBills, ("user_orgid", "no-such-id"), ("page_size", "2"),
            ("current_page", "1"));
        (unknown.Msg, unknown.Code).Should().Be(("客户不存在", "not_found"));
        foreach (var missing in new[] { "user_orgid", "page_size", "current_page" })
        {
            var q = new (string, string?)[] { ("user_orgid", app.CustomerOrgId), ("page_size", "2"),
                ("current_page", "1") }.Where(p => p.Item1 != missing).ToArray();
            var r = await app.Customer().GetAsync(CustomerBills, q);
            (r.Msg, r.Code).Should().Be(($"缺少必要参数: {missing}", "invalid_argument"));
        }
    }

    [Fact]
    public async Task Salesman_is_assigned_by_an_operator_and_read_by_the_customers_users()
    {
        var cust = await app.Operator().PostAsync("/user/add_user.dspy", ("username", "custA"),
            ("password", AppFixture.Password), ("roles", Roles.Customer), ("orgid", app.A));
        cust.Status.Should().BeTrue(cust.Raw);
        var token = await app.Anonymous().LoginAsync("custA", AppFixture.Password);
        var mine = await new Api(app.Factory.CreateClient()).WithToken(token).GetAsync(Salesman);
        mine.Status.Should().BeTrue(mine.Raw);
        (mine.Data!["salemanid"]!.GetValue<string>(), mine.Data!["salemanname"]!.GetValue<string>()).Should()
            .Be((app.SalesId, "sales1"));
        var byOperator = await app.Operator().GetAsync(Salesman, ("userid", cust.Data!["id"]!.GetValue<string>()));
        byOperator.Data!["salemanid"]!.GetValue<string>().Should().Be(app.SalesId);
        var none = await app.Customer().GetAsync(Salesman);
        (none.Status, none.Msg, none.Data).Should().Be((true, "未分配销售人员", null));
        (await app.OtherOperator().GetAsync(Salesman, ("userid", cust.Data!["id"]!.GetValue<string>())))
            .Http.Should().Be(403);
        (await app.Operator().GetAsync(Salesman, ("userid", "nobody"))).Code.Should().Be("not_found");
        (await app.Anonymous().GetAsync(Salesman)).Http.Should().Be(401);

        var notSales = await app.Operator().PostAsync(Assign, ("user_orgid", app.CustomerOrgId),
            ("salemanid", cust.Data!["id"]!.GetValue<string>()));
        (notSales.Msg, notSales.Code).Should().Be(("销售人员不存在或不属于该客户的业主机构", "not_found"));
        (await app.OtherOperator().PostAsync(Assign, ("user_orgid", app.A), ("salemanid", ""))).Http.Should().Be(403);
        (await app.Sales().PostAsync(Assign, ("user_orgid", app.A), ("salemanid", ""))).Http.Should().Be(403);
        var notCustomer = await app.Admin().PostAsync(Assign, ("user_orgid", DemoData.OrgId), ("salemanid", ""));
        (notCustomer.Msg, notCustomer.Code).Should().Be((Organization.NotCustomerMessage, "conflict"));
        (await app.Operator().PostAsync(Assign, ("salemanid", app.SalesId))).Code.Should().Be("invalid_argument");
    }

    [Fact]
    public async Task Big_screens_show_real_aggregates_or_the_fixed_virtual_set()
    {
        var sameYear = app.M1.Year == app.M0.Year;
        var home = await app.Operator().GetAsync(Screens[0], ("flag", "1"), ("orgid", DemoData.OrgId));
        home.Status.Should().BeTrue(home.Raw);
        var h = home.Data!;
        (h["customer_count"]!.GetValue<int>(), h["revenue_month"]!.GetValue<decimal>(),
            h["revenue_year"]!.GetValue<decimal>(), h["order_count"]!.GetValue<int>(),
            h["recharge_year"]!.GetValue<decimal>()).Should()
            .Be((4, 2780m, sameYear ? 3680m : 2780m, sameYear ? 3 : 2, sameYear ? 5300m : 5000m));
        Decimals(h["revenue"]!["huanbi"])[^1].Should().Be(208.89m);

        var usersReply = await app.Operator().GetAsync(Screens[1], ("flag", "1"), ("orgid", DemoData.OrgId));
        usersReply.Status.Should().BeTrue(usersReply.Raw);
        var users = usersReply.Data!;
        users["cumulative"]!.AsArray()[^1]!["cumulative_users"]!.GetValue<int>().Should().Be(4);
        var top = users["top_customers"]!.AsArray();
        (top[0]!["name"]!.GetValue<string>(), top[0]!["amount"]!.GetValue<decimal>()).Should()
            .Be(sameYear ? ("客户A", 1900m) : ("客户甲", 1780m));

        var business = (await app.Operator().GetAsync(Screens[2], ("flag", "1"), ("orgid", DemoData.OrgId))).Data!;
        (business["revenue_year"]!.GetValue<decimal>(), business["cost_year"]!.GetValue<decimal>(),
            business["refund_year"]!.GetValue<decimal>()).Should()
            .Be(sameYear ? (3680m, 3285m, 100m) : (2780m, 2700m, 0m));
        Decimals(business["profit"]!["number"])[^1].Should().Be(80m);

        var merchants = (await app.Operator().GetAsync(Screens[3], ("flag", "1"), ("orgid", DemoData.OrgId))).Data!;
        var settle = merchants["settlement"]!.AsArray().Single()!;
        (settle["id"]!.GetValue<string>(), settle["name"]!.GetValue<string>(), settle["amount"]!.GetValue<decimal>())
            .Should().Be(("0", "未结算", sameYear ? 3680m : 2780m));
        merchants["providers"]!.AsArray().Single()!["id"]!.GetValue<string>().Should().Be("prov-1");

        foreach (var page in Screens)
        {
            var demo = await app.Operator().GetAsync(page, ("flag", "0"), ("orgid", DemoData.OrgId));
            demo.Status.Should().BeTrue(demo.Raw);
            (await app.Operator().GetAsync(page, ("flag", "0"), ("orgid", DemoData.OrgId))).Raw.Should().Be(demo.Raw);
            demo.Raw.Should().NotContain("客户A");
            var bad = await app.Operator().GetAsync(page, ("flag", "2"), ("orgid", DemoData.OrgId));
            (bad.Msg, bad.Code).Should().Be(("flag参数错误", "invalid_argument"));
            (await app.Operator().GetAsync(page, ("flag", "1"))).Code.Should().Be("invalid_argument");
            (await app.OtherOperator().GetAsync(page, ("flag", "0"), ("orgid", DemoData.OrgId))).Http.Should().Be(403);
            (await app.Customer().GetAsync(page, ("flag", "1"), ("orgid", app.CustomerOrgId))).Http.Should().Be(403);
            (await app.Anonymous().GetAsync(page, ("flag", "1"), ("orgid", DemoData.OrgId))).Http.Should().Be(401);
        }
        var demoHome = (await app.Operator().GetAsync(Screens[0], ("flag", "0"), ("orgid", DemoData.OrgId))).Data!;
        demoHome["customer_count"]!.GetValue<int>().Should().Be(1268);
    }

    [Fact]
    public async Task The_kpi_statements_use_the_kpi_indexes_without_a_sort()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var plans = await app.Factory.WithDbAsync(async db =>
        {
            var customers = KpiQueries.CustomersOfOrg(db, DemoData.OrgId);
            var bills = KpiQueries.OrgBills(db, customers);
            var inOrder = KpiQueries.OrgBillsInOrder(db, customers);
            return new[]
            {
                await SqlitePlans.ExplainAsync(db, KpiQueries.DailyMoney(db, customers.Select(o => o.Id),
                    today.AddYears(-2), today, false)),
                await SqlitePlans.ExplainAsync(db, KpiQueries.PageIds(inOrder, 199_980, 20)),
                await SqlitePlans.ExplainAsync(db, KpiQueries.SumFen(bills)),
                await SqlitePlans.ExplainAsync(db, KpiQueries.NewCustomersPerDay(customers, DateTime.UtcNow, 480)),
                await SqlitePlans.ExplainAsync(db, KpiQueries.DailyMoneyOfOwner(db, DemoData.OrgId,
                    today.AddYears(-2), today, false)),
                await SqlitePlans.ExplainAsync(db, KpiQueries.OutsideDays(db, DemoData.OrgId, today.AddYears(-2),
                    today)),
                await SqlitePlans.ExplainAsync(db, KpiQueries.PageIds(inOrder.Where(b => b.BillDate <= today), 700,
                    20)),
            };
        });
        string.Join('\n', plans[0]).Should().Contain($"USING COVERING INDEX {KpiIndexes.Money}")
            .And.NotContain("TEMP B-TREE").And.NotContain("SCAN bill");
        string.Join('\n', plans[1]).Should().Contain($"USING COVERING INDEX {KpiIndexes.Newest}")
            .And.NotContain("TEMP B-TREE");
        string.Join('\n', plans[2]).Should().Contain("COVERING INDEX").And.NotContain("SCAN bill\n");
        string.Join('\n', plans[3]).Should().Contain(KpiIndexes.OrgCustomers);
        // ADR 0040: the day totals by their key, the outside orgs' bills by the customer, the page from its day.
        string.Join('\n', plans[4]).Should().Contain("SEARCH b USING INDEX sqlite_autoindex_bill_day_total_1")
            .And.NotContain("SCAN");
        string.Join('\n', plans[5]).Should().MatchRegex(@"SEARCH b USING (COVERING )?INDEX \w+ \(customer_id=\?")
            .And.NotContain(KpiIndexes.Money);
        string.Join('\n', plans[6]).Should().Contain($"USING COVERING INDEX {KpiIndexes.Newest} (bill_date<?)")
            .And.NotContain("TEMP B-TREE");
    }

    [Fact]
    public async Task Day_totals_give_the_money_and_the_pages_the_bills_give()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IKbossDbContext>();
        var pages = scope.ServiceProvider.GetRequiredService<BillPages>();
        var (from, to) = (app.M12.AddYears(-1), app.M0.AddMonths(2));
        var otherOrg = await db.Organizations.Where(o => o.Id == app.X).Select(o => o.OwnerOrgId!).SingleAsync();
        foreach (var org in new[] { DemoData.OrgId, otherOrg })
        {
            foreach (var recharges in new[] { false, true })
            {
                var days = await MoneyDays.ReadOrgAsync(db, org, from, to, recharges, default);
                var bills = await MoneyDays.ReadAsync(db, KpiQueries.CustomersOfOrg(db, org).Select(o => o.Id), from,
                    to, recharges, default);
                (days.Revenue, days.Cost, days.Profit, days.Recharge, days.Refund, days.Orders(from, to))
                    .Should().BeEquivalentTo((bills.Revenue, bills.Cost, bills.Profit, bills.Recharge, bills.Refund,
                        bills.Orders(from, to)));
            }
            var customers = KpiQueries.CustomersOfOrg(db, org);
            string?[] starts = [null, app.M0.ToString("yyyy-MM-dd")];
            foreach (var start in starts)
            foreach (var size in new[] { 1, 2, 3, 5 })
            for (var page = 1; page <= 12 / size + 2; page++)
            {
                var q = new ListOperatorBills
                {
                    Orgid = org, CurrentPage = page.ToString(), PageSize = size.ToString(), StartTime = start,
                };
                var seek = await pages.ReadOrgAsync(org, KpiQueries.OrgBillsInOrder(db, customers), q, default);
                var offset = await pages.ReadAsync(KpiQueries.OrgBills(db, customers),
                    KpiQueries.OrgBillsInOrder(db, customers), q, default);
                seek.Should().BeEquivalentTo(offset, o => o.WithStrictOrdering(), $"page {page} of {size}, {start}");
            }
        }
        var total = await pages.ReadOrgAsync(DemoData.OrgId, KpiQueries.OrgBillsInOrder(db,
            KpiQueries.CustomersOfOrg(db, DemoData.OrgId)), new ListOperatorBills { CurrentPage = "1" }, default);
        (total.TotalNum, total.BillSum).Should().Be((8, 1780 + 1000 + 1000 + 100 + 300 + 5000 + 999 + 555m),
            "the deleted customer's 4321 is out");
    }

    [Fact]
    public async Task Bill_service_keeps_the_day_totals_in_step_with_the_bills()
    {
        // A customer of the platform org (admin's), so that the demo orgs' hand-checked figures stay as they are.
        var customer = (await app.Admin().PostAsync("/user/add_org.dspy", ("name", "客户T"), ("kind", "customer")))
            .Data!["id"]!.GetValue<string>();
        var owner = await app.Factory.WithDbAsync(db =>
            db.Organizations.Where(o => o.Id == customer).Select(o => o.OwnerOrgId ?? "").SingleAsync());
        async Task<Bill> InUnit(Func<BillService, Task<BillMovement>> write)
        {
            await using var scope = app.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IKbossDbContext>();
            await using var tx = await db.BeginTransactionAsync();
            var moved = await write(scope.ServiceProvider.GetRequiredService<BillService>());
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            return moved.Bill;
        }
        string Key() => Guid.NewGuid().ToString("N");
        await InUnit(s => s.CreateRechargeBillAsync(customer, 500m, BusinessOps.Recharge, Key(), default));
        var buy = await InUnit(s => s.CreatePurchaseBillAsync(
            new PurchaseLine(customer, 120.5m, 150m, 1, 80.25m, "p-1", "prov-1"), Key(), default));
        await InUnit(s => s.CreatePurchaseBillAsync(
            new PurchaseLine(customer, 99.99m, null, 1, null, "p-1", "prov-1"), Key(), default));
        await InUnit(s => s.CreateRefundBillAsync(buy.Id, 20.5m, Key(), default));
        var refused = async () => await InUnit(s => s.CreatePurchaseBillAsync(
            new PurchaseLine(customer, 10_000m, null, 1, null, "p-1", "prov-1"), Key(), default));
        await refused.Should().ThrowAsync<Exception>("余额不足: the unit rolls back, totals too");

        await app.Factory.WithDbAsync(async db =>
        {
            var owned = db.Organizations.IgnoreQueryFilters().Where(o => (o.OwnerOrgId ?? "") == owner)
                .Select(o => o.Id);
            var expected = (await db.Bills.Where(b => owned.Contains(b.CustomerId)).ToListAsync())
                .GroupBy(b => (b.BillDate, b.BusinessOp, b.BillState))
                .Select(g => (g.Key.BillDate, g.Key.BusinessOp, g.Key.BillState, g.Count(),
                    g.Sum(b => BillDayTotal.Fen(b.Amount)),
                    g.Sum(b => BillDayTotal.Fen(b.CostAmt ?? b.ProviderAmt ?? 0))))
                .OrderBy(x => x).ToList();
            var rows = (await db.BillDayTotals.Where(t => t.OwnerOrgId == owner).ToListAsync())
                .Select(t => (t.BillDate, t.BusinessOp, t.BillState, t.Bills, t.AmountFen, t.CostFen))
                .OrderBy(x => x).ToList();
            rows.Should().Equal(expected).And.HaveCount(3, "RECHARGE, BUY ×2 and REFUND of one day");
        });
    }
}
