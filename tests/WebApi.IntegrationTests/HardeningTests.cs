using System.Text;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>Inputs and races found by the adversarial review: each must give a clear status:false, never a 500.</summary>
public sealed class HardeningTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Quote = "/dev/cpcc/cpcwidget/accrual_price.dspy";

    private async Task<Response> Raw(string path, string contentType, string body) =>
        await Response.ReadAsync(await app.Anonymous().Http.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType)));

    [Theory]
    [InlineData("application/x-www-form-urlencoded", "username=a&password=%00")]
    [InlineData("multipart/form-data; boundary=XX", "garbage")]
    [InlineData("multipart/form-data", "garbage")]
    [InlineData("application/json", "{\"cpcid\":\"x\",\"cpcid\":\"y\"}")]
    [InlineData("application/json", "{\"cpcid\":\"\\udc00\"}")]
    public async Task Unreadable_bodies_are_invalid_argument(string contentType, string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        foreach (var path in new[] { "/user/login.dspy", Quote })
        {
            var r = await Response.ReadAsync(await app.Anonymous().Http.PostAsync(path, content));
            r.Http.Should().Be(200, r.Raw);
            r.Status.Should().BeFalse();
            r.Code.Should().Be("invalid_argument");
        }
    }

    [Fact]
    public async Task Too_many_form_fields_are_invalid_argument()
    {
        var body = string.Join("&", Enumerable.Range(0, 1100).Select(i => $"k{i}=1"));
        var r = await Raw("/user/login.dspy", "application/x-www-form-urlencoded", body);
        r.Http.Should().Be(200);
        r.Code.Should().Be("invalid_argument");
    }

    [Fact]
    public async Task Control_characters_in_text_are_refused()
    {
        var r = await app.Operator().PostJsonAsync("/dev/cpcc/cpclist/add_cpclist.dspy", new
        {
            name = "bad\u0000name", pcapi_url = "https://a.b", api_user = "u", api_pwd = "p", contactname = "c", contactphone = "13100000000",
        });
        r.Status.Should().BeFalse();
        r.Msg.Should().Be("name 包含非法控制字符");
    }

    [Fact]
    public async Task Lone_surrogates_inside_resources_are_a_format_error()
    {
        var r = await app.Anonymous().GetAsync(Quote, ("cpcid", DemoData.CenterId), ("resources", """[{"type":"cpu","model":"\ud800","amount":1}]"""));
        r.Http.Should().Be(200);
        r.Msg.Should().Be("resources参数格式错误");
    }

    private static (string, string?)[] Widget(SeededCenter c, string type, string model, string stock, string addOpt) =>
    [
        ("cpcid", c.Id), ("clusterid", c.Chaoyang), ("type", type), ("resource_unit", "卡"), ("unit_price", "1"),
        ("model", model), ("stock", stock), ("charge_unit", "小时"), ("account_unit", "元"), ("add_opt", addOpt),
    ];

    [Fact]
    public async Task Stock_is_bounded_and_never_created_negative()
    {
        var c = await Seed.CenterAsync(app.Factory);
        var op = app.Operator();
        (await op.PostAsync("/dev/cpcc/cpcwidget/add_cpcwidget.dspy", Widget(c, "gpu", "NEG1", "-100", "yes"))).Msg.Should().Be("该集群暂无此部件库存,无法减少");
        (await op.PostAsync("/dev/cpcc/cpcwidget/add_cpcwidget.dspy", Widget(c, "gpu", "BIG1", "9223372036854775807", "no"))).Msg.Should().Be("stock 绝对值不能超过 1000000000000000");
        (await op.PostAsync("/dev/cpcc/cpcwidget/add_cpcwidget.dspy", Widget(c, "gpu", "BIG1", "1000000000000000", "no"))).Status.Should().BeTrue();
        var over = await op.PostAsync("/dev/cpcc/cpcwidget/add_cpcwidget.dspy", Widget(c, "gpu", "BIG1", "1", "yes"));
        over.Status.Should().BeFalse();
        over.Msg.Should().Be("库存超出上限 1000000000000000");
        (await op.GetAsync("/dev/cpcc/cpcwidget/get_cpcwidget.dspy", ("cpcid", c.Id))).Status.Should().BeTrue();
    }

    [Fact]
    public async Task A_type_with_spaces_finds_the_existing_widget()
    {
        var c = await Seed.CenterAsync(app.Factory);
        var r = await app.Operator().PostAsync("/dev/cpcc/cpcwidget/add_cpcwidget.dspy", Widget(c, " cpu", "STANDARD", "1", "no"));
        r.Http.Should().Be(200);
        r.Msg.Should().Be("该部件已存在,请前往编辑!");
        (await app.Operator().PostAsync("/dev/cpcc/cpcwidget/add_cpcwidget.dspy", Widget(c, "cpu ", "STANDARD", "2", "yes"))).Data!["stock"]!.GetValue<string>().Should().Be("2");
    }

    [Fact]
    public async Task Deleting_while_adding_stock_never_fails_with_500()
    {
        var c = await Seed.CenterAsync(app.Factory);
        var id = c.WidgetIds["gpu/V100-32G"];
        var adds = Enumerable.Range(0, 10).Select(_ => app.Operator().PostAsync("/dev/cpcc/cpcwidget/add_cpcwidget.dspy", Widget(c, "gpu", "V100-32G", "1", "yes")));
        var delete = app.Operator().PostAsync("/dev/cpcc/cpcwidget/delete_cpcwidget.dspy", ("id", id), ("cpcid", c.Id));
        var all = await Task.WhenAll(adds.Append(delete));
        all.Should().OnlyContain(r => r.Http == 200, string.Join("\n", all.Select(r => r.Raw)));
    }

    [Fact]
    public async Task Parallel_wrong_passwords_check_at_most_the_allowance()
    {
        await app.Admin().PostAsync("/user/add_user.dspy", ("username", "target1"), ("password", AppFixture.Password), ("roles", "customer"), ("orgid", app.CustomerOrgId));
        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => app.Anonymous().From("10.30.0.1").PostAsync("/user/login.dspy", ("username", "target1"), ("password", "wrong" + i))));
        // every invalid_credentials answer is one password checked: never more than the allowance of 5
        results.Count(r => r.Code == "invalid_credentials").Should().BeLessThanOrEqualTo(5);
        results.Should().OnlyContain(r => r.Code == "invalid_credentials" || r.Code == "too_many_attempts");
        (await app.Anonymous().From("10.30.0.1").PostAsync("/user/login.dspy", ("username", "target1"), ("password", AppFixture.Password))).Code.Should().Be("too_many_attempts");
    }

    [Fact]
    public async Task Unknown_names_lock_like_real_accounts()
    {
        for (var i = 0; i < 5; i++)
            (await app.Anonymous().From("10.30.0.2").PostAsync("/user/login.dspy", ("username", "ghost-nobody"), ("password", "x" + i))).Code.Should().Be("invalid_credentials");
        (await app.Anonymous().From("10.30.0.2").PostAsync("/user/login.dspy", ("username", "ghost-nobody"), ("password", "x"))).Code.Should().Be("too_many_attempts");
    }

    [Fact]
    public async Task A_stale_cookie_does_not_block_an_anonymous_login()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/user/login.dspy")
        {
            Content = new FormUrlEncodedContent([new("username", "op1"), new("password", AppFixture.Password)]),
        };
        request.Headers.Add("Cookie", "kboss_token=garbage");
        var r = await Response.ReadAsync(await app.Anonymous().Http.SendAsync(request));
        r.Status.Should().BeTrue(r.Raw);
    }

    [Fact]
    public async Task A_planted_csrf_cookie_does_not_pass()
    {
        var token = await app.Anonymous().LoginAsync("op1", AppFixture.Password);
        var request = new HttpRequestMessage(HttpMethod.Post, "/user/add_org.dspy")
        {
            Content = new FormUrlEncodedContent([new("name", "planted"), new("kind", "customer")]),
        };
        request.Headers.Add("Cookie", $"kboss_token={token}; kboss_csrf=x");
        request.Headers.Add("X-CSRF-TOKEN", "x");
        var r = await Response.ReadAsync(await app.Anonymous().Http.SendAsync(request));
        r.Http.Should().Be(403);
        r.Code.Should().Be("csrf_failed");
    }

    [Fact]
    public async Task Roles_must_fit_the_kind_of_org()
    {
        var r = await app.Operator().PostAsync("/user/add_user.dspy", ("username", "fake-op"), ("password", AppFixture.Password), ("roles", "operator,reseller"), ("orgid", app.CustomerOrgId));
        r.Status.Should().BeFalse();
        r.Code.Should().Be("invalid_argument");
        r.Msg.Should().Be("customer 组织的用户不能拥有角色: operator,reseller");
    }

    [Fact]
    public async Task Huge_page_numbers_are_refused()
    {
        var r = await app.Operator().GetAsync("/dev/cpcc/cpclist/get_cpclist.dspy", ("page", "2147483647"), ("rows", "2"));
        r.Msg.Should().Be("page 必须是 1 到 1000000 之间的整数");
    }
}
