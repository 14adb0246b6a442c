using Kboss.Domain.Lease;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests.Lease;

/// <summary>
/// Every numeric example of analysis/lease.md §4.13 with its exact value, sent as the spec writes it (strings where it
/// sends strings), on the spec's own dates: the clock is moved to 2023 and the examples chain as the table reads them.
/// One ordered scenario, because each step needs the state the previous one left.
/// </summary>
public sealed class LeaseExampleTests(LeaseFixture app) : IClassFixture<LeaseFixture>
{
    private void SetDate(int year, int month, int day)
    {
        var noonUtc = new DateTimeOffset(year, month, day, 4, 0, 0, TimeSpan.Zero); // 12:00 Asia/Shanghai
        app.Clock.Advance(noonUtc - app.Clock.GetUtcNow());
        app.Today.Should().Be(new DateOnly(year, month, day));
    }

    [Fact]
    public async Task The_examples_of_module_15_and_module_20_give_their_values()
    {
        var op = app.Operator();
        try
        {
            SetDate(2023, 1, 6);
            // create_store name "xx" is the store create_lease_data names (store must exist)
            (await op.PostJsonAsync("/lease/create_store.dspy", new { name = "xx", location = "xxxx", address = "xxx",
                bandwidth_price = "123", stored_price = "1233", ip_price = "33", user_id = "xxxx" })).Status
                .Should().BeTrue();
            // create_lease_data stock "3" → 3 devices; products.price "1" = servers.price "1"; window 263 days
            var created = await op.PostJsonAsync("/lease/create_lease_data.dspy", new
            {
                products = new { product_name = "商品7", stock = "3", user_id = "gg", price = "1",
                    lease_start_time = "2023-01-06", lease_end_time = "2023-09-26" },
                servers = new
                    { store_name = "xx", device_type = "77", resource_type = "resource_type ™️ ", price = "1" },
            });
            created.Status.Should().BeTrue(created.Raw);
            var product = created.Data!["id"]!.GetValue<string>();
            var devices = created.Data!["server_ids"]!.AsArray().Select(x => x!.GetValue<string>()).ToArray();
            devices.Should().HaveCount(3);
            (LeaseDates.Days(new DateOnly(2023, 1, 6), new DateOnly(2023, 9, 26)) - 1).Should().Be(263);
            var rows = (await op.PostJsonAsync("/lease/filter_lease_data.dspy",
                new { product_name = "商品7", rows = 10 })).Data!["rows"]!.AsArray();
            rows.Should().HaveCount(3).And.OnlyContain(r => r!["price"]!.GetValue<decimal>() == 1m
                && r["product_price"]!.GetValue<decimal>() == 1m && r["stock"]!.GetValue<int>() == 3);

            // report_disengaged select_date 2023-01-08: start + 2 days, inside the window: 3 devices, all idle
            var report = await op.PostJsonAsync("/lease/report_disengaged.dspy", new { select_date = "2023-01-08" });
            (report.Data!["total"]!.GetValue<int>(), report.Data!["idle"]!.GetValue<int>(),
                report.Data!["idle_rate"]!.GetValue<decimal>()).Should().Be((3, 3, 100m));

            // update_product 2023-07-06 → 2123-09-06: 36,586 days, a valid date, accepted
            var updated = await op.PostJsonAsync("/lease/update_product.dspy", new { product = new { id = product,
                product_name = "product_name", price = "1", stock = "3", user_id = "ddddd",
                lease_start_time = "2023-07-06", lease_end_time = "2123-09-06" } });
            (updated.Status, updated.Data!["lease_end_time"]!.GetValue<string>()).Should().Be((true, "2123-09-06"));
            (LeaseDates.Days(new DateOnly(2023, 7, 6), new DateOnly(2123, 9, 6)) - 1).Should().Be(36_586);

            // buy (the sales side, for the customer): device_num "2" = 2 pairs of one product (≥ 2 idle),
            // paid trial 11 元 of 2 days,
            // 2023-10-28 → 2023-10-30 = 2 days' difference, 3 inclusive: the trial fits; 1 chargeable day = 1 period:
            // (1 + 1 + 123 × 123 + 123 × 1233 + 2 × 33) × 1 + 11 = 166,867 元
            SetDate(2023, 10, 28);
            await app.FundCustomerAsync("200000");
            var before = await app.BalanceAsync();
            var customer = (await app.Customer().GetAsync("/user/current_user.dspy")).Data!["userid"]!
                .GetValue<string>();
            var bought = await op.PostJsonAsync("/lease/buy.dspy", new // trials are granted by staff
            {
                bill_data = new { device_type = "123", device_num = "2", bandwidth = "123", stored = "123",
                    test_type = "2", test_price = 11, test_day = 2, user_id = customer, start_date = "2023-10-28",
                    end_date = "2023-10-30", ip_num = 2 },
                device_ids = new[] { new[] { product, devices[0] }, new[] { product, devices[1] } },
            });
            (bought.Status, bought.Data?["amount"]?.GetValue<decimal>()).Should().Be((true, 166_867m), bought.Raw);
            (await app.BalanceAsync()).Should().Be(before - 166_867m);
            var bill = bought.Data!["bill_id"]!.GetValue<string>();

            // save_contract start = end = 2023-09-08: 0 days' difference, 1 inclusive day, allowed
            var contract = await op.PostJsonAsync("/lease/save_contract.dspy", new { bill_id = bill, title = "title",
                start_date = "2023-09-08", end_date = "2023-09-08", salesman = "salesman", client = "client",
                status = "1", remark = "remark" });
            contract.Status.Should().BeTrue(contract.Raw);
            LeaseDates.Days(new DateOnly(2023, 9, 8), new DateOnly(2023, 9, 8)).Should().Be(1);

            // rows 3, 21 and 10 are page sizes (cap 100)
            (await app.Customer().PostJsonAsync("/lease/get_bill_list.dspy", new { page = 1, rows = 3,
                sort = "create_at desc" })).Data!["rows"]!.AsArray().Should().ContainSingle();
            (await op.PostJsonAsync("/lease/get_store_list.dspy", new { page = 1, rows = 21, sort = "create_at desc" }))
                .Data!["total"]!.GetValue<int>().Should().Be(1);
            (await op.PostJsonAsync("/lease/get_store_list.dspy", new { rows = 101 })).Status.Should().BeFalse();

            await ModuleTwentyAsync();
        }
        finally
        {
            app.Clock.Advance(DateTimeOffset.UtcNow - app.Clock.GetUtcNow());
        }
    }

