using Kboss.WebApi.IntegrationTests.Infrastructure;

namespace Kboss.WebApi.IntegrationTests.Lease;

/// <summary>
/// Stores, lease products and devices over HTTP (analysis/lease.md §3A.1–§3A.3, §3A.9, §3A.15–§3A.17): success shapes,
/// documented messages, bad input, 401/403 and other orgs.
/// </summary>
public sealed class LeaseStoreAndProductTests(LeaseFixture app) : IClassFixture<LeaseFixture>
{
    [Fact]
    public async Task Stores_are_created_renamed_listed_and_unique_per_org()
    {
        var name = LeaseFixture.Unique("仓库");
        var id = await app.StoreAsync(name);
        var dup = await app.Operator().PostJsonAsync("/lease/create_store.dspy", new { name });
        (dup.Status, dup.Msg, dup.Code).Should().Be((false, "仓库名称已存在", "conflict"));
        // another org may use the same name
        (await app.OtherOperator().PostJsonAsync("/lease/create_store.dspy", new { name })).Status.Should().BeTrue();

        var (product, _) = await app.ProductAsync(name, 1);
        var renamed = name + "-新";
        var up = await app.Operator().PostJsonAsync("/lease/update_store.dspy", new { id, name = renamed,
            ip_price = "5" });
        up.Status.Should().BeTrue(up.Raw);
        (up.Msg, up.Data!["name"]!.GetValue<string>(), up.Data!["ip_price"]!.GetValue<decimal>(),
            up.Data!["bandwidth_price"]!.GetValue<decimal>()).Should().Be(("更新仓库成功", renamed, 5m, 1m));
        var devices = await app.Operator().PostJsonAsync("/lease/filter_lease_data.dspy", new { store_name = renamed });
        devices.Data!["rows"]!.AsArray().Should().ContainSingle()
            .Which!["product_id"]!.GetValue<string>().Should().Be(product);

        var list = await app.Operator().PostJsonAsync("/lease/get_store_list.dspy", new { page = 1, rows = 21,
            sort = "create_at desc" });
        list.Status.Should().BeTrue(list.Raw);
        list.Msg.Should().Be("获取仓库列表成功");
        list.Data!["rows"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).Should().Contain(renamed);
        var other = await app.OtherOperator().PostJsonAsync("/lease/get_store_list.dspy", new { });
        other.Data!["rows"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).Should().NotContain(id);
    }

    [Fact]
    public async Task Store_refusals_bad_input_and_rights()
    {
        var id = await app.StoreAsync(LeaseFixture.Unique("仓库"));
        var foreign = await app.OtherOperator().PostJsonAsync("/lease/update_store.dspy", new { id, name = "偷改" });
        (foreign.Status, foreign.Msg, foreign.Code).Should().Be((false, "仓库不存在", "not_found"));
        var missing = await app.Operator().PostJsonAsync("/lease/update_store.dspy", new { id = "nope", name = "x" });
        missing.Msg.Should().Be("仓库不存在");
        foreach (var bad in new object[] { new { name = "" }, new { name = "a", bandwidth_price = "abc" },
                     new { name = "a", ip_price = "-1" }, new { name = new string('x', 51) } })
        {
            var r = await app.Operator().PostJsonAsync("/lease/create_store.dspy", bad);
            (r.Http, r.Status, r.Code).Should().Be((200, false, "invalid_argument"), r.Raw);
        }
        (await app.Operator().PostJsonAsync("/lease/get_store_list.dspy", new { sort = "name; drop" })).Msg
            .Should().Be("排序字段不支持");
        (await app.Anonymous().PostJsonAsync("/lease/create_store.dspy", new { name = "x" })).Http.Should().Be(401);
        (await app.Customer().PostJsonAsync("/lease/create_store.dspy", new { name = "x" })).Http.Should().Be(403);
        (await app.Customer().PostJsonAsync("/lease/get_store_list.dspy", new { })).Http.Should().Be(403);
    }

    [Fact]
    public async Task Create_lease_data_makes_stock_devices_verbatim_and_lists_them()
    {
        var store = LeaseFixture.Unique("仓库");
        await app.StoreAsync(store);
        var (id, devices) = await app.ProductAsync(store, 3);
        devices.Should().HaveCount(3).And.OnlyHaveUniqueItems();
        var list = await app.Operator().PostJsonAsync("/lease/get_product_list.dspy", new { });
        list.Msg.Should().Be("获取产品列表成功");
        var row = list.Data!.AsArray().Single(r => r!["id"]!.GetValue<string>() == id)!;
        (row["stock"]!.GetValue<int>(), row["price"]!.GetValue<decimal>()).Should().Be((3, 1m));
        // the customer sees its operating org's products, another operator does not
        (await app.Customer().PostJsonAsync("/lease/get_product_list.dspy", new { })).Data!.AsArray()
            .Select(r => r!["id"]!.GetValue<string>()).Should().Contain(id);
        (await app.OtherOperator().PostJsonAsync("/lease/get_product_list.dspy", new { })).Data!.AsArray()
            .Select(r => r!["id"]!.GetValue<string>()).Should().NotContain(id);

        var filtered = await app.Operator().PostJsonAsync("/lease/filter_lease_data.dspy",
            new { status = 0, store_name = store, page = 1, rows = 2, sort = "create_at desc" });
        filtered.Status.Should().BeTrue(filtered.Raw);
        filtered.Msg.Should().Be("查询租赁产品成功");
        filtered.Data!["total"]!.GetValue<int>().Should().Be(3);
        filtered.Data!["rows"]!.AsArray().Should().HaveCount(2);
        filtered.Data!["rows"]![0]!["resource_type"]!.GetValue<string>().Should().Be("resource_type ™️ ");
        (await app.Operator().PostJsonAsync("/lease/filter_lease_data.dspy", new { status = 1, store_name = store }))
            .Data!["total"]!.GetValue<int>().Should().Be(0);
    }

