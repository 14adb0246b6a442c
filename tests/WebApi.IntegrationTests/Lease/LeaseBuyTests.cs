using Kboss.Application.Lease;
using Kboss.Domain.Lease;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests.Lease;

/// <summary>
/// buy.dspy and the lease-end jobs over HTTP and as the jobs send them with a moved clock (analysis/lease.md §3A.7,
/// §3A.12, §3A.13, §4.3, §4.5, §4.12; ADR 0036): one unit of work with the BUY bill and the debit, a device is never
/// sold twice, every documented refusal, the device back in stock after its lease and exactly one warning.
/// </summary>
public sealed class LeaseBuyTests(LeaseFixture app) : IClassFixture<LeaseFixture>
{
    internal static Task<Response> BuyAsync(Api who, string product, string[] devices, DateOnly start, DateOnly end,
        object? extra = null, string? userId = null) => who.PostJsonAsync("/lease/buy.dspy", new
    {
        bill_data = extra ?? new
        {
            device_type = "123", device_num = devices.Length.ToString(), test_type = "0", user_id = userId,
            start_date = start.ToString("yyyy-MM-dd"), end_date = end.ToString("yyyy-MM-dd"),
        },
        device_ids = devices.Select(d => new[] { product, d }).ToArray(),
    });

    [Fact]
    public async Task A_customer_buys_devices_the_balance_pays_a_buy_bill_and_stock_drops()
    {
        var store = LeaseFixture.Unique("仓库");
        await app.StoreAsync(store, bandwidth: "1", stored: "2", ip: "3");
        var (product, devices) = await app.ProductAsync(store, 3, price: "100");
        await app.FundCustomerAsync("1000");
        var before = await app.BalanceAsync();
        // 2 × 100 + 10 × 1 + 5 × 2 + 2 × 3 = 226 per period; 31 days = 2 periods
        var r = await BuyAsync(app.Customer(), product, devices[..2], app.Today, app.Today.AddDays(30), new
        {
            device_num = "2", bandwidth = "10", stored = "5", ip_num = 2, start_date = app.Today.ToString("yyyy-MM-dd"),
            end_date = app.Today.AddDays(30).ToString("yyyy-MM-dd"),
        });
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("购买成功");
        r.Data!["amount"]!.GetValue<decimal>().Should().Be(452m);
        (await app.BalanceAsync()).Should().Be(before - 452m);
        var billId = r.Data!["bill_id"]!.GetValue<string>();
        var (bill, finance, stock) = await app.Factory.WithDbAsync(async db =>
        {
            var b = await db.LeaseBills.SingleAsync(x => x.Id == billId);
            var f = await db.Bills.SingleAsync(x => x.Id == b.FinanceBillId);
            var p = await db.LeaseProducts.SingleAsync(x => x.Id == product);
            return (b, f, p.Stock);
        });
        (bill.CustomerOrgId, bill.DeviceNum, bill.Status).Should().Be((app.CustomerOrgId, 2, LeaseBillStatus.Active));
        (finance.BusinessOp, finance.Amount, finance.CustomerId, finance.OrderId).Should()
            .Be(("BUY", 452m, app.CustomerOrgId, billId));
        stock.Should().Be(1);
        var again = await BuyAsync(app.Customer(), product, [devices[0]], app.Today, app.Today);
        (again.Msg, again.Code).Should().Be(($"设备不可用: {devices[0]}", "conflict"));
    }

    [Fact]
    public async Task Without_enough_balance_nothing_is_written()
    {
        var store = LeaseFixture.Unique("仓库");
        await app.StoreAsync(store);
        var (product, devices) = await app.ProductAsync(store, 1, price: "999999");
        var r = await BuyAsync(app.Customer(), product, devices, app.Today, app.Today);
        (r.Msg, r.Code).Should().Be(("余额不足", "conflict"));
        await app.Factory.WithDbAsync(async db =>
        {
            (await db.LeaseServers.SingleAsync(s => s.Id == devices[0])).Status.Should().Be(LeaseServerStatus.Idle);
            (await db.LeaseProducts.SingleAsync(p => p.Id == product)).Stock.Should().Be(1);
            (await db.LeaseBillDevices.AnyAsync(l => l.DeviceId == devices[0])).Should().BeFalse();
        });
    }

