using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Kboss.Application.WeChat.Recharges;
using Kboss.Domain.Finance;
using Kboss.Domain.WeChat;
using Kboss.Infrastructure.IntegrationTests;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>The app configured against a <see cref="FakeWeChat"/> started before it.</summary>
public sealed class WeChatAppFixture : AppFixture
{
    public WeChatAppFixture() : this(new FakeWeChat()) { }

    private WeChatAppFixture(FakeWeChat fake)
        : base(new Dictionary<string, string>(fake.Settings())
        {
            ["RateLimits:AnonymousPoll:PermitLimit"] = "1000", ["OutsideCalls:CallTimeoutSeconds"] = "3",
        }) =>
        WeChat = fake;

    public FakeWeChat WeChat { get; }

    public override async Task InitializeAsync()
    {
        await WeChat.InitializeAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await WeChat.DisposeAsync();
    }
}

/// <summary>Spec module 33 (微信支付) through HTTP: WeChat login, recharges, the notify, the reconciler.</summary>
public sealed class WeChatTests(WeChatAppFixture app) : IClassFixture<WeChatAppFixture>
{
    private FakeWeChat WeChat => app.WeChat;
    private static string NewState() => "st_" + Guid.NewGuid().ToString("N");

    private async Task<string> CustomerUserIdAsync() =>
        (await app.Customer().GetAsync("/user/current_user.dspy")).Data!["userid"]!.GetValue<string>();

    private async Task<string> RechargeAsync(int total = 100, Api? api = null)
    {
        var r = await (api ?? app.Customer()).PostAsync("/customer/add_weixpay.dspy", ("total", total.ToString()));
        r.Status.Should().BeTrue(r.Raw);
        return r.Data!["recharge_logdict_id"]!.GetValue<string>();
    }

    private Task<RechargeRecord> RecordAsync(string id) =>
        app.Factory.WithDbAsync(db => db.RechargeRecords.AsNoTracking().SingleAsync(r => r.Id == id));

    private Task<(decimal Balance, int Entries)> LedgerAsync(string rechargeId) => app.Factory.WithDbAsync(async db =>
        (await db.CustomerBalances.AsNoTracking().Where(b => b.CustomerOrgId == app.CustomerOrgId)
            .Select(b => b.Balance)
            .SingleOrDefaultAsync(),
         // A credit counts only with its paid RECHARGE bill of the same amount (BillService wrote both).
         await (from e in db.LedgerEntries.AsNoTracking()
                where e.Note == rechargeId
                join b in db.Bills.AsNoTracking() on e.Reference equals b.Id
                where b.BusinessOp == BusinessOps.Recharge && b.BillState == BillStates.Paid && b.Amount == e.Amount
                      && b.CustomerId == e.CustomerOrgId
                select e).CountAsync()
         + await db.LedgerEntries.AsNoTracking().CountAsync(e => e.Reference == rechargeId)));

    private async Task<(int Status, string Body)> NotifyAsync((Dictionary<string, string> Headers, string Body) n)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/customer/weixpay_notify.dspy")
        {
            Content = new StringContent(n.Body, Encoding.UTF8, "application/json"),
        };
        foreach (var (k, v) in n.Headers) request.Headers.TryAddWithoutValidation(k, v);
        using var response = await app.Factory.CreateClient().SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<T> SendAsync<T>(ICommand<T> command)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    [Fact]
    public async Task App_id_is_the_website_apps_and_never_the_secret()
    {
        var r = await app.Anonymous().GetAsync("/kpi/get_wechat_appid.dspy");
        (r.Status, r.Data!.GetValue<string>()).Should().Be((true, FakeWeChat.AppId));
        r.Raw.Should().NotContain(FakeWeChat.AppSecret);
    }

