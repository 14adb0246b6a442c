using Kboss.Domain.Cpcc;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>L1–L3 (spec: 39-cpcc-labels.md; analysis/cpcc.md §3.C, §4.5).</summary>
public sealed class LabelTests(AppFixture app, Kboss.Infrastructure.IntegrationTests.FakeKubeApi kube)
    : IClassFixture<AppFixture>, IClassFixture<Kboss.Infrastructure.IntegrationTests.FakeKubeApi>
{
    private const string Add = "/dev/cpcc/cpclabel/add_cpclabel.dspy";
    private const string List = "/dev/cpcc/cpclabel/get_cpclabel.dspy";
    private const string Delete = "/dev/cpcc/cpclabel/delete_cpclabel.dspy";

    private async Task<string> NewOrgAsync(string name) =>
        (await app.Admin().PostAsync("/user/add_org.dspy", ("name", name), ("kind", "operator"))).Data!["id"]!.GetValue<string>();

    [Fact]
    public async Task Add_echoes_the_spec_shape_with_the_symbol_derived_from_the_type()
    {
        var org = await NewOrgAsync("标签机构甲");
        var r = await app.Admin().PostAsync(Add, ("name", "mysql8资源实例"), ("labeltype", "0"), ("label_key", "kyy-app"), ("label_value", "mysql8"), ("orgid", org));
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("新增资源标签成功");
        var d = r.Data!;
        d["label_key"]!.GetValue<string>().Should().Be("kyy-app");
        d["label_value"]!.GetValue<string>().Should().Be("mysql8");
        d["labeltype"]!.GetValue<string>().Should().Be("0");
        d["name"]!.GetValue<string>().Should().Be("mysql8资源实例");
        d["orgid"]!.GetValue<string>().Should().Be(org);
        d["symbol"]!.GetValue<string>().Should().Be(":");
        d["id"]!.GetValue<string>().Should().MatchRegex("^[A-Za-z0-9_-]{21}$");
        d["update_time"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$");
        var node = await app.Admin().PostAsync(Add, ("name", "GPU设备"), ("labeltype", "1"), ("label_key", "kyy-gpu"), ("label_value", "true"), ("orgid", org));
        node.Data!["symbol"]!.GetValue<string>().Should().Be("=");
    }

    [Fact]
    public async Task List_shows_the_orgs_labels_in_id_order_like_the_spec_example()
    {
        var org = await NewOrgAsync("标签机构乙");
        foreach (var (name, type, key, value) in new[] { ("非GPU设备", "1", "kyy-gpu", "false"), ("GPU设备", "1", "kyy-gpu", "true"), ("测试标签", "0", "kyy-test", "ok"), ("cd", "0", "kyy-we", "qwe") })
            (await app.Admin().PostAsync(Add, ("name", name), ("labeltype", type), ("label_key", key), ("label_value", value), ("orgid", org))).Status.Should().BeTrue();
        var r = await app.Admin().GetAsync(List, ("orgid", org));
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("获取资源标签成功");
        r.Data!["total"]!.GetValue<int>().Should().Be(4);
        var rows = r.Data["rows"]!.AsArray();
        rows.Select(x => x!["id"]!.GetValue<string>()).Should().BeInAscendingOrder(StringComparer.Ordinal);
        rows.Select(x => x!["row_num_"]!.GetValue<int>()).Should().Equal(1, 2, 3, 4);
        rows[0]!.AsObject().Select(p => p.Key).Should().Equal("id", "name", "orgid", "labeltype", "label_key", "symbol", "label_value", "update_time", "row_num_");
        var gpu = rows.Single(x => x!["name"]!.GetValue<string>() == "非GPU设备")!;
        (gpu["label_key"]!.GetValue<string>() + gpu["symbol"]!.GetValue<string>() + gpu["label_value"]!.GetValue<string>()).Should().Be("kyy-gpu=false");
        var test = rows.Single(x => x!["name"]!.GetValue<string>() == "测试标签")!;
        test["symbol"]!.GetValue<string>().Should().Be(":");

        // scoped: the demo operator sees its own org's labels, not these
        var own = await app.Operator().GetAsync(List);
        own.Status.Should().BeTrue();
        own.Data!["rows"]!.AsArray().Should().NotContain(x => x!["orgid"]!.GetValue<string>() == org);
    }

    [Fact]
    public async Task Add_refuses_duplicates_per_org_and_type()
    {
        var a = await app.Operator().PostAsync(Add, ("name", "重复"), ("labeltype", "1"), ("label_key", "kyy-dup"), ("label_value", "x"));
        a.Status.Should().BeTrue(a.Raw);
        a.Data!["orgid"]!.GetValue<string>().Should().Be(DemoData.OrgId);
        var dup = await app.Operator().PostAsync(Add, ("name", "重复2"), ("labeltype", "1"), ("label_key", "kyy-dup"), ("label_value", "x"));
        dup.Status.Should().BeFalse();
        dup.Code.Should().Be("conflict");
        dup.Msg.Should().Be("该标签已存在");
        (await app.Operator().PostAsync(Add, ("name", "另一类型"), ("labeltype", "0"), ("label_key", "kyy-dup"), ("label_value", "x"))).Status.Should().BeTrue();
        (await app.OtherOperator().PostAsync(Add, ("name", "别的机构"), ("labeltype", "1"), ("label_key", "kyy-dup"), ("label_value", "x"))).Status.Should().BeTrue();
    }

    [Fact]
    public async Task Parallel_adds_of_one_label_store_exactly_one()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            app.Operator().PostAsync(Add, ("name", $"并发{i}"), ("labeltype", "0"), ("label_key", "kyy-race"), ("label_value", "1"))));
        results.Should().OnlyContain(r => r.Http == 200);
        results.Count(r => r.Status).Should().Be(1);
        results.Where(r => !r.Status).Should().OnlyContain(r => r.Msg == "该标签已存在");
    }

    [Theory]
    [InlineData("name", "", "缺少必要参数: name")]
    [InlineData("labeltype", "2", "labeltype 取值无效,可选: 0/1")]
    [InlineData("labeltype", "", "缺少必要参数: labeltype")]
    [InlineData("label_key", "", "缺少必要参数: label_key")]
    [InlineData("label_key", "-bad", "label_key 不是合法的标签属性(字母数字开头结尾,可含 - _ .,最长63字符,可带域名前缀/)")]
    [InlineData("label_key", "Bad_Prefix/x", "label_key 不是合法的标签属性(字母数字开头结尾,可含 - _ .,最长63字符,可带域名前缀/)")]
    [InlineData("label_value", "", "缺少必要参数: label_value")]
    [InlineData("label_value", "has space", "label_value 不是合法的标签值(字母数字开头结尾,可含 - _ .,最长63字符)")]
    [InlineData("label_value", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "label_value 不是合法的标签值(字母数字开头结尾,可含 - _ .,最长63字符)")]
    public async Task Add_rejects_bad_input(string field, string value, string msg)
    {
        (string, string?)[] form = [("name", "n"), ("labeltype", "1"), ("label_key", "example.com/kyy-ok"), ("label_value", "v1.0")];
        var r = await app.Operator().PostAsync(Add, form.Select(f => f.Item1 == field ? (f.Item1, (string?)value) : f).ToArray());
        r.Http.Should().Be(200);
        r.Status.Should().BeFalse();
        r.Code.Should().Be("invalid_argument");
        r.Body["errors"]!.AsObject().SelectMany(e => e.Value!.AsArray().Select(m => m!.GetValue<string>())).Should().Contain(msg);
    }

    [Fact]
    public async Task Delete_removes_the_label_and_refuses_unknown_foreign_and_used_ones()
    {
        var id = (await app.Operator().PostAsync(Add, ("name", "待删"), ("labeltype", "0"), ("label_key", "kyy-del"), ("label_value", "1"))).Data!["id"]!.GetValue<string>();
        (await app.OtherOperator().PostAsync(Delete, ("id", id))).Msg.Should().Be("资源标签不存在"); // not visible to another org
        (await app.OtherOperator().PostAsync(Delete, ("id", id), ("orgid", DemoData.OrgId))).Http.Should().Be(403);
        var r = await app.Operator().PostAsync(Delete, ("id", id));
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("删除资源标签成功");
        r.Data!.ToJsonString().Should().Be($$"""{"id":"{{id}}"}""");
        (await app.Operator().PostAsync(Delete, ("id", id))).Msg.Should().Be("资源标签不存在");
        (await app.Operator().PostAsync(Delete)).Msg.Should().Be("缺少必要参数: id");
        (await app.Operator().GetAsync(List)).Data!["rows"]!.AsArray().Should().NotContain(x => x!["id"]!.GetValue<string>() == id);
        (await app.Operator().PostAsync(Add, ("name", "再加"), ("labeltype", "0"), ("label_key", "kyy-del"), ("label_value", "1"))).Status.Should().BeTrue();

        // a node label used as an instance config's node selector can't be deleted
        var used = (await app.Operator().PostAsync(Add, ("name", "在用"), ("labeltype", "1"), ("label_key", "kyy-used"), ("label_value", "yes"))).Data!["id"]!.GetValue<string>();
        var c = await Seed.CenterAsync(app.Factory, stock: ClusterConfigTests.Plenty, kubeconfig: kube.Kubeconfig);
        var cfg = await app.Operator().PostAsync("/dev/cpcc/cpcpodyaml/new_cpcpodyaml.dspy",
            ClusterConfigTests.Config(c.Chaoyang, "30100", nodeSelector: "kyy-used=yes"));
        cfg.Status.Should().BeTrue(cfg.Raw);
        var refused = await app.Operator().PostAsync(Delete, ("id", used));
        refused.Status.Should().BeFalse();
        refused.Code.Should().Be("conflict");
        refused.Msg.Should().Be("该标签正被资源实例配置使用,无法删除");
        (await app.Operator().PostAsync("/dev/cpcc/cpcpodyaml/delete_cpcpodyaml.dspy", ("id", cfg.Data!["id"]!.GetValue<string>()))).Status.Should().BeTrue();
        (await app.Operator().PostAsync(Delete, ("id", used))).Status.Should().BeTrue("no config uses it any more");
        await app.Factory.WithDbAsync(async db =>
            (await db.AuditEntries.AsNoTracking().AnyAsync(a => a.EntityId == used && a.Action == "cpcc.label.deleted")).Should().BeTrue());
    }

    [Fact]
    public async Task Roles_and_org_scope_are_enforced()
    {
        (await app.Anonymous().GetAsync(List)).Http.Should().Be(401);
        (await app.Anonymous().PostAsync(Add, ("name", "x"))).Http.Should().Be(401);
        (await app.Anonymous().PostAsync(Delete, ("id", "x"))).Http.Should().Be(401);
        (await app.Customer().GetAsync(List)).Http.Should().Be(403);
        (await app.Customer().PostAsync(Add, ("name", "x"), ("labeltype", "1"), ("label_key", "k"), ("label_value", "v"))).Http.Should().Be(403);
        (await app.Customer().PostAsync(Delete, ("id", "x"))).Http.Should().Be(403);
        var foreign = await app.Operator().GetAsync(List, ("orgid", app.OtherOrgId));
        foreign.Http.Should().Be(403);
        foreign.Msg.Should().Be("无权操作该组织的数据");
        (await app.Operator().PostAsync(Add, ("name", "x"), ("labeltype", "1"), ("label_key", "k"), ("label_value", "v"), ("orgid", app.OtherOrgId))).Http.Should().Be(403);
    }
}
