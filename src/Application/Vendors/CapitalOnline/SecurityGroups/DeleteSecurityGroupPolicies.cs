using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.SecurityGroups;

/// <summary>
/// CDS-SG-07 <c>GET /capital/ecs_delete_security_group_policies.dspy</c> 安全组规则删除: CDS
/// DeleteSecurityGroupPolicies on a live group the caller may act on. CDS deletes <b>every</b> rule of the group when
/// <c>PolicyIds</c> is empty (§3.7, §6 #30), so an empty or missing <c>PolicyIds</c> is refused (invalid_argument)
/// unless the kboss parameter <c>DeleteAll=true</c> asks for exactly that; named ids must be rules of the group
/// (资源不存在 otherwise, before any change). <c>data</c> = <c>{}</c>. spec: 27-capital-online-security-groups.md.
/// </summary>
public sealed record DeleteSecurityGroupPolicies : ICommand<Reply<JsonObject>>
{
    /// <summary>Group id.</summary>
    [JsonPropertyName("SecurityGroupId")] public string? SecurityGroupId { get; init; }
    /// <summary>Rule ids: a JSON array (<c>["sp-1","sp-2"]</c>) or a comma list.</summary>
    [JsonPropertyName("PolicyIds")] public string? PolicyIds { get; init; }
    /// <summary>kboss addition: <c>true</c> with no <c>PolicyIds</c> deletes all rules of the group.</summary>
    [JsonPropertyName("DeleteAll")] public string? DeleteAll { get; init; }

    [JsonIgnore]
    internal SgParsed<IReadOnlyList<string>> Ids => field ??= SgInput.Ids(PolicyIds, "PolicyIds", SgPolicy.MaxRules);
    [JsonIgnore] internal bool All => SgInput.Bool(DeleteAll) == true;
}

public sealed class DeleteSecurityGroupPoliciesValidator : AbstractValidator<DeleteSecurityGroupPolicies>
{
    /// <summary>An empty list would delete every rule.</summary>
    public const string EmptyMessage = "PolicyIds为空将删除该安全组的全部规则;确需全部删除请传 DeleteAll=true";
    /// <summary>Both a list and DeleteAll.</summary>
    public const string BothMessage = "DeleteAll=true 时不能再传 PolicyIds";

    public DeleteSecurityGroupPoliciesValidator()
    {
        RuleFor(x => x.SecurityGroupId).Id();
        RuleFor(x => x.DeleteAll).Must(SgInput.IsBoolOrEmpty).WithMessage("{PropertyName} 必须是 true 或 false");
        RuleFor(x => x.PolicyIds).Must((x, _) => x.Ids.Error is null).WithMessage(x => x.Ids.Error);
        RuleFor(x => x.PolicyIds).Must((x, _) => x.Ids.Value is not { Count: 0 } || x.All).WithMessage(EmptyMessage);
        RuleFor(x => x.PolicyIds).Must((x, _) => x.Ids.Value is not { Count: > 0 } || !x.All).WithMessage(BothMessage);
    }
}

public sealed class DeleteSecurityGroupPoliciesHandler(CdsSecurityGroups groups)
    : ICommandHandler<DeleteSecurityGroupPolicies, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(DeleteSecurityGroupPolicies c, CancellationToken ct)
    {
        var group = await groups.LoadLiveAsync(c.SecurityGroupId, ct);
        var ids = c.Ids.Value!;
        if (ids.Count > 0) SgPolicySet.EnsureKnown(await groups.PoliciesAsync(group, ct), ids, "Ingress", "Egress");
        var body = new JsonObject
        {
            ["SecurityGroupId"] = group.VendorId, ["PolicyIds"] = new JsonArray(ids.Select(i => (JsonNode)i).ToArray()),
        };
        var answer = await groups.ChangeAsync(group, CdsActions.DeleteSecurityGroupPolicies, body, ct);
        return Reply.Ok(ids.Count == 0 ? "已删除全部规则" : "删除成功", CdsReplies.WithTask(answer));
    }
}