    [Fact]
    public async Task Login_code_goes_once_to_the_browser_that_claimed_the_state_and_signs_a_bound_user_in()
    {
        var state = NewState();
        var browser = app.Anonymous();
        var other = app.Anonymous();
        var first = await browser.GetAsync("/kpi/get_code_state.dspy", ("state", state));
        (first.Status, first.Msg, first.Code).Should().Be((false, "未获取到code", "not_found"));

        WeChat.Codes["code-openid-login-1"] = ("openid-login-1", "union-login-1");
        var redirect = await app.Anonymous().GetAsync("/kpi/wechat_callback.dspy", ("code", "code-openid-login-1"),
            ("state", state));
        (redirect.Status, redirect.Msg).Should().Be((true, "登录成功,请返回原页面"));

        (await other.GetAsync("/kpi/get_code_state.dspy", ("state", state))).Msg.Should().Be("未获取到code");
        var got = await browser.GetAsync("/kpi/get_code_state.dspy", ("state", state));
        (got.Status, got.Data!.GetValue<string>()).Should().Be((true, "code-openid-login-1"));
        (await browser.GetAsync("/kpi/get_code_state.dspy", ("state", state))).Msg.Should().Be("未获取到code",
            "single use");

        var unbound = await app.Anonymous().GetAsync("/user/loginUser.dspy", ("wechatCode", "code-openid-login-1"));
        (unbound.Status, unbound.Msg, unbound.Code).Should().Be((false, "该微信未绑定平台账号", "not_found"));

        WeChat.Codes["code-bind-1"] = ("openid-login-1", "union-login-1");
        var bind = await app.Customer().PostAsync("/user/bind_wechat.dspy", ("wechatCode", "code-bind-1"));
        (bind.Status, bind.Msg).Should().Be((true, "绑定成功"));
        WeChat.Codes["code-bind-2"] = ("openid-login-1", "union-login-1");
        var stolen = await app.Operator().PostAsync("/user/bind_wechat.dspy", ("wechatCode", "code-bind-2"));
        (stolen.Status, stolen.Msg, stolen.Code).Should().Be((false, "该微信已绑定其他账号", "conflict"));

        WeChat.Codes["code-login-2"] = ("openid-login-1", "union-login-1");
        var login = await app.Anonymous().GetAsync("/user/loginUser.dspy", ("wechatCode", "code-login-2"));
        (login.Status, login.Msg).Should().Be((true, "登录成功"));
        var me = await new Api(app.Factory.CreateClient()).WithToken(login.Data!["token"]!.GetValue<string>())
            .GetAsync("/user/current_user.dspy");
        me.Data!["userid"]!.GetValue<string>().Should().Be(await CustomerUserIdAsync());

        // the mini-program's openid differs, the unionid is the same person
        WeChat.Codes["mini-code-1"] = ("openid-mini-1", "union-login-1");
        var mini = await app.Anonymous().GetAsync("/user/loginUser.dspy", ("wechatCode", "mini-code-1"),
            ("type", "mini"));
        mini.Status.Should().BeTrue(mini.Raw);
        WeChat.Codes["mini-code-2"] = ("openid-mini-1", "union-login-1");
        (await app.Customer().PostAsync("/user/bind_wechat.dspy", ("wechatCode", "mini-code-2"), ("type", "mini")))
            .Status.Should().BeTrue("the same person's openid in the mini-program is bound too");
        var apps = await app.Factory.WithDbAsync(db => db.WeChatBindings.AsNoTracking()
            .Where(b => b.UnionId == "union-login-1").Select(b => b.AppId).ToListAsync());
        apps.Should().BeEquivalentTo([FakeWeChat.AppId, FakeWeChat.MiniAppId]);
    }

