using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>协议接口 (12-sale-protocol.md; analysis/catalog.md §3.7) through HTTP on SQLite.</summary>
public sealed class SaleProtocolTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Add = "/product/sale_protocol_add.dspy";
    private const string Search = "/product/sale_protocol_search.dspy";
    private const string Delete = "/product/sale_protocol_delete.dspy";
    private const string Update = "/product/sale_protocol_update.dspy";

    private async Task<string> ProviderOrgAsync() =>
        Market.Id(await app.Operator().PostAsync("/user/add_org.dspy", ("name", "供应商" + Guid.NewGuid().ToString("N")[..6]), ("kind", "provider")));

    [Fact]
    public async Task Add_search_update_and_delete_a_protocol()
    {
        var provider = await ProviderOrgAsync();
        var op = app.Operator();
        var sales = await Market.UserIdAsync(op);
        var added = await op.GetAsync(Add, ("offer_orgid", provider), ("bid_orgid", DemoData.OrgId), ("offer_salemanid", sales),
            ("salemode", "0"), ("settlemode", "月结"), ("settle_dp", "每月5日"), ("protocolfile", "/files/p.pdf"),
            ("start_date", "2024-01-01"), ("end_date", "2024-12-31 00:00:00"));
        added.Status.Should().BeTrue(added.Raw);
        added.Msg.Should().Be("添加成功");
        var id = Market.Id(added);

        var found = await op.GetAsync(Search, ("offer_orgid", provider));
        found.Status.Should().BeTrue(found.Raw);
        found.Msg.Should().Be("查找成功");
        var row = found.Data!.AsArray().Should().ContainSingle().Subject!;
        row["id"]!.GetValue<string>().Should().Be(id);
        row["bid_orgid"]!.GetValue<string>().Should().Be(DemoData.OrgId);
        row["offer_orgname"]!.GetValue<string>().Should().StartWith("供应商");
        row["bid_orgname"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        row["offer_salemanid"]!.GetValue<string>().Should().Be(sales);
        row["salemode"]!.GetValue<string>().Should().Be("0");
        row["settlemode"]!.GetValue<string>().Should().Be("月结");
        row["settle_dp"]!.GetValue<string>().Should().Be("每月5日");
        row["protocolfile"]!.GetValue<string>().Should().Be("/files/p.pdf");
        row["start_date"]!.GetValue<string>().Should().Be("2024-01-01");
        row["end_date"]!.GetValue<string>().Should().Be("2024-12-31");
        (await op.GetAsync(Search, ("offer_orgid", provider), ("bid_orgid", app.OtherOrgId))).Data!.AsArray().Should().BeEmpty();
        (await op.GetAsync(Search)).Data!.AsArray().Select(x => x!["id"]!.GetValue<string>()).Should().Contain(id);
        (await app.OtherOperator().GetAsync(Search)).Data!.AsArray().Select(x => x!["id"]!.GetValue<string>()).Should().NotContain(id);

        var updated = await op.GetAsync(Update, ("protocolid", id), ("salemode", "2"), ("end_date", "2025-06-30"));
        updated.Status.Should().BeTrue(updated.Raw);
        updated.Msg.Should().Be("更新成功");
        updated.Data!["salemode"]!.GetValue<string>().Should().Be("2");
        updated.Data["end_date"]!.GetValue<string>().Should().Be("2025-06-30");
        updated.Data["settlemode"]!.GetValue<string>().Should().Be("月结"); // partial update keeps the rest
        var reversed = await op.GetAsync(Update, ("protocolid", id), ("start_date", "2026-01-01"));
        reversed.Code.Should().Be("invalid_argument");
        reversed.Msg.Should().Be("开始时间不能晚于结束时间");
        var provTable = await op.GetAsync(Update, ("protocolid", id), ("provider_table_id", "abc"));
        provTable.Status.Should().BeFalse();
        provTable.Code.Should().Be("not_implemented");

        (await app.OtherOperator().GetAsync(Update, ("protocolid", id), ("salemode", "1"))).Http.Should().Be(403);
        (await app.OtherOperator().GetAsync(Delete, ("id", id))).Http.Should().Be(403);
        var deleted = await op.GetAsync(Delete, ("id", id));
        deleted.Status.Should().BeTrue(deleted.Raw);
        deleted.Msg.Should().Be("删除成功");
        (await op.GetAsync(Delete, ("id", id))).Code.Should().Be("not_found");
        (await op.GetAsync(Update, ("protocolid", id))).Msg.Should().Be("协议不存在");
        (await op.GetAsync(Search, ("offer_orgid", provider))).Data!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Bad_input_is_invalid_argument_never_500()
    {
        var op = app.Operator();
        var provider = await ProviderOrgAsync();
        var missing = await op.GetAsync(Add);
        missing.Code.Should().Be("invalid_argument");
        missing.Body["errors"]!.AsObject().Select(e => e.Key).Should().Contain(["offer_orgid", "bid_orgid"]);
        (await op.GetAsync(Add, ("offer_orgid", provider), ("bid_orgid", provider))).Msg.Should().Be("买方与卖方不能是同一机构");
        (await op.GetAsync(Add, ("offer_orgid", provider), ("bid_orgid", DemoData.OrgId), ("salemode", "7"))).Body["errors"]!["salemode"].Should().NotBeNull();
        (await op.GetAsync(Add, ("offer_orgid", provider), ("bid_orgid", DemoData.OrgId), ("start_date", "2023/08/01"))).Body["errors"]!["start_date"].Should().NotBeNull();
        (await op.GetAsync(Add, ("offer_orgid", provider), ("bid_orgid", DemoData.OrgId), ("start_date", "2024-02-01"), ("end_date", "2024-01-01"))).Msg.Should().Be("开始时间不能晚于结束时间");
        (await op.GetAsync(Add, ("offer_orgid", "nosuchorg"), ("bid_orgid", DemoData.OrgId))).Msg.Should().Be("卖方机构不存在");
        (await op.GetAsync(Add, ("offer_orgid", provider), ("bid_orgid", "nosuchorg"))).Msg.Should().Be("买方机构不存在");
        (await op.GetAsync(Add, ("offer_orgid", provider), ("bid_orgid", DemoData.OrgId), ("offer_salemanid", "nobody"))).Msg.Should().Be("销售人员不存在");
        (await op.GetAsync(Update)).Body["errors"]!["protocolid"].Should().NotBeNull();
        (await op.GetAsync(Delete)).Body["errors"]!["id"].Should().NotBeNull();
        (await op.GetAsync(Delete, ("id", "nosuch"))).Code.Should().Be("not_found");
        (await op.GetAsync(Search, ("bid_orgid", new string('x', 500)))).Code.Should().Be("invalid_argument");
    }

    [Fact]
    public async Task Rights_follow_roles_and_orgs()
    {
        var provider = await ProviderOrgAsync();
        (await app.Anonymous().GetAsync(Search)).Http.Should().Be(401);
        (await app.Anonymous().GetAsync(Add, ("offer_orgid", provider), ("bid_orgid", DemoData.OrgId))).Http.Should().Be(401);
        (await app.Customer().GetAsync(Add, ("offer_orgid", provider), ("bid_orgid", DemoData.OrgId))).Http.Should().Be(403);
        // an operator may not bind two orgs it has nothing to do with
        var forbidden = await app.OtherOperator().GetAsync(Add, ("offer_orgid", provider), ("bid_orgid", DemoData.OrgId));
        forbidden.Http.Should().Be(403);
        forbidden.Msg.Should().Be("无权操作该协议");
        // the admin may; the customer org (a party) sees the protocol, an outsider does not
        var id = Market.Id(await app.Admin().GetAsync(Add, ("offer_orgid", provider), ("bid_orgid", app.CustomerOrgId)));
        (await app.Customer().GetAsync(Search)).Data!.AsArray().Select(x => x!["id"]!.GetValue<string>()).Should().Contain(id);
        (await app.OtherOperator().GetAsync(Search, ("bid_orgid", app.CustomerOrgId))).Data!.AsArray().Should().BeEmpty();
        (await app.Customer().GetAsync(Delete, ("id", id))).Http.Should().Be(403);
    }
}
