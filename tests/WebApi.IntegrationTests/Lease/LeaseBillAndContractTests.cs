using Kboss.WebApi.IntegrationTests.Infrastructure;

namespace Kboss.WebApi.IntegrationTests.Lease;

/// <summary>
/// Bills and contracts over HTTP (analysis/lease.md §3A.4–§3A.6, §3A.10, §3A.11, §4.11) and module 20's price quote
/// (§3B.7): who reads what, the documented messages, one contract per bill, merged date checks.
/// </summary>
public sealed class LeaseBillAndContractTests(LeaseFixture app) : IClassFixture<LeaseFixture>
{
    private async Task<string> BillAsync()
    {
        var store = LeaseFixture.Unique("仓库");
        await app.StoreAsync(store);
        var (product, devices) = await app.ProductAsync(store, 1, price: "0");
        var r = await LeaseBuyTests.BuyAsync(app.Customer(), product, devices, app.Today, app.Today.AddDays(3));
        r.Status.Should().BeTrue(r.Raw);
        return r.Data!["bill_id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Bills_are_listed_and_detailed_for_their_customer_and_seller_only()
    {
        var bill = await BillAsync();
        foreach (var who in new[] { app.Customer(), app.Operator(), app.Admin() })
        {
            var list = await who.PostJsonAsync("/lease/get_bill_list.dspy", new { page = 1, rows = 3,
                sort = "create_at desc" });
            (list.Status, list.Msg).Should().Be((true, "获取账单列表成功"), list.Raw);
            list.Data!["rows"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).Should().Contain(bill);
            var detail = await who.PostJsonAsync("/lease/get_bill_detail.dspy", new { bill_id = bill });
            (detail.Status, detail.Msg).Should().Be((true, "获取账单详情成功"), detail.Raw);
            detail.Data!["devices"]!.AsArray().Should().ContainSingle();
            detail.Data!["store"]!["ip_price"]!.GetValue<decimal>().Should().Be(3m);
        }
        (await app.OtherOperator().PostJsonAsync("/lease/get_bill_list.dspy", new { })).Data!["rows"]!.AsArray()
            .Select(r => r!["id"]!.GetValue<string>()).Should().NotContain(bill);
        var foreign = await app.OtherOperator().PostJsonAsync("/lease/get_bill_detail.dspy", new { bill_id = bill });
        (foreign.Msg, foreign.Code).Should().Be(("账单不存在", "not_found"));
        (await app.Customer().PostJsonAsync("/lease/get_bill_detail.dspy", new { })).Code.Should()
            .Be("invalid_argument");
        (await app.Customer().PostJsonAsync("/lease/get_bill_list.dspy", new { rows = 101 })).Code.Should()
            .Be("invalid_argument");
        (await app.Anonymous().PostJsonAsync("/lease/get_bill_list.dspy", new { })).Http.Should().Be(401);
    }

    [Fact]
    public async Task One_contract_per_bill_updated_with_merged_dates_and_read_by_its_customer()
    {
        var bill = await BillAsync();
        var d = app.Today.ToString("yyyy-MM-dd");
        var saved = await app.Operator().PostJsonAsync("/lease/save_contract.dspy", new
            { bill_id = bill, title = "title", start_date = d, end_date = d, salesman = "salesman",
                client = "client", status = "1", remark = "remark" });
        (saved.Status, saved.Msg).Should().Be((true, "保存合同成功"), saved.Raw);
        var id = saved.Data!["id"]!.GetValue<string>();
        (await app.Operator().PostJsonAsync("/lease/save_contract.dspy", new { bill_id = bill, title = "t" })).Msg
            .Should().Be("该账单已存在合同");
        (await app.Operator().PostJsonAsync("/lease/save_contract.dspy", new { bill_id = "XX", title = "t" })).Msg
            .Should().Be("账单不存在");
        (await app.OtherOperator().PostJsonAsync("/lease/save_contract.dspy", new { bill_id = bill, title = "t" })).Msg
            .Should().Be("账单不存在");
        (await app.Customer().PostJsonAsync("/lease/save_contract.dspy", new { bill_id = bill, title = "t" })).Http
            .Should().Be(403);

        var up = await app.Operator().PostJsonAsync("/lease/update_contract.dspy", new { id, title = "gg",
            status = "0" });
        (up.Status, up.Msg, up.Data!["title"]!.GetValue<string>(), up.Data!["bill_id"]!.GetValue<string>())
            .Should().Be((true, "修改合同成功", "gg", bill));
        var early = await app.Operator().PostJsonAsync("/lease/update_contract.dspy",
            new { id, end_date = app.Today.AddDays(-1).ToString("yyyy-MM-dd") });
        (early.Msg, early.Code).Should().Be(("合同结束日期不能早于开始日期", "invalid_argument"));
        (await app.Operator().PostJsonAsync("/lease/update_contract.dspy", new { id = "nope" })).Msg.Should()
            .Be("合同不存在");
        (await app.Operator().PostJsonAsync("/lease/update_contract.dspy", new { id, status = "status" })).Code
            .Should().Be("invalid_argument");

        var mine = await app.Customer().PostJsonAsync("/lease/get_contract.dspy", new { user_id = "gg" });
        (mine.Status, mine.Msg).Should().Be((true, "获取合同成功"));
        mine.Data!.AsArray().Select(c => c!["id"]!.GetValue<string>()).Should().Contain(id);
        (await app.OtherOperator().PostJsonAsync("/lease/get_contract.dspy", new { })).Data!.AsArray()
            .Select(c => c!["id"]!.GetValue<string>()).Should().NotContain(id);
    }

    [Fact]
    public async Task Get_price_quotes_the_record_the_caller_may_buy_from()
    {
        var product = await app.LeaseDeviceAsync(13, price: "200");
        var r = await app.Customer().PostJsonAsync("/lease_product/get_price.dspy", new { productid = product });
        (r.Status, r.Msg, r.Data!["price"]!.GetValue<decimal>(), r.Data!["stock"]!.GetValue<int>())
            .Should().Be((true, "获取价格成功", 200m, 13));
        (await app.OtherOperator().PostJsonAsync("/lease_product/get_price.dspy", new { productid = product })).Msg
            .Should().Be("该产品暂无可租设备");
        (await app.Customer().PostJsonAsync("/lease_product/get_price.dspy", new { })).Code.Should()
            .Be("invalid_argument");
        (await app.Anonymous().PostJsonAsync("/lease_product/get_price.dspy", new { productid = product })).Http
            .Should().Be(401);
    }
}
