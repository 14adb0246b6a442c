using Kboss.Domain.Identity;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// 悬浮窗 (spec 23, analysis/platform.md §3.4, §4.8): QR cards, contact, the trial form's refusals and the SMS
/// endpoint without credentials. SMS code rules with a configured gateway: <see cref="SmsCodeTests"/>.
/// </summary>
public sealed class FloatingWidgetTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string AddPicture = "/floating/add_picture.dspy";
    private const string AddOrgPicture = "/floating/add_opicture.dspy";
    private const string GetPicture = "/floating/get_picture.dspy";
    private const string GetOrgPicture = "/floating/get_opicture.dspy";
    private const string Contact = "/floating/contact.dspy";

    /// <summary>A new sales user of the demo operator org, with its id and token.</summary>
    private async Task<(string Id, Api Api)> SalesAsync()
    {
        var name = "sales" + Guid.NewGuid().ToString("N")[..8];
        var added = await app.Operator().PostAsync("/user/add_user.dspy", ("username", name),
            ("password", AppFixture.Password), ("roles", Roles.Sales), ("orgid", DemoData.OrgId),
            ("display_name", "销售小王"));
        added.Status.Should().BeTrue(added.Raw);
        var token = await app.Anonymous().LoginAsync(name, AppFixture.Password);
        return (added.Data!["id"]!.GetValue<string>(), app.Anonymous().WithToken(token));
    }

    [Fact]
    public async Task A_sales_user_sets_its_card_and_sees_it_and_saving_again_replaces_it()
    {
        var (id, sales) = await SalesAsync();
        var first = await sales.PostAsync(AddPicture, ("picture", "https://cdn.example/qr-1.png"));
        first.Status.Should().BeTrue(first.Raw);
        first.Msg.Should().Be("配置成功");
        first.Data!["userid"]!.GetValue<string>().Should().Be(id);
        (await sales.PostAsync(AddPicture, ("picture", "<img src=x onerror=alert(1)>"))).Status.Should().BeTrue();
        var shown = await sales.GetAsync(GetPicture);
        shown.Data!["picture"]!.GetValue<string>().Should().Be("<img src=x onerror=alert(1)>", "stored as text");
        var count = await app.Factory.WithDbAsync(db => Task.FromResult(db.QrCards.Count(c => c.UserId == id)));
        count.Should().Be(1, "one card per sales user");
    }

    [Fact]
    public async Task A_customer_sees_the_card_of_a_salesperson_of_its_owner_org_and_anonymous_sees_none()
    {
        var (id, sales) = await SalesAsync();
        (await sales.PostAsync(AddPicture, ("picture", "qr/sales-for-customers.png"))).Status.Should().BeTrue();
        var seen = await app.Customer().GetAsync(GetPicture);
        seen.Status.Should().BeTrue(seen.Raw);
        seen.Data!["userid"]!.GetValue<string>().Should().Be(id);
        var anonymous = await app.Anonymous().GetAsync(GetPicture);
        anonymous.Status.Should().BeTrue();
        anonymous.Data.Should().BeNull();
        (await app.OtherOperator().GetAsync(GetPicture)).Data.Should().BeNull("not a sales user nor a customer");
    }

    [Fact]
    public async Task Operators_set_cards_for_their_sales_users_only()
    {
        var (id, _) = await SalesAsync();
        var byOperator = await app.Operator().PostAsync(AddPicture, ("userid", id), ("picture", "qr/by-operator.png"));
        byOperator.Status.Should().BeTrue(byOperator.Raw);
        var foreign = await app.OtherOperator().PostAsync(AddPicture, ("userid", id), ("picture", "qr/x.png"));
        foreign.Http.Should().Be(403);
        foreign.Status.Should().BeFalse();
        var notSales = await app.Operator().PostAsync(AddPicture, ("picture", "qr/x.png"));
        notSales.Status.Should().BeFalse();
        notSales.Code.Should().Be("invalid_argument");
        notSales.Body["errors"]!["userid"].Should().NotBeNull();
        var unknown = await app.Operator().PostAsync(AddPicture, ("userid", "no-such-user"), ("picture", "qr/x.png"));
        unknown.Code.Should().Be("not_found");
        (await app.Customer().PostAsync(AddPicture, ("picture", "qr/x.png"))).Http.Should().Be(403);
        (await app.Anonymous().PostAsync(AddPicture, ("picture", "qr/x.png"))).Http.Should().Be(401);
    }

    [Fact]
    public async Task Bad_card_input_is_refused_with_the_documented_message_never_500()
    {
        var (_, sales) = await SalesAsync();
        var missing = await sales.PostAsync(AddPicture);
        missing.Http.Should().Be(200);
        missing.Status.Should().BeFalse();
        missing.Msg.Should().Be("picture不能为空");
        (await sales.PostAsync(AddPicture, ("picture", new string('x', 1001)))).Code.Should().Be("invalid_argument");
        (await app.Operator().PostAsync(AddOrgPicture)).Msg.Should().Be("picture不能为空");
        var broken = await sales.Http.PostAsync(AddPicture,
            new StringContent("{", System.Text.Encoding.UTF8, "application/json"));
        ((int)broken.StatusCode).Should().Be(200);
    }

    [Fact]
    public async Task Org_cards_are_set_by_operators_and_seen_by_their_customers_and_cross_org_is_403()
    {
        var set = await app.Operator().PostAsync(AddOrgPicture, ("picture", "qr/demo-org.png"));
        set.Status.Should().BeTrue(set.Raw);
        set.Data!["orgid"]!.GetValue<string>().Should().Be(DemoData.OrgId);
        (await app.Operator().GetAsync(GetOrgPicture)).Data!["picture"]!.GetValue<string>()
            .Should().Be("qr/demo-org.png");
        (await app.Customer().GetAsync(GetOrgPicture)).Data!["orgid"]!.GetValue<string>()
            .Should().Be(DemoData.OrgId, "a customer sees its owner org's card");
        (await app.OtherOperator().PostAsync(AddOrgPicture, ("picture", "qr/x.png"), ("orgid", DemoData.OrgId)))
            .Http.Should().Be(403);
        (await app.Customer().PostAsync(AddOrgPicture, ("picture", "qr/x.png"))).Http.Should().Be(403);
        (await app.Anonymous().PostAsync(AddOrgPicture, ("picture", "qr/x.png"))).Http.Should().Be(401);
        var other = await app.OtherOperator().GetAsync(GetOrgPicture);
        other.Status.Should().BeTrue();
        other.Data.Should().BeNull("the other org has no card");
    }

    [Fact]
    public async Task Anonymous_callers_see_the_platform_org_card_and_contact()
    {
        var platform = await app.Factory.WithDbAsync(db => Task.FromResult(db.Organizations
            .Where(o => o.Kind == OrgKind.Operator && o.OwnerOrgId == null).OrderBy(o => o.CreateAt).First().Id));
        (await app.Admin().PostAsync(AddOrgPicture, ("picture", "qr/platform.png"), ("orgid", platform)))
            .Status.Should().BeTrue();
        var card = await app.Anonymous().GetAsync(GetOrgPicture);
        card.Data!["picture"]!.GetValue<string>().Should().Be("qr/platform.png");
        var contact = await app.Anonymous().GetAsync(Contact);
        contact.Status.Should().BeTrue(contact.Raw);
        contact.Data!["picture"]!.GetValue<string>().Should().Be("qr/platform.png");
        contact.Data["userid"].Should().BeNull();
    }

    [Fact]
    public async Task Contact_names_the_salesperson_of_a_customer_and_guards_other_users()
    {
        var (id, sales) = await SalesAsync();
        (await sales.PostAsync(AddPicture, ("picture", "qr/contact.png"))).Status.Should().BeTrue();
        var mine = await app.Customer().GetAsync(Contact);
        mine.Status.Should().BeTrue(mine.Raw);
        mine.Data!["userid"]!.GetValue<string>().Should().BeOneOf(id,
            await app.Factory.WithDbAsync(db => Task.FromResult(db.QrCards
                .Where(c => c.CardType == "sale" && c.OrgId == DemoData.OrgId)
                .OrderByDescending(c => c.UpdateTime).First().UserId)));
        var customerId = await app.Factory.WithDbAsync(db =>
            Task.FromResult(db.Users.First(u => u.OrgId == app.CustomerOrgId).Id));
        (await app.Operator().GetAsync(Contact, ("userid", customerId))).Status.Should().BeTrue();
        (await app.OtherOperator().GetAsync(Contact, ("userid", customerId))).Http.Should().Be(403);
        (await app.Anonymous().GetAsync(Contact, ("userid", customerId))).Http.Should().Be(401);
        (await app.Operator().GetAsync(Contact, ("userid", "nobody"))).Code.Should().Be("not_found");
    }

    [Fact]
    public async Task Sms_without_gateway_credentials_answers_not_configured_and_bad_numbers_are_refused()
    {
        var r = await app.Anonymous().GetAsync("/pub/sms_send_code.dspy", ("mobile", "13800000000"));
        r.Http.Should().Be(200);
        r.Status.Should().BeFalse();
        r.Code.Should().Be("not_configured");
        var bad = await app.Anonymous().GetAsync("/pub/sms_send_code.dspy", ("mobile", "12345"));
        bad.Msg.Should().Be("手机号格式错误");
        bad.Code.Should().Be("invalid_argument");
        (await app.Anonymous().GetAsync("/pub/sms_send_code.dspy")).Code.Should().Be("invalid_argument");
        var none = await app.Factory.WithDbAsync(db => Task.FromResult(db.SmsCodes.Count()));
        none.Should().Be(0, "nothing is recorded when the gateway is not configured");
    }

    [Fact]
    public async Task A_trial_application_needs_valid_fields_and_a_valid_code()
    {
        var noCode = await app.Anonymous().PostJsonAsync("/floating/apply.dspy", new
        {
            userid = "n23WjC9yEpq8ixMnQTeQB", customer = "张佳栋", phone = "18317316386", unit = "开元云",
            product = "1", resources = new[] { "A800", "H100" }, vcode = "123",
        });
        noCode.Http.Should().Be(200);
        noCode.Status.Should().BeFalse();
        noCode.Msg.Should().Be("验证码错误或已过期");
        noCode.Body["errors"]!["vcode"].Should().NotBeNull();
        var invalid = await app.Anonymous().PostJsonAsync("/floating/apply.dspy", new
        {
            customer = "", phone = "123", unit = new string('u', 101), product = "1", resources = new[] { "" },
        });
        invalid.Code.Should().Be("invalid_argument");
        foreach (var p in new[] { "customer", "phone", "unit", "vcode", "resources" })
            invalid.Body["errors"]![p].Should().NotBeNull(p);
        var odd = await app.Anonymous().PostJsonAsync("/floating/apply.dspy", new { resources = new { a = 1 } });
        odd.Http.Should().Be(200);
        odd.Status.Should().BeFalse();
    }

    [Fact]
    public async Task The_anonymous_sms_and_trial_endpoints_are_rate_limited_per_address()
    {
        using var limited = app.Factory.WithWebHostBuilder(b =>
            b.UseSetting("RateLimits:AnonymousWrite:PermitLimit", "2"));
        Api From(string ip) => new Api(limited.CreateClient()).From(ip);
        for (var i = 0; i < 2; i++)
            (await From("10.61.0.1").GetAsync("/pub/sms_send_code.dspy", ("mobile", "13800000000"))).Http
                .Should().Be(200);
        var refused = await From("10.61.0.1").GetAsync("/pub/sms_send_code.dspy", ("mobile", "13800000000"));
        refused.Http.Should().Be(429);
        refused.Code.Should().Be("rate_limited");
        (await From("10.61.0.1").PostAsync("/floating/apply.dspy", ("customer", "x"))).Http.Should().Be(429,
            "one limit per address over the anonymous write endpoints");
        (await From("10.61.0.2").PostAsync("/floating/apply.dspy", ("customer", "x"))).Http.Should().Be(200);
    }
}
