using Kboss.Application.Finance.Bills;
using Kboss.Application.Vendors.Baidu;
using Kboss.Domain.Finance;
using Kboss.Infrastructure.Persistence;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>Module 18 百度云 through HTTP against <see cref="Fakes.Vendors.FakeBaidu"/> (ADR 0045).</summary>
public sealed class BaiduCloudTests(CloudResellersFixture app) : IClassFixture<CloudResellersFixture>
{
    /// <summary>The customer's Baidu account id, created through <c>/v1/vs/account</c> once.</summary>
    private async Task<string> LinkedAsync()
    {
        var existing = await app.Factory.WithDbAsync(db => db.VendorAccounts
            .Where(a => a.Vendor == "baidu" && a.UserId == app.CustomerUserId).Select(a => a.VendorAccountId)
            .FirstOrDefaultAsync());
        if (existing is not null) return existing;
        var created = await app.Operator().PostAsync("/v1/vs/account", ("name", "kboss-cust1"),
            ("userid", app.CustomerUserId));
        created.Status.Should().BeTrue(created.Raw);
        return created.Data!["account_id"]!.GetValue<string>();
    }

    private async Task SyncAsync()
    {
        var r = await app.Customer().GetAsync("/baiduc/update_baidu_order_list.dspy", ("userid", app.CustomerUserId));
        r.Status.Should().BeTrue(r.Raw);
    }

    [Fact]
    public async Task Accounts_are_linked_once_and_only_for_users_the_operator_owns()
    {
        var account = await LinkedAsync();
        account.Should().StartWith("bd");
        var again = await app.Operator().PostAsync("/v1/vs/account", ("name", "kboss-cust1-b"),
            ("userid", app.CustomerUserId));
        (again.Status, again.Code, again.Msg).Should().Be((false, "conflict", "该用户已同步"));
        (await app.OtherOperator().PostAsync("/v1/vs/account", ("name", "x"), ("userid", app.CustomerUserId)))
            .Http.Should().Be(403);
        var unkeyed = await app.OtherOperator().PostAsync("/v1/vs/account", ("name", "kboss-other"));
        (unkeyed.Status, unkeyed.Code).Should().Be((false, "not_configured"));
    }

    [Fact]
    public async Task A_token_is_issued_for_the_linked_account_and_audited_without_its_value()
    {
        await LinkedAsync();
        var r = await app.Customer().GetAsync("/baiduc/get_tokenid.dspy");
        r.Status.Should().BeTrue(r.Raw);
        var token = r.Data!["tokenid"]!.GetValue<string>();
        token.Should().StartWith("tok-");
        var audit = await app.Factory.WithDbAsync(db => db.AuditEntries
            .Where(a => a.Action == "baidu.token.issued").Select(a => a.Detail).ToListAsync());
        audit.Should().NotBeEmpty().And.OnlyContain(d => !d.Contains(token));
        (await app.OtherOperator().GetAsync("/baiduc/get_tokenid.dspy", ("userid", app.CustomerUserId)))
            .Http.Should().Be(403);
        var unlinked = await app.Operator().GetAsync("/baiduc/get_tokenid.dspy");
        (unlinked.Status, unlinked.Code, unlinked.Msg).Should().Be((false, "not_found", "该用户未开通百度云账号"));
        (await app.Anonymous().GetAsync("/baiduc/get_tokenid.dspy")).Http.Should().Be(401);
    }

