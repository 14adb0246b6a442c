using Kboss.Application.Common.OutsideCalls;
using Kboss.Infrastructure.Sms;
using Microsoft.Extensions.Configuration;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>The Aliyun SMS adapter against <see cref="FakeAliyunSms"/>, which checks the signature like the
/// provider.</summary>
public sealed class AliyunSmsGatewayTests(FakeAliyunSms fake) : IClassFixture<FakeAliyunSms>
{
    private AliyunSmsGateway Gateway(string? secret = null, double timeoutSeconds = 5)
    {
        var values = fake.Settings;
        if (secret is not null) values["Sms:Aliyun:AccessKeySecret"] = secret;
        values["Sms:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var settings = SmsSettings.From(new ConfigurationBuilder().AddInMemoryCollection(values!).Build());
        return new AliyunSmsGateway(new HttpClient(), settings, TimeProvider.System);
    }

    [Fact]
    public async Task A_signed_request_is_accepted_and_carries_the_code_only_in_the_template_parameter()
    {
        var gateway = Gateway();
        gateway.IsConfigured.Should().BeTrue();
        await gateway.SendVerificationCodeAsync("13800000001", "042917", CancellationToken.None);
        fake.LastCode["13800000001"].Should().Be("042917");
        var sent = fake.Requests.Last(r => r.GetValueOrDefault("PhoneNumbers") == "13800000001");
        sent["TemplateParam"].Should().Be("{\"code\":\"042917\"}");
        sent["SignName"].Should().Be(FakeAliyunSms.SignName);
        fake.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Nonces_differ_between_requests_so_repeated_sends_are_not_replays()
    {
        var gateway = Gateway();
        await gateway.SendVerificationCodeAsync("13800000002", "111111", CancellationToken.None);
        await gateway.SendVerificationCodeAsync("13800000002", "222222", CancellationToken.None);
        fake.LastCode["13800000002"].Should().Be("222222");
    }

    [Fact]
    public void The_signature_matches_the_documented_algorithm_for_special_characters()
    {
        var p = new Dictionary<string, string>
        {
            ["SignName"] = "开元 云*~", ["TemplateParam"] = "{\"code\":\"1 2+3\"}", ["A"] = "/",
        };
        AliyunSmsGateway.Sign("POST", p, FakeAliyunSms.Secret).Should().Be(FakeAliyunSms.Signature(p));
        AliyunSmsGateway.Encode("a b*~").Should().Be("a%20b%2A~");
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_by_the_provider_as_a_known_failure()
    {
        var act = () =>
            Gateway(secret: "wrong").SendVerificationCodeAsync("13800000003", "123456", CancellationToken.None);
        var e = (await act.Should().ThrowAsync<OutsideCallException>()).Which;
        e.OutcomeUnknown.Should().BeFalse();
        e.Message.Should().Contain("SignatureDoesNotMatch");
        e.Code.Should().Be("upstream_failed");
    }

    [Fact]
    public async Task A_business_refusal_is_a_known_failure_with_the_provider_code()
    {
        fake.Refuse.Add("13800000004");
        var act = () => Gateway().SendVerificationCodeAsync("13800000004", "123456", CancellationToken.None);
        var e = (await act.Should().ThrowAsync<OutsideCallException>()).Which;
        e.OutcomeUnknown.Should().BeFalse();
        e.Message.Should().Contain("isv.BUSINESS_LIMIT_CONTROL");
        fake.LastCode.ContainsKey("13800000004").Should().BeFalse();
    }

    [Fact]
    public async Task Missing_credentials_mean_not_configured()
    {
        var settings = SmsSettings.From(new ConfigurationBuilder().Build());
        new AliyunSmsGateway(new HttpClient(), settings, TimeProvider.System).IsConfigured.Should().BeFalse();
        settings.Aliyun.BaseUrl.Should().Be("https://dysmsapi.aliyuncs.com/");
        await Task.CompletedTask;
    }
}

/// <summary>Slow and garbled answers: separate fakes so the switches do not disturb the other tests.</summary>
public sealed class AliyunSmsGatewayFailureTests : IAsyncLifetime
{
    private readonly FakeAliyunSms _fake = new();
    public Task InitializeAsync() => _fake.InitializeAsync();
    public Task DisposeAsync() => _fake.DisposeAsync();

    private AliyunSmsGateway Gateway(double timeoutSeconds)
    {
        var values = _fake.Settings;
        values["Sms:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var settings = SmsSettings.From(new ConfigurationBuilder().AddInMemoryCollection(values!).Build());
        return new AliyunSmsGateway(new HttpClient(), settings, TimeProvider.System);
    }

    [Fact]
    public async Task A_time_out_is_an_unknown_outcome()
    {
        _fake.Hold = new TaskCompletionSource();
        var act = () => Gateway(1).SendVerificationCodeAsync("13800000005", "123456", CancellationToken.None);
        (await act.Should().ThrowAsync<OutsideCallException>()).Which.OutcomeUnknown.Should().BeTrue();
        _fake.Hold.TrySetResult();
    }

    [Fact]
    public async Task An_unreadable_answer_is_an_unknown_outcome()
    {
        _fake.Garble = true;
        var act = () => Gateway(5).SendVerificationCodeAsync("13800000006", "123456", CancellationToken.None);
        (await act.Should().ThrowAsync<OutsideCallException>()).Which.OutcomeUnknown.Should().BeTrue();
    }
}
