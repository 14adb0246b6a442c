using Kboss.WebApi.IntegrationTests.Infrastructure;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>(商品|需求) publish, search, detail and update of 04-marketplace.md (analysis/catalog.md §3.2.9–§3.2.13, §4.1, §4.2, §4.4).</summary>
public sealed class PublishProductTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string FirstPage = "/product/publish_product_search_first_page.dspy";
    private const string Manage = "/product/publish_product_search.dspy";
    private const string Detail = "/product/publish_product_search_detail.dspy";

    private async Task<(string Site, string Root, string Child)> SiteAsync()
    {
        var site = Market.NewSite();
        var root = await Market.CategoryAsync(app.Operator(), site, "算力");
        var child = await Market.CategoryAsync(app.Operator(), site, "GPU", parent: root);
        return (site, root, child);
    }

    [Fact]
    public async Task Workflow_end_to_end_customer_demand_is_pending_until_an_operator_approves_it_then_anonymous_sees_it()
    {
        var (site, root, child) = await SiteAsync();
        var customer = app.Customer();
        var add = await customer.GetAsync("/product/publish_product_add.dspy",
            Market.Item(site, "求购A100算力", $"[\"{root}\",\"{child}\"]", "2", ("audit_status", "approved"), ("status", "1"), ("first_page", "1"), ("priority", "99")));
        add.Status.Should().BeTrue(add.Raw);
        add.Msg.Should().Be("发布成功");
        var id = add.Data!["id"]!.GetValue<string>();
        add.Data["audit_status"]!.GetValue<string>().Should().Be("pending", "a customer cannot self-approve");
        add.Data["listing_status"].Should().BeNull();
        add.Data["status"]!.GetValue<string>().Should().Be("0");

        Market.Ids(await app.Anonymous().GetAsync(FirstPage, ("url_link", site), ("to_page", "square"))).Should().BeEmpty();
        (await app.Anonymous().GetAsync(Detail, ("id", id))).Msg.Should().Be("该商品已下架");

        var own = await customer.GetAsync(Manage, ("url_link", site));
        own.Msg.Should().Be("查找成功");
        var row = Market.Rows(own).Single()!;
        row["audit_status"]!.GetValue<string>().Should().Be("pending");
        row["priority"]!.GetValue<string>().Should().Be("1", "homepage placement is an operator decision");
        row["first_page"]!.GetValue<string>().Should().Be("0");
        row["memeory"]!.GetValue<string>().Should().Be("512G");
        row["price"]!.GetValue<decimal>().Should().Be(12000.5m);
        row["product_category"]!.GetValue<string>().Should().Be($"[\"{root}\",\"{child}\"]");
        row["row_num_"]!.GetValue<int>().Should().Be(1);
        row["create_at"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$");

        var pendingForOperator = await app.Operator().GetAsync(Manage, ("url_link", site), ("audit_status", "pending"));
        Market.Ids(pendingForOperator).Should().Equal(id);

        var approve = await Market.UpdateAsync(app.Operator(), id, ("audit_status", "approved"));
        approve.Msg.Should().Be("更新成功");
        approve.Data!["audit_status"]!.GetValue<string>().Should().Be("approved");
        approve.Data["listing_status"]!.GetValue<string>().Should().Be("listing");
        approve.Data["status"]!.GetValue<string>().Should().Be("1");

        var square = await app.Anonymous().GetAsync(FirstPage, ("url_link", site), ("to_page", "square"));
        square.Msg.Should().Be("查找成功");
        square.Data!["total"]!.GetValue<int>().Should().Be(1);
        square.Data["current_page"]!.GetValue<int>().Should().Be(1);
        square.Data["page_size"]!.GetValue<int>().Should().Be(8);
        var pub = Market.Rows(square).Single()!.AsObject();
        pub["id"]!.GetValue<string>().Should().Be(id);
        pub.ContainsKey("audit_status").Should().BeFalse();
        pub.ContainsKey("reject_reason").Should().BeFalse();
        pub.ContainsKey("userid").Should().BeFalse();
        pub.ContainsKey("is_favorite").Should().BeFalse("anonymous callers have no favourites");

        // the homepage (default to_page) shows only items the operator pushes there
        Market.Ids(await app.Anonymous().GetAsync(FirstPage, ("url_link", site))).Should().BeEmpty();
        (await Market.UpdateAsync(app.Operator(), id, ("first_page", "1"), ("priority", "5"))).Data!["audit_status"]!.GetValue<string>().Should().Be("approved");
        var home = Market.Rows(await app.Anonymous().GetAsync(FirstPage, ("url_link", site), ("publish_type", "2"))).Single()!;
        home["priority"]!.GetValue<string>().Should().Be("5");

        var detail = await app.Anonymous().GetAsync(Detail, ("id", id), ("from", "f"));
        detail.Msg.Should().Be("查找成功");
        detail.Data!["product_name"]!.GetValue<string>().Should().Be("求购A100算力");
        detail.Data.AsObject().ContainsKey("audit_status").Should().BeFalse("the front-end detail shows public fields only");
        detail.Data.AsObject().ContainsKey("userid").Should().BeFalse();
        var backOffice = await customer.GetAsync(Detail, ("id", id), ("from", "b"));
        backOffice.Data!["audit_status"]!.GetValue<string>().Should().Be("approved");
        backOffice.Data["listing_status"]!.GetValue<string>().Should().Be("listing");
    }

    [Fact]
    public async Task Reject_needs_a_reason_and_a_customer_edit_resubmits_for_audit()
    {
        var (site, root, _) = await SiteAsync();
        var id = await Market.PublishAsync(app.Customer(), Market.Item(site, "出租GPU", $"[\"{root}\"]", "1"));
        var noReason = await Market.UpdateAsync(app.Operator(), id, ("audit_status", "rejected"));
        noReason.Status.Should().BeFalse();
        noReason.Msg.Should().Be("请填写驳回原因");
        noReason.Code.Should().Be("invalid_argument");

        var rejected = await Market.UpdateAsync(app.Operator(), id, ("audit_status", "rejected"), ("reject_reason", "联系方式不完整"));
        rejected.Data!["audit_status"]!.GetValue<string>().Should().Be("rejected");
        rejected.Data["reject_reason"]!.GetValue<string>().Should().Be("联系方式不完整");
        (await Market.UpdateAsync(app.Operator(), id, ("audit_status", "rejected"), ("reject_reason", "x"))).Msg.Should().Be("当前状态不可驳回");

        (await Market.UpdateAsync(app.Customer(), id, ("audit_status", "approved"))).Http.Should().Be(403);
        (await Market.UpdateAsync(app.Customer(), id, ("listing_status", "listing"))).Http.Should().Be(403);
        var delistPending = await Market.UpdateAsync(app.Customer(), id, ("listing_status", "delisting"));
        delistPending.Msg.Should().Be("当前状态不可下架");
        delistPending.Code.Should().Be("conflict");

        var resubmit = await Market.UpdateAsync(app.Customer(), id, ("phone_number", "13900000000"), ("sdsd", ""));
        resubmit.Status.Should().BeTrue(resubmit.Raw);
        resubmit.Data!["audit_status"]!.GetValue<string>().Should().Be("pending");
        resubmit.Data["reject_reason"].Should().BeNull();
        Market.Rows(await app.Customer().GetAsync(Manage, ("id", id)))[0]!["phone_number"]!.GetValue<string>().Should().Be("13900000000");

        (await Market.UpdateAsync(app.Operator(), id, ("audit_status", "approved"))).Data!["listing_status"]!.GetValue<string>().Should().Be("listing");
        (await Market.UpdateAsync(app.Operator(), id, ("audit_status", "approved"))).Msg.Should().Be("当前状态不可审核通过");

        // customer edits a listed item: back to pending and off the square
        var edit = await Market.UpdateAsync(app.Customer(), id, ("product_name", "出租GPU(更新)"));
        edit.Data!["audit_status"]!.GetValue<string>().Should().Be("pending");
        edit.Data["listing_status"].Should().BeNull();
        Market.Ids(await app.Anonymous().GetAsync(FirstPage, ("url_link", site), ("to_page", "square"))).Should().BeEmpty();
    }

    [Fact]
    public async Task Delist_list_and_delete()
    {
        var (site, root, _) = await SiteAsync();
        var op = app.Operator();
        var add = await op.GetAsync("/product/publish_product_add.dspy", Market.Item(site, "运营自营商品", $"[\"{root}\"]", "1"));
        add.Data!["audit_status"]!.GetValue<string>().Should().Be("approved", "operator items are approved automatically");
        add.Data["listing_status"]!.GetValue<string>().Should().Be("listing");
        var id = add.Data["id"]!.GetValue<string>();
        Market.Ids(await app.Anonymous().GetAsync(FirstPage, ("url_link", site), ("to_page", "square"))).Should().Equal(id);

        var delist = await Market.UpdateAsync(op, id, ("listing_status", "delisting"));
        delist.Data!["listing_status"]!.GetValue<string>().Should().Be("delisting");
        delist.Data["status"]!.GetValue<string>().Should().Be("0");
        Market.Ids(await app.Anonymous().GetAsync(FirstPage, ("url_link", site), ("to_page", "square"))).Should().BeEmpty();
        (await app.Anonymous().GetAsync(Detail, ("id", id))).Msg.Should().Be("该商品已下架");
        (await Market.UpdateAsync(op, id, ("listing_status", "delisting"))).Msg.Should().Be("当前状态不可下架");
        Market.Ids(await op.GetAsync(Manage, ("url_link", site), ("listing_status", "delisting"))).Should().Equal(id);

        (await Market.UpdateAsync(op, id, ("listing_status", "listing"))).Data!["listing_status"]!.GetValue<string>().Should().Be("listing");
        (await Market.UpdateAsync(op, id, ("listing_status", "listing"))).Msg.Should().Be("当前状态不可上架");

        // a customer's own item: the customer may delete it; afterwards it is gone everywhere
        var mine = await Market.PublishAsync(app.Customer(), Market.Item(site, "客户删除", $"[\"{root}\"]"));
        var del = await Market.UpdateAsync(app.Customer(), mine, ("del_flg", "1"));
        del.Msg.Should().Be("删除成功");
        del.Data!["del_flg"]!.GetValue<string>().Should().Be("1");
        (await Market.UpdateAsync(app.Customer(), mine, ("product_name", "x"))).Msg.Should().Be("记录不存在");
        (await app.Customer().GetAsync(Manage, ("id", mine))).Code.Should().Be("not_found");

        // an operator deletes a customer's item of an org it owns (moderation)
        var theirs = await Market.PublishAsync(app.Customer(), Market.Item(site, "违规内容", $"[\"{root}\"]"));
        (await Market.UpdateAsync(op, theirs, ("del_flg", "1"))).Status.Should().BeTrue();
        (await Market.UpdateAsync(op, id, ("del_flg", "1"))).Status.Should().BeTrue();
        Market.Ids(await op.GetAsync(Manage, ("url_link", site))).Should().BeEmpty();
    }

    [Fact]
    public async Task Visibility_anonymous_customer_operator_and_foreign_org()
    {
        var (site, root, _) = await SiteAsync();
        var customer = app.Customer();
        var other = await Market.NewCustomerAsync(app);
        var pending = await Market.PublishAsync(customer, Market.Item(site, "客户甲待审", $"[\"{root}\"]"));
        var opItem = await Market.PublishAsync(app.Operator(), Market.Item(site, "运营公开", $"[\"{root}\"]"));

        // customer: own items only in the back office; public items on the square
        Market.Ids(await customer.GetAsync(Manage, ("url_link", site))).Should().Equal(pending);
        Market.Ids(await customer.GetAsync(Manage, ("url_link", site), ("manager_self", "single"), ("userid", "someone-else"))).Should().Equal(pending);
        Market.Ids(await other.GetAsync(Manage, ("url_link", site))).Should().BeEmpty();
        (await other.GetAsync(Manage, ("id", pending))).Msg.Should().Be("记录不存在");
        (await other.GetAsync(Detail, ("id", pending), ("from", "b"))).Code.Should().Be("not_found");
        Market.Ids(await other.GetAsync(FirstPage, ("url_link", site), ("to_page", "square"))).Should().Equal(opItem);
        (await Market.UpdateAsync(other, pending, ("product_name", "hijack"))).Http.Should().Be(403);
        (await Market.UpdateAsync(other, opItem, ("listing_status", "delisting"))).Http.Should().Be(403);

        // operator: every item of the orgs it manages; manager_self=single only its own
        Market.Ids(await app.Operator().GetAsync(Manage, ("url_link", site))).Should().BeEquivalentTo([pending, opItem]);
        Market.Ids(await app.Operator().GetAsync(Manage, ("url_link", site), ("manager_self", "single"))).Should().Equal(opItem);
        var back = await app.Operator().GetAsync(Detail, ("id", pending), ("from", "b"));
        back.Data!["audit_status"]!.GetValue<string>().Should().Be("pending");

        // foreign-org operator: sees nothing, may change nothing
        Market.Ids(await app.OtherOperator().GetAsync(Manage, ("url_link", site))).Should().BeEmpty();
        (await app.OtherOperator().GetAsync(Detail, ("id", pending), ("from", "b"))).Code.Should().Be("not_found");
        (await Market.UpdateAsync(app.OtherOperator(), pending, ("audit_status", "approved"))).Http.Should().Be(403);
        // admin: everything
        Market.Ids(await app.Admin().GetAsync(Manage, ("url_link", site))).Should().HaveCount(2);

        // anonymous: public only; the back office needs a login
        (await app.Anonymous().GetAsync(Manage)).Http.Should().Be(401);
        (await app.Anonymous().GetAsync(Detail, ("id", pending), ("from", "b"))).Http.Should().Be(401);
        (await app.Anonymous().GetAsync("/product/publish_product_add.dspy", Market.Item(site, "x", $"[\"{root}\"]"))).Http.Should().Be(401);
        (await app.Anonymous().GetAsync("/product/publish_product_update.dspy", ("id", pending))).Http.Should().Be(401);
        Market.Ids(await app.Anonymous().GetAsync(FirstPage, ("url_link", site), ("to_page", "square"))).Should().Equal(opItem);
    }

    [Fact]
    public async Task Square_filters_ordering_and_paging()
    {
        var (site, root, child) = await SiteAsync();
        var other = await Market.CategoryAsync(app.Operator(), site, "存储");
        var op = app.Operator();
        var low = await Market.PublishAsync(op, Market.Item(site, "低优先", $"[\"{root}\",\"{child}\"]", "1", ("priority", "1"), ("company_type", "云服务商")));
        var high = await Market.PublishAsync(op, Market.Item(site, "高优先", $"[\"{root}\"]", "1", ("priority", "10")));
        var storage = await Market.PublishAsync(op, Market.Item(site, "存储商品", $"[\"{other}\"]", "1", ("priority", "5")));
        var demand = await Market.PublishAsync(op, Market.Item(site, "需求", $"[\"{child}\"]", "2"));

        Market.Ids(await app.Anonymous().GetAsync(FirstPage, ("url_link", site), ("to_page", "square"), ("publish_type", "1")))
            .Should().Equal(high, storage, low);
        // a category matches its descendants
        Market.Ids(await app.Anonymous().GetAsync(FirstPage, ("url_link", site), ("to_page", "square"), ("product_category", root)))
            .Should().Equal(high, demand, low); // priority desc, then newest
        Market.Ids(await app.Anonymous().GetAsync(FirstPage, ("url_link", site), ("to_page", "square"), ("product_category", child)))
            .Should().Equal(demand, low);
        Market.Ids(await app.Anonymous().GetAsync(FirstPage, ("url_link", site), ("to_page", "square"), ("company_type", "云服务商")))
            .Should().Equal(low);

        var p2 = await app.Anonymous().GetAsync(FirstPage, ("url_link", site), ("to_page", "square"), ("publish_type", "1"), ("page_size", "2"), ("current_page", "2"));
        p2.Data!["total"]!.GetValue<int>().Should().Be(3);
        Market.Rows(p2).Single()!["row_num_"]!.GetValue<int>().Should().Be(3);
        var past = await app.Anonymous().GetAsync(FirstPage, ("url_link", site), ("to_page", "square"), ("current_page", "99"));
        past.Data!["total"]!.GetValue<int>().Should().Be(4);
        Market.Rows(past).Should().BeEmpty();
        var lenient = await app.Anonymous().GetAsync(FirstPage, ("url_link", site), ("to_page", "square"), ("page_size", "abc"), ("current_page", "-3"));
        lenient.Data!["page_size"]!.GetValue<int>().Should().Be(8);
        lenient.Data["current_page"]!.GetValue<int>().Should().Be(1);
        (await app.Anonymous().GetAsync(FirstPage, ("page_size", "5000"))).Data!["page_size"]!.GetValue<int>().Should().Be(100);
        (await app.Anonymous().GetAsync(FirstPage, ("to_page", "nowhere"))).Code.Should().Be("invalid_argument");
        (await app.Anonymous().GetAsync(FirstPage, ("publish_type", "3"))).Code.Should().Be("invalid_argument");

        // logged-in callers get is_favorite
        (await app.Customer().GetAsync("/user/favorite_add.dspy", ("productid", high), ("favorite_type", "1"))).Status.Should().BeTrue();
        var withFav = Market.Rows(await app.Customer().GetAsync(FirstPage, ("url_link", site), ("to_page", "square"), ("publish_type", "1")));
        withFav.Select(r => r!["is_favorite"]!.GetValue<bool>()).Should().Equal(true, false, false);
    }

    [Fact]
    public async Task Management_search_filters()
    {
        var (site, root, _) = await SiteAsync();
        var customer = app.Customer();
        var a = await Market.PublishAsync(customer, Market.Item(site, "Alpha 100% 算力", $"[\"{root}\"]", "1"));
        var b = await Market.PublishAsync(customer, Market.Item(site, "beta存储", $"[\"{root}\"]", "2", ("requirement_summary", "需要ALPHA级别")));
        await Market.UpdateAsync(app.Operator(), b, ("audit_status", "approved"));

        Market.Ids(await customer.GetAsync(Manage, ("url_link", site), ("keyword", "alpha"))).Should().BeEquivalentTo([a, b]);
        Market.Ids(await customer.GetAsync(Manage, ("url_link", site), ("keyword", "100%"))).Should().Equal(a);
        Market.Ids(await customer.GetAsync(Manage, ("url_link", site), ("keyword", "_"))).Should().BeEmpty();
        Market.Ids(await customer.GetAsync(Manage, ("url_link", site), ("publish_type", "2"))).Should().Equal(b);
        Market.Ids(await customer.GetAsync(Manage, ("url_link", site), ("audit_status", "approved"))).Should().Equal(b);
        Market.Ids(await customer.GetAsync(Manage, ("url_link", site), ("listing_status", "none"))).Should().Equal(a);
        Market.Ids(await customer.GetAsync(Manage, ("url_link", site), ("listing_status", "listing"))).Should().Equal(b);
        var today = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd");
        Market.Ids(await customer.GetAsync(Manage, ("url_link", site), ("start_date", today), ("end_date", today))).Should().HaveCount(2);
        Market.Ids(await customer.GetAsync(Manage, ("url_link", site), ("end_date", "2020-01-01"))).Should().BeEmpty();
        Market.Ids(await customer.GetAsync(Manage, ("url_link", site), ("start_date", "2099-01-01 00:00:00"))).Should().BeEmpty();
        var ordered = await customer.GetAsync(Manage, ("url_link", site));
        Market.Ids(ordered).Should().Equal(b, a); // newest first

        var badDate = await customer.GetAsync(Manage, ("start_date", "2023/08/01"));
        badDate.Code.Should().Be("invalid_argument");
        badDate.Body["errors"]!["start_date"].Should().NotBeNull();
        (await customer.GetAsync(Manage, ("audit_status", "done"))).Code.Should().Be("invalid_argument");
        (await customer.GetAsync(Manage, ("listing_status", "x"))).Code.Should().Be("invalid_argument");
        (await customer.GetAsync(Manage, ("to_excel", "1"))).Http.Should().Be(403); // exports are for operators (ExcelExportTests)
    }

    [Fact]
    public async Task Publish_and_update_reject_bad_input_without_a_500()
    {
        var (site, root, _) = await SiteAsync();
        var restricted = await Market.CategoryAsync(app.Operator(), site, "内部", permission: "0");
        var c = app.Customer();
        async Task<Response> Add(params (string, string?)[] f) => await c.GetAsync("/product/publish_product_add.dspy", f);

        var empty = await Add();
        empty.Http.Should().Be(200);
        empty.Code.Should().Be("invalid_argument");
        empty.Body["errors"]!["publish_type"].Should().NotBeNull();
        empty.Body["errors"]!["product_name"].Should().NotBeNull();
        empty.Body["errors"]!["product_category"].Should().NotBeNull();
        (await Add(Market.Item(site, "x", "['a']"))).Body["errors"]!["product_category"].Should().NotBeNull();
        (await Add(Market.Item(site, "x", "[]"))).Code.Should().Be("invalid_argument");
        (await Add(Market.Item(site, "x", "not json"))).Code.Should().Be("invalid_argument");
        (await Add(Market.Item(site, "x", "[\"nope\"]"))).Msg.Should().Be("所选类别不存在");
        (await Add(Market.Item(site, "x", $"[\"{restricted}\"]"))).Msg.Should().Be("所选类别不可用");
        (await app.Operator().GetAsync("/product/publish_product_add.dspy", Market.Item(site, "x", $"[\"{restricted}\"]"))).Status.Should().BeTrue();
        (await Add(Market.Item(site, "x", $"[\"{root}\"]", "3"))).Body["errors"]!["publish_type"].Should().NotBeNull();
        (await Add(Market.Item(site, "x", $"[\"{root}\"]", "1", ("price", "abc")))).Body["errors"]!["price"].Should().NotBeNull();
        (await Add(Market.Item(site, "x", $"[\"{root}\"]", "1", ("price", "-1")))).Body["errors"]!["price"].Should().NotBeNull();
        (await Add(Market.Item(site, "x", $"[\"{root}\"]", "1", ("short_term", "2")))).Body["errors"]!["short_term"].Should().NotBeNull();
        (await Add(Market.Item(site, "x", $"[\"{root}\"]", "1", ("email", "bad")))).Body["errors"]!["email"].Should().NotBeNull();
        (await Add(Market.Item(site, new string('名', 201), $"[\"{root}\"]"))).Body["errors"]!["product_name"].Should().NotBeNull();

        // JSON body with numbers for strings binds too
        var json = await c.PostJsonAsync("/product/publish_product_add.dspy", new { url_link = site, publish_type = 1, product_name = "JSON商品", product_category = new[] { root }, price = 99.9, short_term = 1 });
        json.Status.Should().BeTrue(json.Raw);

        var id = await Market.PublishAsync(c, Market.Item(site, "y", $"[\"{root}\"]"));
        (await c.GetAsync("/product/publish_product_update.dspy")).Body["errors"]!["id"].Should().NotBeNull();
        (await Market.UpdateAsync(c, "nope")).Msg.Should().Be("记录不存在");
        (await Market.UpdateAsync(c, id, ("audit_status", "ok"))).Body["errors"]!["audit_status"].Should().NotBeNull();
        (await Market.UpdateAsync(c, id, ("listing_status", "on"))).Body["errors"]!["listing_status"].Should().NotBeNull();
        (await Market.UpdateAsync(c, id, ("del_flg", "2"))).Body["errors"]!["del_flg"].Should().NotBeNull();
        (await Market.UpdateAsync(c, id, ("product_category", "[\"nope\"]"))).Msg.Should().Be("所选类别不存在");
        (await Market.UpdateAsync(c, id, ("product_category", "[1,"))).Code.Should().Be("invalid_argument");
        (await app.Anonymous().GetAsync(Detail)).Body["errors"]!["id"].Should().NotBeNull();
        (await app.Anonymous().GetAsync(Detail, ("id", id), ("from", "x"))).Code.Should().Be("invalid_argument");
        (await app.Anonymous().GetAsync(Detail, ("id", "nope"))).Msg.Should().Be("该商品已下架");
    }

    [Fact]
    public async Task Editing_the_category_path_replaces_the_filter_links()
    {
        var (site, root, child) = await SiteAsync();
        var other = await Market.CategoryAsync(app.Operator(), site, "其他");
        var id = await Market.PublishAsync(app.Operator(), Market.Item(site, "移动类别", $"[\"{root}\",\"{child}\"]", "1"));
        var moved = await Market.UpdateAsync(app.Operator(), id, ("product_category", $"[\"{other}\",\"{root}\"]"));
        moved.Status.Should().BeTrue(moved.Raw);
        Market.Ids(await app.Anonymous().GetAsync(FirstPage, ("url_link", site), ("to_page", "square"), ("product_category", child))).Should().BeEmpty();
        Market.Ids(await app.Anonymous().GetAsync(FirstPage, ("url_link", site), ("to_page", "square"), ("product_category", other))).Should().Equal(id);
        var detail = await app.Anonymous().GetAsync(Detail, ("id", id));
        detail.Data!["product_category"]!.GetValue<string>().Should().Be($"[\"{other}\",\"{root}\"]");
    }
}