    [Fact]
    public async Task Order_sync_upserts_without_duplicates_and_checks_its_parameters()
    {
        var account = await LinkedAsync();
        app.Baidu.PlaceOrder(account, 10m);
        app.Baidu.PlaceOrder(account, 20m, "NEED_CONFIRM", "BOS");
        var first = await app.Operator().GetAsync("/baiduc/update_baidu_order_list.dspy", ("orgid", app.CustomerOrgId));
        first.Status.Should().BeTrue(first.Raw);
        first.Data!["inserted"]!.GetValue<int>().Should().BeGreaterThanOrEqualTo(2);
        var second = await app.Operator().GetAsync("/baiduc/update_baidu_order_list.dspy",
            ("orgid", app.CustomerOrgId));
        (second.Data!["inserted"]!.GetValue<int>(), second.Data!["updated"]!.GetValue<int>()).Should().Be((0, 0));
        var count = await app.Factory.WithDbAsync(db => db.BaiduOrders.CountAsync(o => o.AccountId == account));
        count.Should().Be(app.Baidu.Orders.Values.Count(o => o.AccountId == account));

        var both = await app.Operator().GetAsync("/baiduc/update_baidu_order_list.dspy", ("orgid", app.CustomerOrgId),
            ("userid", app.CustomerUserId));
        (both.Status, both.Msg).Should().Be((false, "参数orgid和userid二选一,不能同时填写"));
        var neither = await app.Operator().GetAsync("/baiduc/update_baidu_order_list.dspy");
        (neither.Status, neither.Msg).Should().Be((false, "参数orgid和userid必须填写其中一个"));
        (await app.OtherOperator().GetAsync("/baiduc/update_baidu_order_list.dspy", ("orgid", app.CustomerOrgId)))
            .Http.Should().Be(403);

        app.Baidu.Inject("POST /v1/order/list", new Fakes.Vendors.Fault.VendorError(403,
            new System.Text.Json.Nodes.JsonObject { ["code"] = "AccessDenied", ["message"] = "denied" }));
        var failed = await app.Customer().GetAsync("/baiduc/update_baidu_order_list.dspy",
            ("userid", app.CustomerUserId));
        (failed.Status, failed.Code).Should().Be((false, "upstream_failed"));
        failed.Data!["errors"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task Users_and_local_orders_are_seen_only_inside_the_callers_orgs()
    {
        var account = await LinkedAsync();
        app.Baidu.PlaceOrder(account, 5m, serviceType: "CDN");
        await SyncAsync();
        var users = await app.Operator().GetAsync("/baiduc/get_baidu_users_base_org.dspy", ("orgid", app.CustomerOrgId),
            ("user_id_or_name", "cust"));
        users.Data!.AsArray().Select(u => u!["user_id"]!.GetValue<string>()).Should().Contain(app.CustomerUserId);
        (await app.OtherOperator().GetAsync("/baiduc/get_baidu_users_base_org.dspy", ("orgid", app.CustomerOrgId)))
            .Http.Should().Be(403);
        var noOrg = await app.Operator().GetAsync("/baiduc/get_baidu_users_base_org.dspy");
        (noOrg.Status, noOrg.Code).Should().Be((false, "invalid_argument"));

        var page = await app.Customer().GetAsync("/baiduc/get_local_baidu_orders.dspy", ("pageNo", "1"),
            ("pageSize", "50"), ("servicetype", "CDN"));
        page.Status.Should().BeTrue(page.Raw);
        page.Body["pageno"]!.GetValue<string>().Should().Be("1");
        page.Body["totalcount"]!.GetValue<int>().Should().BeGreaterThanOrEqualTo(1);
        var row = page.Data!.AsArray()[0]!;
        (row["servicetype"]!.GetValue<string>(), row["username"]!.GetValue<string>(),
            row["accountid"]!.GetValue<string>())
            .Should().Be(("CDN", "cust1", account));
        var others = await app.OtherOperator().GetAsync("/baiduc/get_local_baidu_orders.dspy", ("pageNo", "1"),
            ("pageSize", "50"));
        others.Body["totalcount"]!.GetValue<int>().Should().Be(0);
        foreach (var (name, value) in new[] { ("pageSize", "0"), ("pageNo", "x"), ("status", "PAID"),
                     ("autoreneworder", "yes"), ("ordertype", "BUY"), ("producttype", "free") })
        {
            var query = new Dictionary<string, string> { ["pageNo"] = "1", ["pageSize"] = "10", [name] = value };
            var bad = await app.Customer().GetAsync("/baiduc/get_local_baidu_orders.dspy",
                [.. query.Select(q => (q.Key, (string?)q.Value))]);
            (bad.Http, bad.Status, bad.Code).Should().Be((200, false, "invalid_argument"), name);
        }
    }

    [Fact]
    public async Task Cancel_moves_waiting_orders_once_and_refuses_others()
    {
        var account = await LinkedAsync();
        var waiting = app.Baidu.PlaceOrder(account, 7m);
        var created = app.Baidu.PlaceOrder(account, 8m, "CREATED");
        await SyncAsync();
        var r = await app.Customer().GetAsync("/baiduc/baidu_order_cancel.dspy", ("baidu_id", $"[\"{account}\"]"),
            ("order_id", waiting.Uuid));
        r.Status.Should().BeTrue(r.Raw);
        app.Baidu.Orders[waiting.Uuid].Status.Should().Be("CANCELLED");
        var calls = app.Baidu.Journal.Count(c => c.Path == "/v1/order/cancel");
        var again = await app.Customer().GetAsync("/baiduc/baidu_order_cancel.dspy", ("baidu_id", account),
            ("order_id", waiting.Uuid));
        again.Data!["already"]!.AsArray().Should().ContainSingle();
        app.Baidu.Journal.Count(c => c.Path == "/v1/order/cancel").Should().Be(calls);

        var notWaiting = await app.Customer().GetAsync("/baiduc/baidu_order_cancel.dspy", ("baidu_id", account),
            ("order_id", created.Uuid));
        (notWaiting.Status, notWaiting.Msg).Should().Be((false, "当前状态不允许该操作"));
        (await app.OtherOperator().GetAsync("/baiduc/baidu_order_cancel.dspy", ("baidu_id", account),
            ("order_id", created.Uuid))).Http.Should().Be(403);
        (await app.Customer().GetAsync("/baiduc/baidu_order_cancel.dspy", ("baidu_id", "bd-other"),
            ("order_id", created.Uuid))).Http.Should().Be(403);
        var tooMany = await app.Customer().GetAsync("/baiduc/baidu_order_cancel.dspy", ("baidu_id", account),
            ("order_id", "[" + string.Join(",", Enumerable.Range(1, 11).Select(i => $"\"o{i}\"")) + "]"));
        (tooMany.Status, tooMany.Code).Should().Be((false, "invalid_argument"));
        var unknown = await app.Customer().GetAsync("/baiduc/baidu_order_cancel.dspy", ("baidu_id", account),
            ("order_id", "no-such-order"));
        (unknown.Status, unknown.Code).Should().Be((false, "not_found"));
    }

    [Fact]
    public async Task Resources_of_the_account_are_listed()
    {
        var account = await LinkedAsync();
        app.Baidu.PlaceOrder(account, 3m, "CREATED");
        var r = await app.Customer().GetAsync("/baiduc/baidu_resource_query.dspy");
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().StartWith("该账号下有");
        (await app.OtherOperator().GetAsync("/baiduc/baidu_resource_query.dspy", ("userid", app.CustomerUserId)))
            .Http.Should().Be(403);
    }

    /// <summary>A NEW order the customer paid through kboss (its BUY bill), as BD-05 leaves it.</summary>
    private async Task<(string OrderId, string BillId)> PaidOrderAsync(string account, decimal price)
    {
        var order = app.Baidu.PlaceOrder(account, price, "CREATED");
        await SyncAsync();
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KbossDbContext>();
        await using var tx = await db.BeginTransactionAsync();
        await scope.ServiceProvider.GetRequiredService<BillService>().CreateRechargeBillAsync(app.CustomerOrgId,
            price, BusinessOps.Recharge, "test-recharge-" + order.Uuid, default);
        var bill = await scope.ServiceProvider.GetRequiredService<BillService>().CreatePurchaseBillAsync(
            new PurchaseLine(app.CustomerOrgId, price, null, 1, null, null, null, order.Uuid), "test-pay-" + order.Uuid,
            default);
        var row = await db.BaiduOrders.SingleAsync(o => o.OrderId == order.Uuid);
        row.Charged(price, bill.Bill.Id);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return (order.Uuid, bill.Bill.Id);
    }

    private Task<decimal> BalanceAsync() => app.Factory.WithDbAsync(db => db.CustomerBalances
        .Where(b => b.CustomerOrgId == app.CustomerOrgId).Select(b => b.Balance).SingleAsync());

    private Task<int> RefundBillsAsync(string origin) =>
        app.Factory.WithDbAsync(db => db.Bills.CountAsync(b => b.OriginBillId == origin));

    [Fact]
    public async Task A_refund_is_credited_once_however_often_it_is_confirmed()
    {
        var account = await LinkedAsync();
        var (origin, bill) = await PaidOrderAsync(account, 40m);
        var refund = app.Baidu.RequestRefund(origin, 10m);
        await SyncAsync();
        var before = await BalanceAsync();
        (string, string?)[] query = [("order_id", refund.Uuid), ("baidu_id", account), ("user_id", app.CustomerUserId)];

        (await app.Customer().GetAsync("/baiduc/baidu_confirm_refund_order.dspy", query)).Http.Should().Be(403);
        (await app.OtherOperator().GetAsync("/baiduc/baidu_confirm_refund_order.dspy", query)).Http.Should().Be(403);
        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            app.Operator().GetAsync("/baiduc/baidu_confirm_refund_order.dspy", query)));
        results.Should().OnlyContain(r => r.Status, string.Join("\n", results.Select(r => r.Raw)));
        results.Select(r => r.Data!["refunded_amount"]!.GetValue<decimal>()).Should().OnlyContain(a => a == 10m);
        (await BalanceAsync()).Should().Be(before + 10m);
        (await RefundBillsAsync(bill)).Should().Be(1);
        await SyncAsync();
        (await BalanceAsync()).Should().Be(before + 10m);

        var wrongAccount = await app.Operator().GetAsync("/baiduc/baidu_confirm_refund_order.dspy",
            ("order_id", refund.Uuid), ("baidu_id", "bd-not-hers"), ("user_id", app.CustomerUserId));
        wrongAccount.Http.Should().Be(403);
        var notRefund = await app.Operator().GetAsync("/baiduc/baidu_confirm_refund_order.dspy",
            ("order_id", origin), ("baidu_id", account), ("user_id", app.CustomerUserId));
        (notRefund.Status, notRefund.Msg).Should().Be((false, "只能确认退款订单"));
        var missing = await app.Operator().GetAsync("/baiduc/baidu_confirm_refund_order.dspy",
            ("order_id", refund.Uuid));
        (missing.Status, missing.Code).Should().Be((false, "invalid_argument"));
    }

