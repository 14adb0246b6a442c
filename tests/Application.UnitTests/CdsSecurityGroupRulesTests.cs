using System.Text.Json.Nodes;
using Kboss.Application.Vendors.CapitalOnline.SecurityGroups;

namespace Kboss.Application.UnitTests;

/// <summary>The input rules of the CDS security-group endpoints (module 27, ADR 0042): rules, rule sets, host
/// bindings and the refusal of an empty <c>PolicyIds</c>.</summary>
public sealed class CdsSecurityGroupRulesTests
{
    [Theory]
    [InlineData("22/22", true)]
    [InlineData("1/65535", true)]
    [InlineData("3000/4000", true)]
    [InlineData("22", false)]
    [InlineData("0/22", false)]
    [InlineData("40/30", false)]
    [InlineData("1/65536", false)]
    [InlineData("+1/2", false)]
    [InlineData("1/2/3", false)]
    public void Ports_are_from_slash_to_within_1_to_65535(string port, bool ok) =>
        SgPolicy.IsPortRange(port).Should().Be(ok);

    [Theory]
    [InlineData("0.0.0.0/0", true)]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("192.168.1.7", true)]
    [InlineData("10.0.0.1/8", false)]
    [InlineData("::/0", false)]
    [InlineData("010.0.0.1", false)]
    [InlineData("any", false)]
    public void Cidr_blocks_are_canonical_ipv4_networks_or_addresses(string cidr, bool ok) =>
        SgPolicy.IsCidrOrAddress(cidr).Should().Be(ok);

    [Fact]
    public void A_complete_rule_is_read_case_insensitively_typed_and_icmp_gets_its_port()
    {
        var r = SgPolicy.ParseList("""[{"protocol":"icmp","PRIORITY":"7","CidrBlock":"1.2.3.4","status":0}]""",
            "Ingress", SgPolicyMode.Complete);
        r.Error.Should().BeNull();
        var rule = r.Value!.Single();
        rule.Should().Be(new SgPolicy(null, "ICMP", "1/1", 7, "1.2.3.4", false, null));
        JsonNode.DeepEquals(rule.ToVendor(), JsonNode.Parse(
            """{"Protocol":"ICMP","Port":"1/1","Priority":7,"CidrBlock":"1.2.3.4","Status":false}"""))
            .Should().BeTrue();
    }

    [Theory]
    [InlineData("""[{"Port":"22/22","Priority":1,"CidrBlock":"0.0.0.0/0","Status":true}]""", "Ingress第1条: 缺少Protocol")]
    [InlineData("""[{"Protocol":"TCP","Priority":1,"CidrBlock":"0.0.0.0/0","Status":true}]""", "Ingress第1条: 缺少Port")]
    [InlineData("""[{"Protocol":"TCP","Port":"22/22","CidrBlock":"0.0.0.0/0","Status":true}]""",
        "Ingress第1条: 缺少Priority")]
    [InlineData("""[{"Protocol":"TCP","Port":"22/22","Priority":1,"Status":true}]""", "Ingress第1条: 缺少CidrBlock")]
    [InlineData("""[{"Protocol":"TCP","Port":"22/22","Priority":1,"CidrBlock":"0.0.0.0/0"}]""", "Ingress第1条: 缺少Status")]
    [InlineData("""[{"Protocol":"TCP","Port":"22/22","Priority":0,"CidrBlock":"0.0.0.0/0","Status":true}]""",
        "Ingress第1条: Priority必须是 1 到 100 之间的整数")]
    [InlineData("""[{"Protocol":"TCP","Port":"22/22","Priority":1,"CidrBlock":"0.0.0.0/0","Status":"yes"}]""",
        "Ingress第1条: Status必须是 true(允许) 或 false(拒绝)")]
    [InlineData("""{"Protocol":"TCP"}""", "Ingress必须是规则对象数组,如 [{\"Protocol\":\"TCP\",...}]")]
    [InlineData("""[1]""", "Ingress必须是规则对象数组,如 [{\"Protocol\":\"TCP\",...}]")]
    public void An_incomplete_or_wrong_rule_is_refused_with_its_position(string raw, string message) =>
        SgPolicy.ParseList(raw, "Ingress", SgPolicyMode.Complete).Error.Should().Be(message);

    [Fact]
    public void A_change_needs_its_policy_id_and_one_field_and_keeps_the_id()
    {
        SgPolicy.ParseList("""[{"Port":"1/2"}]""", "p", SgPolicyMode.Change).Error.Should().Be("p第1条: 缺少PolicyId");
        SgPolicy.ParseList("""[{"PolicyId":"sp-1"}]""", "p", SgPolicyMode.Change).Error.Should()
            .StartWith("p第1条: 至少修改一项");
        var ok = SgPolicy.ParseList("""[{"PolicyID":"sp-1","Status":true}]""", "p", SgPolicyMode.Change);
        ok.Value!.Single().Should().Be(new SgPolicy("sp-1", null, null, null, null, true, null));
        SgPolicy.ParseList("""[{"PolicyId":"sp-1","Status":true},{"policyid":"sp-1","Port":"1/1"}]""", "p",
            SgPolicyMode.Change).Error.Should().Be("p中有重复的规则");
    }

    [Fact]
    public void A_rule_set_is_an_object_of_two_directions_and_at_most_100_rules()
    {
        var set = SgPolicySet.Parse("""{"ingress":[{"PolicyId":"sp-1","Port":"2/2"}]}""", "S", SgPolicyMode.Change);
        set.Value!.Ingress.Should().ContainSingle();
        set.Value.Egress.Should().BeEmpty();
        SgPolicySet.Parse("[]", "S", SgPolicyMode.Change).Error.Should().StartWith("S必须是JSON对象");
        var many = new JsonArray(Enumerable.Range(1, 101).Select(i => (JsonNode)new JsonObject
        {
            ["Protocol"] = "TCP", ["Port"] = $"{i}/{i}", ["Priority"] = 1, ["CidrBlock"] = "0.0.0.0/0",
            ["Status"] = true,
        }).ToArray());
        SgPolicySet.Parse(new JsonObject { ["Ingress"] = many }.ToJsonString(), "S", SgPolicyMode.Complete).Error
            .Should().Be("S.Ingress最多100条规则");
    }

    [Fact]
    public void Bindings_need_ids_priorities_1_to_5_and_no_repeats()
    {
        SgBinding.Parse("""[{"instanceid":"ins-1","SecurityGroupPriority":"5"}]""", "I", "InstanceId",
                "SecurityGroupPriority", 100, uniquePriorities: false).Value!
            .Should().Equal(new SgBinding("ins-1", 5));
        SgBinding.Parse("", "I", "InstanceId", "P", 100, false).Error.Should().Be("缺少必要参数: I");
        SgBinding.Parse("""[{"InstanceId":"a","P":0}]""", "I", "InstanceId", "P", 100, false).Error
            .Should().Be("I第1项: P必须是 1 到 5 之间的整数");
        SgBinding.Parse("""[{"InstanceId":"a","P":1},{"InstanceId":"a","P":2}]""", "I", "InstanceId", "P", 100, false)
            .Error.Should().Be("I中InstanceId不能重复");
        SgBinding.Parse("""[{"Id":"a","P":1},{"Id":"b","P":1}]""", "S", "Id", "P", 5, uniquePriorities: true)
            .Error.Should().Be("S中P不能重复");
        SgBinding.Parse("""[{"Id":"a","P":1},{"Id":"b","P":1}]""", "S", "Id", "P", 5, uniquePriorities: false)
            .Error.Should().BeNull();
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData("[]", null, false)]
    [InlineData("", "false", false)]
    [InlineData("", "true", true)]
    [InlineData("[\"sp-1\"]", null, true)]
    [InlineData("sp-1,sp-2", "false", true)]
    [InlineData("[\"sp-1\"]", "true", false)]
    [InlineData("[\"sp-1\",\"sp-1\"]", null, false)]
    public void An_empty_PolicyIds_deletes_all_rules_only_with_DeleteAll(string? ids, string? all, bool valid) =>
        new DeleteSecurityGroupPoliciesValidator().Validate(new DeleteSecurityGroupPolicies
        {
            SecurityGroupId = "sg-1", PolicyIds = ids, DeleteAll = all,
        }).IsValid.Should().Be(valid);

    [Theory]
    [InlineData(null, """{"Ingress":[{"PolicyId":"sp-1","Port":"1/1"}]}""", false)]
    [InlineData("false", """{"Ingress":[{"PolicyId":"sp-1","Port":"1/1"}]}""", true)]
    [InlineData("true", """{"Ingress":[{"PolicyId":"sp-1","Port":"1/1"}]}""", false)]
    [InlineData("true", """{"Ingress":[],"Egress":[]}""", false)]
    [InlineData("true", """
        {"Egress":[{"Protocol":"UDP","Port":"53/53","Priority":3,"CidrBlock":"0.0.0.0/0","Status":true}]}
        """, true)]
    [InlineData("maybe", """{"Ingress":[{"PolicyId":"sp-1","Port":"1/1"}]}""", false)]
    public void Reset_is_required_and_a_reset_needs_complete_rules(string? reset, string set, bool valid) =>
        new ModifySecurityGroupPoliciesValidator().Validate(new ModifySecurityGroupPolicies
        {
            SecurityGroupId = "sg-1", Reset = reset, SecurityGroupPolicySet = set,
        }).IsValid.Should().Be(valid);
}
