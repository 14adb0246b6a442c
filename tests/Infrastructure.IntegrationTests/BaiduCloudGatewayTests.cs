using Kboss.Fakes.Vendors;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Infrastructure.Baidu;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>The Baidu adapter (ADR 0033): BCE auth v1 against golden values, and calls against
/// <see cref="FakeBaidu"/>.</summary>
public sealed class BaiduCloudGatewayTests(Started<FakeBaidu> started) : IClassFixture<Started<FakeBaidu>>
{
    private FakeBaidu baidu => started.Fake;

    private static readonly DateTimeOffset At = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Golden values computed with an independent implementation (Python's <c>hmac</c>/<c>urllib.parse.quote(s,
    /// safe='-_.~')</c>) of Baidu's published algorithm, AK <c>0123456789abcdef0123456789abcdef</c>, SK
    /// <c>fedcba9876543210fedcba9876543210</c>, 2026-12-07T08:00:00Z, 1800 s.
    /// </summary>
    [Fact]
    public void Signature_matches_golden_values()
    {
        BceSigner.Authorization("POST", "/v1/vs/account", [],
                [new("Host", "vs.baidubce.com"), new("Content-Type", "application/json; charset=utf-8"),
                    new("x-bce-date", "2026-12-07T08:00:00Z")],
                "0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210", At)
            .Should().Be("bce-auth-v1/0123456789abcdef0123456789abcdef/2026-12-07T08:00:00Z/1800/"
                         + "content-type;host;x-bce-date/"
                         + "ea8169fce1ac914130bb493056202807321a021f6e9a9888a05b38983feea011");
        BceSigner.Authorization("GET", "/v1/some path/中", [new("b", "x y"), new("a", "1"), new("c", "")],
                [new("host", "vs.baidubce.com")],
                "0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210", At)
            .Should().EndWith("/host/579aafa3ad2bf7900bc9ea9bf9ba00f1a0f245a7f49d6c5d8366d5d2e07176b7");
        BceSigner.CanonicalUri("/v1/some path/中").Should().Be("/v1/some%20path/%E4%B8%AD");
        BceSigner.Encode("a-_.~ +*/").Should().Be("a-_.~%20%2B%2A%2F");
    }

    private BaiduCloudGateway Gateway(string? secret = null, int timeoutSeconds = 2) => new(new HttpClient(),
        new BaiduSettings
        {
            Endpoint = baidu.BaseUrl, AccessKey = FakeBaidu.AccessKey, SecretKey = secret ?? FakeBaidu.SecretKey,
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
        }, TimeProvider.System);

    [Fact]
    public async Task Creates_an_account_with_a_signature_the_server_accepts()
    {
        var created = await Gateway().CreateAccountAsync(
            new BaiduAccountRequest("kboss-acct-1", "a@b.cn", "13800000000", "personal"), default);
        created.AccountId.Should().Be(baidu.Accounts["kboss-acct-1"]);
        var call = baidu.Journal.Last();
        call.Body.Should().Contain("\"mobilePhone\":\"13800000000\"").And.Contain("\"accountType\":\"personal\"");
    }

    [Fact]
    public async Task Refusals_are_known_failures_and_garbled_or_slow_answers_unknown()
    {
        var wrongKey = async () => await Gateway(secret: "not-the-secret").CreateAccountAsync(
            new BaiduAccountRequest("kboss-acct-2", null, null, null), default);
        (await wrongKey.Should().ThrowAsync<OutsideCallException>()).Which.OutcomeUnknown.Should().BeFalse();

        await Gateway().CreateAccountAsync(new BaiduAccountRequest("kboss-acct-3", null, null, null), default);
        var twice = async () => await Gateway().CreateAccountAsync(
            new BaiduAccountRequest("kboss-acct-3", null, null, null), default);
        var refused = (await twice.Should().ThrowAsync<OutsideCallException>()).Which;
        (refused.OutcomeUnknown, refused.Message).Should().Be((false,
            "百度云拒绝创建账户(AccountAlreadyExists: account name already exists)"));

        baidu.Garble = true;
        try
        {
            var garbled = async () => await Gateway().CreateAccountAsync(
                new BaiduAccountRequest("kboss-acct-4", null, null, null), default);
            (await garbled.Should().ThrowAsync<OutsideCallException>()).Which.OutcomeUnknown.Should().BeTrue();
        }
        finally
        {
            baidu.Garble = false;
        }
        baidu.Delay = TimeSpan.FromSeconds(3);
        try
        {
            var slow = async () => await Gateway(timeoutSeconds: 1).CreateAccountAsync(
                new BaiduAccountRequest("kboss-acct-5", null, null, null), default);
            (await slow.Should().ThrowAsync<OutsideCallException>()).Which.Message.Should().Be("百度云请求超时,结果未知");
        }
        finally
        {
            baidu.Delay = TimeSpan.Zero;
        }
    }
}
