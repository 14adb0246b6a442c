using Kboss.Fakes.Vendors;
using Kboss.Infrastructure.IntegrationTests;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>The app with a <see cref="FakeBaidu"/> started before it; the demo operator org's Baidu key (ADR 0045:
/// per operator org, no longer <c>Baidu:*</c>) points at it.</summary>
public sealed class BaiduAppFixture() : AppFixture(new Dictionary<string, string>
{
    ["Vendors:EndpointAllowedHosts"] = "127.0.0.1", ["Vendors:AllowPrivateEndpoints"] = "true",
})
{
    public FakeBaidu Baidu { get; } = new();

    public override async Task InitializeAsync()
    {
        await Baidu.InitializeAsync();
        await base.InitializeAsync();
        var saved = await Operator().PostAsync("/vendor/save_credential.dspy", ("vendor", "baidu"),
            ("access_key_id", FakeBaidu.AccessKey), ("access_key_secret", FakeBaidu.SecretKey),
            ("endpoint", Baidu.BaseUrl));
        saved.Status.Should().BeTrue(saved.Raw);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Baidu.DisposeAsync();
    }
}

/// <summary>PRV-03 <c>POST /v1/vs/account</c> (百度云创建用户, ADR 0033) through HTTP against the fake Baidu API.</summary>
public sealed class BaiduAccountTests(BaiduAppFixture app) : IClassFixture<BaiduAppFixture>
{
    private const string Path = "/v1/vs/account";

    [Fact]
    public async Task An_operator_creates_a_baidu_account_once_and_baidus_refusal_is_upstream_failed()
    {
        var created = await app.Operator().PostAsync(Path, ("name", "kboss-http-1"), ("email", "x@kboss.cn"),
            ("mobilePhone", "13800000001"), ("accountType", "personal"));
        (created.Status, created.Msg).Should().Be((true, "创建成功"), created.Raw);
        created.Data!["account_id"]!.GetValue<string>().Should().Be(app.Baidu.Accounts["kboss-http-1"]);

        var again = await app.Operator().PostAsync(Path, ("name", "kboss-http-1"));
        (again.Status, again.Code).Should().Be((false, "upstream_failed"));
        again.Msg.Should().Be("百度云返回错误(AccountAlreadyExists): account name already exists");
        (await app.Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action.StartsWith("baidu.account."))))
            .Should().Be(2);
    }

    [Fact]
    public async Task Rights_and_bad_input_are_refused_without_a_call()
    {
        var calls = app.Baidu.Journal.Count;
        (await app.Anonymous().PostAsync(Path, ("name", "x"))).Http.Should().Be(401);
        (await app.Customer().PostAsync(Path, ("name", "x"))).Http.Should().Be(403);
        var noName = await app.Operator().PostAsync(Path, ("email", "x@kboss.cn"));
        (noName.Status, noName.Code).Should().Be((false, "invalid_argument"));
        var badPhone = await app.Operator().PostAsync(Path, ("name", "x"), ("mobilePhone", "12ab"));
        (badPhone.Status, badPhone.Msg).Should().Be((false, "mobilePhone 必须是 11 位手机号"));
        app.Baidu.Journal.Count.Should().Be(calls);
    }
}

/// <summary>Without the operator org's Baidu key the endpoint says not_configured and invents nothing.</summary>
public sealed class BaiduNotConfiguredTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Without_credentials_the_answer_is_not_configured()
    {
        var r = await app.Operator().PostAsync("/v1/vs/account", ("name", "kboss-none"));
        (r.Status, r.Msg, r.Code).Should().Be((false, "百度云接口密钥未配置,请联系运营方配置", "not_configured"));
    }
}