    [Fact]
    public async Task A_refund_whose_answer_was_lost_is_credited_once_by_the_order_sync_run_twice()
    {
        var account = await LinkedAsync();
        var (origin, bill) = await PaidOrderAsync(account, 30m);
        var refund = app.Baidu.RequestRefund(origin);
        await SyncAsync();
        var before = await BalanceAsync();
        app.Baidu.Inject("POST /v1/order/refund/confirm", new Fakes.Vendors.Fault.Reset());
        var lost = await app.Operator().GetAsync("/baiduc/baidu_confirm_refund_order.dspy", ("order_id", refund.Uuid),
            ("baidu_id", account), ("user_id", app.CustomerUserId));
        (lost.Status, lost.Code).Should().Be((false, "upstream_failed"));
        (await BalanceAsync()).Should().Be(before);

        app.Baidu.Orders[refund.Uuid].Status = "REFUND_SUCC"; // Baidu did confirm it
        using (var scope = app.Factory.Services.CreateScope())
        {
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            (await mediator.Send(new SyncAllBaiduOrders())).Settled.Should().Be(1);
        }
        using (var scope = app.Factory.Services.CreateScope())
            (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SyncAllBaiduOrders())).Settled
                .Should().Be(0);
        (await BalanceAsync()).Should().Be(before + 30m);
        (await RefundBillsAsync(bill)).Should().Be(1);
    }

    private async Task RechargeAsync(decimal amount)
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KbossDbContext>();
        await using var tx = await db.BeginTransactionAsync();
        await scope.ServiceProvider.GetRequiredService<BillService>().CreateRechargeBillAsync(app.CustomerOrgId,
            amount, BusinessOps.Recharge, "test-recharge-" + Guid.NewGuid().ToString("N"), default);
        await tx.CommitAsync();
    }

    private Task<int> PayBillsAsync(string order) => app.Factory.WithDbAsync(db =>
        db.VendorCharges.CountAsync(c => c.SubjectId == order && c.BillId != null));

    [Fact]
    public async Task An_order_is_paid_once_from_the_balance_and_refused_without_funds_or_rights()
    {
        var account = await LinkedAsync();
        var order = app.Baidu.PlaceOrder(account, 25.5m);
        var poor = app.Baidu.PlaceOrder(account, 1_000_000m);
        await SyncAsync();
        await RechargeAsync(30m);
        var before = await BalanceAsync();

        (await app.OtherOperator().GetAsync("/baiducloud/get_baidu_orderlist.dspy", ("order_id", order.Uuid)))
            .Http.Should().Be(403);
        var paid = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            app.Customer().GetAsync("/baiducloud/get_baidu_orderlist.dspy", ("order_id", order.Uuid))));
        paid.Count(r => r.Status).Should().BeGreaterThanOrEqualTo(1, string.Join("\n", paid.Select(r => r.Raw)));
        // a twin either waits for the first (conflict: in flight) or answers the paid order (success): never anything else
        paid.Where(r => !r.Status).Select(r => r.Code).Should().BeSubsetOf(["conflict"]);
        var again = await app.Customer().GetAsync("/baiducloud/get_baidu_orderlist.dspy", ("order_id", order.Uuid),
            ("userid", app.CustomerUserId));
        (again.Status, again.Msg, again.Data!["amount"]!.GetValue<decimal>()).Should().Be((true, "订单已支付", 25.5m));
        (await BalanceAsync()).Should().Be(before - 25.5m);
        (await PayBillsAsync(order.Uuid)).Should().Be(1);
        app.Baidu.Journal.Count(c => c.Path == "/v1/order/pay" && c.Body.Contains(order.Uuid)).Should().Be(1);
        app.Baidu.Orders[order.Uuid].Status.Should().Be("CREATED");

        var noFunds = await app.Customer().GetAsync("/baiducloud/get_baidu_orderlist.dspy", ("order_id", poor.Uuid));
        (noFunds.Status, noFunds.Code).Should().Be((false, "conflict"));
        app.Baidu.Journal.Should().NotContain(c => c.Path == "/v1/order/pay" && c.Body.Contains(poor.Uuid));
        var missing = await app.Customer().GetAsync("/baiducloud/get_baidu_orderlist.dspy");
        (missing.Status, missing.Code).Should().Be((false, "invalid_argument"));
        var unknown = await app.Customer().GetAsync("/baiducloud/get_baidu_orderlist.dspy", ("order_id", "nope"));
        (unknown.Status, unknown.Code).Should().Be((false, "not_found"));
    }

    [Theory]
    [InlineData("0.001")]
    [InlineData("0.0049")]
    [InlineData("-5")]
    public async Task A_baidu_price_that_can_not_be_charged_is_upstream_failed_and_the_order_stays_unpaid(
        string price)
    {
        var account = await LinkedAsync();
        var order = app.Baidu.PlaceOrder(account,
            decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture));
        await SyncAsync();
        await RechargeAsync(10m);
        var before = await BalanceAsync();

        var r = await app.Customer().GetAsync("/baiducloud/get_baidu_orderlist.dspy", ("order_id", order.Uuid));
        (r.Http, r.Status, r.Code).Should().Be((200, false, "upstream_failed"), r.Raw);
        r.Msg.Should().StartWith(BaiduService.System).And.Contain(price);
        app.Baidu.Journal.Should().NotContain(c => c.Path == "/v1/order/pay" && c.Body.Contains(order.Uuid));
        app.Baidu.Orders[order.Uuid].Status.Should().Be("NEED_PURCHASE");
        (await BalanceAsync()).Should().Be(before);
        (await app.Factory.WithDbAsync(db => db.VendorCharges.CountAsync(c => c.SubjectId == order.Uuid)))
            .Should().Be(0);
        var local = await app.Factory.WithDbAsync(db => db.BaiduOrders.AsNoTracking()
            .SingleAsync(o => o.OrderId == order.Uuid));
        (local.Status, local.PayBillId).Should().Be(("NEED_PURCHASE", (string?)null));
    }

    [Fact]
    public async Task A_free_order_is_paid_without_a_bill_and_answers_the_status_baidu_reports_after_paying()
    {
        var account = await LinkedAsync();
        var order = app.Baidu.PlaceOrder(account, 0m);
        await SyncAsync();
        var before = await BalanceAsync();

        var r = await app.Customer().GetAsync("/baiducloud/get_baidu_orderlist.dspy", ("order_id", order.Uuid));
        r.Status.Should().BeTrue(r.Raw);
        (r.Data!["status"]!.GetValue<string>(), r.Data["amount"]!.ToJsonString()).Should().Be(("CREATED", "0"));
        app.Baidu.Orders[order.Uuid].Status.Should().Be("CREATED");
        (await app.Factory.WithDbAsync(db => db.BaiduOrders.AsNoTracking().SingleAsync(o => o.OrderId == order.Uuid)))
            .Status.Should().Be("CREATED");
        (await BalanceAsync()).Should().Be(before);
        (await PayBillsAsync(order.Uuid)).Should().Be(0);
    }

    [Fact]
    public async Task A_payment_whose_answer_was_lost_is_charged_once_by_the_reconciler()
    {
        var account = await LinkedAsync();
        var order = app.Baidu.PlaceOrder(account, 12m);
        await SyncAsync();
        await RechargeAsync(12m);
        var before = await BalanceAsync();
        app.Baidu.Inject("POST /v1/order/pay", new Fakes.Vendors.Fault.Reset());
        var lost = await app.Customer().GetAsync("/baiducloud/get_baidu_orderlist.dspy", ("order_id", order.Uuid));
        (lost.Status, lost.Code).Should().Be((false, "upstream_failed"));
        app.Baidu.Orders[order.Uuid].Status = "CREATED"; // Baidu did take it
        app.Clock.Advance(TimeSpan.FromSeconds(1)); // past the (zero) grace period
        for (var i = 0; i < 2; i++)
        {
            using var scope = app.Factory.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new Kboss.Application.Common.OutsideCalls.ReconcileOutsideCalls(TimeSpan.Zero));
        }
        (await BalanceAsync()).Should().Be(before - 12m);
        (await PayBillsAsync(order.Uuid)).Should().Be(1);
        var refund = app.Baidu.RequestRefund(order.Uuid);
        await SyncAsync();
        var confirmed = await app.Operator().GetAsync("/baiduc/baidu_confirm_refund_order.dspy",
            ("order_id", refund.Uuid), ("baidu_id", account), ("user_id", app.CustomerUserId));
        confirmed.Status.Should().BeTrue(confirmed.Raw);
        (await BalanceAsync()).Should().Be(before);
    }

    [Fact]
    public async Task The_order_sync_job_is_registered_and_reads_every_keyed_account()
    {
        var account = await LinkedAsync();
        var placed = app.Baidu.PlaceOrder(account, 1m);
        using var scope = app.Factory.Services.CreateScope();
        var counts = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SyncAllBaiduOrders());
        counts.Errors.Should().BeEmpty();
        (await app.Factory.WithDbAsync(db => db.BaiduOrders.AnyAsync(o => o.OrderId == placed.Uuid))).Should().BeTrue();
    }
}