    [Fact]
    public async Task The_same_device_bought_in_parallel_goes_to_exactly_one_bill()
    {
        var store = LeaseFixture.Unique("仓库");
        await app.StoreAsync(store);
        var (product, devices) = await app.ProductAsync(store, 1, price: "0");
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            BuyAsync(app.Customer(), product, devices, app.Today, app.Today.AddDays(1))));
        results.Should().OnlyContain(r => r.Http == 200);
        results.Count(r => r.Status).Should().Be(1);
        results.Where(r => !r.Status).Should().OnlyContain(r => r.Msg == $"设备不可用: {devices[0]}");
        (await app.Factory.WithDbAsync(db => db.LeaseBillDevices.CountAsync(l => l.DeviceId == devices[0]))).Should()
            .Be(1);
        (await app.Factory.WithDbAsync(db => db.LeaseProducts.SingleAsync(p => p.Id == product))).Stock.Should().Be(0);
    }

    [Fact]
    public async Task Buy_messages_for_count_trial_window_store_product_and_rights()
    {
        var store = LeaseFixture.Unique("仓库");
        await app.StoreAsync(store);
        var (product, devices) = await app.ProductAsync(store, 2, price: "0", end: app.Today.AddDays(5));
        var (other, otherDevices) = await app.ProductAsync(store, 1, price: "0");
        var store2 = LeaseFixture.Unique("仓库");
        await app.StoreAsync(store2);
        var (far, farDevices) = await app.ProductAsync(store2, 1, price: "0");
        var d = app.Today.ToString("yyyy-MM-dd");

        async Task Expect(Task<Response> call, string msg)
        {
            var r = await call;
            (r.Http, r.Status, r.Msg).Should().Be((200, false, msg), r.Raw);
        }
        await Expect(BuyAsync(app.Customer(), product, devices, app.Today, app.Today,
            new { device_num = "1", start_date = d, end_date = d }), "设备数量与所选设备不一致");
        // trials are granted by staff for a customer (user_id); a customer granting itself one is refused
        var customerId = await app.Factory.WithDbAsync(db => db.Users.Where(u => u.OrgId == app.CustomerOrgId)
            .Select(u => u.Id).FirstAsync());
        var selfTrial = await BuyAsync(app.Customer(), product, devices[..1], app.Today, app.Today,
            new { device_num = "1", test_type = "1", test_day = 1, start_date = d, end_date = d });
        (selfTrial.Http, selfTrial.Msg).Should().Be((403, "试用只能由运营人员设置"), selfTrial.Raw);
        await Expect(BuyAsync(app.Operator(), product, devices[..1], app.Today, app.Today,
            new { device_num = "1", test_type = "2", test_price = 0, test_day = 1, start_date = d, end_date = d,
                user_id = customerId }), "测试价格必须大于0");
        await Expect(BuyAsync(app.Operator(), product, devices[..1], app.Today, app.Today,
            new { device_num = "1", test_type = "1", start_date = d, end_date = d, user_id = customerId }),
            "测试天数必须大于0");
        await Expect(BuyAsync(app.Customer(), product, devices[..1], app.Today, app.Today.AddDays(6)), "租期超出商品可租时间");
        await Expect(BuyAsync(app.Customer(), product, devices[..1], app.Today.AddDays(-3), app.Today.AddDays(-1)),
            "租期已结束: 结束日期不能早于今天");
        await Expect(BuyAsync(app.Customer(), product, [devices[0], farDevices[0]], app.Today, app.Today),
            "设备不属于该商品: " + farDevices[0]);
        var mixed = await app.Customer().PostJsonAsync("/lease/buy.dspy", new
        {
            bill_data = new { device_num = "2", start_date = d, end_date = d },
            device_ids = new[] { new[] { other, otherDevices[0] }, new[] { far, farDevices[0] } },
        });
        mixed.Msg.Should().Be("所选设备不在同一仓库");
        await Expect(BuyAsync(app.OtherOperator(), product, devices[..1], app.Today, app.Today),
            $"设备不可用: {devices[0]}");
        // a customer may not buy for another user; the operator may buy for its customer
        var forOther = await BuyAsync(app.Customer(), product, devices[..1], app.Today, app.Today, userId: "someone");
        forOther.Http.Should().Be(403);
        var bySales = await BuyAsync(app.Operator(), product, devices[..1], app.Today, app.Today, userId: customerId);
        bySales.Status.Should().BeTrue(bySales.Raw);
        (await BuyAsync(app.OtherOperator(), other, otherDevices, app.Today, app.Today, userId: customerId)).Http
            .Should().Be(403);
        foreach (var bad in new object[] { new { }, new { bill_data = new { device_num = "x" }, device_ids = "a" },
                     new { bill_data = new { device_num = "1", start_date = "2023-02-30", end_date = d },
                         device_ids = new[] { new[] { "a" } } } })
        {
            var r = await app.Customer().PostJsonAsync("/lease/buy.dspy", bad);
            (r.Http, r.Status, r.Code).Should().Be((200, false, "invalid_argument"), r.Raw);
        }
        (await app.Anonymous().PostJsonAsync("/lease/buy.dspy", new { })).Http.Should().Be(401);
    }

    [Fact]
    public async Task A_lease_ending_today_is_warned_once_and_back_in_stock_after_the_next_recycle_run()
    {
        var store = LeaseFixture.Unique("仓库");
        await app.StoreAsync(store);
        var (product, devices) = await app.ProductAsync(store, 1, price: "0");
        var buy = await BuyAsync(app.Customer(), product, devices, app.Today.AddDays(-3), app.Today);
        buy.Status.Should().BeTrue(buy.Raw);
        var billId = buy.Data!["bill_id"]!.GetValue<string>();

        // today: not yet over, warned (0 days left) exactly once, however often the job runs
        (await app.RunJobAsync(new RecycleExpiredLeases())).Data!.RecycledBills.Should().Be(0);
        var first = await app.RunJobAsync(new SendLeaseExpiryWarnings());
        first.Data!.WarnedBills.Should().BeGreaterThanOrEqualTo(1);
        await app.RunJobAsync(new SendLeaseExpiryWarnings());
        (await WarningsAsync(billId)).Should().Be(1);

        app.Clock.Advance(TimeSpan.FromDays(1));
        try
        {
            var run = await app.RunJobAsync(new RecycleExpiredLeases());
            run.Data!.RecycledBills.Should().BeGreaterThanOrEqualTo(1);
            await app.Factory.WithDbAsync(async db =>
            {
                var device = await db.LeaseServers.SingleAsync(s => s.Id == devices[0]);
                (device.Status, device.BillId).Should().Be((LeaseServerStatus.Idle, (string?)null));
                (await db.LeaseProducts.SingleAsync(p => p.Id == product)).Stock.Should().Be(1);
                (await db.LeaseBills.SingleAsync(b => b.Id == billId)).Status.Should().Be(LeaseBillStatus.Expired);
            });
            (await app.RunJobAsync(new RecycleExpiredLeases())).Data!.RecycledBills.Should().Be(0);
            await app.RunJobAsync(new SendLeaseExpiryWarnings());
            (await WarningsAsync(billId)).Should().Be(1);
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromDays(-1));
        }
    }

    [Fact]
    public async Task Buy_and_lock_judge_dates_by_the_platform_date_while_utc_is_still_on_the_day_before()
    {
        var now = app.Clock.GetUtcNow();
        var shift = new DateTimeOffset(now.UtcDateTime.Date.AddHours(16).AddMinutes(30), TimeSpan.Zero) - now;
        app.Clock.Advance(shift); // 16:30 UTC = 00:30 of the next day in Asia/Shanghai
        try
        {
            var utcDay = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
            app.Today.Should().Be(utcDay.AddDays(1));
            var store = LeaseFixture.Unique("仓库");
            await app.StoreAsync(store);
            var (product, devices) = await app.ProductAsync(store, 2, price: "0");

            var ended = await BuyAsync(app.Customer(), product, devices[..1], utcDay.AddDays(-2), utcDay);
            (ended.Status, ended.Msg).Should().Be((false, "租期已结束: 结束日期不能早于今天"), ended.Raw);
            (await BuyAsync(app.Customer(), product, devices[..1], app.Today, app.Today)).Status.Should().BeTrue();

            var unit = await app.LeaseDeviceAsync(2, price: "0");
            Task<Response> Lock(DateOnly start) => app.Customer().PostJsonAsync("/lease_product/lock_server.dspy",
                new { lease_start_time = start.ToString("yyyy-MM-dd"),
                    lease_end_time = start.AddDays(3).ToString("yyyy-MM-dd"), productid = unit, count = 1 });
            var early = await Lock(utcDay);
            (early.Status, early.Msg).Should().Be((false, "租赁开始时间不能早于今天"), early.Raw);
            (await Lock(app.Today)).Status.Should().BeTrue();
        }
        finally
        {
            app.Clock.Advance(-shift);
        }
    }

    private Task<int> WarningsAsync(string billId) => app.Factory.WithDbAsync(db => db.Messages
        .CountAsync(m => m.MsgType == SendLeaseExpiryWarningsHandler.MsgType && m.MsgText.Contains(billId)));

    [Fact]
    public async Task Job_endpoints_answer_admins_only()
    {
        var r = await app.Admin().PostJsonAsync("/lease/update_stock.dspy", new { });
        (r.Status, r.Msg).Should().Be((true, "回收设备成功"));
        r.Data!["recycled_bills"].Should().NotBeNull();
        var w = await app.Admin().PostJsonAsync("/lease/expiration_warning.dspy", new { });
        (w.Status, w.Msg).Should().Be((true, "到期警告发送成功"));
        (await app.Operator().PostJsonAsync("/lease/update_stock.dspy", new { })).Http.Should().Be(403);
        (await app.Customer().PostJsonAsync("/lease/expiration_warning.dspy", new { })).Http.Should().Be(403);
        (await app.Anonymous().PostJsonAsync("/lease/update_stock.dspy", new { })).Http.Should().Be(401);
    }
}
