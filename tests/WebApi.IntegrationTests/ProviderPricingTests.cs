using Microsoft.EntityFrameworkCore;
using Kboss.Domain.Catalog;
using Kboss.Domain.Finance;
using Kboss.Domain.Identity;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// Module 10 pricing over HTTP (finance.md §3.2, §4.5): unified discount and price with cost floors, customer
/// proposals pending until approved, the discount in force, scope and roles.
/// </summary>
public sealed class ProviderPricingTests(AppFixture app) : IClassFixture<AppFixture>
{
    private sealed record Catalog(string ProviderId, string DiscountProduct, string FloorProduct, string ProtocolId,
        string ProviderOrgId = "");

    /// <summary>A provider that signed a protocol with the demo operator org: cost discount 0.8, floor price 90.</summary>
    private async Task<Catalog> SeedAsync()
    {
        var providerOrg = new Organization
        {
            Name = "供应商-" + Guid.NewGuid().ToString("N")[..8], Kind = OrgKind.Provider, OwnerOrgId = DemoData.OrgId,
        };
        var provider = new Provider { OrgId = providerOrg.Id, Name = "百度云", Prefix = "bd" + Guid.NewGuid().ToString("N")[..6] };
        var discount = new Product { ProviderId = provider.Id, Name = "BCC 云服务器", SaleMode = SaleModes.Discount, Classify = "计算" };
        var floor = new Product { ProviderId = provider.Id, Name = "GPU 专线", SaleMode = SaleModes.FloorPrice };
        var protocol = new SaleProtocol { OfferOrgid = providerOrg.Id, BidOrgid = DemoData.OrgId, Salemode = "0", UserId = "seed" };
        await app.Factory.WithDbAsync(async db =>
        {
            db.Organizations.Add(providerOrg);
            db.Providers.Add(provider);
            db.Products.AddRange(discount, floor);
            db.SaleProtocols.Add(protocol);
            db.ProductSaleConfigs.AddRange(
                new ProductSaleConfig { ProtocolId = protocol.Id, ProductId = discount.Id, Discount = 0.8m },
                new ProductSaleConfig { ProtocolId = protocol.Id, ProductId = floor.Id, Price = 90m });
            await db.SaveChangesAsync();
        });
        return new Catalog(provider.Id, discount.Id, floor.Id, protocol.Id, providerOrg.Id);
    }

    private Task<Response> DiscountAsync(Api who, Catalog c, string product, string? org = null) =>
        who.GetAsync("/get_discount", ("providerid", c.ProviderId), ("productid", product), ("user_orgid", org));

