using System.Net;
using System.Text.Json.Nodes;
using Kboss.Application.Approval;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Infrastructure.Approval;
using Microsoft.Extensions.Configuration;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>
/// The DingTalk adapter against <see cref="FakeDingTalk"/>: the requests it sends and how answers map.
/// </summary>
public sealed class DingTalkApprovalClientTests : IAsyncLifetime
{
    private readonly FakeDingTalk _fake = new();
    private DingTalkApprovalClient _client = null!;
    private readonly DingTalkApp _app = new("org-" + Guid.NewGuid().ToString("N")[..8], FakeDingTalk.AppKey,
        FakeDingTalk.AppSecret);

    public async Task InitializeAsync()
    {
        await _fake.InitializeAsync();
        _client = Client(TimeSpan.FromSeconds(5));
    }

    private DingTalkApprovalClient Client(TimeSpan timeout)
    {
        var settings = ApprovalSettings.From(new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?>
            {
                ["Approval:DingTalk:ApiBaseUrl"] = _fake.BaseUrl, ["Approval:DingTalk:OapiBaseUrl"] = _fake.BaseUrl,
            }).Build());
        return new DingTalkApprovalClient(new HttpClient { Timeout = timeout }, settings, TimeProvider.System);
    }

    public Task DisposeAsync() => _fake.DisposeAsync();

    [Fact]
    public async Task Token_is_fetched_with_key_and_secret_once_and_sent_on_every_call()
    {
        (await _client.GetUserIdByMobileAsync(_app, "15938717631", default)).Should().Be("dd_15938717631");
        (await _client.ListFormsAsync(_app, "dd_1", default)).Should()
            .ContainSingle(f => f.ProcessCode == FakeDingTalk.FormCode && f.Name == "通用审批");
        _fake.TokensIssued.Should().Be(1);
        var token = _fake.Calls.First(c => c.Path.StartsWith("/v1.0/oauth2")).Body;
        JsonNode.Parse(token)!["appKey"]!.GetValue<string>().Should().Be(FakeDingTalk.AppKey);
        _fake.Calls.Where(c => !c.Path.StartsWith("/v1.0/oauth2")).Should().OnlyContain(c => c.Token == "fake-token-1");
        _fake.Calls.Should().Contain(c => c.Path == "/topapi/v2/user/getbymobile?access_token=fake-token-1"
                                          && c.Body.Contains("\"mobile\":\"15938717631\""));
    }

    [Fact]
    public async Task Unknown_mobile_is_null_and_forgetting_the_org_fetches_a_new_token()
    {
        (await _client.GetUserIdByMobileAsync(_app, "13900000000", default)).Should().BeNull();
        _client.Forget(_app.OrgId);
        await _client.GetUserIdByMobileAsync(_app, "15938717631", default);
        _fake.TokensIssued.Should().Be(2);
    }

    [Fact]
    public async Task Create_sends_DingTalks_shape_and_query_reads_the_result()
    {
        var id = await _client.CreateInstanceAsync(_app, new DingTalkNewInstance(FakeDingTalk.FormCode, "dd_1", -1,
            [new("NONE", ["dd_2"]), new("AND", ["dd_3", "dd_4"])], [new("标题", "线下充值"), new("审批详情", "充值金额:10000")]),
            default);
        id.Should().MatchRegex("^[A-Za-z0-9_-]{22}[0-9]{4}[0-9]{10}$");
        var body = _fake.Instances[id].Request;
        body["processCode"]!.GetValue<string>().Should().Be(FakeDingTalk.FormCode);
        body["originatorUserId"]!.GetValue<string>().Should().Be("dd_1");
        body["deptId"]!.GetValue<long>().Should().Be(-1);
        body["approvers"]![1]!["actionType"]!.GetValue<string>().Should().Be("AND");
        body["approvers"]![1]!["userIds"]!.AsArray().Select(u => u!.GetValue<string>()).Should().Equal("dd_3", "dd_4");
        body["formComponentValues"]![1]!["value"]!.GetValue<string>().Should().Be("充值金额:10000");

        (await _client.GetInstanceAsync(_app, id, default)).Should().Be(new DingTalkInstanceState("RUNNING", ""));
        _fake.Complete(id, "agree");
        var done = await _client.GetInstanceAsync(_app, id, default);
        ReconcileApprovalsHandler.ResultOf(done).Should().Be("agree");
    }

    [Fact]
    public async Task An_error_answer_is_a_known_failure_and_garbage_or_a_time_out_an_unknown_one()
    {
        var instance = new DingTalkNewInstance(FakeDingTalk.FormCode, "dd_1", null, [new("NONE", ["dd_2", "dd_3"])],
            []);
        var refused = await FluentActions.Awaiting(() => _client.CreateInstanceAsync(_app, instance, default))
            .Should().ThrowAsync<OutsideCallException>();
        refused.Which.OutcomeUnknown.Should().BeFalse();
        refused.Which.Message.Should().Be("钉钉: 审批人设置不合法");

        _fake.GarbleCreate = true;
        var ok = instance with { Approvers = [new("NONE", ["dd_2"])] };
        (await FluentActions.Awaiting(() => _client.CreateInstanceAsync(_app, ok, default))
            .Should().ThrowAsync<OutsideCallException>()).Which.OutcomeUnknown.Should().BeTrue();

        _fake.GarbleCreate = false;
        _fake.CreateDelay = TimeSpan.FromSeconds(3);
        var slow = Client(TimeSpan.FromMilliseconds(500));
        (await FluentActions.Awaiting(() => slow.CreateInstanceAsync(_app, ok, default))
            .Should().ThrowAsync<OutsideCallException>()).Which.Message.Should().Be("钉钉接口超时");
        _fake.Calls.Count(c => c.Method == "POST" && c.Path == "/v1.0/workflow/processInstances").Should().Be(3,
            "a create is never retried");
    }

    [Fact]
    public async Task Wrong_secret_is_refused_by_DingTalk()
    {
        var wrong = _app with { OrgId = "other", AppSecret = "wrong" };
        (await FluentActions.Awaiting(() => _client.GetUserIdByMobileAsync(wrong, "15938717631", default))
            .Should().ThrowAsync<OutsideCallException>()).Which.Message.Should().Contain("无效的clientId");
    }

    [Fact]
    public void Event_crypto_matches_an_independent_implementation_both_ways()
    {
        var json = """{"EventType":"bpms_instance_change","processInstanceId":"x","type":"finish","result":"agree"}""";
        var e = FakeDingTalk.Event(json);
        DingTalkEventCrypto.Open(FakeDingTalk.EventToken, FakeDingTalk.AesKey, FakeDingTalk.AppKey, e.Signature,
            e.Timestamp, e.Nonce, e.Encrypt).Should().Be(json);
        DingTalkEventCrypto.Open(FakeDingTalk.EventToken, FakeDingTalk.AesKey, "another-app", e.Signature,
            e.Timestamp, e.Nonce, e.Encrypt).Should().BeNull("the receiver must be the org's app key");
        DingTalkEventCrypto.Open("other-token", FakeDingTalk.AesKey, FakeDingTalk.AppKey, e.Signature,
            e.Timestamp, e.Nonce, e.Encrypt).Should().BeNull();
        DingTalkEventCrypto.Open(FakeDingTalk.EventToken, FakeDingTalk.AesKey, FakeDingTalk.AppKey, e.Signature,
            e.Timestamp + "1", e.Nonce, e.Encrypt).Should().BeNull();

        var ack = DingTalkEventCrypto.Ack(FakeDingTalk.EventToken, FakeDingTalk.AesKey, FakeDingTalk.AppKey,
            DateTimeOffset.UtcNow);
        FakeDingTalk.Open(ack.MsgSignature, ack.TimeStamp, ack.Nonce, ack.Encrypt).Should().Be("success");
    }
}

