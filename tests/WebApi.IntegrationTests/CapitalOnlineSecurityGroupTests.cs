using System.Text.Json.Nodes;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Kboss.Fakes.Vendors;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// Capital Online security groups (spec 27, CDS-SG-01…13; ADR 0042) through HTTP against <see cref="FakeCds"/>:
/// ownership (a customer sees and changes only its own groups and hosts, another org is 403), the exact translation
/// of kboss's parameters into CDS's (request journal; changes sent once), CDS's refusals passed on, the empty
/// <c>PolicyIds</c> that would delete every rule refused, bad input before any vendor call, a lost create settled.
/// </summary>
public sealed class CapitalOnlineSecurityGroupTests(CdsFixture app) : IClassFixture<CdsFixture>
{
    private const string Region = "CN_Suqian";

    private static readonly JsonObject SshRule = new()
    {
        ["Protocol"] = "TCP", ["Port"] = "22/22", ["Priority"] = 1, ["CidrBlock"] = "0.0.0.0/0", ["Status"] = true,
        ["PolicyDescription"] = "ssh",
    };

    private async Task<string> CreateGroupAsync(string name, Api? who = null)
    {
        var r = await (who ?? app.Customer()).GetAsync("/capital/ecs_create_security_group.dspy",
            ("SecurityGroupName", name), ("RegionCode", Region), ("GroupInterconnected", "true"));
        r.Status.Should().BeTrue(r.Raw);
        return r.Data!["SecurityGroupId"]!.GetValue<string>();
    }

    private Task<CdsResource> RowAsync(string name) => app.Factory.WithDbAsync(db =>
        db.CdsResources.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(r => r.Name == name && r.ResourceType == CdsResourceTypes.SecurityGroup));

