using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>用户浏览记录 (06-user-browse-history.md) and 用户关注收藏 (07-user-favorites.md); analysis/catalog.md §3.4, §3.5, §4.7.</summary>
public sealed class BrowseHistoryAndFavoriteTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string History = "/user/user_browse_history_search.dspy";
    private const string Favorites = "/user/favorite_search.dspy";

    private async Task<(string Site, string Goods, string Demand)> ItemsAsync()
    {
        var site = Market.NewSite();
        var root = await Market.CategoryAsync(app.Operator(), site, "算力");
        var goods = await Market.PublishAsync(app.Operator(), Market.Item(site, "GPU整机出租", $"[\"{root}\"]", "1"));
        var demand = await Market.PublishAsync(app.Operator(), Market.Item(site, "求购存储", $"[\"{root}\"]", "2"));
        return (site, goods, demand);
    }

    [Fact]
    public async Task Opening_a_detail_records_one_history_row_per_user_and_item_and_delisted_items_show_null_product_info()
    {
        var (site, goods, demand) = await ItemsAsync();
        var viewer = await Market.NewCustomerAsync(app);
        viewer.Http.DefaultRequestHeaders.UserAgent.ParseAdd("kboss-test/1.0");
        await app.Anonymous().GetAsync("/product/publish_product_search_detail.dspy", ("id", goods)); // anonymous: nothing recorded
        var first = await viewer.GetAsync("/product/publish_product_search_detail.dspy", ("id", goods), ("from", "f"));
        first.Data!["is_favorite"]!.GetValue<bool>().Should().BeFalse();
        await viewer.GetAsync("/product/publish_product_search_detail.dspy", ("id", goods));
        await viewer.GetAsync("/product/publish_product_search_detail.dspy", ("id", demand));
        await viewer.GetAsync("/product/publish_product_search_detail.dspy", ("id", demand), ("from", "b")); // back office: no history

        var r = await viewer.GetAsync(History);
        r.Msg.Should().Be("查找成功");
        r.Data!["total"]!.GetValue<int>().Should().Be(2);
        var rows = Market.Rows(r);
        rows.Select(x => x!["product_id"]!.GetValue<string>()).Should().Equal(demand, goods);
        var row = rows[1]!;
        row["userid"]!.GetValue<string>().Should().Be(await Market.UserIdAsync(viewer));
        row["browse_time"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$");
        row["user_agent"]!.GetValue<string>().Should().Contain("kboss-test/1.0");
        row["priority"]!.GetValue<string>().Should().Be("");
        row["tag"]!.GetValue<string>().Should().Be("");
        row["product_info"]!["product_name"]!.GetValue<string>().Should().Be("GPU整机出租");
        row["product_info"]!.AsObject().ContainsKey("audit_status").Should().BeFalse();
        await app.Factory.WithDbAsync(async db =>
            (await db.UserBrowseHistories.CountAsync(h => h.ProductId == goods)).Should().Be(1));

        Market.Rows(await viewer.GetAsync(History, ("publish_type", "1"))).Single()!["product_id"]!.GetValue<string>().Should().Be(goods);
        Market.Rows(await viewer.GetAsync(History, ("url_link", "https://elsewhere.example"))).Should().BeEmpty();
        Market.Rows(await viewer.GetAsync(History, ("page_size", "1"), ("current_page", "2"))).Single()!["row_num_"]!.GetValue<int>().Should().Be(2);
        var today = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd");
        Market.Rows(await viewer.GetAsync(History, ("start_time", today), ("end_time", today))).Should().HaveCount(2);
        Market.Rows(await viewer.GetAsync(History, ("end_time", "2020-01-01 00:00:00"))).Should().BeEmpty();
        (await viewer.GetAsync(History, ("start_time", "yesterday"))).Code.Should().Be("invalid_argument");
        (await viewer.GetAsync(History, ("publish_type", "x"))).Code.Should().Be("invalid_argument");

        (await Market.UpdateAsync(app.Operator(), goods, ("listing_status", "delisting"))).Status.Should().BeTrue();
        var after = Market.Rows(await viewer.GetAsync(History));
        after.Should().HaveCount(2, "rows stay when an item is delisted");
        after.Single(x => x!["product_id"]!.GetValue<string>() == goods)!["product_info"].Should().BeNull();
        (await Market.UpdateAsync(app.Operator(), demand, ("del_flg", "1"))).Status.Should().BeTrue();
        Market.Rows(await viewer.GetAsync(History)).Select(x => x!["product_info"]).Should().AllSatisfy(x => x.Should().BeNull());
    }

    [Fact]
    public async Task History_is_private_and_deleted_by_record_id()
    {
        var (_, goods, _) = await ItemsAsync();
        var viewer = await Market.NewCustomerAsync(app);
        await viewer.GetAsync("/product/publish_product_search_detail.dspy", ("id", goods));
        var id = Market.Rows(await viewer.GetAsync(History)).Single()!["id"]!.GetValue<string>();
        var viewerId = await Market.UserIdAsync(viewer);

        (await app.Anonymous().GetAsync(History)).Http.Should().Be(401);
        (await app.Customer().GetAsync(History, ("userid", viewerId))).Http.Should().Be(403);
        Market.Rows(await app.Operator().GetAsync(History, ("userid", viewerId))).Should().ContainSingle("operators may read the users of orgs they own");
        (await app.OtherOperator().GetAsync(History, ("userid", viewerId))).Http.Should().Be(403);
        (await app.Customer().GetAsync("/user/user_browse_history_delete.dspy", ("id", id))).Http.Should().Be(403);
        (await viewer.GetAsync("/user/user_browse_history_delete.dspy", ("id", "nope"))).Msg.Should().Be("记录不存在");
        (await viewer.GetAsync("/user/user_browse_history_delete.dspy")).Body["errors"]!["id"].Should().NotBeNull();

        var del = await viewer.GetAsync("/user/user_browse_history_delete.dspy", ("id", id));
        del.Msg.Should().Be("删除成功");
        Market.Rows(await viewer.GetAsync(History)).Should().BeEmpty();
        // viewing again starts a new row
        await viewer.GetAsync("/product/publish_product_search_detail.dspy", ("id", goods));
        Market.Rows(await viewer.GetAsync(History)).Should().ContainSingle();
    }

    [Fact]
    public async Task Favorites_add_is_idempotent_list_shows_product_info_and_delete_is_by_product_id()
    {
        var (_, goods, demand) = await ItemsAsync();
        var user = await Market.NewCustomerAsync(app);
        var add = await user.GetAsync("/user/favorite_add.dspy", ("productid", goods), ("favorite_type", "2"), ("tag", "关注"));
        add.Msg.Should().Be("收藏成功");
        var favId = Market.Id(add);
        var again = await user.GetAsync("/user/favorite_add.dspy", ("productid", goods), ("favorite_type", "1"));
        again.Msg.Should().Be("已收藏");
        again.Data!["id"]!.GetValue<string>().Should().Be(favId);
        Market.Id(await user.GetAsync("/user/favorite_add.dspy", ("productid", demand), ("favorite_type", "2")));

        var list = await user.GetAsync(Favorites);
        list.Msg.Should().Be("查找成功");
        var rows = Market.Rows(list);
        rows.Select(x => x!["productid"]!.GetValue<string>()).Should().Equal(demand, goods);
        var g = rows[1]!;
        g["favorite_type"]!.GetValue<string>().Should().Be("1", "taken from the item");
        g["tag"]!.GetValue<string>().Should().Be("关注");
        g["create_at"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$");
        g["product_info"]!["id"]!.GetValue<string>().Should().Be(goods);
        Market.Rows(await user.GetAsync(Favorites, ("favorite_type", "2"))).Single()!["productid"]!.GetValue<string>().Should().Be(demand);
        (await user.GetAsync("/product/publish_product_search_detail.dspy", ("id", goods))).Data!["is_favorite"]!.GetValue<bool>().Should().BeTrue();

        (await Market.UpdateAsync(app.Operator(), goods, ("listing_status", "delisting"))).Status.Should().BeTrue();
        Market.Rows(await user.GetAsync(Favorites)).Single(x => x!["productid"]!.GetValue<string>() == goods)!["product_info"].Should().BeNull();

        var del = await user.GetAsync("/user/favorite_delete.dspy", ("productid", goods));
        del.Msg.Should().Be("已取消收藏");
        del.Data!["deleted"]!.GetValue<int>().Should().Be(1);
        var delAgain = await user.GetAsync("/user/favorite_delete.dspy", ("productid", goods));
        delAgain.Status.Should().BeTrue();
        delAgain.Data!["deleted"]!.GetValue<int>().Should().Be(0);
        Market.Rows(await user.GetAsync(Favorites)).Should().ContainSingle();
        // a delisted item cannot be followed; once relisted, following again after a removal works (unique index on live rows only)
        (await user.GetAsync("/user/favorite_add.dspy", ("productid", goods), ("favorite_type", "1"))).Msg.Should().Be("商品不存在");
        (await Market.UpdateAsync(app.Operator(), goods, ("listing_status", "listing"))).Status.Should().BeTrue();
        (await user.GetAsync("/user/favorite_add.dspy", ("productid", goods), ("favorite_type", "1"))).Msg.Should().Be("收藏成功");
    }

    [Fact]
    public async Task Favorites_refuse_unknown_or_invisible_items_and_bad_input()
    {
        var (site, _, _) = await ItemsAsync();
        var root = await Market.CategoryAsync(app.Operator(), site, "待审类");
        var pending = await Market.PublishAsync(app.Customer(), Market.Item(site, "客户待审", $"[\"{root}\"]"));
        var stranger = await Market.NewCustomerAsync(app);

        (await stranger.GetAsync("/user/favorite_add.dspy", ("productid", "nope"), ("favorite_type", "1"))).Msg.Should().Be("商品不存在");
        (await stranger.GetAsync("/user/favorite_add.dspy", ("productid", pending), ("favorite_type", "2"))).Msg.Should().Be("商品不存在");
        (await app.Customer().GetAsync("/user/favorite_add.dspy", ("productid", pending), ("favorite_type", "2"))).Msg.Should().Be("收藏成功");
        var bad = await stranger.GetAsync("/user/favorite_add.dspy", ("productid", pending), ("favorite_type", "3"));
        bad.Code.Should().Be("invalid_argument");
        bad.Body["errors"]!["favorite_type"].Should().NotBeNull();
        (await stranger.GetAsync("/user/favorite_add.dspy")).Body["errors"]!["productid"].Should().NotBeNull();
        (await stranger.GetAsync("/user/favorite_delete.dspy")).Body["errors"]!["productid"].Should().NotBeNull();
        (await stranger.GetAsync(Favorites, ("favorite_type", "x"))).Code.Should().Be("invalid_argument");
        (await stranger.GetAsync(Favorites, ("userid", await Market.UserIdAsync(app.Customer())))).Http.Should().Be(403);
        (await app.Anonymous().GetAsync("/user/favorite_add.dspy", ("productid", pending), ("favorite_type", "2"))).Http.Should().Be(401);
        (await app.Anonymous().GetAsync(Favorites)).Http.Should().Be(401);
        (await app.Anonymous().GetAsync("/user/favorite_delete.dspy", ("productid", pending))).Http.Should().Be(401);
        // the pending item shows with product_info null for its own publisher (not public yet)
        Market.Rows(await app.Customer().GetAsync(Favorites)).Single(x => x!["productid"]!.GetValue<string>() == pending)!["product_info"].Should().BeNull();
    }

    [Fact]
    public async Task Concurrent_adds_and_views_leave_one_row_per_user_and_item()
    {
        var (_, goods, _) = await ItemsAsync();
        var user = await Market.NewCustomerAsync(app);
        var adds = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => user.GetAsync("/user/favorite_add.dspy", ("productid", goods), ("favorite_type", "1"))));
        adds.Should().AllSatisfy(r => r.Status.Should().BeTrue(r.Raw));
        adds.Select(r => r.Data!["id"]!.GetValue<string>()).Distinct().Should().ContainSingle();
        var views = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => user.GetAsync("/product/publish_product_search_detail.dspy", ("id", goods))));
        views.Should().AllSatisfy(r => r.Status.Should().BeTrue(r.Raw));
        var userId = await Market.UserIdAsync(user);
        await app.Factory.WithDbAsync(async db =>
        {
            (await db.UserFavorites.CountAsync(f => f.UserId == userId)).Should().Be(1);
            (await db.UserBrowseHistories.CountAsync(h => h.UserId == userId)).Should().Be(1);
        });
    }

    [Fact]
    public async Task Lists_use_the_same_few_queries_whatever_the_page_size()
    {
        var site = Market.NewSite();
        var root = await Market.CategoryAsync(app.Operator(), site, "算力");
        var user = await Market.NewCustomerAsync(app);
        for (var i = 0; i < 6; i++)
        {
            var id = await Market.PublishAsync(app.Operator(), Market.Item(site, "商品" + i, $"[\"{root}\"]", "1"));
            await user.GetAsync("/product/publish_product_search_detail.dspy", ("id", id));
            await user.GetAsync("/user/favorite_add.dspy", ("productid", id), ("favorite_type", "1"));
        }

        Task<int> Count(Api who, string path, params (string, string?)[] q) =>
            app.Factory.Queries.CountAsync(() => who.GetAsync(path, q));

        foreach (var (who, path, extra) in new (Api, string, (string, string?)[])[]
        {
            (user, "/product/publish_product_search_first_page.dspy", [("url_link", site), ("to_page", "square")]),
            (app.Operator(), "/product/publish_product_search.dspy", [("url_link", site)]),
            (user, History, []),
            (user, Favorites, []),
        })
        {
            var one = await Count(who, path, [.. extra, ("page_size", "1")]);
            var six = await Count(who, path, [.. extra, ("page_size", "6")]);
            six.Should().Be(one, $"{path} must not query per row");
            six.Should().BeInRange(1, 2, $"{path}: a count and a page");
        }
        (await Count(user, "/product/publish_product_search_first_page.dspy", ("url_link", site), ("to_page", "square"), ("product_category", root)))
            .Should().BeLessThanOrEqualTo(3, "plus the category lookup");
    }
}
