using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Kboss.Domain.Identity;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>Sign-in throttling per account and per client address (ADR 0018), login and pcapi Basic.</summary>
public sealed class SignInThrottleTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Login = "/user/login.dspy";
    private const string PcapiNodes = "/pcapi/api/v1/cluster/common/get_cluster_nodes";

    private async Task<string> NewUserAsync(string name)
    {
        var r = await app.Admin().PostAsync("/user/add_user.dspy", ("username", name),
            ("password", AppFixture.Password), ("roles", "customer"), ("orgid", app.CustomerOrgId));
        r.Status.Should().BeTrue(r.Raw);
        return name;
    }

    private Task<Response> LoginFrom(string ip, string user, string password) =>
        app.Anonymous().From(ip).PostAsync(Login, ("username", user), ("password", password));

    private static string Refusals(Response[] results) =>
        string.Join("\n", results.Where(r => !r.Status).Select(r => r.Raw));

    private Task<SignInThrottle> RowAsync(string key) =>
        app.Factory.WithDbAsync(db => db.SignInThrottles.AsNoTracking().SingleAsync(t => t.Key == key));

    [Fact]
    public async Task Sixty_four_parallel_correct_logins_all_pass()
    {
        var user = await NewUserAsync("crowd1");
        var results = await Task.WhenAll(Enumerable.Range(0, 64)
            .Select(_ => LoginFrom("10.40.0.1", user, AppFixture.Password)));
        results.Should().OnlyContain(r => r.Status, Refusals(results));
    }

    [Fact]
    public async Task Parallel_correct_logins_pass_while_the_account_has_failures_under_the_allowance()
    {
        var user = await NewUserAsync("crowd2");
        for (var i = 0; i < 4; i++)
            (await LoginFrom("10.40.1.1", user, "wrong" + i)).Code.Should().Be("invalid_credentials");
        var results = await Task.WhenAll(Enumerable.Range(0, 32)
            .Select(_ => LoginFrom("10.40.1.2", user, AppFixture.Password)));
        results.Should().OnlyContain(r => r.Status, Refusals(results));
        (await RowAsync("login:acct:crowd2"))
            .Should().BeEquivalentTo(new { Failures = 0, Pending = 0, BlockedUntilUtc = (DateTime?)null });
    }

    [Fact]
    public async Task Another_address_cannot_keep_the_owner_out()
    {
        var user = await NewUserAsync("owner1");
        var attacker = "10.40.2.1";
        for (var i = 0; i < 5; i++)
            (await LoginFrom(attacker, user, "guess" + i)).Code.Should().Be("invalid_credentials");
        (await LoginFrom(attacker, user, "guess5")).Code.Should().Be("too_many_attempts");
        (await LoginFrom(attacker, user, AppFixture.Password)).Code.Should().Be("too_many_attempts");
        (await LoginFrom("10.40.2.2", user, AppFixture.Password)).Status
            .Should().BeTrue("an address with no failures may try");
        // the owner's success forgets the account's failures; the attacker's address still counts its own
        (await LoginFrom("10.40.2.3", user, AppFixture.Password)).Status.Should().BeTrue();
        (await RowAsync("login:addr:" + attacker)).Failures.Should().Be(5);
    }

    [Fact]
    public async Task An_address_guessing_many_accounts_waits_with_growing_delays()
    {
        var ip = "10.40.3.1";
        for (var i = 0; i < 10; i++) (await LoginFrom(ip, "spray-" + i, "x")).Code.Should().Be("invalid_credentials");
        var refused = await LoginFrom(ip, "spray-new", "x");
        refused.Code.Should().Be("too_many_attempts");
        refused.Msg.Should().Be("尝试次数过多,请 20 秒后再试");
        (await LoginFrom(ip, "cust1", AppFixture.Password)).Code
            .Should().Be("too_many_attempts", "the address waits for every account");
        (await LoginFrom("10.40.3.2", "cust1", AppFixture.Password)).Status.Should().BeTrue();

        await app.Factory.WithDbAsync(db => db.SignInThrottles.Where(t => t.Key == "login:addr:" + ip)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.BlockedUntilUtc, DateTime.UtcNow.AddSeconds(-1))));
        (await LoginFrom(ip, "spray-11", "x")).Code
            .Should().Be("invalid_credentials", "one attempt once the wait is over");
        (await LoginFrom(ip, "spray-12", "x")).Msg.Should().Be("尝试次数过多,请 40 秒后再试", "the wait doubles");
    }

    [Fact]
    public async Task Parallel_guesses_from_fresh_addresses_on_a_waiting_account_get_one_check_each()
    {
        var user = await NewUserAsync("owner2");
        for (var i = 0; i < 5; i++) await LoginFrom("10.40.4.1", user, "guess" + i);
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => LoginFrom("10.40.4.100", user, "p" + i)));
        results.Count(r => r.Code == "invalid_credentials")
            .Should().Be(1, "a clean address gets one attempt in flight, then it is not clean");
        results.Should().OnlyContain(r => r.Code == "invalid_credentials" || r.Code == "too_many_attempts");
    }

    private HttpClient Pcapi(string ip, string user, string password)
    {
        var http = app.Factory.CreateClient();
        http.DefaultRequestHeaders.Add(TestClientAddress.Header, ip);
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        return http;
    }

    [Fact]
    public async Task Pcapi_basic_auth_is_throttled_like_the_login()
    {
        await Seed.CenterAsync(app.Factory); // api_user ysh, api_pwd pcapi-secret
        var ip = "10.40.5.1";
        for (var i = 0; i < 5; i++)
            (await Pcapi(ip, "ysh", "wrong" + i).GetAsync(PcapiNodes)).StatusCode
                .Should().Be(HttpStatusCode.Unauthorized);
        var throttled = await Pcapi(ip, "ysh", "pcapi-secret").GetAsync(PcapiNodes);
        throttled.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "guesses, then the right one, no longer works");
        throttled.Headers.RetryAfter!.Delta.Should().BePositive();
        var body = System.Text.Json.Nodes.JsonNode.Parse(await throttled.Content.ReadAsStringAsync())!;
        body["code"]!.GetValue<string>().Should().Be("too_many_attempts");
        body["info"]!.GetValue<string>().Should().MatchRegex(@"^尝试次数过多,请 \d+ 秒后再试$");
        var clean = await Pcapi("10.40.5.2", "ysh", "pcapi-secret").GetAsync(PcapiNodes);
        clean.StatusCode.Should().Be(HttpStatusCode.OK, "the centre's own pcapi client is not kept out");
    }

    [Fact]
    public async Task Admin_is_throttled_but_not_locked()
    {
        for (var i = 0; i < 6; i++) await LoginFrom("10.40.6.1", "admin", "nope" + i);
        (await LoginFrom("10.40.6.1", "admin", KbossFactory.AdminPassword)).Code.Should().Be("too_many_attempts");
        (await LoginFrom("10.40.6.2", "ADMIN", KbossFactory.AdminPassword)).Status.Should().BeTrue();
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_the_forwarded_address_is_the_client()
    {
        using var proxied = app.Factory.WithWebHostBuilder(b => b.UseSetting("Network:TrustedProxies", "10.70.0.1"));
        async Task Via(string peer, string forwardedFor)
        {
            var api = new Api(proxied.CreateClient()).From(peer);
            api.Http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
            (await api.PostAsync(Login, ("username", "nobody-proxied"), ("password", "x"))).Code
                .Should().Be("invalid_credentials");
        }
        await Via("10.70.0.1", "203.0.113.9");
        await Via("10.70.0.2", "203.0.113.10"); // not a trusted proxy: its header is ignored
        var keys = await app.Factory.WithDbAsync(db => db.SignInThrottles.AsNoTracking()
            .Where(t => t.Key.StartsWith("login:addr:")).Select(t => t.Key).ToListAsync());
        keys.Should().Contain(["login:addr:203.0.113.9", "login:addr:10.70.0.2"]);
        keys.Should().NotContain(["login:addr:10.70.0.1", "login:addr:203.0.113.10"]);
    }

    [Fact]
    public void Ipv6_clients_are_throttled_by_their_64_network()
    {
        Application.Common.Security.ClientAddress.ThrottleKey("2001:db8:1:2:aaaa::1").Should().Be("2001:db8:1:2::/64");
        Application.Common.Security.ClientAddress.ThrottleKey("::ffff:10.1.2.3").Should().Be("10.1.2.3");
        Application.Common.Security.ClientAddress.ThrottleKey(null).Should().Be("unknown");
    }
}
