using System.Text.Json.Nodes;
using Kboss.WebApi.IntegrationTests.Infrastructure;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>公司类别 and 所属类别 endpoints of 04-marketplace.md (analysis/catalog.md §3.2.1–§3.2.8, §3.2.15, §4.6).</summary>
public sealed class MarketplaceCategoryTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Company_categories_add_search_update_delete_with_documented_messages()
    {
        var site = Market.NewSite();
        var op = app.Operator();
        var add = await op.GetAsync("/product/company_category_add.dspy", ("company_category", " 云服务商 "), ("url_link", site), ("userid", "ignored"));
        add.Msg.Should().Be("添加成功");
        var id = Market.Id(add);
        id.Should().MatchRegex("^[A-Za-z0-9_-]{21}$");
        Market.Id(await op.GetAsync("/product/company_category_add.dspy", ("company_category", "算力中心"), ("url_link", site)));

        var dup = await op.GetAsync("/product/company_category_add.dspy", ("company_category", "云服务商"), ("url_link", site));
        dup.Status.Should().BeFalse();
        dup.Msg.Should().Be("该公司类别已存在");
        dup.Code.Should().Be("conflict");

        var search = await app.Anonymous().GetAsync("/product/company_category_search.dspy", ("url_link", site));
        search.Status.Should().BeTrue(search.Raw);
        search.Msg.Should().Be("查找成功");
        search.Data!.AsArray().Select(x => x!["company_category"]!.GetValue<string>()).Should().Equal("云服务商", "算力中心");

        var upd = await op.GetAsync("/product/company_category_update.dspy", ("id", id), ("company_category", "云厂商"));
        upd.Msg.Should().Be("更新成功");
        upd.Data!["company_category"]!.GetValue<string>().Should().Be("云厂商");
        (await op.GetAsync("/product/company_category_update.dspy", ("id", id), ("company_category", "算力中心"))).Msg.Should().Be("该公司类别已存在");
        (await app.OtherOperator().GetAsync("/product/company_category_update.dspy", ("id", id), ("company_category", "x"))).Http.Should().Be(403);
        (await op.GetAsync("/product/company_category_update.dspy", ("id", "nope"), ("company_category", "x"))).Code.Should().Be("not_found");

        (await app.OtherOperator().GetAsync("/product/company_category_delete.dspy", ("id", id))).Http.Should().Be(403);
        var del = await op.GetAsync("/product/company_category_delete.dspy", ("id", id));
        del.Msg.Should().Be("删除成功");
        (await app.Anonymous().GetAsync("/product/company_category_search.dspy", ("url_link", site))).Data!.AsArray().Should().ContainSingle();
        (await op.GetAsync("/product/company_category_delete.dspy", ("id", id))).Code.Should().Be("not_found");
        // a deleted name can be added again
        Market.Id(await op.GetAsync("/product/company_category_add.dspy", ("company_category", "云厂商"), ("url_link", site)));
    }

    [Fact]
    public async Task Company_category_writes_need_an_operator_and_valid_input()
    {
        (await app.Anonymous().GetAsync("/product/company_category_add.dspy", ("company_category", "x"))).Http.Should().Be(401);
        (await app.Customer().GetAsync("/product/company_category_add.dspy", ("company_category", "x"))).Http.Should().Be(403);
        (await app.Customer().GetAsync("/product/company_category_delete.dspy", ("id", "x"))).Http.Should().Be(403);
        var missing = await app.Operator().GetAsync("/product/company_category_add.dspy");
        missing.Http.Should().Be(200);
        missing.Code.Should().Be("invalid_argument");
        missing.Body["errors"]!["company_category"].Should().NotBeNull();
        (await app.Operator().GetAsync("/product/company_category_update.dspy", ("company_category", "x"))).Body["errors"]!["id"].Should().NotBeNull();
        (await app.Operator().GetAsync("/product/company_category_delete.dspy")).Code.Should().Be("invalid_argument");
        (await app.Operator().GetAsync("/product/company_category_add.dspy", ("company_category", new string('长', 101)))).Code.Should().Be("invalid_argument");
    }

    [Fact]
    public async Task Product_category_tree_is_ordered_by_priority_and_hides_restricted_nodes_from_customers_on_the_publish_page()
    {
        var site = Market.NewSite();
        var op = app.Operator();
        var add = await op.GetAsync("/product/product_category_add.dspy", ("product_category", "算力服务器"), ("url_link", site), ("priority", "2"), ("cart_flag", "1"));
        add.Msg.Should().Be("添加成功");
        var servers = Market.Id(add);
        var network = await Market.CategoryAsync(op, site, "网络", priority: "1", cartFlag: "0");
        var gpu = await Market.CategoryAsync(op, site, "GPU服务器", parent: servers);
        var inner = await Market.CategoryAsync(op, site, "内部专用", parent: servers, priority: "3", permission: "0");
        await Market.CategoryAsync(op, site, "内部子类", parent: inner);

        var show = await app.Anonymous().GetAsync("/product/product_category_search.dspy", ("url_link", site), ("to_page", "show"));
        show.Msg.Should().Be("查找成功");
        var roots = show.Data!.AsArray();
        roots.Select(n => n!["name"]!.GetValue<string>()).Should().Equal("网络", "算力服务器");
        roots[0]!["cart_flag"].Should().BeNull("cart_flag other than 1 is stored as null");
        roots[0]!["children"]!.AsArray().Should().BeEmpty();
        roots[1]!["cart_flag"]!.GetValue<string>().Should().Be("1");
        roots[1]!["priority"]!.GetValue<string>().Should().Be("2");
        var children = roots[1]!["children"]!.AsArray();
        children.Select(n => n!["id"]!.GetValue<string>()).Should().Equal(gpu, inner);
        children[1]!["children"]!.AsArray().Single()!["name"]!.GetValue<string>().Should().Be("内部子类");

        var customerPublish = await app.Customer().GetAsync("/product/product_category_search.dspy", ("url_link", site), ("to_page", "publish"));
        var customerChildren = customerPublish.Data!.AsArray()[1]!["children"]!.AsArray();
        customerChildren.Select(n => n!["id"]!.GetValue<string>()).Should().Equal(gpu);
        var opPublish = await op.GetAsync("/product/product_category_search.dspy", ("url_link", site), ("to_page", "publish"));
        opPublish.Data!.AsArray()[1]!["children"]!.AsArray().Should().HaveCount(2);
        (await app.Anonymous().GetAsync("/product/product_category_search.dspy", ("to_page", "bad"))).Code.Should().Be("invalid_argument");
    }

    [Fact]
    public async Task Product_category_add_update_delete_rules()
    {
        var site = Market.NewSite();
        var op = app.Operator();
        var root = await Market.CategoryAsync(op, site, "根");
        var child = await Market.CategoryAsync(op, site, "子", parent: root);
        var grandchild = await Market.CategoryAsync(op, site, "孙", parent: child);
        // parentid "0" is a root too
        var other = await Market.CategoryAsync(op, site, "另一个根", parent: "0");

        (await op.GetAsync("/product/product_category_add.dspy", ("product_category", "子"), ("parentid", root))).Msg.Should().Be("该类别已存在");
        (await op.GetAsync("/product/product_category_add.dspy", ("product_category", "x"), ("parentid", "nope"))).Code.Should().Be("not_found");
        (await op.GetAsync("/product/product_category_add.dspy", ("product_category", "x"), ("permission", "2"))).Body["errors"]!["permission"].Should().NotBeNull();
        (await op.GetAsync("/product/product_category_add.dspy", ("product_category", "x"), ("priority", "abc"))).Body["errors"]!["priority"].Should().NotBeNull();
        (await op.GetAsync("/product/product_category_add.dspy", ("url_link", site))).Body["errors"]!["product_category"].Should().NotBeNull();
        (await app.Customer().GetAsync("/product/product_category_add.dspy", ("product_category", "x"))).Http.Should().Be(403);
        (await app.OtherOperator().GetAsync("/product/product_category_add.dspy", ("product_category", "x"), ("parentid", root))).Http.Should().Be(403);

        var upd = await op.GetAsync("/product/product_category_update.dspy", ("id", child), ("product_category", "子类改名"), ("cart_flag", "1"));
        upd.Msg.Should().Be("更新成功");
        var cycle = await op.GetAsync("/product/product_category_update.dspy", ("id", root), ("parentid", grandchild));
        cycle.Code.Should().Be("invalid_argument");
        cycle.Body["errors"]!["parentid"]![0]!.GetValue<string>().Should().Be("上级类别不能是自身或其下级");
        (await op.GetAsync("/product/product_category_update.dspy", ("id", root), ("parentid", root))).Code.Should().Be("invalid_argument");
        (await app.OtherOperator().GetAsync("/product/product_category_update.dspy", ("id", root), ("product_category", "x"))).Http.Should().Be(403);
        (await op.GetAsync("/product/product_category_update.dspy", ("id", "nope"))).Code.Should().Be("not_found");

        var tree = (await app.Anonymous().GetAsync("/product/product_category_search.dspy", ("url_link", site))).Data!.AsArray();
        var renamed = tree.Single(n => n!["id"]!.GetValue<string>() == root)!["children"]!.AsArray().Single()!;
        renamed["name"]!.GetValue<string>().Should().Be("子类改名");
        renamed["cart_flag"]!.GetValue<string>().Should().Be("1");

        var del = await op.GetAsync("/product/product_category_delete.dspy", ("id", root));
        del.Msg.Should().Be("删除成功");
        del.Data!["deleted"]!.GetValue<int>().Should().Be(3);
        var after = (await app.Anonymous().GetAsync("/product/product_category_search.dspy", ("url_link", site))).Data!.AsArray();
        after.Select(n => n!["id"]!.GetValue<string>()).Should().Equal(other);
        (await op.GetAsync("/product/product_category_update.dspy", ("id", grandchild), ("product_category", "x"))).Code.Should().Be("not_found");
    }

    [Fact]
    public async Task Homepage_categories_count_public_items_of_each_subtree_once()
    {
        var site = Market.NewSite();
        var op = app.Operator();
        var root = await Market.CategoryAsync(op, site, "服务器");
        var child = await Market.CategoryAsync(op, site, "GPU", parent: root);
        await Market.PublishAsync(op, Market.Item(site, "运营商品A", $"[\"{root}\",\"{child}\"]", "1"));
        await Market.PublishAsync(op, Market.Item(site, "运营商品B", $"[\"{root}\"]", "1"));
        await Market.PublishAsync(op, Market.Item(site, "运营需求", $"[\"{child}\"]", "2"));
        await Market.PublishAsync(app.Customer(), Market.Item(site, "客户待审商品", $"[\"{child}\"]", "1")); // pending: not counted

        var r = await app.Anonymous().GetAsync("/product/homepage_product_category.dspy", ("url_link", site), ("publish_type", "1"));
        r.Msg.Should().Be("查找成功");
        var node = r.Data!.AsArray().Single()!;
        node["count"]!.GetValue<int>().Should().Be(2);
        node["children"]!.AsArray().Single()!["count"]!.GetValue<int>().Should().Be(1);
        var all = await app.Anonymous().GetAsync("/product/homepage_product_category.dspy", ("url_link", site));
        all.Data!.AsArray().Single()!["count"]!.GetValue<int>().Should().Be(3);
        (await app.Anonymous().GetAsync("/product/homepage_product_category.dspy", ("publish_type", "9"))).Code.Should().Be("invalid_argument");
    }
}
