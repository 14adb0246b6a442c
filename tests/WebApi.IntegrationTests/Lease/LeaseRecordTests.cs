using Kboss.Domain.Catalog;
using Kboss.Domain.Lease;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests.Lease;

/// <summary>
/// Module 20's lookups, record edit and reports over HTTP (analysis/lease.md §3B.1–§3B.4, §3B.6, §3B.12, §3B.13,
/// §3B.16, §3B.17, §4.7; ADR 0039) on a fixed data set: provider P of the demo org with record A (5 idle, a lock of
/// 2, rentals of 1 and 2, a released lock of 4 and an expired rental of 7) and record B (0 idle, a rental of 6), so
/// by hand: P 16 units = 5 idle + 2 locked + 9 rented → 31.25 / 12.50 / 56.25 %; A 10 = 5 + 2 + 3 → 50 / 20 / 30 %;
/// B 6 = 0 + 0 + 6 → 0 / 0 / 100 %.
/// </summary>
public sealed class LeaseRecordTests(LeaseFixture app) : IClassFixture<LeaseFixture>, IAsyncLifetime
{
    private string _provider = "", _productA = "", _productB = "", _bare = "", _recordA = "";

    public async Task InitializeAsync()
    {
        var provider = new Provider { OrgId = DemoData.OrgId, Name = "济南超算", Prefix = LeaseFixture.Unique("rt") };
        Product Item(string name) => new()
        {
            ProviderId = provider.Id, ProviderPid = LeaseFixture.Unique("pid"), Name = name, ProductGroup = "g",
            PType = "t", Classify = "c", State = "1",
        };
        var (a, b, bare) = (Item("A CPU节点"), Item("B GPU节点"), Item("C 无设备"));
        var recordA = Record(provider, a, 5);
        var recordB = Record(provider, b, 0);
        var (now, day) = (app.Clock.GetUtcNow().UtcDateTime, app.Today);
        LeaseOrder Order(LeaseDevice d, int count, int status)
        {
            var end = day.AddDays(status == LeaseOrderStatus.Expired ? -1 : 30);
            var o = LeaseOrder.Lock(d, count, day.AddDays(-40), end,
                "u-rt", app.CustomerOrgId, now, TimeSpan.FromDays(1));
            if (status is LeaseOrderStatus.Rented or LeaseOrderStatus.Expired) o.Buy(now, 0, null);
            if (status == LeaseOrderStatus.Released) o.Release(LeaseReleaseReasons.ById, now);
            if (status == LeaseOrderStatus.Expired) o.Expire(day, now);
            o.Status.Should().Be(status);
            return o;
        }
        await app.Factory.WithDbAsync(async db =>
        {
            db.AddRange(provider, a, b, bare, recordA, recordB);
            db.LeaseOrders.AddRange(Order(recordA, 2, LeaseOrderStatus.Locked),
                Order(recordA, 1, LeaseOrderStatus.Rented),
                Order(recordA, 2, LeaseOrderStatus.Rented), Order(recordA, 4, LeaseOrderStatus.Released),
                Order(recordA, 7, LeaseOrderStatus.Expired), Order(recordB, 6, LeaseOrderStatus.Rented));
            await db.SaveChangesAsync();
        });
        (_provider, _productA, _productB, _bare, _recordA) = (provider.Id, a.Id, b.Id, bare.Id, recordA.Id);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private LeaseDevice Record(Provider p, Product product, int stock)
    {
        var d = LeaseDevice.Create(new LeaseDevice
        {
            OrgId = p.OrgId, ProviderId = p.Id, ProviderName = p.Name, ProductId = product.Id,
            ProductName = product.Name, UserId = "u", Price = 200, EndDate = app.Today.AddDays(400), StoreName = "上海",
        }, Math.Max(stock, 1)).Value!;
        d.Adjust(stock - d.Stock);
        d.SetParameters([("cpu", "64C", 1), ("memory", "256G", 8)]);
        return d;
    }

    private static (long, long, long, long, decimal, decimal, decimal) Rates(System.Text.Json.Nodes.JsonNode d) =>
        (d["total"]!.GetValue<long>(), d["idle"]!.GetValue<long>(), d["locked"]!.GetValue<long>(),
            d["rented"]!.GetValue<long>(), d["idle_rate"]!.GetValue<decimal>(), d["locked_rate"]!.GetValue<decimal>(),
            d["rent_rate"]!.GetValue<decimal>());

    [Fact]
    public async Task Provider_and_product_rates_match_the_hand_checked_values()
    {
        var p = await app.Operator().PostJsonAsync("/lease_product/provider_rate.dspy", new { providerid = _provider });
        (p.Status, p.Msg).Should().Be((true, "获取空闲率租售率成功"), p.Raw);
        Rates(p.Data!).Should().Be((16L, 5L, 2L, 9L, 31.25m, 12.50m, 56.25m));
        var products = p.Data!["products"]!.AsArray();
        products.Select(x => x!["productid"]!.GetValue<string>()).Should().Equal(_productA, _productB);
        Rates(products[0]!).Should().Be((10L, 5L, 2L, 3L, 50m, 20m, 30m));
        Rates(products[1]!).Should().Be((6L, 0L, 0L, 6L, 0m, 0m, 100m));

        var a = await app.Operator().PostJsonAsync("/lease_product/product_rate.dspy", new { productid = _productA });
        Rates(a.Data!).Should().Be((10L, 5L, 2L, 3L, 50m, 20m, 30m));
        var none = await app.Operator().PostJsonAsync("/lease_product/product_rate.dspy", new { productid = _bare });
        (none.Status, Rates(none.Data!)).Should().Be((true, (0L, 0L, 0L, 0L, 0m, 0m, 0m)));
    }

    [Fact]
    public async Task Rates_are_refused_or_empty_outside_the_callers_orgs()
    {
        var other = await app.OtherOperator().PostJsonAsync("/lease_product/provider_rate.dspy",
            new { providerid = _provider });
        (other.Status, other.Msg, other.Code).Should().Be((false, "供应商不存在", "not_found"));
        var product = await app.OtherOperator().PostJsonAsync("/lease_product/product_rate.dspy",
            new { productid = _productA });
        Rates(product.Data!).Should().Be((0L, 0L, 0L, 0L, 0m, 0m, 0m));
        (await app.Customer().PostJsonAsync("/lease_product/provider_rate.dspy", new { providerid = _provider }))
            .Http.Should().Be(403);
        (await app.Anonymous().PostJsonAsync("/lease_product/product_rate.dspy", new { productid = _productA }))
            .Http.Should().Be(401);
        var missing = await app.Operator().PostJsonAsync("/lease_product/provider_rate.dspy", new { });
        (missing.Http, missing.Status, missing.Msg).Should().Be((200, false, "缺少必要参数: providerid"));
    }

    [Fact]
    public async Task Providers_of_the_callers_org_are_listed_and_another_org_is_403()
    {
        var r = await app.Operator().PostJsonAsync("/lease_product/get_provider.dspy",
            new { orgid = DemoData.OrgId, org_type = 4, rows = 100 });
        (r.Status, r.Msg).Should().Be((true, "获取供应商成功"), r.Raw);
        r.Data!["rows"]!.AsArray().Should().Contain(x => x!["providerid"]!.GetValue<string>() == _provider
            && x["provider_name"]!.GetValue<string>() == "济南超算");
        var other = await app.OtherOperator().PostJsonAsync("/lease_product/get_provider.dspy", new { });
        other.Data!["rows"]!.AsArray().Should().NotContain(x => x!["providerid"]!.GetValue<string>() == _provider);
        (await app.OtherOperator().PostJsonAsync("/lease_product/get_provider.dspy", new { orgid = DemoData.OrgId }))
            .Http.Should().Be(403);
        var type = await app.Operator().PostJsonAsync("/lease_product/get_provider.dspy", new { org_type = 3 });
        (type.Status, type.Data!["total"]!.GetValue<int>()).Should().Be((true, 0));
        (await app.Operator().PostJsonAsync("/lease_product/get_provider.dspy", new { rows = 101 })).Status
            .Should().BeFalse();
        (await app.Operator().PostJsonAsync("/lease_product/get_provider.dspy", new { org_type = "x" })).Status
            .Should().BeFalse();
        (await app.Customer().PostJsonAsync("/lease_product/get_provider.dspy", new { })).Http.Should().Be(403);
    }

    [Fact]
    public async Task Catalogue_products_show_whether_they_have_a_record()
    {
        var r = await app.Operator().PostJsonAsync("/lease_product/get_product.dspy",
            new { providerid = _provider, page = 1, rows = 2 });
        (r.Status, r.Msg, r.Data!["total"]!.GetValue<int>()).Should().Be((true, "获取产品成功", 3), r.Raw);
        var rows = r.Data!["rows"]!.AsArray();
        rows.Select(x => (x!["productid"]!.GetValue<string>(), x["has_server"]!.GetValue<bool>(),
            x["server_id"]?.GetValue<string>())).Should().Equal((_productA, true, _recordA), (_productB, true,
            rows[1]!["server_id"]!.GetValue<string>()));
        var last = await app.Operator().PostJsonAsync("/lease_product/get_product.dspy",
            new { providerid = _provider, page = 2, rows = 2 });
        last.Data!["rows"]![0]!["has_server"]!.GetValue<bool>().Should().BeFalse();
        var other = await app.OtherOperator().PostJsonAsync("/lease_product/get_product.dspy",
            new { providerid = _provider });
        (other.Status, other.Msg).Should().Be((false, "供应商不存在"));
        (await app.Operator().PostJsonAsync("/lease_product/get_product.dspy", new { })).Msg
            .Should().Be("缺少必要参数: providerid");
    }

    [Fact]
    public async Task Records_list_their_units_and_whether_they_are_sellable()
    {
        var r = await app.Operator().PostJsonAsync("/lease_product/get_server.dspy",
            new { providerid = _provider, status = 0 });
        (r.Status, r.Msg, r.Data!["total"]!.GetValue<int>()).Should().Be((true, "获取设备成功", 2), r.Raw);
        var byProduct = r.Data!["rows"]!.AsArray().ToDictionary(x => x!["productid"]!.GetValue<string>());
        var a = byProduct[_productA]!;
        (a["stock"]!.GetValue<int>(), a["locked"]!.GetValue<long>(), a["rented"]!.GetValue<long>(),
            a["sellable"]!.GetValue<bool>(), a["price"]!.GetValue<decimal>()).Should().Be((5, 2L, 3L, true, 200m));
        byProduct[_productB]!["sellable"]!.GetValue<bool>().Should().BeFalse();
        var one = await app.Operator().PostJsonAsync("/lease_product/get_server.dspy",
            new { providerid = _provider, productid = _productB });
        one.Data!["rows"]!.AsArray().Should().ContainSingle();
        (await app.Operator().PostJsonAsync("/lease_product/get_server.dspy",
                new { providerid = _provider, status = 1 }))
            .Data!["total"]!.GetValue<int>().Should().Be(0);
        (await app.Operator().PostJsonAsync("/lease_product/get_server.dspy",
                new { providerid = _provider, status = 7 }))
            .Status.Should().BeFalse();
        (await app.OtherOperator().PostJsonAsync("/lease_product/get_server.dspy", new { providerid = _provider }))
            .Msg.Should().Be("供应商不存在");
        (await app.Customer().PostJsonAsync("/lease_product/get_server.dspy", new { providerid = _provider }))
            .Http.Should().Be(403);
    }

    [Fact]
    public async Task Record_detail_shows_its_configuration_to_whoever_may_buy_from_it()
    {
        var r = await app.Operator().PostJsonAsync("/lease_product/get_server_detail.dspy",
            new { server_id = _recordA });
        (r.Status, r.Msg).Should().Be((true, "获取设备详情成功"), r.Raw);
        r.Data!["parameter"]!.AsArray().Select(p => (p!["title"]!.GetValue<string>(), p["number"]!.GetValue<int>()))
            .Should().Equal(("cpu", 1), ("memory", 8));
        (await app.Customer().PostJsonAsync("/lease_product/get_server_detail.dspy", new { id = _recordA }))
            .Data!["productid"]!.GetValue<string>().Should().Be(_productA);
        var other = await app.OtherOperator().PostJsonAsync("/lease_product/get_server_detail.dspy",
            new { server_id = _recordA });
        (other.Status, other.Msg, other.Code).Should().Be((false, "设备不存在", "not_found"));
        (await app.Operator().PostJsonAsync("/lease_product/get_server_detail.dspy",
            new { server_id = "4_r2czW5eAKOCPhJ6gF3u1" })).Msg.Should().Be("设备不存在"); // the doc's 22-char id
        (await app.Operator().PostJsonAsync("/lease_product/get_server_detail.dspy", new { })).Msg
            .Should().Be("缺少必要参数: server_id");
        (await app.Anonymous().PostJsonAsync("/lease_product/get_server_detail.dspy", new { server_id = _recordA }))
            .Http.Should().Be(401);
    }

    [Fact]
    public async Task Order_list_groups_by_record_and_order_detail_pages_the_orders()
    {
        var list = await app.Operator().PostJsonAsync("/lease_product/get_order_list.dspy", new { rows = 100 });
        (list.Status, list.Msg).Should().Be((true, "获取订单列表成功"), list.Raw);
        var a = list.Data!["rows"]!.AsArray().Single(x => x!["productid"]!.GetValue<string>() == _productA)!;
        (a["locked"]!.GetValue<long>(), a["rented"]!.GetValue<long>(), a["order_count"]!.GetValue<int>(),
            a["provider_name"]!.GetValue<string>()).Should().Be((2L, 3L, 5, "济南超算"));
        var mine = await app.Customer().PostJsonAsync("/lease_product/get_order_list.dspy",
            new { orgid = app.CustomerOrgId, rows = 100 });
        mine.Data!["rows"]!.AsArray().Select(x => x!["productid"]!.GetValue<string>())
            .Should().Contain([_productA, _productB]);
        (await app.OtherOperator().PostJsonAsync("/lease_product/get_order_list.dspy", new { orgid = DemoData.OrgId }))
            .Http.Should().Be(403);
        (await app.OtherOperator().PostJsonAsync("/lease_product/get_order_list.dspy", new { })).Data!["total"]!
            .GetValue<int>().Should().Be(0);

        var detail = await app.Operator().PostJsonAsync("/lease_product/get_order_detail.dspy",
            new { productid = _productA, page = 1, rows = 2 });
        (detail.Status, detail.Msg).Should().Be((true, "获取订单详情成功"), detail.Raw);
        (detail.Data!["product"]!["id"]!.GetValue<string>(), detail.Data!["orders"]!["total"]!.GetValue<int>(),
            detail.Data!["orders"]!["rows"]!.AsArray().Count).Should().Be((_recordA, 5, 2));
        (await app.OtherOperator().PostJsonAsync("/lease_product/get_order_detail.dspy", new { productid = _productA }))
            .Msg.Should().Be("设备不存在");
        (await app.Customer().PostJsonAsync("/lease_product/get_order_detail.dspy", new { productid = _productA }))
            .Data!["orders"]!["total"]!.GetValue<int>().Should().Be(5); // all bought by the customer's org
        (await app.Operator().PostJsonAsync("/lease_product/get_order_detail.dspy", new { productid = _productA,
            rows = 0 })).Status.Should().BeFalse();
    }

    [Fact]
    public async Task Update_server_moves_stock_only_from_the_expected_value_and_never_below_zero()
    {
        var product = await app.LeaseDeviceAsync(12);
        var id = await app.Factory.WithDbAsync(db => db.LeaseDevices.Where(d => d.ProductId == product)
            .Select(d => d.Id).SingleAsync());
        Task<Response> Update(object body, Api? who = null) =>
            (who ?? app.Operator()).PostJsonAsync("/lease_product/update_server.dspy", body);

        // the doc's example: 12 + (−1) = 11, price 10111, end_date sent but never changed
        var end = app.Today.AddDays(400).ToString("yyyy-MM-dd");
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Update(new
            { id, productid = product, price = 10111, stock = 11, change_stock = -1, end_date = "2024-09-29" })));
        results.Should().OnlyContain(r => r.Http == 200);
        results.Count(r => r.Status).Should().Be(1);
        results.Where(r => !r.Status).Should().OnlyContain(r => r.Msg == "库存已变化,请刷新后重试");
        var ok = results.Single(r => r.Status);
        (ok.Msg, ok.Data!["stock"]!.GetValue<int>(), ok.Data!["price"]!.GetValue<decimal>(),
            ok.Data!["end_date"]!.GetValue<string>()).Should().Be(("修改设备配置成功", 11, 10111m, end));

