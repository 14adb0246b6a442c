using Kboss.Application.LeaseProducts;
using Kboss.Domain.Lease;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests.Lease;

/// <summary>
/// Module 20's checkout over HTTP (analysis/lease.md §3B.5, §3B.8–§3B.11, §3B.14, §3B.15, §4.2–§4.4; ADR 0036):
/// lock → save the order id → buy → lease end, parallel locks never over-sell, a purchase debits once, unlocks, the
/// lock time-out and the expiry job with a moved clock.
/// </summary>
public sealed class LeaseUnitTests(LeaseFixture app) : IClassFixture<LeaseFixture>
{
    private Task<Response> LockAsync(Api who, string product, int count, int days = 30) =>
        who.PostJsonAsync("/lease_product/lock_server.dspy", new
        {
            lease_start_time = app.Today.ToString("yyyy-MM-dd"),
            lease_end_time = app.Today.AddDays(days).ToString("yyyy-MM-dd"), productid = product, count,
        });

    private Task<int> StockAsync(string product) =>
        app.Factory.WithDbAsync(db => db.LeaseDevices.Where(d => d.ProductId == product).Select(d => d.Stock)
            .SingleAsync());

    [Fact]
    public async Task Sixty_four_parallel_locks_on_stock_ten_take_exactly_ten()
    {
        var product = await app.LeaseDeviceAsync(10);
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => LockAsync(app.Customer(), product, 1)));
        results.Should().OnlyContain(r => r.Http == 200);
        results.Count(r => r.Status).Should().Be(10);
        results.Where(r => !r.Status).Should().OnlyContain(r => r.Msg == "库存不足" && r.Code == "insufficient_stock");
        (await StockAsync(product)).Should().Be(0);
        (await app.Factory.WithDbAsync(db => db.LeaseOrders.Where(o => o.ProductId == product).SumAsync(o => o.Count)))
            .Should().Be(10);
    }

    [Fact]
    public async Task Lock_save_order_id_buy_debits_once_and_the_lease_end_gives_units_back()
    {
        var product = await app.LeaseDeviceAsync(5, price: "200");
        await app.FundCustomerAsync("2000");
        var before = await app.BalanceAsync();
        var locked = await LockAsync(app.Customer(), product, 2, days: 20);
        locked.Status.Should().BeTrue(locked.Raw);
        (locked.Msg, locked.Data!["unit_price"]!.GetValue<decimal>(), locked.Data!["count"]!.GetValue<int>())
            .Should().Be(("锁定设备成功", 200m, 2));
        (await StockAsync(product)).Should().Be(3);
        var order = LeaseFixture.Unique("order");
        var saved = await app.Customer().PostJsonAsync("/lease_product/save_order_id.dspy", new { order_id = order,
            productid = product, count = 2 });
        (saved.Status, saved.Msg, saved.Data!["lock_id"]!.GetValue<string>())
            .Should().Be((true, "保存订单id成功", locked.Data!["lock_id"]!.GetValue<string>()));
        (await app.Customer().PostJsonAsync("/lease_product/save_order_id.dspy", new { order_id = order,
            productid = product, count = 2 }))
            .Status.Should().BeTrue(); // idempotent

        var buys = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            app.Customer().PostJsonAsync("/lease_product/buy_server.dspy", new { order_id = order })));
        buys.Should().OnlyContain(r => r.Http == 200);
        buys.Should().Contain(r => r.Status && r.Msg == "购买设备成功");
        // 200 × 2 × 1 period (21 days)
        (await app.BalanceAsync()).Should().Be(before - 400m);
        (await app.Factory.WithDbAsync(db => db.Bills.CountAsync(b => b.OrderId == order))).Should().Be(1);
        var paid = await app.Customer().PostJsonAsync("/lease_product/unlock_server_by_orderid.dspy",
            new { order_id = order });
        (paid.Msg, paid.Code).Should().Be(("订单已支付,不能释放", "conflict"));

        var early = await app.RunJobAsync(new ExpireLeaseOrders());
        early.Data!.ReleasedOrders.Should().Be(0);
        app.Clock.Advance(TimeSpan.FromDays(21));
        try
        {
            (await app.RunJobAsync(new ExpireLeaseOrders())).Data!.ReleasedUnits.Should().BeGreaterThanOrEqualTo(2);
            (await StockAsync(product)).Should().Be(5);
            (await app.RunJobAsync(new ExpireLeaseOrders())).Data!.ReleasedOrders.Should().Be(0);
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromDays(-21));
        }
    }

    [Fact]
    public async Task Unlocks_give_units_back_partially_by_product_or_whole_by_order()
    {
        var product = await app.LeaseDeviceAsync(10);
        (await LockAsync(app.Customer(), product, 4)).Status.Should().BeTrue();
        var one = await app.Customer().PostJsonAsync("/lease_product/unlock_server_by_id.dspy", new { count = 1,
            productid = product });
        (one.Status, one.Msg, one.Data!["released"]!.GetValue<int>()).Should().Be((true, "释放锁定成功", 1));
        (await StockAsync(product)).Should().Be(7);
        var tooMany = await app.Customer().PostJsonAsync("/lease_product/unlock_server_by_id.dspy", new { count = 4,
            productid = product });
        (tooMany.Msg, tooMany.Code).Should().Be(("释放数量超过锁定数量", "conflict"));
        // another buyer cannot release the customer's lock
        (await app.Operator().PostJsonAsync("/lease_product/unlock_server_by_id.dspy", new { count = 1,
            productid = product }))
            .Msg.Should().Be("释放数量超过锁定数量");

        var order = LeaseFixture.Unique("order");
        (await app.Customer().PostJsonAsync("/lease_product/save_order_id.dspy", new { order_id = order,
            productid = product, count = 3 }))
            .Status.Should().BeTrue();
        (await app.OtherOperator().PostJsonAsync("/lease_product/unlock_server_by_orderid.dspy",
            new { order_id = order }))
            .Msg.Should().Be("未找到订单对应的锁定记录");
        var all = await app.Customer().PostJsonAsync("/lease_product/unlock_server_by_orderid.dspy",
            new { order_id = order });
        (all.Status, all.Data!["released"]!.GetValue<int>()).Should().Be((true, 3));
        (await StockAsync(product)).Should().Be(10);
        (await app.Customer().PostJsonAsync("/lease_product/unlock_server_by_orderid.dspy", new { order_id = order }))
            .Data!["released"]!.GetValue<int>().Should().Be(0);
        // released before payment: a later payment re-reserves when stock allows
        await app.FundCustomerAsync("5000");
        var rebuy = await app.Customer().PostJsonAsync("/lease_product/buy_server.dspy", new { order_id = order });
        rebuy.Status.Should().BeTrue(rebuy.Raw);
        (await StockAsync(product)).Should().Be(7);
    }

    [Fact]
    public async Task A_lock_not_bought_in_time_is_released_by_the_timeout_job_and_cannot_be_bound()
    {
        var product = await app.LeaseDeviceAsync(3);
        (await LockAsync(app.Customer(), product, 3)).Status.Should().BeTrue();
        (await app.RunJobAsync(new ReleaseTimedOutLocks())).Should().Be(0);
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        try
        {
            (await app.RunJobAsync(new ReleaseTimedOutLocks())).Should().BeGreaterThanOrEqualTo(1);
            (await StockAsync(product)).Should().Be(3);
            var late = await app.Customer().PostJsonAsync("/lease_product/save_order_id.dspy",
                new { order_id = LeaseFixture.Unique("o"), productid = product, count = 3 });
            (late.Msg, late.Code).Should().Be(("未找到对应的锁定记录", "not_found"));
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromMinutes(-16));
        }
    }

    [Fact]
    public async Task Create_server_and_lock_messages_bad_input_and_rights()
    {
        var (provider, catalogProduct) = await app.CatalogProductAsync();
        var create = new
        {
            providerid = provider, productid = catalogProduct, stock = 15, price = "200",
            end_date = app.Today.AddDays(30).ToString("yyyy-MM-dd"),
        };
        (await app.OtherOperator().PostJsonAsync("/lease_product/create_server.dspy", create)).Msg.Should()
            .Be("供应商不存在");
        (await app.Customer().PostJsonAsync("/lease_product/create_server.dspy", create)).Http.Should().Be(403);
        (await app.Operator().PostJsonAsync("/lease_product/create_server.dspy", create)).Status.Should().BeTrue();
        (await app.Operator().PostJsonAsync("/lease_product/create_server.dspy", create)).Msg.Should()
            .Be("该产品已添加设备,请修改库存");
        var (otherProvider, _) = await app.CatalogProductAsync();
        var wrong = await app.Operator().PostJsonAsync("/lease_product/create_server.dspy", new
            { providerid = otherProvider, productid = catalogProduct, stock = 1, price = "1",
                end_date = create.end_date });
        wrong.Msg.Should().Be("产品不属于该供应商");
        foreach (var bad in new object[] { new { }, new { providerid = provider, productid = catalogProduct,
            stock = 0, price = "1", end_date = create.end_date },
                     new { providerid = provider, productid = catalogProduct, stock = 1, price = "1",
                         end_date = "x" } })
            (await app.Operator().PostJsonAsync("/lease_product/create_server.dspy", bad)).Code.Should()
                .Be("invalid_argument");

        var past = await app.Customer().PostJsonAsync("/lease_product/lock_server.dspy", new
        {
            lease_start_time = app.Today.AddDays(-1).ToString("yyyy-MM-dd"),
            lease_end_time = app.Today.ToString("yyyy-MM-dd"), productid = catalogProduct, count = 1,
        });
        past.Msg.Should().Be("租赁开始时间不能早于今天");
        (await LockAsync(app.Customer(), catalogProduct, 1, days: 31)).Msg.Should().Be("租赁结束时间超过设备可租期限");
        (await LockAsync(app.Customer(), catalogProduct, 111)).Msg.Should().Be("库存不足");
        (await LockAsync(app.Customer(), "no-such", 1)).Msg.Should().Be("该产品暂无可租设备");
        (await LockAsync(app.OtherOperator(), catalogProduct, 1)).Msg.Should().Be("该产品暂无可租设备");
        (await LockAsync(app.Customer(), catalogProduct, 0)).Code.Should().Be("invalid_argument");
        (await app.Customer().PostJsonAsync("/lease_product/save_order_id.dspy", new { order_id = "", productid = "",
            count = 2 }))
            .Code.Should().Be("invalid_argument");
        (await app.Customer().PostJsonAsync("/lease_product/buy_server.dspy", new { order_id = "none" })).Msg.Should()
            .Be("订单不存在");
        (await app.Anonymous().PostJsonAsync("/lease_product/lock_server.dspy", new { })).Http.Should().Be(401);
        (await app.Customer().PostJsonAsync("/lease_product/update_order.dspy", new { })).Http.Should().Be(403);
        var job = await app.Admin().PostJsonAsync("/lease_product/update_order.dspy",
            new { id = "KZQ6tTMNcxO4GqK9x6kYP" });
        (job.Msg, job.Code).Should().Be(("订单不存在", "not_found"));
        (await app.Admin().PostJsonAsync("/lease_product/update_order.dspy", new { })).Msg.Should().Be("释放到期设备成功");
    }
}