    [Fact]
    public async Task Unified_values_are_floored_by_cost_and_listed_with_the_floor()
    {
        var c = await SeedAsync();
        var op = app.Operator();
        var set = await op.GetAsync("/product/discount_guanli_jia.dspy", ("bid_orgid", DemoData.OrgId),
            ("providerid", c.ProviderId), ("productid", c.DiscountProduct), ("discount", "0.9"));
        set.Status.Should().BeTrue(set.Raw);
        set.Data!["count"]!.GetValue<int>().Should().Be(1);
        var below = await op.GetAsync("/product/discount_guanli_jia.dspy", ("bid_orgid", DemoData.OrgId),
            ("providerid", c.ProviderId), ("productid", c.DiscountProduct), ("discount", "0.7"));
        (below.Status, below.Msg, below.Code).Should().Be((false, "售价不能低于底价", "conflict"));
        var bad = await op.GetAsync("/product/discount_guanli_jia.dspy", ("bid_orgid", DemoData.OrgId),
            ("providerid", c.ProviderId), ("productid", c.DiscountProduct), ("discount", "1.5"));
        bad.Code.Should().Be("invalid_argument");
        var wrongKind = await op.GetAsync("/product/discount_guanli_jia.dspy", ("bid_orgid", DemoData.OrgId),
            ("providerid", c.ProviderId), ("productid", $"{c.DiscountProduct},{c.FloorProduct}"), ("discount", "0.9"));
        wrongKind.Code.Should().Be("invalid_argument");
        var unknown = await op.GetAsync("/product/discount_guanli_jia.dspy", ("bid_orgid", DemoData.OrgId),
            ("providerid", c.ProviderId), ("productid", "nope"), ("discount", "0.9"));
        unknown.Code.Should().Be("not_found");

        var list = await op.GetAsync("/product/discount_guanli_cha.dspy", ("bid_orgid", DemoData.OrgId),
            ("providerid", c.ProviderId));
        list.Status.Should().BeTrue(list.Raw);
        var row = list.Data!.AsArray().Should().ContainSingle().Subject!;
        (row["discount"]!.GetValue<decimal>(), row["floor_discount"]!.GetValue<decimal>()).Should().Be((0.9m, 0.8m));
        (await op.GetAsync("/product/discount_guanli_cha.dspy", ("bid_orgid", DemoData.OrgId),
            ("providerid", c.ProviderId), ("start_discount", "0.95"))).Data!.AsArray().Should().BeEmpty();
        (await op.GetAsync("/product/discount_guanli_cha.dspy", ("bid_orgid", DemoData.OrgId),
            ("providerid", c.ProviderId), ("classify", "未配置"))).Data!.AsArray().Should().BeEmpty();

        (await op.GetAsync("/product/shoujia_guanli_jia.dspy", ("bid_orgid", DemoData.OrgId), ("providerid", c.ProviderId),
            ("productid", c.FloorProduct), ("price", "89.99"))).Msg.Should().Be("售价不能低于底价");
        (await op.GetAsync("/product/shoujia_guanli_jia.dspy", ("bid_orgid", DemoData.OrgId), ("providerid", c.ProviderId),
            ("productid", c.FloorProduct), ("price", "120"))).Status.Should().BeTrue();
        var prices = await op.GetAsync("/product/shoujia_guanli_cha.dspy", ("bid_orgid", DemoData.OrgId),
            ("keyword", "GPU"), ("providerid", c.ProviderId));
        var priceRow = prices.Data!.AsArray().Should().ContainSingle().Subject!;
        (priceRow["floor_price"]!.GetValue<decimal>(), priceRow["price"]!.GetValue<decimal>()).Should().Be((90m, 120m));

        var price = await DiscountAsync(app.Customer(), c, c.FloorProduct);
        (price.Data!["price"]!.GetValue<decimal>(), price.Data!["source"]!.GetValue<string>()).Should().Be((120m, "unified"));
    }

