using System.Text;
using System.Text.Json.Nodes;
using Kboss.Domain.Identity;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>智算产品 (24-smart-compute-products.md; analysis/catalog.md §3.6) through HTTP on SQLite.</summary>
public sealed class SmartProductTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Get = "/product_smart/get_smart.dspy";
    private const string Up = "/product_smart/up_smart.dspy";
    private const string Del = "/product_smart/del_smart.dspy";
    private const string Batch = "/product_smart/batch_add_zhisuan.dspy";

    private static readonly string[] CustomerFields =
    [
        "id", "product_model", "location", "scale", "leadtime", "update_date", "brand", "resource_type", "card_type",
        "card_interface", "cpu", "memory", "system_disk", "data_disk", "data_network", "card_network", "outer_bandwidth",
        "shared_storage", "address",
    ];

    private async Task<Api> SalesAsync()
    {
        var name = "s" + Guid.NewGuid().ToString("N")[..10];
        (await app.Admin().PostAsync("/user/add_user.dspy", ("username", name), ("password", AppFixture.Password), ("roles", Roles.Sales), ("orgid", DemoData.OrgId))).Status.Should().BeTrue();
        return new Api(app.Factory.CreateClient()).WithToken(await app.Anonymous().LoginAsync(name, AppFixture.Password));
    }

    private static async Task<Response> PostJsonAsync(Api who, string path, JsonNode body) =>
        await Response.ReadAsync(await who.Http.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json")));

    private static JsonObject Product(string model, string card, params (string, JsonNode?)[] extra)
    {
        var o = new JsonObject
        {
            ["product_model"] = model, ["location"] = "嘉兴平湖", ["scale"] = "20", ["leadtime"] = "现货", ["brand"] = "某品牌",
            ["resource_type"] = "裸金属", ["card_type"] = card, ["card_interface"] = "SXM4", ["cpu"] = "Intel-8358-2.6GHz-32C*2",
            ["memory"] = "DDR4-3200-64G*32", ["system_disk"] = "SATA-SSD-960G*2", ["data_disk"] = "NVMe-SSD-7.68T*2",
            ["data_network"] = "HDR200G*4", ["card_network"] = "10Gbps*1", ["outer_bandwidth"] = "1", ["shared_storage"] = "1",
            ["address"] = 1, ["test_claim"] = "收费", ["yearly_rant"] = "100", ["quarterly_rent"] = "150", ["monthly_rent"] = "200",
            ["remark"] = "内部备注", ["type"] = 13,
        };
        foreach (var (k, v) in extra) o[k] = v;
        return o;
    }

    private async Task<IReadOnlyList<string>> BatchAsync(Api who, params JsonObject[] products)
    {
        var r = await PostJsonAsync(who, Batch, new JsonObject { ["data"] = new JsonArray(products.Select(p => (JsonNode)p).ToArray()) });
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("批量添加成功");
        r.Data!["count"]!.GetValue<int>().Should().Be(products.Length);
        return r.Data["ids"]!.AsArray().Select(x => x!.GetValue<string>()).ToList();
    }

    [Fact]
    public async Task Batch_add_then_customers_and_sales_see_their_projections()
    {
        var sales = await SalesAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var ids = await BatchAsync(sales, Product($"HGX-A100-{tag}", "A100(80G)*8"), Product($"HGX-H800-{tag}", "H800*8", ("type", "A100x")));

        var customer = await PostJsonAsync(app.Anonymous(), Get, new JsonObject { ["type"] = "a100" });
        customer.Status.Should().BeTrue(customer.Raw);
        var rows = customer.Body["msg"]!.AsArray().Where(x => x!["product_model"]!.GetValue<string>().EndsWith(tag)).ToList();
        rows.Select(x => x!["id"]!.GetValue<string>()).Should().Equal(ids[0]); // substring of card_type, case-insensitive; "A100x" is not an exact type match
        rows[0]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo(CustomerFields); // no rents, remark or type
        rows[0]!["address"]!.GetValue<string>().Should().Be("1");
        rows[0]!["update_date"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d\d-\d\d$");
        customer.Body["data"]!.AsArray().Count.Should().Be(customer.Body["msg"]!.AsArray().Count);
        var exact = await app.Anonymous().PostAsync(Get, ("type", "A100x"));
        exact.Body["msg"]!.AsArray().Select(x => x!["id"]!.GetValue<string>()).Should().Contain(ids[1]);
        var all = await app.Anonymous().PostAsync(Get);
        all.Body["msg"]!.AsArray().Select(x => x!["id"]!.GetValue<string>()).Should().Contain(ids);

        var forSales = await Response.ReadAsync(await sales.Http.GetAsync(Get));
        forSales.Status.Should().BeTrue(forSales.Raw);
        var full = forSales.Body["msg"]!.AsArray().Single(x => x!["id"]!.GetValue<string>() == ids[0])!;
        full["yearly_rant"]!.GetValue<string>().Should().Be("100");
        full["monthly_rent"]!.GetValue<string>().Should().Be("200");
        full["type"]!.GetValue<string>().Should().Be("13");
        full["remark"]!.GetValue<string>().Should().Be("内部备注");
        full["create_at"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$");
    }

    [Fact]
    public async Task The_documented_update_body_updates_and_delete_removes()
    {
        var sales = await SalesAsync();
        var id = (await BatchAsync(sales, Product("old-model", "A800*8")))[0];
        var body = JsonNode.Parse("""
            {"id": "ID", "product_model": "HGX-A800-80G-Nvlink", "location": "嘉兴平湖", "scale": "20", "leadtime": "已售",
             "brand": "张佳栋", "resource_type": "裸金属", "card_type": "A800(80G)*8", "card_interface": "SXM4",
             "cpu": "Intel-8358-2.6GHz-32C*2", "memory": "DDR4-3200-64G*32", "system_disk": "SATA-SSD-960G*2",
             "data_disk": "NVMe-SSD-7.68T*2", "data_network": "HCA 1Pot HDR200G MCX653105A-HDAT*4",
             "card_network": "10Gbps 2PortLC-MM *1", "outer_bandwidth": "1", "shared_storage": "1", "address": 1,
             "test_claim": "收费", "yearly_rant": "100", "quarterly_rent": "150", "monthly_rent": "200",
             "remark": "240801到期", "type": 13}
            """)!;
        body["id"] = id;
        var up = await PostJsonAsync(sales, Up, body);
        up.Http.Should().Be(200);
        up.Status.Should().BeTrue(up.Raw);
        up.Msg.Should().Be("修改成功");
        up.Data!["product_model"]!.GetValue<string>().Should().Be("HGX-A800-80G-Nvlink");
        up.Data["leadtime"]!.GetValue<string>().Should().Be("已售");
        up.Data["address"]!.GetValue<string>().Should().Be("1");
        up.Data["type"]!.GetValue<string>().Should().Be("13");
        up.Data["remark"]!.GetValue<string>().Should().Be("240801到期");

        var alias = await sales.PostAsync(Up, ("id", id), ("yearly_rent", "999"));
        alias.Data!["yearly_rant"]!.GetValue<string>().Should().Be("999");
        alias.Data["product_model"]!.GetValue<string>().Should().Be("HGX-A800-80G-Nvlink"); // absent keys kept

        var del = await sales.PostAsync($"{Del}?id={id}");
        del.Status.Should().BeTrue(del.Raw);
        del.Msg.Should().Be("删除成功");
        (await sales.PostAsync(Del, ("id", id))).Code.Should().Be("not_found");
        (await sales.PostAsync(Up, ("id", id), ("scale", "1"))).Msg.Should().Be("智算产品不存在");
        (await app.Anonymous().PostAsync(Get)).Body["msg"]!.AsArray().Select(x => x!["id"]!.GetValue<string>()).Should().NotContain(id);
    }

    [Fact]
    public async Task Batch_add_is_all_or_nothing_and_bad_input_is_never_500()
    {
        var sales = await SalesAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var bad = await PostJsonAsync(sales, Batch, new JsonObject
        {
            ["data"] = new JsonArray(Product($"ok-{tag}", "A100"), Product($"bad-{tag}", "")),
        });
        bad.Status.Should().BeFalse();
        bad.Code.Should().Be("invalid_argument");
        bad.Msg.Should().Be("第2行数据有误: 缺少必要参数: card_type");
        (await app.Anonymous().PostAsync(Get)).Body["msg"]!.AsArray().Should().NotContain(x => x!["product_model"]!.GetValue<string>() == $"ok-{tag}");

        (await sales.PostAsync(Batch)).Body["errors"]!["data"].Should().NotBeNull();
        (await sales.PostAsync(Batch, ("data", "not json"))).Code.Should().Be("invalid_argument");
        (await sales.PostAsync(Batch, ("data", "[]"))).Code.Should().Be("invalid_argument");
        (await sales.PostAsync(Batch, ("data", "[1]"))).Msg.Should().Be("第1行数据有误: 不是对象");
        (await sales.PostAsync(Batch, ("data", """[{"product_model":"m","card_type":{"x":1}}]"""))).Msg.Should().Contain("card_type");
        (await sales.PostAsync(Batch, ("data", $$"""[{"product_model":"{{new string('m', 501)}}","card_type":"A"}]"""))).Code.Should().Be("invalid_argument");
        var form = await sales.PostAsync(Batch, ("data", """[{"product_model":"form-model","card_type":"L40S","address":2}]"""));
        form.Status.Should().BeTrue(form.Raw);

        (await sales.PostAsync(Up)).Body["errors"]!["id"].Should().NotBeNull();
        (await sales.PostAsync(Up, ("id", "x"), ("product_model", ""))).Code.Should().Be("invalid_argument");
        (await sales.PostAsync(Up, ("id", "x"), ("remark", new string('r', 501)))).Code.Should().Be("invalid_argument");
        (await sales.PostAsync(Del)).Body["errors"]!["id"].Should().NotBeNull();
        (await app.Anonymous().PostAsync(Get, ("type", new string('t', 101)))).Code.Should().Be("invalid_argument");
    }

    [Fact]
    public async Task Sales_actions_need_a_sales_operator_or_admin_role()
    {
        (await Response.ReadAsync(await app.Anonymous().Http.GetAsync(Get))).Http.Should().Be(401);
        (await Response.ReadAsync(await app.Customer().Http.GetAsync(Get))).Http.Should().Be(403);
        (await app.Customer().PostAsync(Up, ("id", "x"))).Http.Should().Be(403);
        (await app.Customer().PostAsync(Del, ("id", "x"))).Http.Should().Be(403);
        (await app.Customer().PostAsync(Batch, ("data", "[]"))).Http.Should().Be(403);
        (await app.Anonymous().PostAsync(Batch, ("data", "[]"))).Http.Should().Be(401);
        (await Response.ReadAsync(await app.Operator().Http.GetAsync(Get))).Status.Should().BeTrue();
        (await app.Customer().PostAsync(Get)).Status.Should().BeTrue(); // the customer list is public
    }
}