    [Fact]
    public async Task Login_refuses_bad_codes_and_bad_input_without_500()
    {
        var used = await app.Anonymous().GetAsync("/user/loginUser.dspy", ("wechatCode", "never-issued"));
        (used.Http, used.Status, used.Code).Should().Be((200, false, "invalid_argument"));
        used.Msg.Should().StartWith("微信授权失败");
        foreach (var (path, query) in new (string, (string, string?)[])[]
                 {
                     ("/user/loginUser.dspy", []), ("/user/loginUser.dspy", [("wechatCode", "x"), ("type", "app")]),
                     ("/kpi/get_code_state.dspy", []), ("/kpi/get_code_state.dspy", [("state", "short")]),
                     ("/kpi/get_code_state.dspy", [("state", "has spaces in it, sixteen+")]),
                     ("/kpi/wechat_callback.dspy", [("state", NewState())]),
                 })
        {
            var r = await app.Anonymous().GetAsync(path, query);
            (r.Http, r.Status, r.Code).Should().Be((200, false, "invalid_argument"), r.Raw);
        }
        (await app.Anonymous().PostAsync("/user/bind_wechat.dspy", ("wechatCode", "x"))).Http.Should().Be(401);
    }

    [Fact]
    public async Task Recharge_places_a_native_order_and_the_record_belongs_to_the_customer_org()
    {
        var r = await app.Customer().PostAsync("/customer/add_weixpay.dspy", ("total", "100"));
        (r.Status, r.Msg).Should().Be((true, "下单成功"));
        var id = r.Data!["recharge_logdict_id"]!.GetValue<string>();
        id.Should().HaveLength(21);
        r.Data["code_url"]!.GetValue<string>().Should().Be("weixin://wxpay/bizpayurl?pr=FAKE" + id);
        (r.Data["total"]!.GetValue<int>(), r.Data["amount"]!.GetValue<decimal>(), r.Data["state"]!.GetValue<string>())
            .Should().Be((100, 1m, "pending"));
        var record = await RecordAsync(id);
        (record.OrgId, record.TradeState, record.Body).Should().Be((app.CustomerOrgId, "NOTPAY", "账户充值"));
        WeChat.Orders[id].Total.Should().Be(100);

        var status = await app.Customer().GetAsync("/customer/get_weixinpaytype", ("recharge_logdict_id", id));
        (status.Status, status.Data!["trade_state"]!.GetValue<string>()).Should().Be((true, "NOTPAY"));
        (await app.Customer().GetAsync("/customer/get_weixinpaytype.dspy",
            ("recharge_logdict_id", id))).Status.Should().BeTrue();
        (await app.Operator().GetAsync("/customer/get_weixinpaytype",
            ("recharge_logdict_id", id))).Status.Should().BeTrue();
    }

    [Fact]
    public async Task A_raw_text_body_is_the_goods_description()
    {
        var client = app.Customer().Http;
        using var response = await client.PostAsync("/customer/add_weixpay.dspy?total=1",
            new StringContent("算力账户充值", Encoding.UTF8, "text/plain"));
        var r = await Response.ReadAsync(response);
        r.Status.Should().BeTrue(r.Raw);
        (await RecordAsync(r.Data!["recharge_logdict_id"]!.GetValue<string>())).Body.Should().Be("算力账户充值");
    }