    [Fact]
    public async Task A_customer_discount_is_in_force_only_once_approved_and_a_refused_one_never()
    {
        var c = await SeedAsync();
        var op = app.Operator();
        (await op.GetAsync("/product/discount_guanli_jia.dspy", ("bid_orgid", DemoData.OrgId),
            ("providerid", c.ProviderId), ("productid", c.DiscountProduct), ("discount", "0.9"))).Status.Should().BeTrue();

        var none = await DiscountAsync(app.Customer(), c, c.DiscountProduct);
        none.Status.Should().BeTrue(none.Raw);
        (none.Data!["discount"]!.GetValue<decimal>(), none.Data!["source"]!.GetValue<string>()).Should().Be((0.9m, "unified"));

        var tooLow = await op.GetAsync("/product/customer_product_config_approve_send.dspy", ("customerid", app.CustomerOrgId),
            ("providerid", c.ProviderId), ("productid", c.DiscountProduct), ("discount", "0.79"));
        tooLow.Msg.Should().Be("售价不能低于底价");
        var both = await op.GetAsync("/product/customer_product_config_approve_send.dspy", ("customerid", app.CustomerOrgId),
            ("providerid", c.ProviderId), ("productid", c.DiscountProduct), ("discount", "0.85"), ("price", "1"));
        both.Code.Should().Be("invalid_argument");

        var proposed = await op.GetAsync("/product/customer_product_config_approve_send.dspy",
            ("customerid", app.CustomerOrgId), ("providerid", c.ProviderId), ("productid", c.DiscountProduct),
            ("discount", "0.85"));
        proposed.Status.Should().BeTrue(proposed.Raw);
        proposed.Data!["apv_state"]!.GetValue<string>().Should().Be(ApprovalStates.Pending);
        var id = proposed.Data!["ids"]![0]!.GetValue<string>();
        (await DiscountAsync(app.Customer(), c, c.DiscountProduct)).Data!["discount"]!.GetValue<decimal>().Should().Be(0.9m);

        var view = await op.GetAsync("/product/xiaoshou_kan_zhekou.dspy", ("customerid", app.CustomerOrgId),
            ("providerid", c.ProviderId));
        view.Status.Should().BeTrue(view.Raw);
        var row = view.Data!.AsArray().Should().ContainSingle().Subject!;
        (row["customer"]!.GetValue<decimal>(), row["apv_state"]!.GetValue<string>(), row["effective"]!.GetValue<decimal>())
            .Should().Be((0.85m, "0", 0.9m));

        (await app.Customer().PostAsync("/product/customer_product_config_approve.dspy", ("id", id), ("status", "agree")))
            .Http.Should().Be(403);
        (await app.OtherOperator().PostAsync("/product/customer_product_config_approve.dspy", ("id", id), ("status", "agree")))
            .Http.Should().Be(403);
        var agreed = await op.PostAsync("/product/customer_product_config_approve.dspy", ("id", id), ("status", "agree"));
        agreed.Status.Should().BeTrue(agreed.Raw);
        var customer = await DiscountAsync(app.Customer(), c, c.DiscountProduct);
        (customer.Data!["discount"]!.GetValue<decimal>(), customer.Data!["source"]!.GetValue<string>())
            .Should().Be((0.85m, "customer"));
        var twice = await op.PostAsync("/product/customer_product_config_approve.dspy", ("id", id), ("status", "refuse"));
        (twice.Msg, twice.Code).Should().Be(("该配置不在审批中", "conflict"));

        var next = await op.GetAsync("/product/customer_product_config_approve_send.dspy", ("customerid", app.CustomerOrgId),
            ("providerid", c.ProviderId), ("productid", c.DiscountProduct), ("discount", "0.81"));
        (await op.PostAsync("/product/customer_product_config_approve.dspy", ("id", next.Data!["ids"]![0]!.GetValue<string>()),
            ("status", "refuse"))).Status.Should().BeTrue();
        (await DiscountAsync(app.Customer(), c, c.DiscountProduct)).Data!["discount"]!.GetValue<decimal>().Should().Be(0.85m);
    }

    [Fact]
    public async Task Other_orgs_and_customers_are_refused_and_bad_input_is_invalid_argument()
    {
        var c = await SeedAsync();
        (await DiscountAsync(app.OtherOperator(), c, c.DiscountProduct, app.CustomerOrgId)).Http.Should().Be(403);
        (await app.Anonymous().GetAsync("/get_discount", ("providerid", c.ProviderId), ("productid", c.DiscountProduct)))
            .Http.Should().Be(401);
        (await app.OtherOperator().GetAsync("/product/discount_guanli_jia.dspy", ("bid_orgid", DemoData.OrgId),
            ("providerid", c.ProviderId), ("productid", c.DiscountProduct), ("discount", "0.9"))).Http.Should().Be(403);
        (await app.OtherOperator().GetAsync("/product/customer_product_config_approve_send.dspy",
            ("customerid", app.CustomerOrgId), ("providerid", c.ProviderId), ("productid", c.DiscountProduct),
            ("discount", "0.9"))).Http.Should().Be(403);
        (await app.OtherOperator().GetAsync("/product/xiaoshou_kan_zhekou.dspy", ("customerid", app.CustomerOrgId)))
            .Http.Should().Be(403);
        (await app.Customer().GetAsync("/product/discount_guanli_cha.dspy", ("bid_orgid", DemoData.OrgId))).Http.Should().Be(403);
        (await app.Operator().GetAsync("/product/xiaoshou_kan_zhekou.dspy", ("customerid", app.CustomerOrgId), ("kv", "x")))
            .Code.Should().Be("invalid_argument");
        (await app.Operator().GetAsync("/get_discount", ("providerid", c.ProviderId))).Code.Should().Be("invalid_argument");
        (await app.Operator().GetAsync("/product/discount_guanli_jia.dspy", ("bid_orgid", DemoData.OrgId)))
            .Code.Should().Be("invalid_argument");
    }

