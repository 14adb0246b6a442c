using Kboss.Domain.Identity;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// Every row one org writes belongs to an org (issue 7, ADR 0017): a site (url_link) belongs to the operator org that
/// first used it; another operator org gets 403 on its categories, homepage tree, price rows and moderation, and
/// nothing changes; smart products belong to their creator's org; lists without their scope leak nothing.
/// "A" is the demo operator org (<see cref="AppFixture.Operator"/>), "B" the foreign one.
/// </summary>
public sealed class TenancyTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string FirstPage = "/product/publish_product_search_first_page.dspy";
    private const string Manage = "/product/publish_product_search.dspy";
    private const string CompanyAdd = "/product/company_category_add.dspy";
    private const string CompanyUpdate = "/product/company_category_update.dspy";
    private const string CompanySearch = "/product/company_category_search.dspy";
    private const string CategoryAdd = "/product/product_category_add.dspy";
    private const string CategorySearch = "/product/product_category_search.dspy";
    private const string NodeAdd = "/product/homepage_category_tree_add.dspy";
    private const string NodeUpdate = "/product/homepage_category_tree_update.dspy";
    private const string Tree = "/product/get_firstpage_product_tree.dspy";
    private const string PublishAdd = "/product/publish_product_add.dspy";
    private const string Wlwl = "/product/wlwl_parameter_save.dspy";
    private const string UpSmart = "/product_smart/up_smart.dspy";
    private const string GetSmart = "/product_smart/get_smart.dspy";
    private const string GpuStock = "/dev/cpcc/cpcwidget/obtaining_gpuinfo.dspy";

    private async Task<Api> UserAsync(string role, string orgId)
    {
        var name = "t" + Guid.NewGuid().ToString("N")[..10];
        var add = await app.Admin().PostAsync("/user/add_user.dspy", ("username", name),
            ("password", AppFixture.Password), ("roles", role), ("orgid", orgId));
        add.Status.Should().BeTrue(add.Raw);
        var token = await app.Anonymous().LoginAsync(name, AppFixture.Password);
        return new Api(app.Factory.CreateClient()).WithToken(token);
    }

    private static IEnumerable<string> Names(Response r, string key = "name")
    {
        r.Status.Should().BeTrue(r.Raw);
        return r.Data!.AsArray().Select(n => n![key]!.GetValue<string>());
    }

    private static void Forbidden(Response r) => (r.Http, r.Code).Should().Be((403, "forbidden"), r.Raw);

    private static Task<Response> NodeAsync(Api who, string site, string parent, string name) =>
        who.GetAsync(NodeAdd, ("url_link", site), ("parentid", parent), ("priority", "1"), ("name", name));

    private async Task<IEnumerable<string>> CompanyNamesAsync(string site) =>
        Names(await app.Anonymous().GetAsync(CompanySearch, ("url_link", site)), "company_category");

    private async Task<IEnumerable<string>> SquareAsync(string site) =>
        Market.Ids(await app.Anonymous().GetAsync(FirstPage, ("url_link", site), ("to_page", "square")));

    [Fact]
    public async Task Another_spelling_of_a_site_cannot_be_claimed_by_another_org()
    {
        var site = Market.NewSite();
        (await app.Operator().GetAsync(CategoryAdd, ("product_category", "算力"), ("url_link", site))).Status.Should().BeTrue();
        var host = new Uri(site).Host;
        foreach (var lookalike in new[] { site + "/", site.ToUpperInvariant(), site + "\u200B", site + "#x", site + "?",
                     "\uFF48" + site[1..], host, "https://" + host + ":443" })
        {
            var r = await app.OtherOperator().GetAsync(CategoryAdd, ("product_category", "抢注"), ("url_link", lookalike));
            r.Status.Should().BeFalse(lookalike);
            r.Code.Should().Be("invalid_argument", r.Raw);
        }
        (await app.Admin().GetAsync(CategoryAdd, ("product_category", "x"), ("url_link", "HTTPS://NEW.EXAMPLE/")))
            .Body["errors"]!["url_link"]!.AsArray().Single()!.GetValue<string>().Should().Be(Kboss.Domain.Marketplace.SiteLinks.NotCanonical);
    }

    [Fact]
    public async Task Another_org_cannot_write_categories_or_the_homepage_tree_of_a_site_and_nothing_changes()
    {
        var site = Market.NewSite();
        var (a, b, admin) = (app.Operator(), app.OtherOperator(), app.Admin());
        var company = Market.Id(await a.GetAsync(CompanyAdd, ("company_category", "高校"), ("url_link", site)));
        var root = await Market.CategoryAsync(a, site, "算力");
        var node = Market.Id(await NodeAsync(a, site, "0", "GPU"));

        Forbidden(await b.GetAsync(CompanyAdd, ("company_category", "黑客"), ("url_link", site)));
        Forbidden(await b.GetAsync(CategoryAdd, ("product_category", "黑客"), ("url_link", site)));
        Forbidden(await b.GetAsync(CategoryAdd, ("product_category", "黑客"), ("parentid", root)));
        Forbidden(await b.GetAsync("/product/product_category_update.dspy", ("id", root), ("product_category", "黑客")));
        Forbidden(await b.GetAsync("/product/product_category_delete.dspy", ("id", root)));
        Forbidden(await b.GetAsync(CompanyUpdate, ("id", company), ("company_category", "黑客")));
        Forbidden(await b.GetAsync("/product/company_category_delete.dspy", ("id", company)));
        Forbidden(await NodeAsync(b, site, "0", "黑客"));
        Forbidden(await NodeAsync(b, site, node, "黑客"));
        Forbidden(await b.GetAsync(NodeUpdate, ("id", node), ("name", "黑客")));
        Forbidden(await b.GetAsync("/product/homepage_category_tree_delete.dspy", ("id", node)));
        // A may not move its node into a site B claimed
        var bSite = Market.NewSite();
        Market.Id(await b.GetAsync(CompanyAdd, ("company_category", "B的类别"), ("url_link", bSite)));
        Forbidden(await a.GetAsync(NodeUpdate, ("id", node), ("url_link", bSite)));

        (await CompanyNamesAsync(site)).Should().Equal("高校");
        Names(await app.Anonymous().GetAsync(CategorySearch, ("url_link", site))).Should().Equal("算力");
        Names(await app.Anonymous().GetAsync(Tree, ("url_link", site))).Should().Equal("GPU");

        // admin writes into A's site; the rows belong to A, so A manages them
        var byAdmin = Market.Id(await admin.GetAsync(CompanyAdd, ("company_category", "企业"), ("url_link", site)));
        (await a.GetAsync(CompanyUpdate, ("id", byAdmin), ("company_category", "企业2"))).Status.Should().BeTrue();
        var adminChild = await Market.CategoryAsync(admin, site, "A100", parent: root);
        (await a.GetAsync("/product/product_category_delete.dspy", ("id", adminChild))).Status.Should().BeTrue();
        (await admin.GetAsync(NodeUpdate, ("id", node), ("name", "GPU算力"))).Status.Should().BeTrue();
        Names(await app.Anonymous().GetAsync(Tree, ("url_link", site))).Should().Equal("GPU算力");
        (await a.GetAsync("/product/homepage_category_tree_delete.dspy", ("id", node))).Status.Should().BeTrue();
    }

    [Fact]
    public async Task The_first_operator_to_use_a_url_link_claims_it_even_under_parallel_requests()
    {
        var site = Market.NewSite();
        var calls = Enumerable.Range(0, 12).Select(i => (i % 2 == 0 ? app.Operator() : app.OtherOperator())
            .GetAsync(CompanyAdd, ("company_category", "类别" + i), ("url_link", site)));
        var replies = await Task.WhenAll(calls);
        replies.Should().OnlyContain(r => r.Http == 200 || r.Http == 403, "never a 500");
        var winners = replies.Select((r, i) => (r.Status, Even: i % 2 == 0)).Where(x => x.Status).Select(x => x.Even);
        winners.Distinct().Should().ContainSingle("one org owns the site");
        replies.Count(r => r.Status).Should().Be(6);
        (await CompanyNamesAsync(site)).Should().HaveCount(6);
    }

    [Fact]
    public async Task An_item_on_another_orgs_site_waits_for_that_sites_moderators()
    {
        var site = Market.NewSite();
        var root = await Market.CategoryAsync(app.Operator(), site, "算力");
        var b = app.OtherOperator();
        var add = await b.GetAsync(PublishAdd, Market.Item(site, "B的商品", $"[\"{root}\"]", "1",
            ("first_page", "1"), ("priority", "99")));
        add.Status.Should().BeTrue(add.Raw);
        var id = add.Data!["id"]!.GetValue<string>();
        add.Data["audit_status"]!.GetValue<string>().Should().Be("pending", "B does not own the site");
        add.Data["status"]!.GetValue<string>().Should().Be("0");
        (await SquareAsync(site)).Should().BeEmpty();

        // B can neither approve nor list it, and its own edit keeps it pending
        Forbidden(await Market.UpdateAsync(b, id, ("audit_status", "approved")));
        Forbidden(await Market.UpdateAsync(b, id, ("listing_status", "listing")));
        var edit = await Market.UpdateAsync(b, id, ("product_name", "B的商品2"));
        edit.Data!["audit_status"]!.GetValue<string>().Should().Be("pending");
        (await SquareAsync(site)).Should().BeEmpty();

        // A sees it in its back office and approves it
        var pending = await app.Operator().GetAsync(Manage, ("url_link", site), ("audit_status", "pending"));
        Market.Ids(pending).Should().Equal(id);
        var approve = await Market.UpdateAsync(app.Operator(), id, ("audit_status", "approved"));
        approve.Data!["listing_status"]!.GetValue<string>().Should().Be("listing", approve.Raw);
        (await SquareAsync(site)).Should().Equal(id);

        // B's item on its own site is approved; moved by B to A's site it goes back to pending
        var own = Market.NewSite();
        var bRoot = await Market.CategoryAsync(b, own, "B类别");
        var mine = await b.GetAsync(PublishAdd, Market.Item(own, "B自己的", $"[\"{bRoot}\"]", "1"));
        mine.Data!["audit_status"]!.GetValue<string>().Should().Be("approved", mine.Raw);
        var moved = await Market.UpdateAsync(b, mine.Data["id"]!.GetValue<string>(), ("url_link", site));
        moved.Data!["audit_status"]!.GetValue<string>().Should().Be("pending", moved.Raw);

        // admin moderates every site
        var second = Market.Id(await b.GetAsync(PublishAdd, Market.Item(site, "B的需求", $"[\"{root}\"]")));
        var byAdmin = await Market.UpdateAsync(app.Admin(), second, ("audit_status", "approved"));
        byAdmin.Data!["listing_status"]!.GetValue<string>().Should().Be("listing", byAdmin.Raw);
    }

    [Fact]
    public async Task A_price_row_belongs_to_the_org_that_added_it()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        (string, string?)[] key =
            [("high_school", "大学" + tag), ("chaosuan_center", "超算" + tag), ("route_num", "2"), ("broadband", "1G")];
        (string, string?)[] Price(string price) => [.. key, ("price", price), ("distance", "短距离")];

        (await app.Operator().GetAsync(Wlwl, Price("1000"))).Msg.Should().Be("添加成功");
        Forbidden(await app.OtherOperator().GetAsync(Wlwl, Price("1")));
        Forbidden(await app.OtherOperator().GetAsync(Wlwl, [.. key, ("del_flg", "1")]));
        var lookup = await app.Anonymous().GetAsync("/product/wlwl_parameter_search.dspy", key);
        lookup.Data!["price"]!.GetValue<string>().Should().Be("1000");
        (await app.Admin().GetAsync(Wlwl, Price("1200"))).Msg.Should().Be("更新成功");
        (await app.Operator().GetAsync(Wlwl, [.. key, ("del_flg", "1")])).Msg.Should().Be("删除成功");

        // the seeded row is the platform's: operators 403 (same values, so nothing could change)
        Forbidden(await app.Operator().GetAsync(Wlwl, ("high_school", "上海交通大学"), ("chaosuan_center", "济南超算"),
            ("route_num", "1"), ("broadband", "10G"), ("price", "350000"), ("distance", "长距离")));
    }

    [Fact]
    public async Task A_sales_user_of_another_org_cannot_edit_or_delete_a_smart_product()
    {
        var salesA = await UserAsync(Roles.Sales, DemoData.OrgId);
        var salesB = await UserAsync(Roles.Sales, app.OtherOrgId);
        var model = "tenancy-" + Guid.NewGuid().ToString("N")[..6];
        var batch = await salesA.PostJsonAsync("/product_smart/batch_add_zhisuan.dspy",
            new { data = new[] { new { product_model = model, card_type = "A100*8", remark = "内部" } } });
        batch.Status.Should().BeTrue(batch.Raw);
        var id = batch.Data!["ids"]![0]!.GetValue<string>();

        Forbidden(await salesB.PostAsync(UpSmart, ("id", id), ("product_model", "hacked")));
        Forbidden(await salesB.PostAsync("/product_smart/del_smart.dspy", ("id", id)));
        Forbidden(await app.OtherOperator().PostAsync(UpSmart, ("id", id), ("remark", "hacked")));
        var forB = await Response.ReadAsync(await salesB.Http.GetAsync(GetSmart));
        var seenByB = forB.Body["msg"]!.AsArray().Select(x => x!["id"]!.GetValue<string>());
        seenByB.Should().NotContain(id, "rents and remarks stay in the org");

        var forA = await Response.ReadAsync(await salesA.Http.GetAsync(GetSmart));
        var row = forA.Body["msg"]!.AsArray().Single(x => x!["id"]!.GetValue<string>() == id)!;
        row["product_model"]!.GetValue<string>().Should().Be(model);
        row["remark"]!.GetValue<string>().Should().Be("内部");
        (await app.Operator().PostAsync(UpSmart, ("id", id), ("scale", "8"))).Status.Should().BeTrue();
        (await app.Admin().PostAsync(UpSmart, ("id", id), ("scale", "9"))).Status.Should().BeTrue();
        (await salesA.PostAsync("/product_smart/del_smart.dspy", ("id", id))).Status.Should().BeTrue();
    }

    [Theory]
    [InlineData(CompanySearch)]
    [InlineData(CategorySearch)]
    [InlineData(Tree)]
    [InlineData("/product/homepage_product_category.dspy")]
    public async Task A_list_without_its_site_shows_only_what_the_caller_may_see(string path)
    {
        var site = Market.NewSite();
        var mark = "priv" + Guid.NewGuid().ToString("N")[..8];
        Market.Id(await app.Operator().GetAsync(CompanyAdd, ("company_category", mark), ("url_link", site)));
        await Market.CategoryAsync(app.Operator(), site, mark);
        Market.Id(await NodeAsync(app.Operator(), site, "0", mark));

        var anonymous = await app.Anonymous().GetAsync(path);
        (anonymous.Http, anonymous.Status, anonymous.Code).Should()
            .Be((200, false, "invalid_argument"), anonymous.Raw);
        anonymous.Raw.Should().NotContain(mark);
        (await app.OtherOperator().GetAsync(path)).Raw.Should().NotContain(mark);
        (await app.Customer().GetAsync(path)).Raw.Should().NotContain(mark);
        (await app.Operator().GetAsync(path)).Raw.Should().Contain(mark);
        (await app.Anonymous().GetAsync(path, ("url_link", site))).Raw.Should().Contain(mark, "a named site is public");
    }

    [Fact]
    public async Task Gpu_stock_without_a_centre_is_the_callers_own_centres_and_anonymous_callers_must_name_one()
    {
        var anonymous = await app.Anonymous().GetAsync(GpuStock);
        (anonymous.Status, anonymous.Code).Should().Be((false, "invalid_argument"), anonymous.Raw);
        anonymous.Body["errors"]!["cpcid"].Should().NotBeNull();

        var own = await app.Operator().GetAsync(GpuStock);
        own.Status.Should().BeTrue(own.Raw);
        own.Data!.AsObject().Select(p => p.Key).Should().Contain("RTX5090-32G");
        var foreign = await app.OtherOperator().GetAsync(GpuStock);
        foreign.Status.Should().BeTrue(foreign.Raw);
        foreign.Data!.AsObject().Should().BeEmpty("the foreign org has no centres");
        (await app.Customer().GetAsync(GpuStock)).Data!.AsObject().Should().BeEmpty();
        (await app.Admin().GetAsync(GpuStock)).Data!.AsObject().Select(p => p.Key).Should().Contain("RTX5090-32G");
        var named = await app.Anonymous().GetAsync(GpuStock, ("cpcid", DemoData.CenterId));
        named.Data!.AsObject().Should().NotBeEmpty("a purchase page names its centre");
    }
}
