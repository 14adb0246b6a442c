using Kboss.Domain.Catalog;
using Kboss.Domain.Finance;
using Kboss.Domain.Identity;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// Module 16 over HTTP (finance.md §3.4, §4.5, §4.7): seller→reseller discount / floor / rebate rows under the floor
/// rules, white-label info served by domain (the anonymous lookup shows only public fields), reseller users, deletion,
/// the reseller's sales and margin; roles and cross-org access.
/// </summary>
public sealed class ResellerTests(AppFixture app) : IClassFixture<AppFixture>
{
    private sealed record Catalog(string ProviderId, string DiscountProduct, string FloorProduct);

    private sealed record ResellerOrg(string OrgId, Api User);

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A provider that signed with the demo operator org: cost discount 0.8, floor price 90.</summary>
    private async Task<Catalog> CatalogAsync()
    {
        var providerOrg = new Organization { Name = Unique("供应商-"), Kind = OrgKind.Provider, OwnerOrgId = DemoData.OrgId };
        var provider = new Provider { OrgId = providerOrg.Id, Name = "百度云", Prefix = Unique("bd") };
        var discount = new Product { ProviderId = provider.Id, Name = "BCC 云服务器", SaleMode = SaleModes.Discount };
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
        return new Catalog(provider.Id, discount.Id, floor.Id);
    }

    /// <summary>A reseller org of <paramref name="owner"/>'s org with a logged-in reseller user.</summary>
    private async Task<ResellerOrg> ResellerAsync(Api? owner = null)
    {
        var org = await (owner ?? app.Operator()).PostAsync("/user/add_org.dspy", ("name", Unique("分销商-")), ("kind", "reseller"));
        org.Status.Should().BeTrue(org.Raw);
        var orgId = org.Data!["id"]!.GetValue<string>();
        var username = Unique("rs");
        (await app.Admin().PostAsync("/user/add_user.dspy", ("username", username), ("password", AppFixture.Password),
            ("roles", Roles.Reseller), ("orgid", orgId))).Status.Should().BeTrue();
        var token = await app.Anonymous().LoginAsync(username, AppFixture.Password);
        return new ResellerOrg(orgId, new Api(app.Factory.CreateClient()).WithToken(token));
    }

    private static Task<Response> SetAsync(Api who, string reseller, string products, string? discount = null,
        string? price = null, string offer = DemoData.OrgId, string? rebate = null) =>
        who.GetAsync("/product/xiaoshou_gai_zhekou_dijia.dspy", ("offer_orgid", offer), ("bid_orgid", reseller),
            ("productid", products), ("discount", discount), ("price", price), ("rebate_rate", rebate));

    private static Task<Response> ListAsync(Api who, string reseller, string salemode, string? flag = null,
        string? range = null) => who.GetAsync("/product/reseller_discount_config_get.dspy",
        ("offer_orgid", DemoData.OrgId), ("bid_orgid", reseller), ("salemode", salemode), ("flag", flag), ("range", range));

