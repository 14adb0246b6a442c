using System.Text.Json.Nodes;
using Kboss.Application.Messages;
using Kboss.Domain.Identity;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>站内信 (21-messages.md; analysis/platform.md §3.2, §4.2, §4.3) through HTTP on SQLite.</summary>
public sealed class MessageTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Unread = "/message/get_unreadmsg.dspy";
    private const string All = "/message/get_msg.dspy";
    private const string ReadList = "/message/get_readmsg.dspy";
    private const string Add = "/message/add_msg.dspy";
    private const string Up = "/message/up_msg.dspy";
    private const string Del = "/message/del_msg.dspy";
    private const string Templates = "/message/getmsg_config.dspy";
    private const string AddTpl = "/message/addmsg_config.dspy";
    private const string DelTpl = "/message/delmsg_config.dspy";
    private const string UpTpl = "/message/upmsg_config.dspy";
    private const string On = "/message/is_msg.dspy";
    private const string Off = "/message/not_msg.dspy";

    private Task<string> UserIdAsync(string username) =>
        app.Factory.WithDbAsync(db => db.Users.Where(u => u.Username == username).Select(u => u.Id).SingleAsync());

    /// <summary>A fresh customer of the fixture's customer org (its own inbox) and its id.</summary>
    private async Task<(Api Api, string Id)> NewCustomerAsync()
    {
        var name = "c" + Guid.NewGuid().ToString("N")[..10];
        (await app.Operator().PostAsync("/user/add_user.dspy", ("username", name), ("password", AppFixture.Password),
            ("roles", Roles.Customer), ("orgid", app.CustomerOrgId))).Status.Should().BeTrue();
        var token = await app.Anonymous().LoginAsync(name, AppFixture.Password);
        var api = new Api(app.Factory.CreateClient()).WithToken(token);
        return (api, await UserIdAsync(name));
    }

    private static string Type() => "类型" + Guid.NewGuid().ToString("N")[..8];

    private static IReadOnlyList<string> Ids(Response r) =>
        r.Body["msg"]!.AsArray().Select(x => x!["id"]!.GetValue<string>()).ToList();

    private async Task<IReadOnlyList<string>> SendAsync(Api who, string type, params string[] receivers)
    {
        var r = await who.PostJsonAsync(Add, new
        {
            senderid = (string?)null, receiverid = receivers, msgtitle = "账户余额变动通知", msgtype = type,
            msgtext = "尊敬的用户您好:截至目前,您的可用金余额为5000.00元",
        });
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("发送成功");
        r.Data!["count"]!.GetValue<int>().Should().Be(receivers.Distinct().Count());
        return receivers;
    }

    [Fact]
    public async Task Send_list_mark_read_and_delete_keep_the_three_lists_consistent()
    {
        var (customer, id) = await NewCustomerAsync();
        var type = Type();
        await SendAsync(app.Operator(), type, id, id); // duplicates removed
        var second = await app.Operator().PostAsync(Add, ("receiverid", id), ("msgtitle", "第二条"), ("msgtype", type),
            ("msgtext", "<b>正文</b>"));
        second.Status.Should().BeTrue(second.Raw);

        var unread = await customer.GetAsync(Unread);
        unread.Status.Should().BeTrue(unread.Raw);
        unread.Body["count"]!.GetValue<int>().Should().Be(2);
        var items = unread.Body["msg"]!.AsArray();
        items.Should().HaveCount(2);
        var first = items[0]!.AsObject();
        first.Select(p => p.Key).Should().Equal("id", "senderid", "receiverid", "msgtitle", "msgtext", "msgtype",
            "msgstatus", "sendtime", "del_flg", "create_at");
        first["msgtitle"]!.GetValue<string>().Should().Be("第二条"); // newest first
        first["msgtext"]!.GetValue<string>().Should().Be("<b>正文</b>"); // stored as given
        first["msgstatus"]!.GetValue<string>().Should().Be("0");
        first["receiverid"]!.GetValue<string>().Should().Be(id);
        first["sendtime"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$");
        var ids = Ids(unread);

        var up = await customer.PostAsync(Up, ("msgid", ids[1]));
        up.Status.Should().BeTrue(up.Raw);
        up.Msg.Should().Be("修改成功");
        (await customer.PostAsync(Up, ("id", ids[1]))).Status.Should().BeTrue(); // alias, idempotent
        Ids(await customer.GetAsync(Unread)).Should().Equal(ids[0]);
        (await customer.GetAsync(Unread)).Body["count"]!.GetValue<int>().Should().Be(1);
        Ids(await customer.GetAsync(ReadList)).Should().Equal(ids[1]);
        Ids(await customer.GetAsync(All)).Should().Equal(ids);

        var del = await customer.PostAsync(Del, ("id", ids[1]));
        del.Status.Should().BeTrue(del.Raw);
        del.Msg.Should().Be("删除成功");
        Ids(await customer.GetAsync(All)).Should().Equal(ids[0]);
        Ids(await customer.GetAsync(ReadList)).Should().BeEmpty();
        var again = await customer.PostAsync(Del, ("id", ids[1]));
        (again.Status, again.Msg, again.Code).Should().Be((false, "消息不存在", "not_found"));
        var upGone = await customer.PostAsync(Up, ("msgid", ids[1]));
        (upGone.Status, upGone.Msg).Should().Be((false, "消息不存在"));
    }

    [Fact]
    public async Task Receivers_see_and_change_only_their_own_messages()
    {
        var (alice, aliceId) = await NewCustomerAsync();
        var (bob, bobId) = await NewCustomerAsync();
        await SendAsync(app.Operator(), Type(), aliceId);
        var aliceMsg = Ids(await alice.GetAsync(All)).Single();
        Ids(await bob.GetAsync(All)).Should().BeEmpty();

        (await bob.GetAsync(All, ("userid", aliceId))).Http.Should().Be(403);
        (await bob.GetAsync(Unread, ("userid", aliceId))).Http.Should().Be(403);
        (await bob.PostAsync(Up, ("msgid", aliceMsg))).Http.Should().Be(403);
        (await bob.PostAsync(Del, ("id", aliceMsg))).Http.Should().Be(403);
        (await app.OtherOperator().GetAsync(All, ("userid", aliceId))).Http.Should().Be(403); // other operator org
        (await app.OtherOperator().PostAsync(Up, ("msgid", aliceMsg))).Http.Should().Be(403);
        Ids(await app.Operator().GetAsync(All, ("userid", aliceId))).Should().Equal(aliceMsg); // owns the org
        Ids(await app.Admin().GetAsync(Unread, ("userid", aliceId))).Should().Equal(aliceMsg);
        var unknown = await app.Admin().GetAsync(All, ("userid", "nobody-there"));
        (unknown.Status, unknown.Msg, unknown.Code).Should().Be((false, "用户不存在", "not_found"));
        (await alice.GetAsync(Unread)).Body["count"]!.GetValue<int>().Should().Be(1); // nothing changed it

        foreach (var path in new[] { Unread, All, ReadList })
            (await app.Anonymous().GetAsync(path)).Http.Should().Be(401);
        (await app.Anonymous().PostAsync(Up, ("msgid", aliceMsg))).Http.Should().Be(401);
        (await app.Anonymous().PostAsync(Del, ("id", aliceMsg))).Http.Should().Be(401);
    }

    [Fact]
    public async Task Add_msg_documented_messages_and_org_scope()
    {
        var (customer, id) = await NewCustomerAsync();
        var type = Type();
        async Task<Response> Send(Api who, params (string, string?)[] extra)
        {
            var form = new List<(string, string?)> { ("receiverid", id), ("msgtitle", "标题"), ("msgtype", type),
                ("msgtext", "正文") };
            foreach (var (k, v) in extra) { form.RemoveAll(f => f.Item1 == k); form.Add((k, v)); }
            return await who.PostAsync(Add, form.ToArray());
        }

        var empty = await Send(app.Operator(), ("receiverid", null));
        (empty.Status, empty.Code).Should().Be((false, "invalid_argument"));
        empty.Body["errors"]!["receiverid"]![0]!.GetValue<string>().Should().Be("receiverid不能为空");
        var missing = await Send(app.Operator(), ("receiverid", $"[\"{id}\",\"ghost-user\"]"));
        (missing.Status, missing.Msg, missing.Code).Should().Be((false, "接收人不存在: ghost-user", "not_found"));
        foreach (var bad in new[] { "[]", "[", "[null]", "{\"a\":1}x" })
            (await Send(app.Operator(), ("receiverid", bad))).Code.Should().BeOneOf("invalid_argument", "not_found");
        foreach (var field in new[] { "msgtitle", "msgtype", "msgtext" })
            (await Send(app.Operator(), (field, ""))).Body["errors"]![field].Should().NotBeNull();
        (await Send(app.Operator(), ("msgtitle", new string('题', 201)))).Code.Should().Be("invalid_argument");
        var many = "[" + string.Join(",", Enumerable.Range(0, 1001).Select(i => $"\"u{i}\"")) + "]";
        (await Send(app.Operator(), ("receiverid", many))).Code.Should().Be("invalid_argument");

        (await Send(app.OtherOperator())).Http.Should().Be(403); // receiver in an org it doesn't own
        (await Send(app.Operator(), ("senderid", await UserIdAsync("op2")))).Http.Should().Be(403);
        (await Send(customer)).Http.Should().Be(403);
        (await Send(app.Anonymous())).Http.Should().Be(401);
        Ids(await customer.GetAsync(All)).Should().BeEmpty();

        var asOther = await Send(app.Operator(), ("senderid", await UserIdAsync("op1")));
        asOther.Status.Should().BeTrue(asOther.Raw);
        var fromAdmin = await Send(app.Admin());
        fromAdmin.Status.Should().BeTrue(fromAdmin.Raw);
        (await customer.GetAsync(All)).Body["msg"]!.AsArray().Select(m => m!["senderid"]!.GetValue<string>())
            .Should().BeEquivalentTo([await UserIdAsync("admin"), await UserIdAsync("op1")]);
    }

    [Fact]
    public async Task Templates_crud_switch_and_org_scope()
    {
        var (customer, id) = await NewCustomerAsync();
        var type = Type();
        var added = await app.Operator().PostAsync(AddTpl, ("msgtype", type), ("msgtext", "余额 $amount 元"));
        added.Status.Should().BeTrue(added.Raw);
        added.Msg.Should().Be("新增成功");
        var tpl = added.Data!["id"]!.GetValue<string>();
        var dup = await app.Operator().PostAsync(AddTpl, ("msgtype", type), ("msgtext", "x"));
        (dup.Status, dup.Msg, dup.Code).Should().Be((false, "该类型模板已存在", "conflict"));
        (await app.OtherOperator().PostAsync(AddTpl, ("msgtype", type), ("msgtext", "x"))).Status
            .Should().BeTrue(); // its own org

        var list = await app.Operator().GetAsync(Templates);
        list.Status.Should().BeTrue(list.Raw);
        var row = list.Data!.AsArray().Single(t => t!["id"]!.GetValue<string>() == tpl)!.AsObject();
        row.Select(p => p.Key).Should().Equal("id", "orgid", "msgtype", "msgtext", "is_send", "del_flg", "create_at",
            "update_at");
        row["is_send"]!.GetValue<string>().Should().Be("1");
        (await app.OtherOperator().GetAsync(Templates)).Data!.AsArray()
            .Should().NotContain(t => t!["id"]!.GetValue<string>() == tpl);

        var off = await app.Operator().PostAsync(Off, ("id", tpl));
        (off.Status, off.Msg).Should().Be((true, "修改成功"));
        off.Data!["is_send"]!.GetValue<string>().Should().Be("0");
        var refused = await app.Operator().PostAsync(Add, ("receiverid", id), ("msgtitle", "t"), ("msgtype", type),
            ("msgtext", "x"));
        (refused.Status, refused.Msg, refused.Code).Should().Be((false, "该类型消息已取消发送", "conflict"));
        Ids(await customer.GetAsync(All)).Should().BeEmpty();
        (await app.Operator().PostAsync(On, ("id", tpl))).Data!["is_send"]!.GetValue<string>().Should().Be("1");
        await SendAsync(app.Operator(), type, id);

        var renamed = await app.Operator().PostAsync(UpTpl, ("id", tpl), ("msgtext", "新文本 ${amount}元"));
        (renamed.Status, renamed.Msg).Should().Be((true, "修改成功"));
        renamed.Data!["msgtext"]!.GetValue<string>().Should().Be("新文本 ${amount}元");
        renamed.Data!["msgtype"]!.GetValue<string>().Should().Be(type);
        var other = (await app.Operator().PostAsync(AddTpl, ("msgtype", type + "b"), ("msgtext", "y"))).Data!["id"]!
            .GetValue<string>();
        var clash = await app.Operator().PostAsync(UpTpl, ("id", other), ("msgtype", type));
        (clash.Status, clash.Msg).Should().Be((false, "该类型模板已存在"));

        foreach (var path in new[] { UpTpl, On, Off, DelTpl })
        {
            (await app.OtherOperator().PostAsync(path, ("id", tpl), ("msgtext", "z"))).Http.Should().Be(403, path);
            (await customer.PostAsync(path, ("id", tpl))).Http.Should().Be(403, path);
            (await app.Anonymous().PostAsync(path, ("id", tpl))).Http.Should().Be(401, path);
            var none = await app.Operator().PostAsync(path, ("id", "no-such-template"));
            (none.Status, none.Msg, none.Code).Should().Be((false, "模板不存在", "not_found"), path);
            (await app.Operator().PostAsync(path)).Code.Should().Be("invalid_argument", path);
        }
        (await customer.GetAsync(Templates)).Http.Should().Be(403);
        (await app.Anonymous().GetAsync(Templates)).Http.Should().Be(401);
        (await customer.PostAsync(AddTpl, ("msgtype", "x"), ("msgtext", "y"))).Http.Should().Be(403);
        (await app.Operator().PostAsync(AddTpl, ("msgtype", ""), ("msgtext", "y"))).Code
            .Should().Be("invalid_argument");
        (await app.Operator().PostAsync(UpTpl, ("id", tpl), ("msgtype", " "))).Code.Should().Be("invalid_argument");

        var deleted = await app.Admin().PostAsync(DelTpl, ("id", tpl)); // admin: any org
        (deleted.Status, deleted.Msg).Should().Be((true, "删除成功"));
        (await app.Operator().PostAsync(DelTpl, ("id", tpl))).Msg.Should().Be("模板不存在");
        (await app.Operator().PostAsync(AddTpl, ("msgtype", type), ("msgtext", "again"))).Status.Should().BeTrue();
    }

    [Fact]
    public async Task SendMessage_renders_the_operating_orgs_template_escapes_values_and_obeys_the_switch()
    {
        var (customer, id) = await NewCustomerAsync();
        var type = Type();
        async Task<SendMessageResult> Notify(IReadOnlyDictionary<string, string> values, string? orgId = null)
        {
            using var scope = app.Factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(
                new SendMessage(type, "余额预警 $name", "默认: $name 余额 $amount", values)
                    { ReceiverId = orgId is null ? id : null, ReceiverOrgId = orgId });
        }

        var values = new Dictionary<string, string> { ["name"] = "<script>x</script>", ["amount"] = "5" };
        (await Notify(values)).Should().Be(new SendMessageResult(1, false));
        var first = (await customer.GetAsync(All)).Body["msg"]!.AsArray().Single()!;
        first["msgtext"]!.GetValue<string>().Should().Be("默认: &lt;script&gt;x&lt;/script&gt; 余额 5");
        first["msgtitle"]!.GetValue<string>().Should().Be("余额预警 &lt;script&gt;x&lt;/script&gt;");
        first["senderid"]!.GetValue<string>().Should().Be("system");
        first["msgtype"]!.GetValue<string>().Should().Be(type);

        // the customer org is owned by the demo operator org: its template governs
        var tpl = (await app.Operator().PostAsync(AddTpl, ("msgtype", type),
            ("msgtext", "尊敬的$name:余额${amount}元,$amount_total 未知"))).Data!["id"]!.GetValue<string>();
        (await Notify(new Dictionary<string, string> { ["name"] = "张三", ["amount"] = "5000.00" }))
            .Delivered.Should().Be(1);
        (await customer.GetAsync(Unread)).Body["msg"]![0]!["msgtext"]!.GetValue<string>()
            .Should().Be("尊敬的张三:余额5000.00元,$amount_total 未知");

        (await app.Operator().PostAsync(Off, ("id", tpl))).Status.Should().BeTrue();
        (await Notify(values)).Should().Be(new SendMessageResult(0, true));
        (await Notify(values, app.CustomerOrgId)).Should().Be(new SendMessageResult(0, true));
        (await customer.GetAsync(Unread)).Body["count"]!.GetValue<int>().Should().Be(2);

        (await app.Operator().PostAsync(On, ("id", tpl))).Status.Should().BeTrue();
        var orgWide = await Notify(values, app.CustomerOrgId);
        orgWide.Suppressed.Should().BeFalse();
        orgWide.Delivered.Should().Be(await app.Factory.WithDbAsync(db =>
            db.Users.CountAsync(u => u.OrgId == app.CustomerOrgId)));
        (await customer.GetAsync(Unread)).Body["count"]!.GetValue<int>().Should().Be(3);
        (await Notify(values, "no-such-org")).Should().Be(new SendMessageResult(0, false));
    }

    [Fact]
    public async Task Parallel_mark_read_keeps_counts_exact()
    {
        var (customer, id) = await NewCustomerAsync();
        var type = Type();
        for (var i = 0; i < 3; i++) await SendAsync(app.Operator(), type, id); // one row per send
        using (var scope = app.Factory.Services.CreateScope())
            for (var i = 0; i < 21; i++)
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SendMessage(type, "t", "x",
                    new Dictionary<string, string>()) { ReceiverId = id });
        var ids = Ids(await customer.GetAsync(Unread));
        ids.Should().HaveCount(24);

        var marks = ids.Concat(ids).Select(m => customer.PostAsync(Up, ("msgid", m)));
        var reads = Enumerable.Range(0, 10).Select(_ => customer.GetAsync(Unread));
        var answers = await Task.WhenAll(marks.Concat(reads));
        answers.Should().OnlyContain(a => a.Http == 200 && a.Status, "every mark and read succeeds");
        foreach (var r in answers.Where(a => a.Body["count"] is not null))
            r.Body["count"]!.GetValue<int>().Should().Be(r.Body["msg"]!.AsArray().Count);

        var unread = await customer.GetAsync(Unread);
        unread.Body["count"]!.GetValue<int>().Should().Be(0);
        Ids(await customer.GetAsync(ReadList)).Should().BeEquivalentTo(ids);
        Ids(await customer.GetAsync(All)).Should().BeEquivalentTo(ids);
    }

    [Fact]
    public async Task Bad_input_on_every_endpoint_is_never_a_500()
    {
        string[] values = ["", " ", "../../etc/passwd", "C:\\Windows\\win.ini", "/etc/passwd", new string('x', 5000),
            "[\"a\",", "{\"$ne\":1}", "%00", "a\0b", "'; drop table message; --", "𝄞", "-1", "1e309"];
        string[] names = ["userid", "msgid", "id", "receiverid", "senderid", "msgtitle", "msgtype", "msgtext"];
        foreach (var path in new[] { Unread, All, ReadList, Add, Up, Del, Templates, AddTpl, DelTpl, UpTpl, On, Off })
            foreach (var v in values)
            {
                var r = await app.Operator().PostAsync(path, names.Select(n => (n, (string?)v)).ToArray());
                r.Http.Should().BeOneOf([200, 403], $"{path} {v}");
                if (r.Http == 200 && !r.Status) r.Code.Should().NotBe("internal");
                var j = await app.Operator().PostJsonAsync(path, new JsonObject { ["receiverid"] = new JsonArray(1, 2),
                    ["msgid"] = new JsonObject(), ["id"] = new JsonArray(), ["userid"] = 5 });
                j.Http.Should().BeOneOf([200, 403], path);
            }
    }
}
