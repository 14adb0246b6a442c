using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.SecurityGroups;

/// <summary>
/// CDS-SG-06 <c>GET /capital/ecs_describe_security_group_policies.dspy</c> 查询安全组规则: CDS
/// DescribeSecurityGroupPolicies of a group the caller may act on. <c>data</c> =
/// <c>{SecurityGroupId, SecurityGroupPolicySet: {Ingress, Egress}}</c>; each rule's id is <c>PolicyId</c> whether CDS
/// spelled it <c>PolicyId</c> or <c>PolicyID</c> (§3.7). spec: 27-capital-online-security-groups.md.
/// </summary>
public sealed record DescribeSecurityGroupPolicies : IQuery<Reply<JsonObject>>
{
    /// <summary>Group id.</summary>
    [JsonPropertyName("SecurityGroupId")] public string? SecurityGroupId { get; init; }
}

public sealed class DescribeSecurityGroupPoliciesValidator : AbstractValidator<DescribeSecurityGroupPolicies>
{
    public DescribeSecurityGroupPoliciesValidator() => RuleFor(x => x.SecurityGroupId).Id();
}

public sealed class DescribeSecurityGroupPoliciesHandler(CdsSecurityGroups groups)
    : IQueryHandler<DescribeSecurityGroupPolicies, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(DescribeSecurityGroupPolicies q, CancellationToken ct)
    {
        var group = await groups.LoadAsync(q.SecurityGroupId, ct);
        return Reply.Ok("查询成功", new JsonObject
        {
            ["SecurityGroupId"] = group.VendorId, ["SecurityGroupPolicySet"] = await groups.PoliciesAsync(group, ct),
        });
    }
}