    [Fact]
    public async Task Discount_floor_and_rebate_rows_are_set_under_the_floor_rules_listed_moved_and_deleted()
    {
        var c = await CatalogAsync();
        var r = await ResellerAsync();
        var op = app.Operator();

        var set = await SetAsync(op, r.OrgId, $"[\"{c.DiscountProduct}\"]", discount: "0.85");
        set.Status.Should().BeTrue(set.Raw);
        (set.Data!["salemode"]!.GetValue<string>(), set.Data!["count"]!.GetValue<int>()).Should().Be(("0", 1));
        var below = await SetAsync(op, r.OrgId, c.DiscountProduct, discount: "0.79");
        (below.Status, below.Msg, below.Code).Should().Be((false, "售价不能低于底价", "conflict"));
        var both = await SetAsync(op, r.OrgId, c.DiscountProduct, discount: "0.9", price: "95");
        (both.Msg, both.Code).Should().Be(("discount和price不能同时填写", "invalid_argument"));
        (await SetAsync(op, r.OrgId, c.FloorProduct, price: "89.99")).Msg.Should().Be("售价不能低于底价");
        (await SetAsync(op, r.OrgId, c.FloorProduct, discount: "0.9")).Code.Should().Be("invalid_argument");
        (await SetAsync(op, r.OrgId, c.FloorProduct, price: "95")).Data!["salemode"]!.GetValue<string>().Should().Be("2");
        (await SetAsync(op, r.OrgId, "no-such-product", discount: "0.9")).Code.Should().Be("not_found");
        (await SetAsync(op, r.OrgId, c.DiscountProduct, discount: "abc")).Code.Should().Be("invalid_argument");
        (await op.GetAsync("/product/xiaoshou_gai_zhekou_dijia.dspy", ("bid_orgid", r.OrgId))).Code
            .Should().Be("invalid_argument");

        var listed = await ListAsync(op, r.OrgId, "0");
        listed.Status.Should().BeTrue(listed.Raw);
        var row = listed.Data!.AsArray().Should().ContainSingle().Subject!;
        (row["productid"]!.GetValue<string>(), row["discount"]!.GetValue<decimal>()).Should().Be((c.DiscountProduct, 0.85m));
        var ziBiao = row["zi_biao_id"]!.GetValue<string>();
        (await ListAsync(op, r.OrgId, "0", range: "0.9,0.98")).Data!.AsArray().Should().BeEmpty();
        (await ListAsync(op, r.OrgId, "0", range: "“0.8，0.9”")).Data!.AsArray().Should().ContainSingle();
        (await ListAsync(op, r.OrgId, "0", range: "0.9")).Code.Should().Be("invalid_argument");
        (await ListAsync(op, r.OrgId, "3")).Code.Should().Be("invalid_argument");
        (await ListAsync(op, r.OrgId, "2")).Data!.AsArray().Should().ContainSingle()
            .Which!["price"]!.GetValue<decimal>().Should().Be(95m);
        (await ListAsync(op, r.OrgId, "2", flag: "0")).Data!.AsArray().Select(x => x!["productid"]!.GetValue<string>())
            .Should().NotContain(c.FloorProduct, "it is configured").And.NotContain(c.DiscountProduct, "not a floor product");

        var rebate = await SetAsync(op, r.OrgId, c.DiscountProduct, rebate: "0.1");
        rebate.Data!["salemode"]!.GetValue<string>().Should().Be("1");
        (await ListAsync(op, r.OrgId, "0")).Data!.AsArray().Should().BeEmpty("the product moved to rebate");
        var rebateRow = (await ListAsync(op, r.OrgId, "1")).Data!.AsArray().Should().ContainSingle().Subject!;
        rebateRow["rebate_rate"]!.GetValue<decimal>().Should().Be(0.1m);
        (await app.Factory.WithDbAsync(db => db.ProductSaleConfigs.CountAsync(x => x.ProductId == c.DiscountProduct)))
            .Should().Be(2, "the provider's cost row and the reseller's one live row");

        var gone = await op.GetAsync("/product/discount_guanli_shan.dspy", ("zi_biao_id", rebateRow["zi_biao_id"]!.GetValue<string>()));
        gone.Status.Should().BeTrue(gone.Raw);
        (await op.GetAsync("/product/discount_guanli_shan.dspy", ("zi_biao_id", rebateRow["zi_biao_id"]!.GetValue<string>())))
            .Code.Should().Be("not_found");
        (await op.GetAsync("/product/discount_guanli_shan.dspy", ("zi_biao_id", ziBiao))).Code.Should().Be("not_found");
        (await op.GetAsync("/product/discount_guanli_shan.dspy")).Code.Should().Be("invalid_argument");
        (await ListAsync(op, r.OrgId, "1", flag: "0")).Data!.AsArray().Select(x => x!["productid"]!.GetValue<string>())
            .Should().Contain(c.DiscountProduct).And.NotContain(c.FloorProduct);
    }

