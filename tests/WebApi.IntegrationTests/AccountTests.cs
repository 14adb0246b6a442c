using Kboss.Domain.Identity;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>Account endpoints of the admin console (ADR 0025) through HTTP on SQLite.</summary>
public sealed class AccountTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string ListOrgs = "/user/list_orgs.dspy";
    private const string ListUsers = "/user/list_users.dspy";
    private const string ChangePassword = "/user/change_password.dspy";
    private const string ResetPassword = "/user/reset_password.dspy";
    private const string Disable = "/user/disable_user.dspy";
    private const string Enable = "/user/enable_user.dspy";
    private const string Current = "/user/current_user.dspy";
    private const string Change = ChangePassword;
    private const string Pw = AppFixture.Password;

    private sealed record Account(string Id, string Name, Api Api);

    /// <summary>A fresh customer in a fresh customer org owned by the demo operator org, logged in.</summary>
    private async Task<(string OrgId, Account User)> NewCustomerAsync()
    {
        var org = Market.Id(await app.Operator().PostAsync("/user/add_org.dspy",
            ("name", "账号" + Guid.NewGuid().ToString("N")[..8]), ("kind", "customer")));
        return (org, await NewUserAsync(app.Operator(), org, Roles.Customer));
    }

    private async Task<Account> NewUserAsync(Api creator, string orgId, string role)
    {
        var name = "u" + Guid.NewGuid().ToString("N")[..10];
        var r = await creator.PostAsync("/user/add_user.dspy", ("username", name), ("password", AppFixture.Password),
            ("roles", role), ("orgid", orgId));
        r.Status.Should().BeTrue(r.Raw);
        var token = await app.Anonymous().LoginAsync(name, AppFixture.Password);
        return new Account(Market.Id(r), name, new Api(app.Factory.CreateClient()).WithToken(token));
    }

    private Task<Response> LoginAsync(string name, string password, string ip) =>
        app.Anonymous().From(ip).PostAsync("/user/login.dspy", ("username", name), ("password", password));

    private static string NewIp() =>
        $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private Task<List<string>> AuditActionsAsync(string userId) => app.Factory.WithDbAsync(db =>
        db.AuditEntries.AsNoTracking().Where(a => a.EntityId == userId).Select(a => a.Action).ToListAsync());

    [Fact]
    public async Task Org_lists_are_scoped_to_what_the_caller_may_see()
    {
        var (org, customer) = await NewCustomerAsync();

        var all = await app.Admin().GetAsync(ListOrgs, ("rows", "1000"));
        all.Status.Should().BeTrue(all.Raw);
        all.Msg.Should().Be("获取组织列表成功");
        Market.Ids(all).Should().Contain([DemoData.OrgId, app.OtherOrgId, org, app.CustomerOrgId]);

        var mine = await app.Operator().GetAsync(ListOrgs, ("rows", "1000"));
        Market.Ids(mine).Should().Contain([DemoData.OrgId, org, app.CustomerOrgId]).And.NotContain(app.OtherOrgId);
        var row = Market.Rows(mine).Single(r => r!["id"]!.GetValue<string>() == org)!;
        row["kind"]!.GetValue<string>().Should().Be("customer");
        row["owner_orgid"]!.GetValue<string>().Should().Be(DemoData.OrgId);
        row["owner_orgid_text"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        row["users"]!.GetValue<int>().Should().Be(1);
        row["create_at"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$");

        Market.Ids(await app.OtherOperator().GetAsync(ListOrgs, ("rows", "1000")))
            .Should().Contain(app.OtherOrgId).And.NotContain([org, DemoData.OrgId]);
        var own = await customer.Api.GetAsync(ListOrgs);
        own.Data!["total"]!.GetValue<int>().Should().Be(1);
        Market.Ids(own).Should().Equal(org);

        // filters and paging
        var byName = await app.Operator().GetAsync(ListOrgs, ("name", "客户甲"), ("kind", "customer"));
        Market.Ids(byName).Should().Equal(app.CustomerOrgId);
        var owned = await app.Admin().GetAsync(ListOrgs, ("owner_orgid", DemoData.OrgId), ("rows", "1"), ("page", "2"),
            ("sort", "create_at desc"));
        owned.Data!["total"]!.GetValue<int>().Should().BeGreaterThanOrEqualTo(2);
        Market.Rows(owned).Should().HaveCount(1);
        Market.Rows(owned)[0]!["row_num_"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public async Task User_lists_are_scoped_and_filtered()
    {
        var (org, customer) = await NewCustomerAsync();
        var second = await NewUserAsync(app.Operator(), org, Roles.Customer);

        var ofOrg = await app.Operator().GetAsync(ListUsers, ("orgid", org));
        ofOrg.Status.Should().BeTrue(ofOrg.Raw);
        ofOrg.Msg.Should().Be("获取用户列表成功");
        Market.Ids(ofOrg).Should().BeEquivalentTo([customer.Id, second.Id]);
        var row = Market.Rows(ofOrg).First(r => r!["id"]!.GetValue<string>() == customer.Id)!;
        row["username"]!.GetValue<string>().Should().Be(customer.Name);
        row["orgid"]!.GetValue<string>().Should().Be(org);
        row["roles"]!.AsArray().Select(x => x!.GetValue<string>()).Should().Equal("customer");
        row["state"]!.GetValue<string>().Should().Be("active");
        row.AsObject().Select(p => p.Key).Should().NotContain(k => k.Contains("password"));

        // name filter: case-insensitive after NFKC; role and state filters
        Market.Ids(await app.Operator().GetAsync(ListUsers, ("name", customer.Name.ToUpperInvariant())))
            .Should().Equal(customer.Id);
        Market.Ids(await app.Admin().GetAsync(ListUsers, ("orgid", org), ("role", "operator"))).Should().BeEmpty();
        Market.Ids(await app.Admin().GetAsync(ListUsers, ("orgid", org), ("state", "disabled"))).Should().BeEmpty();

        // scope: a customer sees its own org's users; another operator org neither sees nor names them
        Market.Ids(await customer.Api.GetAsync(ListUsers, ("rows", "1000")))
            .Should().BeEquivalentTo([customer.Id, second.Id]);
        (await customer.Api.GetAsync(ListUsers, ("orgid", DemoData.OrgId))).Http.Should().Be(403);
        (await app.OtherOperator().GetAsync(ListUsers, ("orgid", org))).Http.Should().Be(403);
        Market.Ids(await app.OtherOperator().GetAsync(ListUsers, ("name", customer.Name))).Should().BeEmpty();
        Market.Ids(await app.Operator().GetAsync(ListUsers, ("name", "op2"))).Should().BeEmpty();
        Market.Ids(await app.Admin().GetAsync(ListUsers, ("name", "op2"))).Should().NotBeEmpty();
    }

    [Theory]
    [InlineData(ListUsers, "rows", "abc")]
    [InlineData(ListUsers, "page", "0")]
    [InlineData(ListUsers, "state", "gone")]
    [InlineData(ListUsers, "role", "root")]
    [InlineData(ListUsers, "sort", "password_hash")]
    [InlineData(ListOrgs, "kind", "bank")]
    [InlineData(ListOrgs, "rows", "1001")]
    [InlineData(ListOrgs, "sort", "owner")]
    public async Task Bad_list_input_is_an_invalid_argument(string path, string param, string value)
    {
        var r = await app.Admin().GetAsync(path, (param, value));
        r.Http.Should().Be(200, r.Raw);
        r.Status.Should().BeFalse();
        r.Code.Should().Be("invalid_argument");
        r.Body["errors"]![param].Should().NotBeNull(r.Raw);
    }

    [Fact]
    public async Task Anonymous_callers_get_401_everywhere()
    {
        foreach (var path in new[] { ListOrgs, ListUsers })
            (await app.Anonymous().GetAsync(path)).Http.Should().Be(401);
        foreach (var path in new[] { ChangePassword, ResetPassword, Disable, Enable })
            (await app.Anonymous().PostAsync(path, ("userid", "x"), ("old_password", "a"), ("new_password", "b")))
                .Http.Should().Be(401);
    }

    [Fact]
    public async Task Changing_ones_password_needs_the_old_one_and_ends_every_other_session()
    {
        var (_, me) = await NewCustomerAsync();
        var ip = NewIp();
        var otherSession = new Api(app.Factory.CreateClient())
            .WithToken(await app.Anonymous().LoginAsync(me.Name, AppFixture.Password));
        me.Api.From(ip);

        var wrong = await me.Api.PostAsync(Change, ("old_password", "Wrong-pass-1"), ("new_password", "N3w-password"));
        wrong.Http.Should().Be(200);
        wrong.Code.Should().Be("invalid_credentials");
        wrong.Msg.Should().Be("原密码错误");
        var weak = await me.Api.PostAsync(Change, ("old_password", Pw), ("new_password", "short"));
        weak.Code.Should().Be("invalid_argument");
        weak.Body["errors"]!["new_password"].Should().NotBeNull();
        var same = await me.Api.PostAsync(Change, ("old_password", Pw), ("new_password", Pw));
        same.Body["errors"]!["new_password"]![0]!.GetValue<string>().Should().Be("新密码不能与原密码相同");
        (await me.Api.PostAsync(Change, ("new_password", "N3w-password"))).Code.Should().Be("invalid_argument");

        var ok = await me.Api.PostAsync(Change, ("old_password", Pw), ("new_password", "N3w-password"));
        ok.Status.Should().BeTrue(ok.Raw);
        ok.Msg.Should().Be("密码修改成功");
        ok.Raw.Should().NotContain("N3w-password").And.NotContain("AQAAAA"); // neither the password nor a hash
        var fresh = ok.Data!["token"]!.GetValue<string>();

        (await me.Api.GetAsync(Current)).Http.Should().Be(401);
        (await otherSession.GetAsync(Current)).Http.Should().Be(401);
        (await new Api(app.Factory.CreateClient()).WithToken(fresh).GetAsync(Current)).Status.Should().BeTrue();
        (await LoginAsync(me.Name, AppFixture.Password, NewIp())).Code.Should().Be("invalid_credentials");
        (await LoginAsync(me.Name, "N3w-password", NewIp())).Status.Should().BeTrue();
        (await AuditActionsAsync(me.Id)).Should().Contain("identity.password_changed");
    }

    [Fact]
    public async Task Guessing_the_old_password_is_throttled_like_a_sign_in()
    {
        var (_, me) = await NewCustomerAsync();
        me.Api.From(NewIp());
        Response? last = null;
        for (var i = 0; i < 8 && last?.Code != "too_many_attempts"; i++)
            last = await me.Api.PostAsync(Change, ("old_password", $"Guess-{i}-x"), ("new_password", "N3w-password"));
        last!.Code.Should().Be("too_many_attempts", last.Raw);
        last.Msg.Should().MatchRegex(@"^尝试次数过多,请 \d+ 秒后再试$");
    }

    [Fact]
    public async Task An_operator_resets_the_password_of_a_user_of_an_org_it_owns()
    {
        var (_, customer) = await NewCustomerAsync();

        var reset = await app.Operator().PostAsync(ResetPassword, ("userid", customer.Id));
        reset.Status.Should().BeTrue(reset.Raw);
        reset.Msg.Should().Be("密码已重置");
        reset.Data!["userid"]!.GetValue<string>().Should().Be(customer.Id);
        var temporary = reset.Data["temporary_password"]!.GetValue<string>();
        temporary.Should().MatchRegex("^(?=.*[A-Za-z])(?=.*[0-9]).{16}$");
        (await customer.Api.GetAsync(Current)).Http.Should().Be(401);
        (await LoginAsync(customer.Name, temporary, NewIp())).Status.Should().BeTrue();

        // a chosen password is not echoed
        var chosen = await app.Admin().PostAsync(ResetPassword, ("userid", customer.Id),
            ("new_password", "Ch0sen-password"));
        chosen.Status.Should().BeTrue(chosen.Raw);
        chosen.Data!["temporary_password"].Should().BeNull();
        chosen.Raw.Should().NotContain("Ch0sen-password");
        (await LoginAsync(customer.Name, "Ch0sen-password", NewIp())).Status.Should().BeTrue();
        (await AuditActionsAsync(customer.Id)).Count(a => a == "identity.password_reset").Should().Be(2);
    }

    [Fact]
    public async Task Resets_across_orgs_or_upwards_are_forbidden()
    {
        var (_, customer) = await NewCustomerAsync();
        var colleague = await NewUserAsync(app.Admin(), DemoData.OrgId, Roles.Operator);
        var adminId = await Market.UserIdAsync(app.Admin());

        (await app.OtherOperator().PostAsync(ResetPassword, ("userid", customer.Id))).Http.Should().Be(403);
        (await customer.Api.PostAsync(ResetPassword, ("userid", customer.Id))).Http.Should().Be(403);
        (await app.Operator().PostAsync(ResetPassword, ("userid", colleague.Id))).Http.Should().Be(403); // own org
        (await app.Operator().PostAsync(ResetPassword, ("userid", adminId))).Http.Should().Be(403);
        (await app.Admin().PostAsync(ResetPassword, ("userid", adminId))).Http.Should().Be(403); // self
        (await colleague.Api.GetAsync(Current)).Status.Should().BeTrue();

        var unknown = await app.Admin().PostAsync(ResetPassword, ("userid", "nope"));
        (unknown.Http, unknown.Code, unknown.Msg).Should().Be((200, "not_found", "用户不存在"));
        (await app.Admin().PostAsync(ResetPassword)).Code.Should().Be("invalid_argument");
        (await app.Admin().PostAsync(ResetPassword, ("userid", customer.Id), ("new_password", "weak"))).Code
            .Should().Be("invalid_argument");
        (await customer.Api.GetAsync(Current)).Status.Should().BeTrue(); // nothing above changed it
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_and_its_tokens_stop_working()
    {
        var (org, customer) = await NewCustomerAsync();

        (await app.OtherOperator().PostAsync(Disable, ("userid", customer.Id))).Http.Should().Be(403);
        (await customer.Api.PostAsync(Disable, ("userid", customer.Id))).Http.Should().Be(403);
        (await customer.Api.GetAsync(Current)).Status.Should().BeTrue();

        var off = await app.Operator().PostAsync(Disable, ("userid", customer.Id));
        off.Status.Should().BeTrue(off.Raw);
        off.Msg.Should().Be("用户已停用");
        off.Data!["state"]!.GetValue<string>().Should().Be("disabled");
        (await customer.Api.GetAsync(Current)).Http.Should().Be(401);
        var refused = await LoginAsync(customer.Name, AppFixture.Password, NewIp());
        (refused.Http, refused.Status, refused.Code, refused.Msg).Should().Be((200, false, "forbidden", "账号已停用"));
        (await LoginAsync(customer.Name, "Wrong-pass-1", NewIp())).Code.Should().Be("invalid_credentials");
        Market.Ids(await app.Operator().GetAsync(ListUsers, ("orgid", org), ("state", "disabled")))
            .Should().Equal(customer.Id);
        (await app.Operator().PostAsync(Disable, ("userid", customer.Id))).Status.Should().BeTrue(); // again: unchanged

        (await app.OtherOperator().PostAsync(Enable, ("userid", customer.Id))).Http.Should().Be(403);
        var on = await app.Operator().PostAsync(Enable, ("userid", customer.Id));
        on.Status.Should().BeTrue(on.Raw);
        on.Msg.Should().Be("用户已启用");
        on.Data!["state"]!.GetValue<string>().Should().Be("active");
        (await customer.Api.GetAsync(Current)).Http.Should().Be(401); // old sessions stay ended
        (await LoginAsync(customer.Name, AppFixture.Password, NewIp())).Status.Should().BeTrue();
        (await AuditActionsAsync(customer.Id)).Should().Contain(["identity.user_disabled", "identity.user_enabled",
            "identity.login_disabled"]);
    }

    [Fact]
    public async Task An_admin_cannot_disable_itself()
    {
        var adminId = await Market.UserIdAsync(app.Admin());
        var r = await app.Admin().PostAsync(Disable, ("userid", adminId));
        (r.Http, r.Status, r.Code, r.Msg).Should().Be((200, false, "conflict", User.SelfDisableMessage));
        (await app.Admin().GetAsync(Current)).Status.Should().BeTrue();
        (await app.Admin().PostAsync(Disable, ("userid", " "))).Code.Should().Be("invalid_argument");
        (await app.Admin().PostAsync(Enable, ("userid", new string('x', 65)))).Code.Should().Be("invalid_argument");
    }

    [Fact]
    public async Task Parallel_changes_of_one_account_end_consistent_and_never_fail_with_500()
    {
        var (_, customer) = await NewCustomerAsync();
        var calls = Enumerable.Range(0, 8).Select(i => (i % 3) switch
        {
            0 => app.Operator().PostAsync(Disable, ("userid", customer.Id)),
            1 => app.Operator().PostAsync(ResetPassword, ("userid", customer.Id), ("new_password", $"Par4llel-{i}")),
            _ => app.Admin().PostAsync(Enable, ("userid", customer.Id)),
        });
        var answers = await Task.WhenAll(calls);
        answers.Should().OnlyContain(a => a.Http == 200 && (a.Status || a.Code == "conflict" || a.Code == "busy"),
            string.Join("\n", answers.Select(a => a.Raw)));
        answers.Should().Contain(a => a.Status);
        (await customer.Api.GetAsync(Current)).Http.Should().Be(401); // some disable or reset went through
        var stored = await app.Factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == customer.Id));
        stored.TokenVersion.Should().BeGreaterThan(0);
    }
}
