using Kboss.Domain.FloatingWidget;
using Kboss.Infrastructure.IntegrationTests;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>A clock the tests move (registered as the app's <see cref="TimeProvider"/> by <see
/// cref="SmsCodeTests"/>).</summary>
public sealed class ManualClock : TimeProvider
{
    private long _ticks = DateTimeOffset.UtcNow.UtcTicks;
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);
    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

/// <summary>
/// SMS codes (analysis/platform.md §4.5) through HTTP, with the real Aliyun adapter talking to
/// <see cref="FakeAliyunSms"/> and a moved clock: 60 s between sends, 5-minute validity, caps per mobile and per
/// address, 5 wrong tries burn a code, one use, parallel use of one code → exactly one success, nothing but a hash
/// stored, provider refusals.
/// </summary>
public sealed class SmsCodeTests : IAsyncLifetime
{
    private const string Send = "/pub/sms_send_code.dspy";
    private const string Apply = "/floating/apply.dspy";
    private readonly FakeAliyunSms _sms = new();
    private readonly ManualClock _clock = new();
    private KbossFactory _factory = null!;
    private static int _next;

    public async Task InitializeAsync()
    {
        await _sms.InitializeAsync();
        _sms.Now = () => _clock.GetUtcNow().UtcDateTime;
        var settings = _sms.Settings;
        settings["Sms:MaxPerMobilePerDay"] = "3";
        settings["Sms:MaxPerAddressPerDay"] = "4";
        _factory = new KbossFactory(null, settings, s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock)));
        _factory.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        _factory.Dispose();
        await _sms.DisposeAsync();
    }

    /// <summary>A fresh mobile and client address per test, so the caps of one test do not touch another.</summary>
    private static (string Mobile, Api Api) Caller(KbossFactory factory)
    {
        var n = Interlocked.Increment(ref _next);
        return ($"1390000{n:D4}", new Api(factory.CreateClient()).From($"10.77.{n / 250}.{n % 250 + 1}"));
    }

    private static Task<Response> ApplyAsync(Api api, string mobile, string code) => api.PostJsonAsync(Apply, new
    {
        userid = "n23WjC9yEpq8ixMnQTeQB", customer = "张佳栋", phone = mobile, unit = "开元云", product = "1",
        resources = new[] { "A800", "H100" }, vcode = code,
    });

    private static string Wrong(string code) => code == "000000" ? "000001" : "000000";

    [Fact]
    public async Task A_code_is_sent_stored_only_as_a_hash_and_accepted_once()
    {
        var (mobile, api) = Caller(_factory);
        var sent = await api.GetAsync(Send, ("mobile", mobile));
        sent.Status.Should().BeTrue(sent.Raw);
        sent.Msg.Should().Be("验证码已发送");
        sent.Raw.Should().NotContain(_sms.LastCode[mobile]);
        var code = _sms.LastCode[mobile];
        code.Should().MatchRegex("^[0-9]{6}$");
        var row = await _factory.WithDbAsync(db => Task.FromResult(db.SmsCodes.Single(c => c.Mobile == mobile)));
        row.State.Should().Be(SmsCodeState.Sent);
        row.CodeHash.Should().NotContain(code).And.HaveLength(64);
        (row.ExpireAt - row.SentAt).Should().Be(TimeSpan.FromMinutes(5));

        var applied = await ApplyAsync(api, mobile, code);
        applied.Status.Should().BeTrue(applied.Raw);
        applied.Msg.Should().Be("申请成功");
        applied.Body["customer"]!.GetValue<string>().Should().Be("张佳栋");
        applied.Body["resources"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Equal("A800", "H100");
        applied.Body["userid"].Should().BeNull("an anonymous applicant cannot name a user");
        applied.Body.ContainsKey("vcode").Should().BeFalse();
        var again = await ApplyAsync(api, mobile, code);
        again.Status.Should().BeFalse();
        again.Msg.Should().Be("验证码错误或已过期");
        var stored = await _factory.WithDbAsync(db =>
            Task.FromResult(db.TrialApplications.Count(a => a.Phone == mobile)));
        stored.Should().Be(1);
        var told = await _factory.WithDbAsync(db => Task.FromResult(db.Messages
            .Where(m => m.MsgType == Kboss.Application.FloatingWidget.ApplyTrialHandler.MsgType
                        && m.MsgText.Contains(mobile)).Select(m => m.MsgText).ToList()));
        told.Should().NotBeEmpty("the platform org's operators are told").And
            .AllSatisfy(t => t.Should().Be($"张佳栋(开元云,{mobile})申请试用产品 1,资源:A800、H100"));
    }

    [Fact]
    public async Task The_next_code_waits_60_seconds_and_only_the_newest_code_counts()
    {
        var (mobile, api) = Caller(_factory);
        (await api.GetAsync(Send, ("mobile", mobile))).Status.Should().BeTrue();
        var first = _sms.LastCode[mobile];
        _clock.Advance(TimeSpan.FromSeconds(59));
        var early = await api.GetAsync(Send, ("mobile", mobile));
        early.Status.Should().BeFalse();
        early.Msg.Should().Be("发送过于频繁,请稍后再试");
        early.Code.Should().Be("too_many_attempts");
        _clock.Advance(TimeSpan.FromSeconds(1));
        (await api.GetAsync(Send, ("mobile", mobile))).Status.Should().BeTrue();
        var second = _sms.LastCode[mobile];
        if (first != second) (await ApplyAsync(api, mobile, first)).Status.Should().BeFalse("an older code");
        (await ApplyAsync(api, mobile, second)).Status.Should().BeTrue();
    }

    [Fact]
    public async Task A_code_expires_after_5_minutes()
    {
        var (mobile, api) = Caller(_factory);
        (await api.GetAsync(Send, ("mobile", mobile))).Status.Should().BeTrue();
        _clock.Advance(TimeSpan.FromMinutes(5));
        var late = await ApplyAsync(api, mobile, _sms.LastCode[mobile]);
        late.Status.Should().BeFalse();
        late.Msg.Should().Be("验证码错误或已过期");

        var (mobile2, api2) = Caller(_factory);
        (await api2.GetAsync(Send, ("mobile", mobile2))).Status.Should().BeTrue();
        _clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        (await ApplyAsync(api2, mobile2, _sms.LastCode[mobile2])).Status.Should().BeTrue("still inside 5 minutes");
    }

    [Fact]
    public async Task Five_wrong_tries_burn_the_code()
    {
        var (mobile, api) = Caller(_factory);
        (await api.GetAsync(Send, ("mobile", mobile))).Status.Should().BeTrue();
        var code = _sms.LastCode[mobile];
        for (var i = 1; i <= 4; i++)
            (await ApplyAsync(api, mobile, Wrong(code))).Msg.Should().Be("验证码错误或已过期");
        var fifth = await ApplyAsync(api, mobile, Wrong(code));
        fifth.Msg.Should().Be("验证码错误次数过多,请重新获取");
        var right = await ApplyAsync(api, mobile, code);
        right.Status.Should().BeFalse("the code is burned");
        var row = await _factory.WithDbAsync(db => Task.FromResult(db.SmsCodes.Single(c => c.Mobile == mobile)));
        row.Attempts.Should().Be(5);
    }

    [Fact]
    public async Task Parallel_use_of_one_code_succeeds_exactly_once()
    {
        var (mobile, api) = Caller(_factory);
        (await api.GetAsync(Send, ("mobile", mobile))).Status.Should().BeTrue();
        var code = _sms.LastCode[mobile];
        var results = await Task.WhenAll(Enumerable.Range(0, 12)
            .Select(_ => ApplyAsync(new Api(_factory.CreateClient()), mobile, code)));
        results.Should().OnlyContain(r => r.Http == 200);
        results.Count(r => r.Status).Should().Be(1);
        var stored = await _factory.WithDbAsync(db =>
            Task.FromResult(db.TrialApplications.Count(a => a.Phone == mobile)));
        stored.Should().Be(1);
        var told = await _factory.WithDbAsync(db => Task.FromResult(db.Messages
            .Where(m => m.MsgType == Kboss.Application.FloatingWidget.ApplyTrialHandler.MsgType
                        && m.MsgText.Contains(mobile)).Select(m => m.MsgText).ToList()));
        told.Should().NotBeEmpty("the platform org's operators are told").And
            .AllSatisfy(t => t.Should().Be($"张佳栋(开元云,{mobile})申请试用产品 1,资源:A800、H100"));
    }

    [Fact]
    public async Task Parallel_wrong_tries_never_count_past_five()
    {
        var (mobile, api) = Caller(_factory);
        (await api.GetAsync(Send, ("mobile", mobile))).Status.Should().BeTrue();
        var code = _sms.LastCode[mobile];
        var results = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(_ => ApplyAsync(new Api(_factory.CreateClient()), mobile, Wrong(code))));
        results.Should().OnlyContain(r => r.Http == 200 && !r.Status);
        var row = await _factory.WithDbAsync(db => Task.FromResult(db.SmsCodes.Single(c => c.Mobile == mobile)));
        row.Attempts.Should().Be(5);
        (await ApplyAsync(api, mobile, code)).Status.Should().BeFalse();
    }

    [Fact]
    public async Task The_daily_caps_per_mobile_and_per_address_hold_and_reset_after_a_day()
    {
        var (mobile, api) = Caller(_factory);
        for (var i = 0; i < 3; i++)
        {
            (await api.GetAsync(Send, ("mobile", mobile))).Status.Should().BeTrue($"send {i + 1}");
            _clock.Advance(TimeSpan.FromSeconds(61));
        }
        var capped = await api.GetAsync(Send, ("mobile", mobile));
        capped.Msg.Should().Be("今日验证码发送次数已达上限,请明天再试");
        capped.Code.Should().Be("too_many_attempts");
        (await api.GetAsync(Send, ("mobile", Caller(_factory).Mobile))).Status.Should().BeTrue("4th from this address");
        (await api.GetAsync(Send, ("mobile", Caller(_factory).Mobile))).Msg
            .Should().Be("今日验证码发送次数已达上限,请明天再试", "5th from this address");
        _clock.Advance(TimeSpan.FromHours(24));
        (await api.GetAsync(Send, ("mobile", mobile))).Status.Should().BeTrue("a day later");
    }

    [Fact]
    public async Task Parallel_sends_for_one_mobile_record_one_code()
    {
        var (mobile, _) = Caller(_factory);
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            new Api(_factory.CreateClient()).From($"10.88.0.{i + 1}").GetAsync(Send, ("mobile", mobile))));
        results.Should().OnlyContain(r => r.Http == 200);
        results.Count(r => r.Status).Should().Be(1);
        var rows = await _factory.WithDbAsync(db => Task.FromResult(db.SmsCodes.Count(c => c.Mobile == mobile)));
        rows.Should().Be(1);
    }

    [Fact]
    public async Task A_provider_refusal_is_upstream_failed_and_leaves_no_usable_code()
    {
        var (mobile, api) = Caller(_factory);
        _sms.Refuse.Add(mobile);
        var r = await api.GetAsync(Send, ("mobile", mobile));
        r.Http.Should().Be(200);
        r.Status.Should().BeFalse();
        r.Code.Should().Be("upstream_failed");
        r.Msg.Should().StartWith("短信发送失败");
        var row = await _factory.WithDbAsync(db => Task.FromResult(db.SmsCodes.Single(c => c.Mobile == mobile)));
        row.State.Should().Be(SmsCodeState.Failed);
        (await ApplyAsync(api, mobile, "123456")).Status.Should().BeFalse();
        _sms.Errors.Should().BeEmpty("every request was correctly signed");
    }

    [Fact]
    public async Task The_per_mobile_guard_row_holds_the_interval_by_itself()
    {
        var (mobile, api) = Caller(_factory);
        (await api.GetAsync(Send, ("mobile", mobile))).Status.Should().BeTrue();
        await _factory.WithDbAsync(async db =>
        {
            db.SmsCodes.RemoveRange(db.SmsCodes.Where(c => c.Mobile == mobile));
            await db.SaveChangesAsync();
        });
        (await api.GetAsync(Send, ("mobile", mobile))).Msg.Should().Be(SmsCode.TooSoonMessage,
            "the conditional update of sms_send_guard refuses, not only the count of sms_code rows");
        _clock.Advance(TimeSpan.FromSeconds(60));
        (await api.GetAsync(Send, ("mobile", mobile))).Status.Should().BeTrue();
    }
}