    /// <summary>A live host row of <paramref name="orgId"/> (as the ECS use cases record them) known to the fake.
    /// </summary>
    private async Task<string> HostAsync(string id, string orgId)
    {
        await app.Factory.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var row = new CdsResource
            {
                OrgId = orgId, OperatorOrgId = DemoData.OrgId, ResourceType = CdsResourceTypes.Ecs,
                RegionCode = Region, ZoneCode = Region + "_B", Name = id,
            };
            row.StartCreate(now);
            row.Created(id, null);
            row.Confirm(now);
            db.CdsResources.Add(row);
            await db.SaveChangesAsync();
        });
        app.Cds.SgHosts[id] = new FakeCds.SgHost(id, "host " + id, Region, Region + "_B", "vpc-1", "10.0.0.5");
        return id;
    }

    private static string Json(params JsonNode[] items) => new JsonArray(items.Select(i => i.DeepClone()).ToArray())
        .ToJsonString();

    private JsonNode LastBody(string action) => app.Cds.CallsOf(action).Last().Json!;

    [Fact]
    public async Task A_customer_creates_lists_modifies_and_deletes_its_group_and_sees_only_its_own()
    {
        var sg = await CreateGroupAsync("web");
        var row = await RowAsync("web");
        row.State.Should().Be(OutsideStates.Live);
        row.OrgId.Should().Be(app.CustomerOrgId);
        row.VendorId.Should().Be(sg);
        var create = app.Cds.CallsOf("CreateSecurityGroup")
            .Single(c => c.Json!["SecurityGroupName"]!.ToString() == "web");
        create.Method.Should().Be("POST");
        create.Path.Should().Be("/sg/v1/");
        JsonNode.DeepEquals(create.Json, JsonNode.Parse(
            $$"""{"SecurityGroupName":"web","RegionCode":"{{Region}}","GroupInterconnected":true}""")).Should().BeTrue(
            create.Body);
        app.Cds.SecurityGroups[sg].Interconnected.Should().BeTrue();

        var second = await CreateGroupAsync("db");
        app.Cds.SecurityGroups["sg-foreign"] = new FakeCds.SgGroup("sg-foreign", Region) { Name = "foreign" };
        var list = await app.Customer().GetAsync("/capital/ecs_describe_security_groups.dspy",
            ("orgid", app.CustomerOrgId), ("RegionCode", Region));
        list.Status.Should().BeTrue(list.Raw);
        var ids = list.Data!["SecurityGroupSet"]!.AsArray().Select(g => g!["SecurityGroupId"]!.GetValue<string>());
        ids.Should().Contain([sg, second]).And.NotContain("sg-foreign");
        list.Data["TotalCount"]!.GetValue<int>().Should().Be(ids.Count());
        var read = app.Cds.CallsOf("DescribeSecurityGroups").Last();
        read.Method.Should().Be("GET");
        read.Query["RegionCode"].Should().Be(Region);
        read.Query.Should().NotContainKey("PageNumber", "kboss pages after keeping the org's groups");
        var page = await app.Customer().GetAsync("/capital/ecs_describe_security_groups.dspy", ("RegionCode", Region),
            ("PageNumber", "2"), ("PageSize", "1"));
        page.Data!["SecurityGroupSet"]!.AsArray().Should().HaveCount(1);
        page.Data["TotalCount"]!.GetValue<int>().Should().Be(ids.Count());

        var modified = await app.Customer().GetAsync("/capital/ecs_modify_security_group_attribute.dspy",
            ("SecurityGroupId", sg), ("SecurityGroupName", "web-2"));
        modified.Status.Should().BeTrue(modified.Raw);
        JsonNode.DeepEquals(LastBody("ModifySecurityGroupAttribute"),
            new JsonObject { ["SecurityGroupId"] = sg, ["SecurityGroupName"] = "web-2" }).Should().BeTrue();
        app.Cds.SecurityGroups[sg].Name.Should().Be("web-2");
        var same = await app.Customer().GetAsync("/capital/ecs_modify_security_group_attribute.dspy",
            ("SecurityGroupId", sg), ("SecurityGroupName", "web-2"));
        same.Code.Should().Be("upstream_failed");
        same.Msg.Should().Contain("不能与原内容一致");

        // another operator org: 403 on every id of this customer, and nothing reaches CDS
        var other = app.OtherOperator();
        var before = app.Cds.Journal.Count;
        (await other.GetAsync("/capital/ecs_modify_security_group_attribute.dspy", ("SecurityGroupId", sg),
            ("SecurityGroupName", "x"))).Http.Should().Be(403);
        (await other.GetAsync("/capital/ecs_delete_security_group.dspy", ("SecurityGroupId", sg)))
            .Http.Should().Be(403);
        (await other.GetAsync("/capital/ecs_describe_security_group_policies.dspy", ("SecurityGroupId", sg)))
            .Http.Should().Be(403);
        (await other.GetAsync("/capital/ecs_describe_security_groups.dspy", ("SecurityGroupId", sg)))
            .Http.Should().Be(403);
        (await other.GetAsync("/capital/ecs_describe_security_groups.dspy", ("orgid", app.CustomerOrgId)))
            .Http.Should().Be(403);
        (await other.GetAsync("/capital/ecs_describe_security_group_association_statistics.dspy",
            ("SecurityGroupId", sg))).Http.Should().Be(403);
        (await other.GetAsync("/capital/ecs_create_security_group_policies.dspy", ("SecurityGroupId", sg),
            ("Ingress", Json(SshRule)))).Http.Should().Be(403);
        (await other.GetAsync("/capital/ecs_delete_security_group_policies.dspy", ("SecurityGroupId", sg),
            ("DeleteAll", "true"))).Http.Should().Be(403);
        (await other.GetAsync("/capital/ecs_create_security_group.dspy", ("orgid", app.CustomerOrgId),
            ("SecurityGroupName", "x"), ("RegionCode", Region))).Http.Should().Be(403);
        app.Cds.Journal.Count.Should().Be(before);

        var deleted = await app.Customer().GetAsync("/capital/ecs_delete_security_group.dspy", ("SecurityGroupId", sg));
        deleted.Status.Should().BeTrue(deleted.Raw);
        (await RowAsync("web")).State.Should().Be(OutsideStates.Deleted);
        app.Cds.SecurityGroups.Should().NotContainKey(sg);
        app.Cds.CallsOf("DeleteSecurityGroup").Count(c => c.Json!["SecurityGroupId"]!.ToString() == sg).Should().Be(1);
        (await app.Customer().GetAsync("/capital/ecs_delete_security_group.dspy", ("SecurityGroupId", sg))).Code
            .Should().Be("not_found");
        app.Cds.SecurityGroups.TryRemove("sg-foreign", out _);
    }

    [Fact]
    public async Task Rules_are_added_read_changed_and_deleted_and_an_empty_PolicyIds_never_deletes_them_all()
    {
        var sg = await CreateGroupAsync("rules");
        var c = app.Customer();
        var icmp = new JsonObject
        {
            ["protocol"] = "icmp", ["Priority"] = "2", ["CidrBlock"] = "10.0.0.0/8", ["Status"] = "false",
        };
        var added = await c.GetAsync("/capital/ecs_create_security_group_policies.dspy", ("SecurityGroupId", sg),
            ("Ingress", Json(SshRule)), ("Egress", Json(icmp)));
        added.Status.Should().BeTrue(added.Raw);
        JsonNode.DeepEquals(LastBody("CreateSecurityGroupPolicies"), JsonNode.Parse($$"""
            {"SecurityGroupId":"{{sg}}","SecurityGroupPolicySet":{
              "Ingress":[{"Protocol":"TCP","PolicyDescription":"ssh","Port":"22/22","Priority":1,
                          "CidrBlock":"0.0.0.0/0","Status":true}],
              "Egress":[{"Protocol":"ICMP","Port":"1/1","Priority":2,"CidrBlock":"10.0.0.0/8","Status":false}]} }
            """)).Should().BeTrue(LastBody("CreateSecurityGroupPolicies").ToJsonString());
        var dup = await c.GetAsync("/capital/ecs_create_security_group_policies.dspy", ("SecurityGroupId", sg),
            ("Ingress", Json(SshRule)));
        dup.Code.Should().Be("upstream_failed");
        dup.Msg.Should().Contain("新增的规则与已有规则重复");

        var listed = await c.GetAsync("/capital/ecs_describe_security_group_policies.dspy", ("SecurityGroupId", sg));
        listed.Status.Should().BeTrue(listed.Raw);
        var ingress = listed.Data!["SecurityGroupPolicySet"]!["Ingress"]![0]!.AsObject();
        ingress.Should().NotContainKey("PolicyID", "CDS's PolicyID is answered as PolicyId");
        var sshId = ingress["PolicyId"]!.GetValue<string>();
        var icmpId = listed.Data["SecurityGroupPolicySet"]!["Egress"]![0]!["PolicyId"]!.GetValue<string>();
        app.Cds.SecurityGroups[sg].Rules.Select(r => r.Id).Should().BeEquivalentTo([sshId, icmpId]);

        // an empty or missing PolicyIds would make CDS delete every rule: refused, CDS not called
        var deletes = app.Cds.CallsOf("DeleteSecurityGroupPolicies").Count;
        foreach (var empty in new[] { null, "", "[]" })
        {
            var r = await c.GetAsync("/capital/ecs_delete_security_group_policies.dspy", ("SecurityGroupId", sg),
                ("PolicyIds", empty));
            r.Code.Should().Be("invalid_argument");
            r.Msg.Should().Be("PolicyIds为空将删除该安全组的全部规则;确需全部删除请传 DeleteAll=true");
        }
        (await c.GetAsync("/capital/ecs_delete_security_group_policies.dspy", ("SecurityGroupId", sg),
            ("PolicyIds", "[\"sp-none\"]"))).Msg.Should().Be("规则不存在: sp-none");
        (await c.GetAsync("/capital/ecs_delete_security_group_policies.dspy", ("SecurityGroupId", sg),
            ("PolicyIds", $"[\"{sshId}\"]"), ("DeleteAll", "true"))).Msg.Should().Be("DeleteAll=true 时不能再传 PolicyIds");
        app.Cds.CallsOf("DeleteSecurityGroupPolicies").Count.Should().Be(deletes);
        app.Cds.SecurityGroups[sg].Rules.Should().HaveCount(2);

        // Reset=false changes the named rule; a rule named in the wrong direction is unknown
        var change = new JsonObject
        {
            ["Ingress"] = new JsonArray(new JsonObject { ["PolicyID"] = sshId, ["Port"] = "2222/2222" }),
        };
        var changed = await c.GetAsync("/capital/ecs_modify_security_group_policies.dspy", ("SecurityGroupId", sg),
            ("SecurityGroupPolicySet", change.ToJsonString()), ("Reset", "false"));
        changed.Status.Should().BeTrue(changed.Raw);
        JsonNode.DeepEquals(LastBody("ModifySecurityGroupPolicies"), JsonNode.Parse($$"""
            {"SecurityGroupId":"{{sg}}","Reset":false,
             "SecurityGroupPolicySet":{"Ingress":[{"PolicyId":"{{sshId}}","Port":"2222/2222"}],"Egress":[]} }
            """)).Should().BeTrue();
        app.Cds.SecurityGroups[sg].Rules.Single(r => r.Id == sshId).Port.Should().Be("2222/2222");
        var wrongWay = new JsonObject
        {
            ["Egress"] = new JsonArray(new JsonObject { ["PolicyId"] = sshId, ["Port"] = "1/2" }),
        };
        (await c.GetAsync("/capital/ecs_modify_security_group_policies.dspy", ("SecurityGroupId", sg),
            ("SecurityGroupPolicySet", wrongWay.ToJsonString()), ("Reset", "false"))).Code.Should().Be("not_found");
        (await c.GetAsync("/capital/ecs_modify_security_group_policies.dspy", ("SecurityGroupId", sg),
            ("SecurityGroupPolicySet", change.ToJsonString()))).Body["errors"]!["Reset"]![0]!.GetValue<string>()
            .Should().Be("缺少必要参数: Reset");
        (await c.GetAsync("/capital/ecs_modify_security_group_policies.dspy", ("SecurityGroupId", sg),
            ("SecurityGroupPolicySet", "{\"Ingress\":[],\"Egress\":[]}"), ("Reset", "true"))).Msg.Should()
            .StartWith("Reset=true 且规则为空将删除全部规则");

        // Reset=true replaces every rule with complete ones
        var reset = new JsonObject { ["Ingress"] = new JsonArray(SshRule.DeepClone()), ["Egress"] = new JsonArray() };
        (await c.GetAsync("/capital/ecs_modify_security_group_policies.dspy", ("SecurityGroupId", sg),
            ("SecurityGroupPolicySet", reset.ToJsonString()), ("Reset", "true"))).Status.Should().BeTrue();
        LastBody("ModifySecurityGroupPolicies")["Reset"]!.GetValue<bool>().Should().BeTrue();
        var rules = app.Cds.SecurityGroups[sg].Rules;
        rules.Should().ContainSingle().Which.Port.Should().Be("22/22");

        var only = rules[0].Id;
        var one = await c.GetAsync("/capital/ecs_delete_security_group_policies.dspy", ("SecurityGroupId", sg),
            ("PolicyIds", $"[\"{only}\"]"));
        one.Status.Should().BeTrue(one.Raw);
        JsonNode.DeepEquals(LastBody("DeleteSecurityGroupPolicies"), JsonNode.Parse(
            $$"""{"SecurityGroupId":"{{sg}}","PolicyIds":["{{only}}"]}""")).Should().BeTrue();
        app.Cds.SecurityGroups[sg].Rules.Should().BeEmpty();

        (await c.GetAsync("/capital/ecs_create_security_group_policies.dspy", ("SecurityGroupId", sg),
            ("Ingress", Json(SshRule, icmp)))).Status.Should().BeTrue();
        var all = await c.GetAsync("/capital/ecs_delete_security_group_policies.dspy", ("SecurityGroupId", sg),
            ("DeleteAll", "true"));
        all.Status.Should().BeTrue(all.Raw);
        all.Msg.Should().Be("已删除全部规则");
        LastBody("DeleteSecurityGroupPolicies")["PolicyIds"]!.AsArray().Should().BeEmpty();
        app.Cds.SecurityGroups[sg].Rules.Should().BeEmpty();
    }

    [Fact]
    public async Task Groups_are_bound_to_the_orgs_own_hosts_with_unique_priorities()
    {
        var a = await HostAsync("ins-a", app.CustomerOrgId);
        var b = await HostAsync("ins-b", app.CustomerOrgId);
        var x = await HostAsync("ins-x", app.OtherOrgId);
        var g1 = await CreateGroupAsync("bind-1");
        var g2 = await CreateGroupAsync("bind-2");
        var c = app.Customer();

        var bound = await c.GetAsync("/capital/ecs_associate_security_groups.dspy", ("SecurityGroupId", g1),
            ("InstanceSet", $$"""
                [{"InstanceId":"{{a}}","SecurityGroupPriority":"1"},{"instanceid":"{{b}}","SecurityGroupPriority":1}]
                """));
        bound.Status.Should().BeTrue(bound.Raw);
        JsonNode.DeepEquals(LastBody("AssociateSecurityGroups"), JsonNode.Parse($$"""
            {"SecurityGroupId":"{{g1}}","RegionCode":"{{Region}}","InstanceSet":[
              {"InstanceId":"{{a}}","SecurityGroupPriority":1},{"InstanceId":"{{b}}","SecurityGroupPriority":1}]}
            """)).Should().BeTrue();
        app.Cds.HostGroups[a].Should().ContainKey(g1);
        app.Cds.CallsOf("AssociateSecurityGroups").Should().HaveCount(1, "a change is sent once");

        var before = app.Cds.Journal.Count;
        (await c.GetAsync("/capital/ecs_associate_security_groups.dspy", ("SecurityGroupId", g2),
            ("InstanceSet", $$"""[{"InstanceId":"{{x}}","SecurityGroupPriority":2}]"""))).Http.Should().Be(403);
        (await c.GetAsync("/capital/ecs_associate_security_groups.dspy", ("SecurityGroupId", g2),
            ("InstanceSet", """[{"InstanceId":"ins-none","SecurityGroupPriority":2}]""")))
            .Code.Should().Be("not_found");
        (await c.GetAsync("/capital/ecs_associate_security_groups.dspy", ("SecurityGroupId", g2),
            ("InstanceSet", $$"""[{"InstanceId":"{{a}}","SecurityGroupPriority":6}]"""))).Msg.Should()
            .Be("InstanceSet第1项: SecurityGroupPriority必须是 1 到 5 之间的整数");
        (await c.GetAsync("/capital/ecs_associate_security_groups.dspy", ("SecurityGroupId", g2),
            ("RegionCode", "CN_X"),
            ("InstanceSet", $$"""[{"InstanceId":"{{a}}","SecurityGroupPriority":2}]"""))).Msg.Should()
            .Be("RegionCode与安全组所在区域不一致");
        (await app.OtherOperator().GetAsync("/capital/ecs_modify_security_groups_priority.dspy", ("InstanceId", a),
            ("SecurityGroupSet", $$"""[{"SecurityGroupId":"{{g1}}","Priority":1}]"""))).Http.Should().Be(403);
        app.Cds.Journal.Count.Should().Be(before);

        // CDS's priority rule per host is passed on: g2 at priority 1 on ins-a clashes with g1
        var clash = await c.GetAsync("/capital/ecs_associate_security_groups.dspy", ("SecurityGroupId", g2),
            ("InstanceSet", $$"""[{"InstanceId":"{{a}}","SecurityGroupPriority":1}]"""));
        clash.Code.Should().Be("upstream_failed");
        clash.Msg.Should().Contain("优先级不能重复");

        app.Cds.HostGroups[a]["sg-elsewhere"] = 5; // a binding made outside kboss: not the customer's to see
        app.Cds.SgHosts["ins-foreign"] = new FakeCds.SgHost("ins-foreign", "foreign", Region, Region, "v", "10.1.1.1");
        app.Cds.HostGroups["ins-foreign"] = new() { [g1] = 1 };
        var stats = await c.GetAsync("/capital/ecs_describe_security_group_association_statistics.dspy",
            ("SecurityGroupId", g1));
        stats.Status.Should().BeTrue(stats.Raw);
        stats.Data!["InstanceCount"]!.GetValue<int>().Should().Be(2);
        stats.Data["InstanceStatistics"]!.AsArray().Select(i => i!["InstanceId"]!.GetValue<string>())
            .Should().BeEquivalentTo([a, b]);
        app.Cds.HostGroups[a].Remove("sg-elsewhere");
        app.Cds.HostGroups.TryRemove("ins-foreign", out _);

        var last = await c.GetAsync("/capital/ecs_disassociate_security_groups.dspy", ("SecurityGroupId", g1),
            ("InstanceIds", $"[\"{a}\"]"));
        last.Code.Should().Be("upstream_failed");
        last.Msg.Should().Contain("最后一个安全组");

        var reset = await c.GetAsync("/capital/ecs_modify_security_groups_priority.dspy", ("InstanceId", a),
            ("SecurityGroupSet", $$"""
                [{"SecurityGroupId":"{{g1}}","Priority":"2"},{"SecurityGroupId":"{{g2}}","Priority":1}]
                """));
        reset.Status.Should().BeTrue(reset.Raw);
        JsonNode.DeepEquals(LastBody("ModifySecurityGroupsPriority"), JsonNode.Parse($$"""
            {"InstanceId":"{{a}}","RegionCode":"{{Region}}","SecurityGroupSet":[
              {"SecurityGroupId":"{{g1}}","Priority":2},{"SecurityGroupId":"{{g2}}","Priority":1}]}
            """)).Should().BeTrue();
        app.Cds.HostGroups[a].Should().BeEquivalentTo(new Dictionary<string, int> { [g1] = 2, [g2] = 1 });
        (await c.GetAsync("/capital/ecs_modify_security_groups_priority.dspy", ("InstanceId", a),
            ("SecurityGroupSet", $$"""
                [{"SecurityGroupId":"{{g1}}","Priority":1},{"SecurityGroupId":"{{g2}}","Priority":1}]
                """)))
            .Msg.Should().Be("SecurityGroupSet中Priority不能重复");

        var unbound = await c.GetAsync("/capital/ecs_disassociate_security_groups.dspy", ("SecurityGroupId", g1),
            ("InstanceIds", a));
        unbound.Status.Should().BeTrue(unbound.Raw);
        LastBody("DisassociateSecurityGroups")["InstanceIds"]!.AsArray().Select(i => i!.GetValue<string>())
            .Should().Equal(a);
        app.Cds.HostGroups[a].Should().NotContainKey(g1);

        // a group still bound is refused by CDS: its message, the row back to live
        var refused = await c.GetAsync("/capital/ecs_delete_security_group.dspy", ("SecurityGroupId", g2));
        refused.Code.Should().Be("upstream_failed");
        refused.Msg.Should().Contain("安全组已绑定实例,无法删除");
        (await RowAsync("bind-2")).State.Should().Be(OutsideStates.Live);
    }

    [Fact]
    public async Task Bad_input_is_refused_before_any_vendor_call_and_every_endpoint_needs_a_login()
    {
        var sg = await CreateGroupAsync("bad-input");
        var before = app.Cds.Journal.Count;
        var c = app.Customer();
        var missing = await c.GetAsync("/capital/ecs_create_security_group.dspy", ("GroupInterconnected", "maybe"));
        missing.Code.Should().Be("invalid_argument");
        missing.Body["errors"]!.AsObject().Select(e => e.Key).Should()
            .Contain(["SecurityGroupName", "RegionCode", "GroupInterconnected"]);
        (await c.GetAsync("/capital/ecs_create_security_group.dspy", ("SecurityGroupName", new string('n', 61)),
            ("RegionCode", Region))).Code.Should().Be("invalid_argument");
        (await c.GetAsync("/capital/ecs_modify_security_group_attribute.dspy", ("SecurityGroupId", sg))).Msg
            .Should().Be("SecurityGroupName/SecurityGroupDescription/GroupInterconnected 至少修改一项");

        async Task<string> RuleError(params (string, string?)[] p) =>
            (await c.GetAsync("/capital/ecs_create_security_group_policies.dspy", [("SecurityGroupId", sg), .. p])).Msg;
        (await RuleError()).Should().Be("Ingress和Egress至少传一条规则");
        (await RuleError(("Ingress", "tcp 22"))).Should().StartWith("Ingress必须是规则对象数组");
        var bad = (JsonObject)SshRule.DeepClone();
        bad["Port"] = "22";
        (await RuleError(("Ingress", Json(bad)))).Should().Be("Ingress第1条: Port必须是 起始端口/结束端口 (1-65535),如 22/22");
        bad["Port"] = "22/22";
        bad["Priority"] = 101;
        (await RuleError(("Egress", Json(bad)))).Should().Be("Egress第1条: Priority必须是 1 到 100 之间的整数");
        bad["Priority"] = 1;
        bad["Protocol"] = "GRE";
        (await RuleError(("Ingress", Json(bad)))).Should().Be("Ingress第1条: Protocol取值无效,可选: TCP/UDP/ICMP");
        bad["Protocol"] = "TCP";
        bad["CidrBlock"] = "10.0.0.1/8";
        (await RuleError(("Ingress", Json(bad)))).Should().StartWith("Ingress第1条: CidrBlock必须是IPv4网段或IP");
        (await RuleError(("Ingress", Json(SshRule, SshRule)))).Should().Be("Ingress中有重复的规则");
        bad["CidrBlock"] = "10.0.0.0/8";
        bad["PolicyDescription"] = "a\r\nX: y";
        (await RuleError(("Ingress", Json(bad)))).Should().Be("Ingress第1条: PolicyDescription包含非法控制字符");
        (await c.GetAsync("/capital/ecs_create_security_group.dspy", ("SecurityGroupName", "sg\r\nX: y"),
            ("RegionCode", Region))).Code.Should().Be("invalid_argument");
        (await c.GetAsync("/capital/ecs_modify_security_group_attribute.dspy", ("SecurityGroupId", sg),
            ("SecurityGroupDescription", "d\r\nX: y"))).Code.Should().Be("invalid_argument");
        (await c.GetAsync("/capital/ecs_modify_security_group_policies.dspy", ("SecurityGroupId", sg),
            ("Reset", "false"), ("SecurityGroupPolicySet", "[{\"PolicyId\":\"sp-1\"}]")))
            .Msg.Should().StartWith("SecurityGroupPolicySet必须是JSON对象");
        (await c.GetAsync("/capital/ecs_modify_security_group_policies.dspy", ("SecurityGroupId", sg),
            ("Reset", "false"), ("SecurityGroupPolicySet", "{\"Ingress\":[{\"PolicyId\":\"sp-1\"}]}"))).Msg.Should()
            .StartWith("SecurityGroupPolicySet.Ingress第1条: 至少修改一项");
        (await c.GetAsync("/capital/ecs_describe_security_groups.dspy", ("PageNumber", "x"))).Code
            .Should().Be("invalid_argument");
        (await c.GetAsync("/capital/ecs_associate_security_groups.dspy", ("SecurityGroupId", sg))).Msg
            .Should().Be("缺少必要参数: InstanceSet");
        (await c.GetAsync("/capital/ecs_disassociate_security_groups.dspy", ("SecurityGroupId", sg),
            ("InstanceIds", "{\"a\":1}"))).Code.Should().Be("invalid_argument");
        (await c.GetAsync("/capital/ecs_describe_security_group_association_statistics.dspy")).Code
            .Should().Be("invalid_argument");
        (await c.GetAsync("/capital/ecs_delete_security_group.dspy", ("SecurityGroupId", "sg-none"))).Code
            .Should().Be("not_found");
        app.Cds.Journal.Count.Should().Be(before);

        foreach (var path in new[]
                 {
                     "ecs_describe_security_groups", "ecs_create_security_group", "ecs_modify_security_group_attribute",
                     "ecs_delete_security_group", "ecs_create_security_group_policies",
                     "ecs_describe_security_group_policies", "ecs_delete_security_group_policies",
                     "ecs_modify_security_group_policies", "ecs_associate_security_groups",
                     "ecs_disassociate_security_groups", "ecs_modify_security_groups_priority",
                     "ecs_describe_security_group_association_statistics", "u_get_protoclol_port",
                 })
            (await app.Anonymous().GetAsync($"/capital/{path}.dspy", ("SecurityGroupId", sg)))
                .Http.Should().Be(401, path);
    }

    [Fact]
    public async Task Protocol_port_options_offer_the_protocols_rules_accept()
    {
        var r = await app.Customer().GetAsync("/capital/u_get_protoclol_port.dspy");
        r.Status.Should().BeTrue(r.Raw);
        r.Data!["Protocols"]!.AsArray().Select(p => p!["Protocol"]!.GetValue<string>())
            .Should().Equal("TCP", "UDP", "ICMP");
        r.Data["Ports"]!.AsArray().Should().Contain(p => p!["Name"]!.GetValue<string>() == "SSH"
                                                         && p["Port"]!.GetValue<string>() == "22/22");
        r.Data["CidrBlocks"]![0]!["CidrBlock"]!.GetValue<string>().Should().Be("0.0.0.0/0");
    }

    [Fact]
    public async Task Without_a_key_nothing_is_called_and_vendor_faults_never_reach_the_client_as_500()
    {
        var before = app.Cds.Journal.Count;
        (await app.OtherOperator().GetAsync("/capital/ecs_create_security_group.dspy", ("SecurityGroupName", "k"),
            ("RegionCode", Region))).Code.Should().Be("not_configured");
        (await app.OtherOperator().GetAsync("/capital/ecs_describe_security_groups.dspy")).Code
            .Should().Be("not_configured");
        app.Cds.Journal.Count.Should().Be(before);

        app.Cds.Inject("DescribeSecurityGroups", new Fault.HtmlPage());
        app.Cds.Inject("DescribeSecurityGroups", new Fault.HtmlPage());
        var html = await app.Customer().GetAsync("/capital/ecs_describe_security_groups.dspy");
        html.Http.Should().Be(200);
        html.Code.Should().Be("upstream_failed");
        html.Msg.Should().Be("首都云接口异常,请稍后重试");

        var sg = await CreateGroupAsync("faults");
        var calls = app.Cds.CallsOf("CreateSecurityGroupPolicies").Count;
        app.Cds.Inject("CreateSecurityGroupPolicies", new Fault.ServerError());
        var failed = await app.Customer().GetAsync("/capital/ecs_create_security_group_policies.dspy",
            ("SecurityGroupId", sg), ("Ingress", Json(SshRule)));
        failed.Code.Should().Be("upstream_failed");
        app.Cds.CallsOf("CreateSecurityGroupPolicies").Count.Should().Be(calls + 1, "a change is never retried");
    }

    [Fact]
    public async Task A_create_whose_answer_is_lost_is_settled_by_the_reconciler_from_the_vendor_list()
    {
        app.Cds.Inject("CreateSecurityGroup", new Fault.Delay(TimeSpan.FromSeconds(4)));
        var r = await app.Customer().GetAsync("/capital/ecs_create_security_group.dspy",
            ("SecurityGroupName", "sg-slow"), ("RegionCode", Region));
        r.Code.Should().Be("upstream_failed");
        (await RowAsync("sg-slow")).State.Should().Be(OutsideStates.PendingReconcile);
        for (var i = 0; i < 100 && app.Cds.SecurityGroups.Values.All(g => g.Name != "sg-slow"); i++)
            await Task.Delay(50);

        await app.ReconcileAsync();
        var row = await RowAsync("sg-slow");
        row.State.Should().Be(OutsideStates.Live);
        row.VendorId.Should().Be(app.Cds.SecurityGroups.Values.Single(g => g.Name == "sg-slow").Id);
        app.Cds.CallsOf("CreateSecurityGroup").Count(c => c.Json!["SecurityGroupName"]!.ToString() == "sg-slow")
            .Should().Be(1);
    }
}
