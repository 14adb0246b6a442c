using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.SecurityGroups;

/// <summary>
/// CDS-SG-05 <c>GET /capital/ecs_create_security_group_policies.dspy</c> 安全组添加规则: CDS
/// CreateSecurityGroupPolicies on a live group the caller may act on; <c>Ingress</c> and <c>Egress</c> (JSON arrays of
/// complete rules, see <see cref="SgPolicy"/>; at least one rule) become CDS's <c>SecurityGroupPolicySet</c>
/// (§6 #26). CDS refuses a rule equal to an existing one (its message). <c>data</c> = <c>{}</c>.
/// spec: 27-capital-online-security-groups.md; analysis/vendors.md §3.7.
/// </summary>
public sealed record CreateSecurityGroupPolicies : ICommand<Reply<JsonObject>>
{
    /// <summary>Group id.</summary>
    [JsonPropertyName("SecurityGroupId")] public string? SecurityGroupId { get; init; }
    /// <summary>入站规则: JSON array of rules.</summary>
    [JsonPropertyName("Ingress")] public string? Ingress { get; init; }
    /// <summary>出站规则: JSON array of rules.</summary>
    [JsonPropertyName("Egress")] public string? Egress { get; init; }

    [JsonIgnore]
    internal SgParsed<IReadOnlyList<SgPolicy>> IngressRules =>
        field ??= SgPolicy.ParseList(Ingress, "Ingress", SgPolicyMode.Complete);

    [JsonIgnore]
    internal SgParsed<IReadOnlyList<SgPolicy>> EgressRules =>
        field ??= SgPolicy.ParseList(Egress, "Egress", SgPolicyMode.Complete);
}

public sealed class CreateSecurityGroupPoliciesValidator : AbstractValidator<CreateSecurityGroupPolicies>
{
    /// <summary>No rule given.</summary>
    public const string NoRuleMessage = "Ingress和Egress至少传一条规则";

    public CreateSecurityGroupPoliciesValidator()
    {
        RuleFor(x => x.SecurityGroupId).Id();
        RuleFor(x => x.Ingress).Must((x, _) => x.IngressRules.Error is null).WithMessage(x => x.IngressRules.Error);
        RuleFor(x => x.Egress).Must((x, _) => x.EgressRules.Error is null).WithMessage(x => x.EgressRules.Error);
        RuleFor(x => x.Ingress)
            .Must((x, _) => x.IngressRules.Value is not { Count: 0 } || x.EgressRules.Value is not { Count: 0 })
            .WithMessage(NoRuleMessage);
        RuleFor(x => x.Ingress)
            .Must((x, _) => x.IngressRules.Value!.Count + x.EgressRules.Value!.Count <= SgPolicy.MaxRules)
            .When(x => x.IngressRules.Value is not null && x.EgressRules.Value is not null)
            .WithMessage($"一次最多添加{SgPolicy.MaxRules}条规则");
    }
}

public sealed class CreateSecurityGroupPoliciesHandler(CdsSecurityGroups groups)
    : ICommandHandler<CreateSecurityGroupPolicies, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(CreateSecurityGroupPolicies c, CancellationToken ct)
    {
        var group = await groups.LoadLiveAsync(c.SecurityGroupId, ct);
        var body = new JsonObject
        {
            ["SecurityGroupId"] = group.VendorId,
            ["SecurityGroupPolicySet"] = SgPolicySet.ToVendor(c.IngressRules.Value!, c.EgressRules.Value!),
        };
        var answer = await groups.ChangeAsync(group, CdsActions.CreateSecurityGroupPolicies, body, ct);
        return Reply.Ok("添加成功", CdsReplies.WithTask(answer));
    }
}