    [Fact]
    public async Task Create_lease_data_messages_and_bad_input()
    {
        var r = await app.Operator().PostJsonAsync("/lease/create_lease_data.dspy", new
        {
            products = new { product_name = "p", stock = "1", price = "1", lease_start_time = "2023-01-06",
                lease_end_time = "2023-09-26" },
            servers = new { store_name = "无此仓库" },
        });
        (r.Msg, r.Code).Should().Be(("仓库不存在: 无此仓库", "not_found"));
        var store = LeaseFixture.Unique("仓库");
        await app.StoreAsync(store);
        var window = await app.Operator().PostJsonAsync("/lease/create_lease_data.dspy", new
        {
            products = new { product_name = "p", stock = "1", price = "1", lease_start_time = "2023-09-26",
                lease_end_time = "2023-01-06" },
            servers = new { store_name = store },
        });
        (window.Msg, window.Code).Should().Be(("租赁结束时间不能早于开始时间", "invalid_argument"));
        foreach (var bad in new object[]
                 {
                     new { },
                     new { products = "x", servers = new { store_name = store } },
                     new { products = new { product_name = "p", stock = "0", price = "1",
                         lease_start_time = "2023-01-06", lease_end_time = "2023-09-26" },
                             servers = new { store_name = store } },
                     new { products = new { product_name = "p", stock = "1", price = "x",
                         lease_start_time = "2023-01-06", lease_end_time = "2023-09-26" },
                             servers = new { store_name = store } },
                     new { products = new { product_name = "p", stock = "1", price = "1",
                         lease_start_time = "2023-13-06", lease_end_time = "2023-09-26" },
                             servers = new { store_name = store } },
                 })
        {
            var x = await app.Operator().PostJsonAsync("/lease/create_lease_data.dspy", bad);
            (x.Http, x.Status, x.Code).Should().Be((200, false, "invalid_argument"), x.Raw);
        }
        (await app.Customer().PostJsonAsync("/lease/create_lease_data.dspy", new { })).Http.Should().Be(403);
        (await app.Anonymous().PostJsonAsync("/lease/get_product_list.dspy", new { })).Http.Should().Be(401);
    }

    [Fact]
    public async Task Update_product_changes_fields_and_moves_stock_by_adding_or_removing_idle_devices()
    {
        var store = LeaseFixture.Unique("仓库");
        await app.StoreAsync(store);
        var (id, _) = await app.ProductAsync(store, 3);
        var up = await app.Operator().PostJsonAsync("/lease/update_product.dspy", new
            { product = new { id, product_name = "改名", price = "2", stock = "5", user_id = "ddddd" } });
        up.Status.Should().BeTrue(up.Raw);
        (up.Msg, up.Data!["stock"]!.GetValue<int>(), up.Data!["price"]!.GetValue<decimal>())
            .Should().Be(("修改产品信息成功", 5, 2m));
        (await Idle(store)).Should().Be(5);
        (await app.Operator().PostJsonAsync("/lease/update_product.dspy", new { product = new { id, stock = "1" } }))
            .Data!["stock"]!.GetValue<int>().Should().Be(1);
        (await Idle(store)).Should().Be(1);
        var far = await app.Operator().PostJsonAsync("/lease/update_product.dspy",
            new { product = new { id, lease_start_time = "2023-07-06", lease_end_time = "2123-09-06" } });
        far.Data!["lease_end_time"]!.GetValue<string>().Should().Be("2123-09-06");

        var foreign = await app.OtherOperator().PostJsonAsync("/lease/update_product.dspy", new { product = new { id,
            stock = "0" } });
        (foreign.Msg, foreign.Code).Should().Be(("产品不存在", "not_found"));
        (await app.Operator().PostJsonAsync("/lease/update_product.dspy", new { product = new { id, stock = "-1" } }))
            .Code.Should().Be("invalid_argument");
        (await app.Operator().PostJsonAsync("/lease/update_product.dspy", new { product = new { id,
            lease_end_time = "2000-01-01" } }))
            .Msg.Should().Be("租赁结束时间不能早于开始时间");
        (await app.Operator().PostJsonAsync("/lease/update_product.dspy", new { })).Code.Should()
            .Be("invalid_argument");
    }

    [Fact]
    public async Task Update_product_refuses_a_window_that_cuts_an_active_lease()
    {
        var store = LeaseFixture.Unique("仓库");
        await app.StoreAsync(store);
        var (id, devices) = await app.ProductAsync(store, 1, price: "0");
        var buy = await LeaseBuyTests.BuyAsync(app.Customer(), id, [devices[0]], app.Today, app.Today.AddDays(10));
        buy.Status.Should().BeTrue(buy.Raw);
        var cut = await app.Operator().PostJsonAsync("/lease/update_product.dspy",
            new { product = new { id, lease_end_time = app.Today.AddDays(5).ToString("yyyy-MM-dd") } });
        (cut.Msg, cut.Code).Should().Be(("租赁时间不能小于已出租设备的租期", "conflict"));
    }

    private async Task<int> Idle(string store) =>
        (await app.Operator().PostJsonAsync("/lease/filter_lease_data.dspy", new { status = 0, store_name = store }))
        .Data!["total"]!.GetValue<int>();
}