    [Fact]
    public async Task Reseller_pricing_is_for_operators_of_the_org_owning_the_reseller()
    {
        var c = await CatalogAsync();
        var r = await ResellerAsync();
        (await SetAsync(app.Customer(), r.OrgId, c.DiscountProduct, "0.9")).Http.Should().Be(403);
        (await SetAsync(r.User, r.OrgId, c.DiscountProduct, "0.9")).Http.Should().Be(403);
        (await SetAsync(app.Anonymous(), r.OrgId, c.DiscountProduct, "0.9")).Http.Should().Be(401);
        (await SetAsync(app.OtherOperator(), r.OrgId, c.DiscountProduct, "0.9")).Http.Should().Be(403);
        (await SetAsync(app.OtherOperator(), r.OrgId, c.DiscountProduct, "0.9", offer: app.OtherOrgId)).Code
            .Should().Be("not_found");
        (await ListAsync(app.OtherOperator(), r.OrgId, "0")).Http.Should().Be(403);
        var set = await SetAsync(app.Operator(), r.OrgId, c.DiscountProduct, "0.9");
        var id = (await ListAsync(app.Operator(), r.OrgId, "0")).Data![0]!["zi_biao_id"]!.GetValue<string>();
        set.Status.Should().BeTrue();
        (await app.OtherOperator().GetAsync("/product/discount_guanli_shan.dspy", ("zi_biao_id", id))).Http.Should().Be(403);
        (await ListAsync(app.Operator(), r.OrgId, "0")).Data!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task White_label_info_is_served_by_domain_and_the_anonymous_lookup_shows_only_public_fields()
    {
        var r = await ResellerAsync();
        var host = Unique("x") + ".example.cn";
        var saved = await r.User.GetAsync("/reseller/independent_info_add.dspy", ("id", r.OrgId),
            ("domain_name", $"https://{host.ToUpperInvariant()}:443/login"), ("logo", "https://cdn.example.cn/logo.png"),
            ("license_number", "京ICP备12345678号"), ("license", "/files/license.png"));
        saved.Status.Should().BeTrue(saved.Raw);
        saved.Data!["domain_name"]!.GetValue<string>().Should().Be(host);
        var tableId = saved.Data!["reseller_table_id"]!.GetValue<string>();
        saved.Data!["orgid"]!.GetValue<string>().Should().Be(r.OrgId);

        var found = await app.Anonymous().GetAsync("/reseller/get_ipc_logo.dspy", ("url_link", $"https://kaiytuancloud.cn/domain/{host}"));
        found.Status.Should().BeTrue(found.Raw);
        found.Data!.AsObject().Select(p => p.Key).Should().BeEquivalentTo("domain_name", "logo", "license_number", "license");
        found.Data!["license_number"]!.GetValue<string>().Should().Be("京ICP备12345678号");
        (await app.Anonymous().GetAsync("/reseller/get_ipc_logo.dspy", ("url_link", $"https://{host}/#/home"))).Status.Should().BeTrue();
        var unknown = await app.Anonymous().GetAsync("/reseller/get_ipc_logo.dspy", ("url_link", "https://nobody.example.cn/"));
        (unknown.Http, unknown.Status, unknown.Code).Should().Be((200, false, "not_found"));
        (await app.Anonymous().GetAsync("/reseller/get_ipc_logo.dspy")).Code.Should().Be("invalid_argument");
        (await app.Anonymous().GetAsync("/reseller/get_ipc_logo.dspy", ("url_link", "x"), ("reseller_table_id", tableId)))
            .Code.Should().Be("invalid_argument");
        (await app.Anonymous().GetAsync("/reseller/get_ipc_logo.dspy", ("reseller_table_id", tableId))).Http.Should().Be(401);
        var mine = await r.User.GetAsync("/reseller/get_ipc_logo.dspy", ("reseller_table_id", tableId));
        (mine.Status, mine.Data!["reseller_table_id"]!.GetValue<string>()).Should().Be((true, tableId));
        (await app.OtherOperator().GetAsync("/reseller/get_ipc_logo.dspy", ("reseller_table_id", tableId))).Http.Should().Be(403);

        var second = await ResellerAsync();
        (await second.User.GetAsync("/reseller/get_ipc_logo.dspy", ("reseller_table_id", second.OrgId))).Status.Should().BeFalse();
        var taken = await second.User.GetAsync("/reseller/independent_info_add.dspy", ("id", second.OrgId), ("domain_name", host));
        (taken.Msg, taken.Code).Should().Be(("域名已被使用", "conflict"));
        (await second.User.GetAsync("/reseller/independent_info_add.dspy", ("id", second.OrgId), ("domain_name", "bad domain!")))
            .Msg.Should().Be("域名格式错误");
        (await second.User.GetAsync("/reseller/independent_info_add.dspy", ("id", second.OrgId), ("logo", "javascript:alert(1)")))
            .Code.Should().Be("invalid_argument");
        (await second.User.GetAsync("/reseller/independent_info_add.dspy", ("id", tableId), ("logo", "https://evil.cn/a.png")))
            .Http.Should().Be(403);
        (await app.OtherOperator().GetAsync("/reseller/independent_info_add.dspy", ("id", r.OrgId), ("logo", "https://evil.cn/a.png")))
            .Http.Should().Be(403);
        (await app.Customer().GetAsync("/reseller/independent_info_add.dspy", ("id", r.OrgId))).Http.Should().Be(403);
        (await r.User.GetAsync("/reseller/independent_info_add.dspy", ("id", "nope"))).Code.Should().Be("not_found");
        var kept = await app.Operator().GetAsync("/reseller/independent_info_add.dspy", ("id", tableId), ("logo", ""));
        (kept.Data!["domain_name"]!.GetValue<string>(), kept.Data!["logo"]).Should().Be((host, null));
    }

    [Fact]
    public async Task Deleting_a_reseller_frees_its_domain_and_removes_its_prices()
    {
        var c = await CatalogAsync();
        var r = await ResellerAsync();
        var host = Unique("d") + ".example.cn";
        var saved = await r.User.GetAsync("/reseller/independent_info_add.dspy", ("id", r.OrgId), ("domain_name", host));
        var tableId = saved.Data!["reseller_table_id"]!.GetValue<string>();
        (await SetAsync(app.Operator(), r.OrgId, c.DiscountProduct, "0.9")).Status.Should().BeTrue();

        (await r.User.GetAsync("/reseller/reseller_org_delete.dspy", ("id", tableId))).Http.Should().Be(403);
        (await app.OtherOperator().GetAsync("/reseller/reseller_org_delete.dspy", ("id", tableId))).Http.Should().Be(403);
        (await app.Operator().GetAsync("/reseller/reseller_org_delete.dspy")).Code.Should().Be("invalid_argument");
        var deleted = await app.Operator().GetAsync("/reseller/reseller_org_delete.dspy", ("id", tableId));
        deleted.Status.Should().BeTrue(deleted.Raw);
        (deleted.Data!["protocols"]!.GetValue<int>(), deleted.Data!["products"]!.GetValue<int>()).Should().Be((1, 1));
        (await app.Anonymous().GetAsync("/reseller/get_ipc_logo.dspy", ("url_link", "https://" + host))).Status.Should().BeFalse();
        (await ListAsync(app.Operator(), r.OrgId, "0")).Data!.AsArray().Should().BeEmpty();
        (await app.Operator().GetAsync("/reseller/reseller_org_delete.dspy", ("id", tableId))).Code.Should().Be("not_found");
        (await app.Operator().GetAsync("/reseller/reseller_org_delete.dspy", ("id", r.OrgId))).Code.Should().Be("not_found");
        var next = await ResellerAsync();
        (await next.User.GetAsync("/reseller/independent_info_add.dspy", ("id", next.OrgId), ("domain_name", host)))
            .Status.Should().BeTrue("the domain was freed");
    }

    [Fact]
    public async Task A_reseller_onboards_customers_and_sees_their_net_sales_its_cost_and_margin()
    {
        var c = await CatalogAsync();
        var r = await ResellerAsync();
        Task<Response> AddUser(Api who, params (string, string?)[] extra) =>
            who.PostAsync("/reseller/reseller_add_user.dspy", extra);
        var d1 = await AddUser(r.User, ("username", Unique("d1")), ("password", AppFixture.Password),
            ("nick_name", Unique("客户D1-")), ("email", "d1@example.cn"), ("mobile", "13800000000"), ("address", "北京"));
        d1.Status.Should().BeTrue(d1.Raw);
        var d1Org = d1.Data!["orgid"]!.GetValue<string>();
        var d2User = Unique("d2");
        var d2 = await AddUser(r.User, ("username", d2User), ("password", AppFixture.Password));
        var d2Org = d2.Data!["orgid"]!.GetValue<string>();
        (await app.Anonymous().LoginAsync(d2User, AppFixture.Password)).Should().NotBeNullOrEmpty();
        (await AddUser(r.User, ("username", Unique("d3")), ("password", AppFixture.Password), ("orgid", d2Org)))
            .Data!["orgid"]!.GetValue<string>().Should().Be(d2Org, "a user added to an existing customer org");
        (await AddUser(r.User, ("username", d2User), ("password", AppFixture.Password))).Msg.Should().Be("用户名已存在");
        (await AddUser(r.User, ("username", Unique("w")), ("password", "short"))).Code.Should().Be("invalid_argument");
        (await AddUser(r.User, ("username", Unique("m")), ("password", AppFixture.Password), ("mobile", "123")))
            .Code.Should().Be("invalid_argument");
        (await AddUser(r.User, ("password", AppFixture.Password))).Code.Should().Be("invalid_argument");
        (await AddUser(app.Customer(), ("username", Unique("c")), ("password", AppFixture.Password))).Http.Should().Be(403);
        (await AddUser(app.OtherOperator(), ("username", Unique("o")), ("password", AppFixture.Password), ("orgid", r.OrgId)))
            .Http.Should().Be(403);
        (await AddUser(app.Operator(), ("username", Unique("o")), ("password", AppFixture.Password))).Code
            .Should().Be("invalid_argument", "the operator's own org is not a reseller");
        (await app.Factory.WithDbAsync(db => db.Organizations.FirstAsync(o => o.Id == d1Org)))
            .OwnerOrgId.Should().Be(r.OrgId);

        (await SetAsync(app.Operator(), r.OrgId, c.DiscountProduct, "0.85")).Status.Should().BeTrue();
        (await SetAsync(app.Operator(), r.OrgId, c.FloorProduct, price: "95")).Status.Should().BeTrue();
        await app.Factory.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            Bill Buy(string customer, string product, decimal amount, decimal list, int qty, string date) =>
                Bill.NewPurchase(new PurchaseLine(customer, amount, list, qty, null, product, c.ProviderId),
                    DateOnly.Parse(date), now).Value!;
            var b1 = Buy(d1Org, c.DiscountProduct, 475m, 500m, 1, "2023-12-05");
            var b2 = Buy(d2Org, c.FloorProduct, 100m, 100m, 1, "2023-12-10");
            var late = Buy(d1Org, c.DiscountProduct, 50m, 50m, 1, "2024-01-02");
            var unpaid = Buy(d1Org, c.DiscountProduct, 999m, 999m, 1, "2023-12-06");
            foreach (var b in new[] { b1, b2, late }) b.MarkPaid();
            var refund = b2.NewRefund(5m, DateOnly.Parse("2023-12-11"), now).Value!;
            db.Bills.AddRange(b1, b2, late, unpaid, refund);
            await db.SaveChangesAsync();
        });