    private async Task ModuleTwentyAsync()
    {
        var op = app.Operator();
        SetDate(2023, 11, 30);
        // create_server stock 15, price "200", 11 parameters of number 1, end 2024-02-23
        var (provider, product) = await app.CatalogProductAsync();
        string[] titles = ["device_type", "device_brand", "resource_type", "card_type", "card_interface", "cpu",
            "memory", "system_disk", "data_disk", "net_card1", "net_card2"];
        var created = await op.PostJsonAsync("/lease_product/create_server.dspy", new
        {
            providerid = provider, provider_name = "济南超算", productid = product,
            product_name = "CPU节点/64G X86-Intel- E5-2682V4", stock = 15, user_id = "9KVhsVCJsW_29q3hRhMAr",
            price = "200", end_date = "2024-02-23", other_data = "4234", store_name = "上海",
            parameter = titles.Select(t => new { title = t, parameter = "23", number = 1 }).ToArray(),
        });
        created.Status.Should().BeTrue(created.Raw);
        var id = created.Data!["id"]!.GetValue<string>();
        var detail = await op.PostJsonAsync("/lease_product/get_server_detail.dspy", new { server_id = id });
        (detail.Data!["stock"]!.GetValue<int>(), detail.Data!["price"]!.GetValue<decimal>()).Should().Be((15, 200m));
        detail.Data!["parameter"]!.AsArray()
            .Select(p => (p!["title"]!.GetValue<string>(), p["number"]!.GetValue<int>()))
            .Should().Equal(titles.Select(t => (t, 1)));

        // update_server stock 11 with change_stock −1 implies 12 before: refused on 15, accepted on 12;
        // end_date 2024-09-29 is sent but never changes
        object Example() => new { id, productid = product, price = 10111, stock = 11, change_stock = -1,
            end_date = "2024-09-29" };
        (await op.PostJsonAsync("/lease_product/update_server.dspy", Example())).Msg.Should().Be("库存已变化,请刷新后重试");
        (await op.PostJsonAsync("/lease_product/update_server.dspy", new { id, productid = product, stock = 12 }))
            .Status.Should().BeTrue();
        var edited = await op.PostJsonAsync("/lease_product/update_server.dspy", Example());
        (edited.Data!["stock"]!.GetValue<int>(), edited.Data!["price"]!.GetValue<decimal>(),
            edited.Data!["end_date"]!.GetValue<string>()).Should().Be((11, 10111m, "2024-02-23"));

        // lock 2023-11-30 → 2023-12-30: 30 days' difference (one calendar month), 31 inclusive; count 111 > 11 in stock
        Task<Response> Lock(int count) => app.Customer().PostJsonAsync("/lease_product/lock_server.dspy", new
            { lease_start_time = "2023-11-30", lease_end_time = "2023-12-30", productid = product, count });
        (await Lock(111)).Msg.Should().Be("库存不足");
        var locked = await Lock(2);
        (locked.Status, locked.Data!["unit_price"]!.GetValue<decimal>()).Should().Be((true, 10111m), locked.Raw);
        (LeaseDates.Days(new DateOnly(2023, 11, 30), new DateOnly(2023, 12, 30)) - 1).Should().Be(30);

        // save_order_id: the doc's empty ids are invalid; a count matching no lock finds none
        (await app.Customer().PostJsonAsync("/lease_product/save_order_id.dspy", new { order_id = "", productid = "",
            count = 2 })).Status.Should().BeFalse();
        const string order = "FfdfLDifMB01uME215fGV";
        (await app.Customer().PostJsonAsync("/lease_product/save_order_id.dspy", new { order_id = order,
            productid = product, count = 3 })).Msg.Should().Be("未找到对应的锁定记录");
        // bought: 10111 × 2 units × 2 periods (31 inclusive days of 30-day periods, ADR 0036) = 40,444 元
        await app.FundCustomerAsync("40444");
        var before = await app.BalanceAsync();
        (await app.Customer().PostJsonAsync("/lease_product/save_order_id.dspy", new { order_id = order,
            productid = product, count = 2 })).Status.Should().BeTrue();
        (await app.Customer().PostJsonAsync("/lease_product/buy_server.dspy", new { order_id = order }))
            .Status.Should().BeTrue();
        (await app.BalanceAsync()).Should().Be(before - 40_444m);

        // unlock_server_by_id count 1 of a lock of 111: a partial release, the lock keeps 110
        var (providerOfBig, big) = await app.CatalogProductAsync();
        (await op.PostJsonAsync("/lease_product/create_server.dspy", new { providerid = providerOfBig, productid = big,
            stock = 120, price = "1", end_date = "2024-02-23" })).Status.Should().BeTrue();
        (await app.Customer().PostJsonAsync("/lease_product/lock_server.dspy", new { lease_start_time = "2023-11-30",
            lease_end_time = "2023-12-30", productid = big, count = 111 })).Status.Should().BeTrue();
        var unlocked = await app.Customer().PostJsonAsync("/lease_product/unlock_server_by_id.dspy",
            new { count = 1, productid = big });
        (unlocked.Status, unlocked.Data!["released"]!.GetValue<int>()).Should().Be((true, 1));
        (await app.Factory.WithDbAsync(db => db.LeaseOrders.Where(o => o.ProductId == big).Select(o => o.Count)
            .SingleAsync())).Should().Be(110);
        (await app.Operator().PostJsonAsync("/lease_product/product_rate.dspy", new { productid = big }))
            .Data!["total"]!.GetValue<long>().Should().Be(120);
    }
}