        (await Update(new { id, productid = product, change_stock = -100 })).Msg.Should().Be("库存不能小于0");
        (await Update(new { id, productid = product, stock = 20 })).Data!["stock"]!.GetValue<int>().Should().Be(20);
        (await Update(new { id, productid = product, change_stock = 5 })).Data!["stock"]!.GetValue<int>()
            .Should().Be(25);
        var param = await Update(new { id, productid = product,
            parameter = new[] { new { title = "gpu", parameter = "A100", number = 8 } } });
        param.Data!["parameter"]!.AsArray().Select(p => p!["title"]!.GetValue<string>()).Should().Equal("gpu");
        (await Update(new { id, productid = "another" })).Msg.Should().Be("产品id与设备不一致");
        (await Update(new { id, productid = product, stock = -1 })).Status.Should().BeFalse();
        (await Update(new { id, productid = product, change_stock = "abc" })).Status.Should().BeFalse();
        (await Update(new { id, productid = product, parameter = new[] { new { title = "a" }, new { title = "a" } } }))
            .Msg.Should().Be("parameter 的 title 不能重复");
        (await Update(new { id, productid = product, stock = 1 }, app.OtherOperator())).Msg.Should().Be("设备不存在");
        (await Update(new { id, productid = product, stock = 1 }, app.Customer())).Http.Should().Be(403);
        (await Update(new { id, productid = product, stock = 1 }, app.Anonymous())).Http.Should().Be(401);
        (await app.Factory.WithDbAsync(db => db.LeaseDevices.Where(d => d.Id == id).Select(d => d.Stock)
            .SingleAsync())).Should().Be(25);
    }
}