        var sales = await r.User.GetAsync("/reseller/reseller_analysis.dspy", ("start_date", "2023-12-01"),
            ("end_date", "2023-12-31"));
        sales.Status.Should().BeTrue(sales.Raw);
        var d = sales.Data!;
        (d["sales_amount"]!.GetValue<decimal>(), d["reseller_cost"]!.GetValue<decimal>(), d["reseller_profit"]!.GetValue<decimal>())
            .Should().Be((570m, 515.25m, 54.75m)); // 475 + 100 − 5; 500×0.85 + 95 − 95×5%
        d["customers"]!.AsArray().Select(x => (x!["customerid"]!.GetValue<string>(), x["amount"]!.GetValue<decimal>()))
            .Should().Equal((d1Org, 475m), (d2Org, 95m));
        d["series"]!["date"]!.AsArray().Select(x => x!.GetValue<string>()).Should().Equal("2023-12");
        var all = await app.Operator().GetAsync("/reseller/reseller_analysis.dspy", ("reseller_orgid", r.OrgId));
        all.Data!["sales_amount"]!.GetValue<decimal>().Should().Be(620m, "no bounds: the January purchase counts");
        all.Data!["series"]!["number"]!.AsArray().Select(x => x!.GetValue<decimal>()).Should().Equal(570m, 50m);

        var slash = await r.User.GetAsync("/reseller/reseller_analysis.dspy", ("start_date", "2023/08/01"));
        (slash.Code, slash.Msg).Should().Be(("invalid_argument", "日期格式错误,请使用YYYY-MM-DD格式"));
        (await r.User.GetAsync("/reseller/reseller_analysis.dspy", ("start_date", "2023-02-30"))).Code.Should().Be("invalid_argument");
        (await r.User.GetAsync("/reseller/reseller_analysis.dspy", ("start_date", "2023-12-31"), ("end_date", "2023-12-01")))
            .Msg.Should().Be("开始日期不能晚于结束日期");
        (await app.OtherOperator().GetAsync("/reseller/reseller_analysis.dspy", ("reseller_orgid", r.OrgId))).Http.Should().Be(403);
        (await app.Anonymous().GetAsync("/reseller/reseller_analysis.dspy", ("reseller_orgid", r.OrgId))).Http.Should().Be(401);
        (await app.Customer().GetAsync("/reseller/reseller_analysis.dspy")).Http.Should().Be(403);
        (await app.Operator().GetAsync("/reseller/reseller_analysis.dspy")).Code.Should().Be("not_found");
    }
}