    [Fact]
    public async Task Recharge_input_and_rights_are_checked()
    {
        foreach (var total in new[] { "0", "-1", "abc", "1.5", "5000001", "" })
        {
            var r = await app.Customer().PostAsync("/customer/add_weixpay.dspy", ("total", total));
            (r.Http, r.Status, r.Code).Should().Be((200, false, "invalid_argument"), total);
            r.Body["errors"]!.AsObject().Should().ContainKey("total");
        }
        (await app.Customer().PostAsync("/customer/add_weixpay.dspy", ("total", "1"), ("trade_type", "APP"))).Code
            .Should().Be("invalid_argument");
        (await app.Anonymous().PostAsync("/customer/add_weixpay.dspy", ("total", "1"))).Http.Should().Be(401);
        var unknown = await app.Customer().PostAsync("/customer/add_weixpay.dspy", ("total", "1"),
            ("userid", "nosuchuser"));
        (unknown.Msg, unknown.Code).Should().Be(("充值用户不存在", "not_found"));

        var customer = await CustomerUserIdAsync();
        var foreign = await app.OtherOperator().PostAsync("/customer/add_weixpay.dspy", ("total", "1"),
            ("userid", customer));
        foreign.Http.Should().Be(403);
        var forCustomer = await app.Operator().PostAsync("/customer/add_weixpay.dspy", ("total", "1"),
            ("userid", customer));
        forCustomer.Status.Should().BeTrue(forCustomer.Raw);
        var id = forCustomer.Data!["recharge_logdict_id"]!.GetValue<string>();
        (await RecordAsync(id)).OrgId.Should().Be(app.CustomerOrgId);
        var operatorUser = (await app.Operator().GetAsync("/user/current_user.dspy"))
            .Data!["userid"]!.GetValue<string>();
        (await app.Customer().PostAsync("/customer/add_weixpay.dspy", ("total", "1"), ("userid", operatorUser))).Http
            .Should().Be(403);

        (await app.OtherOperator().GetAsync("/customer/get_weixinpaytype",
            ("recharge_logdict_id", id))).Http.Should().Be(403);
        var missing = await app.Customer().GetAsync("/customer/get_weixinpaytype",
            ("recharge_logdict_id", "nosuchrecharge"));
        (missing.Msg, missing.Code).Should().Be(("充值记录不存在", "not_found"));
        (await app.Customer().GetAsync("/customer/get_weixinpaytype")).Code.Should().Be("invalid_argument");
        (await app.Anonymous().GetAsync("/customer/get_weixinpaytype",
            ("recharge_logdict_id", id))).Http.Should().Be(401);
    }

    [Fact]
    public async Task A_wechat_refusal_fails_the_record_and_says_so()
    {
        WeChat.FailCreate = (400, "PARAM_ERROR");
        try
        {
            var r = await app.Customer().PostAsync("/customer/add_weixpay.dspy", ("total", "7"));
            (r.Status, r.Code).Should().Be((false, "upstream_failed"));
            r.Msg.Should().StartWith("微信下单失败");
            var record = await RecordAsync(r.Data!["recharge_logdict_id"]!.GetValue<string>());
            (record.State, record.TradeState).Should().Be(("failed", "PAYERROR"));
        }
        finally
        {
            WeChat.FailCreate = null;
        }
    }

    [Fact]
    public async Task No_or_unsigned_answer_leaves_the_record_pending_for_the_reconciler()
    {
        WeChat.HoldCreate = new TaskCompletionSource();
        Response slow;
        try
        {
            slow = await app.Customer().PostAsync("/customer/add_weixpay.dspy", ("total", "11"));
        }
        finally
        {
            WeChat.HoldCreate = null; // never released: the abandoned call never stores its order
        }
        (slow.Status, slow.Code, slow.Msg).Should().Be((false, "upstream_failed", "微信下单结果未知,系统将自动核对该充值记录"));
        var id = slow.Data!["recharge_logdict_id"]!.GetValue<string>();
        (await RecordAsync(id)).Should().Match<RechargeRecord>(r => r.State == "pending" && r.CodeUrl == null);

        WeChat.UnsignedAnswers = true;
        Response forged;
        try
        {
            forged = await app.Customer().PostAsync("/customer/add_weixpay.dspy", ("total", "12"));
        }
        finally
        {
            WeChat.UnsignedAnswers = false;
        }
        (forged.Status, forged.Code).Should().Be((false, "upstream_failed"));
        var placed = forged.Data!["recharge_logdict_id"]!.GetValue<string>();
        (await RecordAsync(placed)).State.Should().Be("pending");

        // the held call was abandoned before WeChat stored it; the unsigned answer's order exists and waits
        await SendAsync(new ReconcileRecharges(TimeSpan.Zero));
        (await RecordAsync(id)).Should().Match<RechargeRecord>(r => r.State == "failed" && r.TradeState == "PAYERROR");
        (await RecordAsync(placed)).State.Should().Be("pending");
        WeChat.MarkPaid(placed);
        await SendAsync(new ReconcileRecharges(TimeSpan.Zero));
        (await RecordAsync(placed)).State.Should().Be("paid");
        (await LedgerAsync(placed)).Entries.Should().Be(1);
    }