    [Fact]
    public async Task Provider_products_of_a_protocol_carry_the_cost_rows_and_a_top_level_classify_list()
    {
        var c = await SeedAsync();
        const string Path = "/product/provider_product_search.dspy";
        var all = await app.Operator().GetAsync(Path, ("protocolid", c.ProtocolId));
        all.Status.Should().BeTrue(all.Raw);
        all.Msg.Should().Be("供应商产品查找成功");
        all.Body["classify_list"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Equal("未配置", "计算");
        var rows = all.Data!.AsArray();
        rows.Should().HaveCount(2);
        rows.Single(r => r!["productid"]!.GetValue<string>() == c.DiscountProduct)!["discount"]!.GetValue<decimal>()
            .Should().Be(0.8m);
        rows.Single(r => r!["productid"]!.GetValue<string>() == c.FloorProduct)!["price"]!.GetValue<decimal>()
            .Should().Be(90m);

        (await app.Operator().GetAsync(Path, ("protocolid", c.ProtocolId), ("classify", "未配置"))).Data!.AsArray()
            .Should().ContainSingle().Which!["productid"]!.GetValue<string>().Should().Be(c.FloorProduct);
        var none = await app.Operator().GetAsync(Path, ("protocolid", c.ProtocolId), ("start_discount", "0.85"));
        none.Data!.AsArray().Should().BeEmpty();
        none.Body["classify_list"]!.AsArray().Should().HaveCount(2);
        (await app.Operator().GetAsync(Path, ("protocolid", c.ProtocolId), ("productname", "bcc"))).Data!.AsArray()
            .Should().ContainSingle();
        (await app.OtherOperator().GetAsync(Path, ("protocolid", c.ProtocolId))).Http.Should().Be(403);
        (await app.Operator().GetAsync(Path, ("protocolid", "missing"))).Code.Should().Be("not_found");
        (await app.Operator().GetAsync(Path)).Code.Should().Be("invalid_argument");
    }

    [Fact]
    public async Task Provider_update_changes_org_provider_and_protocol_partially_and_keeps_the_key_secret()
    {
        var c = await SeedAsync();
        const string Path = "/provider/providerUpdate.dspy";
        var name = "北京算网-" + Guid.NewGuid().ToString("N")[..6];
        var r = await app.Operator().GetAsync(Path, ("id", c.ProviderOrgId), ("orgname", name), ("contactor", "张三"),
            ("distinct_id", "110105"), ("provider_table_id", c.ProviderId), ("description", "新描述"),
            ("providerkey", "sk-secret"), ("settle_datep", "M:1"), ("start_date", "2026-01-01"), ("end_date", "2026-12-31"),
            ("salemode", "2"), ("protocolid", c.ProtocolId));
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("操作成功");
        await app.Factory.WithDbAsync(async db =>
        {
            (await db.Organizations.SingleAsync(o => o.Id == c.ProviderOrgId)).Name.Should().Be(name);
            var profile = await db.OrgProfiles.SingleAsync(p => p.OrgId == c.ProviderOrgId);
            (profile.Contactor, profile.DistinctId, profile.Address).Should().Be(("张三", "110105", null));
            var provider = await db.Providers.SingleAsync(p => p.Id == c.ProviderId);
            (provider.Description, provider.SaleMode, provider.StartDate).Should().Be(("新描述", "2", new DateOnly(2026, 1, 1)));
            var account = await db.ProviderAccounts.SingleAsync(a => a.ProviderId == c.ProviderId);
            account.ProviderkeyProtected.Should().NotBeNullOrEmpty().And.NotContain("sk-secret");
            account.SettleDatep.Should().Be("M:1");
            var protocol = await db.SaleProtocols.SingleAsync(p => p.Id == c.ProtocolId);
            (protocol.Salemode, protocol.EndDate, protocol.SettleDp).Should().Be(("2", new DateOnly(2026, 12, 31), "M:1"));
        });

        // absent keeps, empty clears, the mask keeps the key
        (await app.Operator().GetAsync(Path, ("id", c.ProviderOrgId), ("contactor", ""))).Status.Should().BeTrue();
        (await app.Operator().GetAsync(Path, ("provider_table_id", c.ProviderId), ("providerkey", "******")))
            .Status.Should().BeTrue();
        await app.Factory.WithDbAsync(async db =>
        {
            var profile = await db.OrgProfiles.SingleAsync(p => p.OrgId == c.ProviderOrgId);
            (profile.Contactor, profile.DistinctId).Should().Be((null, "110105"));
            (await db.ProviderAccounts.SingleAsync(a => a.ProviderId == c.ProviderId)).ProviderkeyProtected.Should().NotBeNull();
        });

        (await app.Operator().GetAsync(Path)).Code.Should().Be("invalid_argument");
        (await app.Operator().GetAsync(Path, ("provider_table_id", "missing"))).Code.Should().Be("not_found");
        var range = await app.Operator().GetAsync(Path, ("protocolid", c.ProtocolId), ("start_date", "2027-01-01"));
        (range.Msg, range.Code).Should().Be(("起效日期不能晚于失效日期", "invalid_argument"));
        (await app.Operator().GetAsync(Path, ("id", c.ProviderOrgId), ("orgname", ""))).Code.Should().Be("invalid_argument");
        (await app.OtherOperator().GetAsync(Path, ("id", c.ProviderOrgId), ("contactor", "x"))).Http.Should().Be(403);
        (await app.OtherOperator().GetAsync(Path, ("protocolid", c.ProtocolId), ("salemode", "0"))).Http.Should().Be(403);
        (await app.Customer().GetAsync(Path, ("id", c.ProviderOrgId))).Http.Should().Be(403);
        (await app.Operator().GetAsync(Path, ("protocolid", c.ProtocolId), ("salemode", "9"))).Code.Should().Be("invalid_argument");
    }

    [Fact]
    public async Task Parallel_approvals_and_refusals_of_one_configuration_decide_it_exactly_once()
    {
        var c = await SeedAsync();
        var proposed = await app.Operator().GetAsync("/product/customer_product_config_approve_send.dspy",
            ("customerid", app.CustomerOrgId), ("providerid", c.ProviderId), ("productid", c.DiscountProduct),
            ("discount", "0.95"));
        var id = proposed.Data!["ids"]![0]!.GetValue<string>();
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => app.Operator().PostAsync(
            "/product/customer_product_config_approve.dspy", ("id", id), ("status", i % 2 == 0 ? "agree" : "refuse"))));
        answers.Count(a => a.Status).Should().Be(1);
        answers.Where(a => !a.Status).Should().OnlyContain(a => a.Code == "conflict");
        var state = await app.Factory.WithDbAsync(db =>
            db.CustomerProductConfigs.Where(x => x.Id == id).Select(x => x.ApvState).SingleAsync());
        state.Should().NotBe(ApprovalStates.Pending);
    }
}
