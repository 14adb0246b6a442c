using Kboss.Application.Common.Interfaces;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>C1–C4 (spec: 37-cpcc-centers.md).</summary>
public sealed class CenterTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static (string, string?)[] Fields(string name, string pwd = "Kyy@123456", string? orgid = null,
        string apiUser = "ysh") =>
    [
        ("name", name), ("pcapi_url", "https://opencomputing.ai"), ("api_user", apiUser), ("api_pwd", pwd),
        ("contactname", "Ahexl"), ("contactphone", "13141005621"), ("enable_date", "2025-05-16"), ("expire_date", "2026-06-17"), ("orgid", orgid),
    ];

    [Fact]
    public async Task Add_echoes_the_spec_shape_with_the_password_masked_and_encrypted_at_rest()
    {
        var r = await app.Operator().PostAsync("/dev/cpcc/cpclist/add_cpclist.dspy", Fields("首都算力中心1"));
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("新建算力中心成功");
        var d = r.Data!;
        d["api_pwd"]!.GetValue<string>().Should().Be("******");
        d["orgid"]!.GetValue<string>().Should().Be(DemoData.OrgId);
        d["enable_date"]!.GetValue<string>().Should().Be("2025-05-16");
        d["expire_date"]!.GetValue<string>().Should().Be("2026-06-17");
        d["contactphone"]!.GetValue<string>().Should().Be("13141005621");
        var id = d["id"]!.GetValue<string>();
        id.Should().MatchRegex("^[A-Za-z0-9_-]{21}$");
        r.Raw.Should().NotContain("Kyy@123456");
        await app.Factory.WithDbAsync(async db =>
        {
            var stored = await db.ComputeCenters.AsNoTracking().SingleAsync(c => c.Id == id);
            stored.ApiPwdProtected.Should().NotContain("Kyy@123456");
            app.Factory.Service<ISecretProtector>().Unprotect(stored.ApiPwdProtected).Should().Be("Kyy@123456");
            (await db.AuditEntries.AsNoTracking().AnyAsync(a => a.EntityId == id && a.Action == "cpcc.center.created")).Should().BeTrue();
        });
    }

    [Fact]
    public async Task Update_keeps_the_password_when_masked_and_changes_it_when_given()
    {
        var id = (await app.Operator().PostAsync("/dev/cpcc/cpclist/add_cpclist.dspy", Fields("更新用中心"))).Data!["id"]!.GetValue<string>();
        var upd = Fields("首都算力中心3", "******").Where(f => f.Item1 != "orgid").Append(("id", id)).ToArray();
        var r = await app.Operator().PostAsync("/dev/cpcc/cpclist/update_cpclist.dspy", upd);
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("更新算力中心成功");
        r.Data!["name"]!.GetValue<string>().Should().Be("首都算力中心3");
        r.Data["api_pwd"]!.GetValue<string>().Should().Be("******");
        string Stored() { string v = ""; app.Factory.WithDbAsync(async db => v = (await db.ComputeCenters.AsNoTracking().SingleAsync(c => c.Id == id)).ApiPwdProtected).GetAwaiter().GetResult(); return app.Factory.Service<ISecretProtector>().Unprotect(v); }
        Stored().Should().Be("Kyy@123456");
        await app.Operator().PostAsync("/dev/cpcc/cpclist/update_cpclist.dspy", Fields("首都算力中心3", "New-Pw-1").Where(f => f.Item1 != "orgid").Append(("id", id)).ToArray());
        Stored().Should().Be("New-Pw-1");

        var missing = await app.Operator().PostAsync("/dev/cpcc/cpclist/update_cpclist.dspy", Fields("x"));
        missing.Status.Should().BeFalse();
        missing.Msg.Should().Be("无算力中心ID");
        (await app.Operator().PostAsync("/dev/cpcc/cpclist/update_cpclist.dspy", Fields("x").Append(("id", "nope")).ToArray())).Msg.Should().Be("算力中心不存在");
        (await app.OtherOperator().PostAsync("/dev/cpcc/cpclist/update_cpclist.dspy", Fields("x").Append(("id", id)).ToArray())).Http.Should().Be(403);
    }

    [Fact]
    public async Task List_is_paged_sorted_and_scoped_to_the_org()
    {
        var org = (await app.Admin().PostAsync("/user/add_org.dspy", ("name", "列表测试机构"), ("kind", "operator"))).Data!["id"]!.GetValue<string>();
        foreach (var n in new[] { "丙", "甲", "乙" })
            (await app.Admin().PostAsync("/dev/cpcc/cpclist/add_cpclist.dspy", Fields(n, orgid: org, apiUser: "list-" + org)))
                .Status.Should().BeTrue();
        var r = await app.Admin().GetAsync("/dev/cpcc/cpclist/get_cpclist.dspy", ("orgid", org), ("page", "1"), ("rows", "2"), ("sort", "name desc"));
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("算力中心数据查询成功");
        r.Data!["total"]!.GetValue<int>().Should().Be(3);
        var rows = r.Data["rows"]!.AsArray();
        rows.Select(x => x!["name"]!.GetValue<string>()).Should().Equal("甲", "乙"); // ordinal: 甲 U+7532 > 乙 U+4E59 > 丙 U+4E19
        rows.Select(x => x!["row_num_"]!.GetValue<int>()).Should().Equal(1, 2);
        rows[0]!["orgid_text"]!.GetValue<string>().Should().Be("列表测试机构");
        rows[0]!["api_pwd"]!.GetValue<string>().Should().Be("******");
        var p2 = await app.Admin().GetAsync("/dev/cpcc/cpclist/get_cpclist.dspy", ("orgid", org), ("page", "2"), ("rows", "2"), ("sort", "name desc"));
        p2.Data!["rows"]!.AsArray().Single()!["row_num_"]!.GetValue<int>().Should().Be(3);
        var byId = await app.Admin().GetAsync("/dev/cpcc/cpclist/get_cpclist.dspy", ("orgid", org));
        var ids = byId.Data!["rows"]!.AsArray().Select(x => x!["id"]!.GetValue<string>()).ToList();
        ids.Should().BeInAscendingOrder(StringComparer.Ordinal);

        var own = await app.Operator().GetAsync("/dev/cpcc/cpclist/get_cpclist.dspy", ("rows", "1000"));
        own.Data!["rows"]!.AsArray().Should().OnlyContain(x => x!["orgid"]!.GetValue<string>() == DemoData.OrgId);
        own.Data["rows"]!.AsArray().Should().Contain(x => x!["id"]!.GetValue<string>() == DemoData.CenterId);
    }

    [Fact]
    public async Task An_api_user_of_another_org_is_refused_in_any_case_and_the_own_org_may_reuse_it()
    {
        var org = (await app.Admin().PostAsync("/user/add_org.dspy", ("name", "接口账号机构"), ("kind", "operator")))
            .Data!["id"]!.GetValue<string>();
        foreach (var taken in new[] { "ysh", "YSH", "Ysh" }) // the demo org's centres use ysh
        {
            var r = await app.Admin().PostAsync("/dev/cpcc/cpclist/add_cpclist.dspy", Fields("抢注", orgid: org, apiUser: taken));
            r.Status.Should().BeFalse(r.Raw);
            r.Code.Should().Be("conflict");
            r.Msg.Should().Be(Kboss.Application.Cpcc.Centers.CenterApiUsers.Taken);
        }
        var own = await app.Admin().PostAsync("/dev/cpcc/cpclist/add_cpclist.dspy", Fields("自有", orgid: org, apiUser: "own-" + org));
        own.Status.Should().BeTrue(own.Raw);
        var id = own.Data!["id"]!.GetValue<string>();
        var renamed = await app.Admin().PostAsync("/dev/cpcc/cpclist/update_cpclist.dspy",
            [.. Fields("自有", orgid: org, apiUser: "YSH"), ("id", id)]);
        renamed.Code.Should().Be("conflict", renamed.Raw);
        (await app.Operator().PostAsync("/dev/cpcc/cpclist/add_cpclist.dspy", Fields("同组织第二个"))).Status
            .Should().BeTrue("an org may use its own API user on several centres");
    }

    [Theory]
    [InlineData("page", "0")]
    [InlineData("page", "abc")]
    [InlineData("rows", "100000")]
    [InlineData("sort", "password")]
    public async Task List_rejects_bad_paging(string key, string value)
    {
        var r = await app.Operator().GetAsync("/dev/cpcc/cpclist/get_cpclist.dspy", (key, value));
        r.Http.Should().Be(200);
        r.Status.Should().BeFalse();
        r.Code.Should().Be("invalid_argument");
    }

    [Fact]
    public async Task Roles_and_org_scope_are_enforced()
    {
        (await app.Anonymous().GetAsync("/dev/cpcc/cpclist/get_cpclist.dspy")).Http.Should().Be(401);
        var customer = await app.Customer().GetAsync("/dev/cpcc/cpclist/get_cpclist.dspy");
        customer.Http.Should().Be(403);
        customer.Status.Should().BeFalse();
        var foreign = await app.Operator().GetAsync("/dev/cpcc/cpclist/get_cpclist.dspy", ("orgid", app.OtherOrgId));
        foreign.Http.Should().Be(403);
        foreign.Msg.Should().Be("无权操作该组织的数据");
        (await app.Operator().PostAsync("/dev/cpcc/cpclist/add_cpclist.dspy", Fields("越权", orgid: app.OtherOrgId))).Http.Should().Be(403);
        // an operator may act on an org it owns
        (await app.Operator().GetAsync("/dev/cpcc/cpclist/get_cpclist.dspy", ("orgid", app.CustomerOrgId))).Status.Should().BeTrue();
    }

    [Theory]
    [InlineData("name", "", "缺少必要参数: name")]
    [InlineData("pcapi_url", "ftp://x", "pcapi_url 必须是以 http:// 或 https:// 开头的完整地址")]
    [InlineData("api_pwd", "", "缺少必要参数: api_pwd")]
    [InlineData("contactphone", "abc", "contactphone 手机号格式错误")]
    [InlineData("enable_date", "2025/05/16", "enable_date 日期格式应为 yyyy-MM-dd")]
    [InlineData("expire_date", "2020-01-01", "停用日期不能早于启用日期")]
    public async Task Add_rejects_bad_input(string field, string value, string msg)
    {
        var form = Fields("校验").Select(f => f.Item1 == field ? (f.Item1, (string?)value) : f).ToArray();
        var r = await app.Operator().PostAsync("/dev/cpcc/cpclist/add_cpclist.dspy", form);
        r.Http.Should().Be(200);
        r.Status.Should().BeFalse();
        r.Msg.Should().Be(msg);
    }

    [Fact]
    public async Task Delete_refuses_centres_in_use_and_hides_deleted_ones()
    {
        var used = await Seed.CenterAsync(app.Factory);
        var refused = await app.Operator().PostAsync("/dev/cpcc/cpclist/delete_cpclist.dspy", ("id", used.Id));
        refused.Status.Should().BeFalse();
        refused.Code.Should().Be("conflict");
        var id = (await app.Operator().PostAsync("/dev/cpcc/cpclist/add_cpclist.dspy", Fields("待删除"))).Data!["id"]!.GetValue<string>();
        var r = await app.Operator().PostAsync("/dev/cpcc/cpclist/delete_cpclist.dspy", ("id", id));
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("删除算力中心成功");
        r.Data!.ToJsonString().Should().Be($$"""{"id":"{{id}}","orgid":"{{DemoData.OrgId}}"}""");
        (await app.Operator().PostAsync("/dev/cpcc/cpclist/delete_cpclist.dspy", ("id", id))).Msg.Should().Be("算力中心不存在");
        (await app.Operator().PostAsync("/dev/cpcc/cpclist/delete_cpclist.dspy")).Msg.Should().Be("无算力中心ID");
        var list = await app.Operator().GetAsync("/dev/cpcc/cpclist/get_cpclist.dspy", ("rows", "1000"));
        list.Data!["rows"]!.AsArray().Should().NotContain(x => x!["id"]!.GetValue<string>() == id);
    }
}