    [Fact]
    public async Task Jsapi_needs_a_bound_openid_and_answers_the_signed_payment_parameters()
    {
        var api = app.Admin();
        var none = await api.PostAsync("/customer/add_weixpay.dspy", ("total", "1"), ("trade_type", "JSAPI"));
        (none.Code, none.Msg).Should().Be(("invalid_argument", "该用户未绑定微信,不能使用 JSAPI 支付"));
        WeChat.Codes["code-admin-jsapi"] = ("openid-admin", null);
        (await api.PostAsync("/user/bind_wechat.dspy", ("wechatCode", "code-admin-jsapi"))).Status.Should().BeTrue();
        var r = await api.PostAsync("/customer/add_weixpay.dspy", ("total", "1"), ("trade_type", "JSAPI"));
        r.Status.Should().BeTrue(r.Raw);
        var id = r.Data!["recharge_logdict_id"]!.GetValue<string>();
        r.Data["prepay_id"]!.GetValue<string>().Should().Be("wx" + id);
        var j = r.Data["jsapi"]!;
        j["package"]!.GetValue<string>().Should().Be("prepay_id=wx" + id);
        Kboss.Infrastructure.WeChat.WeChatPaySignature.Verify(WeChat.MerchantKey,
            Kboss.Infrastructure.WeChat.WeChatPaySignature.JsapiMessage(j["app_id"]!.GetValue<string>(),
                j["time_stamp"]!.GetValue<string>(), j["nonce_str"]!.GetValue<string>(),
                j["package"]!.GetValue<string>()),
            j["pay_sign"]!.GetValue<string>()).Should().BeTrue();
        WeChat.Orders[id].PayerOpenId.Should().Be("openid-admin");
    }