/// <summary>Which callback URLs the approval hub may call (anti-SSRF, ADR 0026).</summary>
public sealed class CallbackUrlPolicyTests
{
    private static CallbackUrlPolicy Policy(bool allowPrivate, params string[] hosts) =>
        new(ApprovalSettings.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Approval:CallbackAllowedHosts"] = string.Join(",", hosts),
            ["Approval:AllowPrivateCallbackAddresses"] = allowPrivate ? "true" : "false",
        }).Build()));

    [Theory]
    [InlineData("http://127.0.0.1/cb")]
    [InlineData("http://localhost/cb")]
    [InlineData("http://10.1.2.3/cb")]
    [InlineData("http://172.20.0.1/cb")]
    [InlineData("http://192.168.1.1/cb")]
    [InlineData("http://100.64.0.1/cb")]
    [InlineData("http://[::1]/cb")]
    [InlineData("http://[::ffff:10.0.0.1]/cb")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://0.0.0.0/cb")]
    public async Task Internal_addresses_are_refused_even_when_allow_listed(string url)
    {
        var host = new Uri(url).Host.Trim('[', ']');
        (await Policy(false, host, "[" + host + "]").CheckAsync(url, default)).Should()
            .Be(CallbackUrlPolicy.InternalMessage);
    }

    [Fact]
    public async Task Loopback_needs_the_setting_and_link_local_never_passes()
    {
        (await Policy(true, "127.0.0.1").CheckAsync("http://127.0.0.1:9/cb", default)).Should().BeNull();
        (await Policy(true, "169.254.169.254").CheckAsync("http://169.254.169.254/", default)).Should()
            .Be(CallbackUrlPolicy.InternalMessage);
        Policy(true).IsAllowed(IPAddress.Parse("fe80::1")).Should().BeFalse();
    }

    [Theory]
    [InlineData("https://dev.kaiyuancloud.cn/account/addledgers.dspy", null)]
    [InlineData("https://api.kaiyuancloud.cn/x", null)]
    [InlineData("https://evil.example.com/x", CallbackUrlPolicy.NotAllowedMessage)]
    [InlineData("https://kaiyuancloud.cn.evil.com/x", CallbackUrlPolicy.NotAllowedMessage)]
    [InlineData("ftp://dev.kaiyuancloud.cn/x", "callback_url格式错误")]
    [InlineData("https://user:pw@dev.kaiyuancloud.cn/x", "callback_url格式错误")]
    public void Hosts_are_matched_against_the_allow_list(string url, string? refusal)
    {
        var policy = Policy(false, "dev.kaiyuancloud.cn", "*.kaiyuancloud.cn");
        var uri = new Uri(url);
        var formatOk = uri.Scheme is "http" or "https" && uri.UserInfo.Length == 0;
        if (!formatOk) refusal.Should().Be("callback_url格式错误");
        else policy.HostAllowed(uri.IdnHost).Should().Be(refusal is null);
    }
}