/// <summary>The Baidu order sync job's schedule (<c>Jobs:BaiduOrderSync:Cron</c>) on a fixed clock.</summary>
public sealed class BaiduOrderSyncScheduleTests
{
    [Fact]
    public void The_job_is_registered_every_ten_minutes_and_can_be_switched_off()
    {
        static List<string> Names(Dictionary<string, string?> settings)
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(settings).Build();
            var names = new List<string>();
            var services = new ServiceCollection();
            services.AddQuartz(q =>
            {
                var builder = new Kboss.Infrastructure.Scheduling.RecurringJobsBuilder(q, configuration,
                    TimeZoneInfo.Utc);
                Kboss.Infrastructure.Scheduling.RecurringJobs.Register(builder);
                names.AddRange(builder.Names);
            });
            return names;
        }
        Names([]).Should().Contain("BaiduOrderSync");
        Names(new() { ["Jobs:BaiduOrderSync:Cron"] = "off" }).Should().NotContain("BaiduOrderSync");

        var clock = new ManualClock();
        var cron = new CronExpression("0 */10 * * * ?"); // whole-hour zones (Asia/Shanghai, UTC): same minutes
        var at = new DateTimeOffset(2026, 12, 7, 8, 3, 0, TimeSpan.Zero);
        clock.Advance(at - clock.GetUtcNow());
        cron.GetNextValidTimeAfter(clock.GetUtcNow()).Should().Be(at.AddMinutes(7));
        clock.Advance(TimeSpan.FromMinutes(10));
        cron.GetNextValidTimeAfter(clock.GetUtcNow()).Should().Be(at.AddMinutes(17));
    }
}
