using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.SecurityGroups;

/// <summary>
/// CDS-SG-08 <c>GET /capital/ecs_modify_security_group_policies.dspy</c> 安全组修改规则: CDS
/// ModifySecurityGroupPolicies on a live group the caller may act on. <c>Reset</c> is required (§3.7):
/// <c>false</c> changes the rules named by <c>PolicyId</c> (each a rule of the group in that direction, at least one
/// field changed); <c>true</c> replaces every rule of the group with the complete rules given — never with none
/// (that would delete all rules: use <c>ecs_delete_security_group_policies</c> with <c>DeleteAll=true</c>).
/// <c>SecurityGroupPolicySet</c> is the object <c>{"Ingress": [...], "Egress": [...]}</c> (§6 #26).
/// <c>data</c> = <c>{}</c>. spec: 27-capital-online-security-groups.md; analysis/vendors.md §6 #30.
/// </summary>
public sealed record ModifySecurityGroupPolicies : ICommand<Reply<JsonObject>>
{
    /// <summary>Group id.</summary>
    [JsonPropertyName("SecurityGroupId")] public string? SecurityGroupId { get; init; }
    /// <summary><c>{"Ingress": [rule], "Egress": [rule]}</c>.</summary>
    [JsonPropertyName("SecurityGroupPolicySet")] public string? SecurityGroupPolicySet { get; init; }
    /// <summary>true: replace all rules; false: change the named ones.</summary>
    [JsonPropertyName("Reset")] public string? Reset { get; init; }

    [JsonIgnore] internal bool? ResetAll => SgInput.Bool(Reset);

    [JsonIgnore]
    internal SgParsed<SgPolicySet> Set => field ??= SgPolicySet.Parse(SecurityGroupPolicySet, "SecurityGroupPolicySet",
        ResetAll == true ? SgPolicyMode.Complete : SgPolicyMode.Change);
}

public sealed class ModifySecurityGroupPoliciesValidator : AbstractValidator<ModifySecurityGroupPolicies>
{
    /// <summary>Reset with no rules.</summary>
    public const string ResetEmptyMessage =
        "Reset=true 且规则为空将删除全部规则;请使用 ecs_delete_security_group_policies 并传 DeleteAll=true";
    /// <summary>No rule named.</summary>
    public const string NoRuleMessage = "SecurityGroupPolicySet至少包含一条规则";

    public ModifySecurityGroupPoliciesValidator()
    {
        RuleFor(x => x.SecurityGroupId).Id();
        RuleFor(x => x.Reset).Required().Must(SgInput.IsBoolOrEmpty).WithMessage("{PropertyName} 必须是 true 或 false");
        RuleFor(x => x.SecurityGroupPolicySet).Must((x, _) => x.Set.Error is null).WithMessage(x => x.Set.Error)
            .DependentRules(() => RuleFor(x => x.SecurityGroupPolicySet)
                .Must((x, _) => x.Set.Value!.Ingress.Count + x.Set.Value.Egress.Count > 0)
                .WithMessage(x => x.ResetAll == true ? ResetEmptyMessage : NoRuleMessage));
    }
}

public sealed class ModifySecurityGroupPoliciesHandler(CdsSecurityGroups groups)
    : ICommandHandler<ModifySecurityGroupPolicies, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(ModifySecurityGroupPolicies c, CancellationToken ct)
    {
        var group = await groups.LoadLiveAsync(c.SecurityGroupId, ct);
        var set = c.Set.Value!;
        var reset = c.ResetAll == true;
        if (!reset)
        {
            var current = await groups.PoliciesAsync(group, ct);
            SgPolicySet.EnsureKnown(current, set.Ingress.Select(r => r.PolicyId!), "Ingress");
            SgPolicySet.EnsureKnown(current, set.Egress.Select(r => r.PolicyId!), "Egress");
        }
        var body = new JsonObject
        {
            ["SecurityGroupId"] = group.VendorId, ["Reset"] = reset,
            ["SecurityGroupPolicySet"] = SgPolicySet.ToVendor(set.Ingress, set.Egress),
        };
        var answer = await groups.ChangeAsync(group, CdsActions.ModifySecurityGroupPolicies, body, ct);
        return Reply.Ok(reset ? "规则已重置" : "修改成功", CdsReplies.WithTask(answer));
    }
}
