using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>Modules 25 京东云, 14 阿里云接口 (Jiajie) and 29 互联云 through HTTP against their fakes (ADR 0045).</summary>
public sealed class CloudResellerAccountTests(CloudResellersFixture app) : IClassFixture<CloudResellersFixture>
{
    [Fact]
    public async Task Jd_mobile_check_sms_code_account_and_login()
    {
        const string mobile = "13700000001";
        var check = await app.Customer().GetAsync("/jdcloud/check_user_info.dspy", ("mobile", mobile));
        (check.Status, check.Msg, check.Data!["synced"]!.GetValue<bool>()).Should().Be((true, "该手机号未同步", false));
        var badMobile = await app.Customer().GetAsync("/jdcloud/check_user_info.dspy", ("mobile", "12ab"));
        (badMobile.Status, badMobile.Code).Should().Be((false, "invalid_argument"));

        (await app.Customer().GetAsync("/jdcloud/send_verify_code.dspy", ("mobile", mobile))).Status.Should().BeTrue();
        var tooSoon = await app.Customer().GetAsync("/jdcloud/send_verify_code.dspy", ("mobile", mobile));
        (tooSoon.Status, tooSoon.Code, tooSoon.Msg).Should().Be((false, "too_many_attempts", "验证码发送过于频繁,请稍后再试"));
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        (await app.Customer().GetAsync("/jdcloud/send_verify_code.dspy", ("mobile", mobile))).Status.Should().BeTrue();
        (await app.Customer().GetAsync("/jdcloud/send_verify_code.dspy")).Code.Should().Be("invalid_argument");

        (string, string?)[] create(string code) =>
            [("userid", app.CustomerUserId), ("username", "cust1"), ("mobile", mobile), ("verificationcode", code)];
        var wrong = await app.Customer().GetAsync("/jdcloud/create_user.dspy", create("000000"));
        (wrong.Status, wrong.Code).Should().Be((false, "upstream_failed"));
        wrong.Msg.Should().Contain("验证码错误");
        (await app.OtherOperator().GetAsync("/jdcloud/create_user.dspy", create("1"))).Http.Should().Be(403);
        var created = await app.Customer().GetAsync("/jdcloud/create_user.dspy", create(app.Jd.Codes[mobile].Code));
        created.Status.Should().BeTrue(created.Raw);
        created.Data!["jd_account_id"]!.GetValue<string>().Should().Be(app.Jd.Customers[mobile]);
        (await app.Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action.StartsWith("jdcloud."))
            .Select(a => a.Detail).ToListAsync())).Should().NotContain(d => d.Contains("verif"));
        var twice = await app.Customer().GetAsync("/jdcloud/create_user.dspy", create("123456"));
        (twice.Status, twice.Msg).Should().Be((false, "该用户已同步"));

        var synced = await app.Customer().GetAsync("/jdcloud/check_user_info.dspy", ("mobile", mobile));
        (synced.Status, synced.Msg, synced.Data!["synced"]!.GetValue<bool>())
            .Should().Be((false, "该手机号已同步京东云账号", true));
        var login = await app.Customer().GetAsync("/jdcloud/jdcloud_auth.dspy");
        login.Data!["url"]!.GetValue<string>().Should().Contain("/jd/console?ticket=");
        (await app.OtherOperator().GetAsync("/jdcloud/jdcloud_auth.dspy", ("userid", app.CustomerUserId)))
            .Http.Should().Be(403);
        var notLinked = await app.Operator().GetAsync("/jdcloud/jdcloud_auth.dspy");
        (notLinked.Code, notLinked.Msg).Should().Be(("not_found", "该用户未开通京东云账号"));
        (await app.Anonymous().GetAsync("/jdcloud/jdcloud_auth.dspy")).Http.Should().Be(401);
    }

    [Fact]
    public async Task Aliyun_regions_through_the_operators_key()
    {
        var r = await app.Customer().GetAsync("/ali/DescribeRegions.dspy", ("accept_language", "en-US"));
        r.Status.Should().BeTrue(r.Raw);
        r.Data!.AsArray().Select(x => x!["LocalName"]!.GetValue<string>()).Should().Contain("China (Hangzhou)");
        var prepaid = await app.Customer().GetAsync("/ali/DescribeRegions.dspy", ("instance_charge_type", "PrePaid"));
        (prepaid.Status, prepaid.Code).Should().Be((false, "upstream_failed"));
        prepaid.Msg.Should().Contain("InvalidPayMethod");
        var bad = await app.Customer().GetAsync("/ali/DescribeRegions.dspy", ("resource_type", "vm"));
        (bad.Status, bad.Code).Should().Be((false, "invalid_argument"));
        var unkeyed = await app.OtherOperator().GetAsync("/ali/DescribeRegions.dspy");
        (unkeyed.Status, unkeyed.Code).Should().Be((false, "not_configured"));
        (await app.Anonymous().GetAsync("/ali/DescribeRegions.dspy")).Http.Should().Be(401);
    }

    [Fact]
    public async Task Jiajie_sync_is_idempotent_and_the_redirect_needs_it()
    {
        var before = await app.Customer().GetAsync("/ali/jiajie_get_token_redirect.dspy");
        (before.Status, before.Code, before.Msg).Should().Be((false, "not_found", "请先同步佳杰用户"));
        var synced = await app.Customer().GetAsync("/ali/jiajie_sync_user.dspy");
        synced.Status.Should().BeTrue(synced.Raw);
        var calls = app.Jiajie.Journal.Count;
        var again = await app.Customer().GetAsync("/ali/jiajie_sync_user.dspy", ("userid", app.CustomerUserId));
        (again.Msg, again.Data!["jiajie_account_id"]!.GetValue<string>())
            .Should().Be(("该用户已同步", synced.Data!["jiajie_account_id"]!.GetValue<string>()));
        app.Jiajie.Journal.Count.Should().Be(calls);
        var url = await app.Customer().GetAsync("/ali/jiajie_get_token_redirect.dspy");
        url.Data!.GetValue<string>().Should().Contain("/jiajie/sso?token=");
        (await app.Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "jiajie.redirect.issued")
            .Select(a => a.Detail).ToListAsync())).Should().NotContain(d => d.Contains("token"));
        (await app.OtherOperator().GetAsync("/ali/jiajie_sync_user.dspy", ("userid", app.CustomerUserId)))
            .Http.Should().Be(403);
        (await app.OtherOperator().GetAsync("/ali/jiajie_get_token_redirect.dspy", ("userid", app.CustomerUserId)))
            .Http.Should().Be(403);
    }

    [Fact]
    public async Task Casdao_answers_whether_a_username_exists()
    {
        var known = await app.Customer().PostAsync("/casdao/register_existence.dspy?username=casdao_demo");
        known.Status.Should().BeTrue(known.Raw);
        (known.Status, known.Msg, known.Data!.GetValue<bool>()).Should().Be((true, "账号已存在", true));
        var unknown = await app.Customer().PostAsync("/casdao/register_existence.dspy?username=13800000000");
        (unknown.Msg, unknown.Data!.GetValue<bool>()).Should().Be(("账号不存在", false));
        var missing = await app.Customer().PostAsync("/casdao/register_existence.dspy");
        (missing.Status, missing.Code).Should().Be((false, "invalid_argument"));
        (await app.OtherOperator().PostAsync("/casdao/register_existence.dspy?username=x")).Code
            .Should().Be("not_configured");
        (await app.Anonymous().PostAsync("/casdao/register_existence.dspy?username=x")).Http.Should().Be(401);
        for (var i = 0; i < 3; i++) app.Casdao.Inject("exists", new Fakes.Vendors.Fault.Reset()); // 1 + 2 retries
        var down = await app.Customer().PostAsync("/casdao/register_existence.dspy?username=x");
        (down.Http, down.Status, down.Code).Should().Be((200, false, "upstream_failed"));
    }
}
