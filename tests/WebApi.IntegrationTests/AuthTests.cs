using System.Net;
using Kboss.WebApi.IntegrationTests.Infrastructure;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>Login, logout, current user, throttling, cookies and CSRF (analysis/platform.md §6).</summary>
public sealed class AuthTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Login_returns_a_token_that_identifies_the_user()
    {
        var api = app.Anonymous();
        var r = await api.PostAsync("/user/login.dspy", ("username", "op1"), ("password", AppFixture.Password));
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("登录成功");
        r.Raw.Should().NotContain("password_hash");
        var me = await api.WithToken(r.Data!["token"]!.GetValue<string>()).GetAsync("/user/current_user.dspy");
        me.Status.Should().BeTrue(me.Raw);
        me.Data!["username"]!.GetValue<string>().Should().Be("op1");
        me.Data["roles"]!.AsArray().Select(x => x!.GetValue<string>()).Should().Equal("operator");
        me.Data["orgid"]!.GetValue<string>().Should().Be(Kboss.Infrastructure.Seeding.DemoData.OrgId);
    }

    [Fact]
    public async Task Wrong_password_is_refused_and_repeated_failures_make_that_address_wait()
    {
        await app.Admin().PostAsync("/user/add_user.dspy", ("username", "victim"), ("password", AppFixture.Password), ("roles", "customer"), ("orgid", app.CustomerOrgId));
        for (var i = 0; i < 5; i++)
        {
            var r = await app.Anonymous().From("10.20.0.1").PostAsync("/user/login.dspy", ("username", "victim"), ("password", "wrong-" + i));
            r.Msg.Should().Be("用户名或密码错误");
            r.Code.Should().Be("invalid_credentials");
        }
        var waiting = await app.Anonymous().From("10.20.0.1").PostAsync("/user/login.dspy", ("username", "victim"), ("password", "wrong-5"));
        waiting.Code.Should().Be("too_many_attempts");
        waiting.Msg.Should().MatchRegex(@"^尝试次数过多,请 \d+ 秒后再试$");
        var evenRight = await app.Anonymous().From("10.20.0.1").PostAsync("/user/login.dspy", ("username", "victim"), ("password", AppFixture.Password));
        evenRight.Code.Should().Be("too_many_attempts", "the guessing address waits whatever it sends");
        (await app.Anonymous().From("10.20.0.2").PostAsync("/user/login.dspy", ("username", "victim"), ("password", AppFixture.Password)))
            .Status.Should().BeTrue("the owner from an address without failures is never kept out");
        (await app.Anonymous().PostAsync("/user/login.dspy", ("username", "nobody"), ("password", "x"))).Msg.Should().Be("用户名或密码错误");
        (await app.Anonymous().PostAsync("/user/login.dspy")).Msg.Should().Be("请输入用户名");
    }

    [Fact]
    public async Task Logout_revokes_the_token()
    {
        var token = await app.Anonymous().LoginAsync("cust1", AppFixture.Password);
        var api = app.Anonymous().WithToken(token);
        (await api.GetAsync("/user/current_user.dspy")).Status.Should().BeTrue();
        (await api.PostAsync("/user/logout.dspy")).Msg.Should().Be("已退出登录");
        var after = await api.GetAsync("/user/current_user.dspy");
        after.Http.Should().Be(401);
        after.Msg.Should().Be("登录已失效,请重新登录");
    }

    [Fact]
    public async Task Parallel_logouts_with_one_token_all_succeed()
    {
        var token = await app.Anonymous().LoginAsync("cust1", AppFixture.Password);
        var results = await Task.WhenAll(Enumerable.Range(0, 16)
            .Select(_ => app.Anonymous().WithToken(token).PostAsync("/user/logout.dspy")));
        results.Should().OnlyContain(r => r.Http == 200 && r.Status,
            "a lost race on the revocation row is still a logout (harness finding)");
        (await app.Anonymous().WithToken(token).GetAsync("/user/current_user.dspy")).Http.Should().Be(401);
    }

    [Fact]
    public async Task Anonymous_and_garbage_tokens_get_401_envelopes()
    {
        var r = await app.Anonymous().GetAsync("/user/current_user.dspy");
        r.Http.Should().Be(401);
        r.Msg.Should().Be("请先登录");
        r.Code.Should().Be("unauthenticated");
        var g = await app.Anonymous().WithToken("garbage.token.here").GetAsync("/user/current_user.dspy");
        g.Http.Should().Be(401);
        g.Status.Should().BeFalse();
    }

    [Fact]
    public async Task Cookie_sessions_need_the_csrf_header_for_state_changes()
    {
        var cookies = new CookieContainer();
        var client = app.Factory.CreateDefaultClient(new Uri("http://localhost"), new CookieDelegatingHandler(cookies));
        var api = new Api(client);
        var login = await api.PostAsync("/user/login.dspy", ("username", "op1"), ("password", AppFixture.Password));
        login.Status.Should().BeTrue();
        var csrf = login.Data!["csrf_token"]!.GetValue<string>();
        cookies.GetCookies(new Uri("http://localhost"))["kboss_token"].Should().NotBeNull();
        cookies.GetCookies(new Uri("http://localhost"))["kboss_token"]!.HttpOnly.Should().BeTrue();

        (await api.GetAsync("/dev/cpcc/cpclist/get_cpclist.dspy")).Status.Should().BeTrue("reads need no CSRF token");
        var form = new (string, string?)[] { ("name", "cookie"), ("pcapi_url", "https://a.b"), ("api_user", "u"), ("api_pwd", "p"), ("contactname", "c"), ("contactphone", "13100000000") };
        var refused = await api.PostAsync("/dev/cpcc/cpclist/add_cpclist.dspy", form);
        refused.Http.Should().Be(403);
        refused.Code.Should().Be("csrf_failed");
        client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", csrf);
        (await api.PostAsync("/dev/cpcc/cpclist/add_cpclist.dspy", form)).Status.Should().BeTrue();
        client.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", "forged");
        (await api.PostAsync("/dev/cpcc/cpclist/add_cpclist.dspy", form)).Http.Should().Be(403);
    }

    [Fact]
    public async Task Only_admins_grant_admin_and_operators_create_only_owned_orgs()
    {
        (await app.Operator().PostAsync("/user/add_user.dspy", ("username", "evil"), ("password", AppFixture.Password), ("roles", "admin"))).Http.Should().Be(403);
        (await app.Operator().PostAsync("/user/add_org.dspy", ("name", "假运营"), ("kind", "operator"))).Http.Should().Be(403);
        (await app.Operator().PostAsync("/user/add_user.dspy", ("username", "x1"), ("password", AppFixture.Password), ("roles", "sales"), ("orgid", app.OtherOrgId))).Http.Should().Be(403);
        (await app.Customer().PostAsync("/user/add_org.dspy", ("name", "c"), ("kind", "customer"))).Http.Should().Be(403);
        var weak = await app.Operator().PostAsync("/user/add_user.dspy", ("username", "weak"), ("password", "short"), ("roles", "sales"));
        weak.Msg.Should().Be("密码须为 8-128 位,且同时包含字母和数字");
        (await app.Operator().PostAsync("/user/add_user.dspy", ("username", "op1"), ("password", AppFixture.Password), ("roles", "sales"))).Msg.Should().Be("用户名已存在");
    }

    private sealed class CookieDelegatingHandler(CookieContainer cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var header = cookies.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0) request.Headers.Add("Cookie", header);
            var response = await base.SendAsync(request, ct);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
                foreach (var c in set) cookies.SetCookies(request.RequestUri!, c);
            return response;
        }
    }
}
