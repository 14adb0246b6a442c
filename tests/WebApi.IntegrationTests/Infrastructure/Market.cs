using System.Text.Json.Nodes;
using Kboss.Domain.Identity;

namespace Kboss.WebApi.IntegrationTests.Infrastructure;

/// <summary>Helpers of the supply–demand square tests: a private site, categories, items and extra users.</summary>
public static class Market
{
    public static string NewSite() => $"https://t{Guid.NewGuid():N}.example.cn";

    public static string Id(Response r)
    {
        r.Status.Should().BeTrue(r.Raw);
        return r.Data!["id"]!.GetValue<string>();
    }

    public static async Task<string> CategoryAsync(Api op, string site, string name, string? parent = null, string? priority = null, string? permission = null, string? cartFlag = null) =>
        Id(await op.GetAsync("/product/product_category_add.dspy", ("product_category", name), ("url_link", site), ("parentid", parent),
            ("priority", priority), ("permission", permission), ("cart_flag", cartFlag)));

    /// <summary>The fields of an item; <paramref name="extra"/> adds or replaces fields.</summary>
    public static (string, string?)[] Item(string site, string name, string categories, string type = "2", params (string, string?)[] extra)
    {
        (string, string?)[] fields =
        [
            ("url_link", site), ("publish_type", type), ("product_name", name), ("product_category", categories),
            ("company_name", "某科技公司"), ("contact_person", "张三"), ("phone_number", "13800000000"), ("email", "a@b.cn"),
            ("cpu", "64核"), ("memeory", "512G"), ("gpu", "A100*8"), ("price", "12000.50"), ("unit", "元/月"),
        ];
        return [.. fields.Where(f => extra.All(e => e.Item1 != f.Item1)), .. extra];
    }

    public static async Task<string> PublishAsync(Api who, (string, string?)[] fields) =>
        Id(await who.GetAsync("/product/publish_product_add.dspy", fields));

    public static Task<Response> UpdateAsync(Api who, string id, params (string, string?)[] fields) =>
        who.GetAsync("/product/publish_product_update.dspy", [("id", id), .. fields]);

    public static JsonArray Rows(Response r)
    {
        r.Status.Should().BeTrue(r.Raw);
        return r.Data!["rows"]!.AsArray();
    }

    public static IEnumerable<string> Ids(Response r) => Rows(r).Select(x => x!["id"]!.GetValue<string>());

    /// <summary>A new customer in a new customer org owned by the demo operator org.</summary>
    public static async Task<Api> NewCustomerAsync(AppFixture app)
    {
        var op = app.Operator();
        var org = Id(await op.PostAsync("/user/add_org.dspy", ("name", "客户" + Guid.NewGuid().ToString("N")[..6]), ("kind", "customer")));
        var name = "c" + Guid.NewGuid().ToString("N")[..10];
        (await op.PostAsync("/user/add_user.dspy", ("username", name), ("password", AppFixture.Password), ("roles", Roles.Customer), ("orgid", org))).Status.Should().BeTrue();
        return new Api(app.Factory.CreateClient()).WithToken(await app.Anonymous().LoginAsync(name, AppFixture.Password));
    }

    public static async Task<string> UserIdAsync(Api who) => (await who.GetAsync("/user/current_user.dspy")).Data!["userid"]!.GetValue<string>();
}