    [Fact]
    public async Task The_same_notification_ten_times_and_ten_in_parallel_credits_once()
    {
        var id = await RechargeAsync(12345);
        WeChat.MarkPaid(id);
        var (before, _) = await LedgerAsync(id);
        var notification = WeChat.Notification(id);

        for (var i = 0; i < 10; i++) (await NotifyAsync(notification)).Status.Should().Be(204);
        var parallel = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => NotifyAsync(WeChat.Notification(id))));
        parallel.Should().OnlyContain(a => a.Status == 204);

        var (after, entries) = await LedgerAsync(id);
        (after - before, entries).Should().Be((123.45m, 1));
        var record = await RecordAsync(id);
        (record.State, record.TradeState, record.TransactionId).Should().Be(("paid", "SUCCESS",
            WeChat.Orders[id].TransactionId));
        var status = await app.Customer().GetAsync("/customer/get_weixinpaytype", ("recharge_logdict_id", id));
        (status.Data!["state"]!.GetValue<string>(), status.Data["paid_at"]).Should().NotBe(("pending", null));
    }

    [Fact]
    public async Task Parallel_first_notifications_of_one_payment_credit_once()
    {
        var id = await RechargeAsync(500);
        WeChat.MarkPaid(id);
        var (before, _) = await LedgerAsync(id);
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => NotifyAsync(WeChat.Notification(id))));
        answers.Should().OnlyContain(a => a.Status == 204);
        var (after, entries) = await LedgerAsync(id);
        (after - before, entries).Should().Be((5m, 1));
    }

    [Fact]
    public async Task Forged_stale_or_wrong_amount_notifications_are_refused_in_wechats_failure_shape()
    {
        var id = await RechargeAsync(100);
        WeChat.MarkPaid(id);
        var good = WeChat.Notification(id);

        var forged = new Dictionary<string, string>(good.Headers) { ["Wechatpay-Signature"] = "AAAA" };
        var tampered = await NotifyAsync((forged, good.Body));
        tampered.Status.Should().Be(401);
        var failure = JsonNode.Parse(tampered.Body)!.AsObject();
        (failure["code"]!.GetValue<string>(), failure["message"]!.GetValue<string>()).Should().Be(("FAIL", "签名验证失败"));
        (await NotifyAsync((good.Headers, good.Body.Replace("TRANSACTION", "TRANSACTIOn")))).Status.Should().Be(401);
        (await NotifyAsync(WeChat.Notification(id, at: DateTimeOffset.UtcNow.AddMinutes(-10)))).Status.Should().Be(401);
        (await NotifyAsync((new Dictionary<string, string>(), good.Body))).Status.Should().Be(401);
        (await NotifyAsync((good.Headers, "not json"))).Status.Should().Be(401);

        var wrongAmount = await NotifyAsync(WeChat.Notification(id, total: 10000));
        wrongAmount.Status.Should().Be(409);
        JsonNode.Parse(wrongAmount.Body)!["code"]!.GetValue<string>().Should().Be("FAIL");

        var record = await RecordAsync(id);
        record.State.Should().Be("pending");
        (await LedgerAsync(id)).Entries.Should().Be(0);

        (await NotifyAsync(good)).Status.Should().Be(204, "the genuine notification still credits");
        (await LedgerAsync(id)).Entries.Should().Be(1);
    }

    [Fact]
    public async Task The_reconciler_credits_a_payment_whose_notification_was_lost_and_closes_expired_orders()
    {
        var paid = await RechargeAsync(200);
        WeChat.MarkPaid(paid);
        var expired = await RechargeAsync(300);
        await app.Factory.WithDbAsync(db => db.RechargeRecords.Where(r => r.Id == expired)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));
        var waiting = await RechargeAsync(400);
        var (before, _) = await LedgerAsync(paid);

        var counts = await SendAsync(new ReconcileRecharges(TimeSpan.Zero));
        counts.Paid.Should().BeGreaterThanOrEqualTo(1);

        (await RecordAsync(paid)).State.Should().Be("paid");
        var (after, entries) = await LedgerAsync(paid);
        (after - before, entries).Should().Be((2m, 1));
        (await RecordAsync(expired)).State.Should().Be("closed");
        WeChat.Orders[expired].TradeState.Should().Be("CLOSED");
        (await RecordAsync(waiting)).State.Should().Be("pending");

        (await NotifyAsync(WeChat.Notification(paid))).Status.Should().Be(204, "a late notification is acknowledged");
        (await LedgerAsync(paid)).Entries.Should().Be(1);
        await SendAsync(new ReconcileRecharges(TimeSpan.Zero));
        (await LedgerAsync(paid)).Entries.Should().Be(1);
    }

    [Fact]
    public async Task Login_states_expired_over_an_hour_ago_are_purged()
    {
        var old = NewState();
        var fresh = NewState();
        await app.Anonymous().GetAsync("/kpi/get_code_state.dspy", ("state", old));
        await app.Anonymous().GetAsync("/kpi/get_code_state.dspy", ("state", fresh));
        await app.Factory.WithDbAsync(db => db.WeChatLoginStates.Where(s => s.State == old)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ExpiresAt, DateTime.UtcNow.AddHours(-2))));

        (await SendAsync(new Kboss.Application.WeChat.PurgeWeChatLoginStates())).Should().BeGreaterThanOrEqualTo(1);
        var left = await app.Factory.WithDbAsync(db => db.WeChatLoginStates.AsNoTracking()
            .Where(s => s.State == old || s.State == fresh).Select(s => s.State).ToListAsync());
        left.Should().Equal(fresh);
    }

    [Fact]
    public async Task Without_configuration_every_wechat_endpoint_says_not_configured()
    {
        using var bare = new KbossFactory();
        var admin = new Api(bare.CreateClient());
        admin.WithToken(await admin.LoginAsync("admin", KbossFactory.AdminPassword));
        (await admin.GetAsync("/kpi/get_wechat_appid.dspy")).Code.Should().Be("not_configured");
        (await admin.GetAsync("/user/loginUser.dspy", ("wechatCode", "x"))).Code.Should().Be("not_configured");
        (await admin.PostAsync("/customer/add_weixpay.dspy", ("total", "1"))).Code.Should().Be("not_configured");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/customer/weixpay_notify.dspy")
        {
            Content = new StringContent("{}"),
        };
        (await bare.CreateClient().SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
