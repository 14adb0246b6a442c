using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.SecurityGroups;

/// <summary>
/// CDS-SG-09 <c>GET /capital/ecs_associate_security_groups.dspy</c> 安全组绑定实例: CDS AssociateSecurityGroups of a
/// live group with live hosts, all the caller may act on and of the group's org. <c>InstanceSet</c> = JSON array of
/// <c>{InstanceId, SecurityGroupPriority}</c> (1–5, unique per host — CDS checks against the host's other groups).
/// <c>RegionCode</c> defaults to the group's and must equal it. <c>data</c> = <c>{}</c>.
/// spec: 27-capital-online-security-groups.md; analysis/vendors.md §3.7.
/// </summary>
public sealed record AssociateSecurityGroups : ICommand<Reply<JsonObject>>
{
    /// <summary>Group id.</summary>
    [JsonPropertyName("SecurityGroupId")] public string? SecurityGroupId { get; init; }
    /// <summary>The hosts' region (default the group's).</summary>
    [JsonPropertyName("RegionCode")] public string? RegionCode { get; init; }
    /// <summary><c>[{"InstanceId": "ins-1", "SecurityGroupPriority": 1}]</c>.</summary>
    [JsonPropertyName("InstanceSet")] public string? InstanceSet { get; init; }

    [JsonIgnore]
    internal SgParsed<IReadOnlyList<SgBinding>> Instances => field ??= SgBinding.Parse(InstanceSet, "InstanceSet",
        "InstanceId", "SecurityGroupPriority", MaxHosts, uniquePriorities: false);

    /// <summary>Hosts bound in one call at most.</summary>
    public const int MaxHosts = 100;
}

public sealed class AssociateSecurityGroupsValidator : AbstractValidator<AssociateSecurityGroups>
{
    public AssociateSecurityGroupsValidator()
    {
        RuleFor(x => x.SecurityGroupId).Id();
        RuleFor(x => x.RegionCode).MaxChars(CdsRules.IdMax);
        RuleFor(x => x.InstanceSet).Must((x, _) => x.Instances.Error is null).WithMessage(x => x.Instances.Error);
    }
}

public sealed class AssociateSecurityGroupsHandler(CdsSecurityGroups groups)
    : ICommandHandler<AssociateSecurityGroups, Reply<JsonObject>>
{
    /// <summary>A region other than the group's.</summary>
    public const string RegionMessage = "RegionCode与安全组所在区域不一致";

    public async ValueTask<Reply<JsonObject>> Handle(AssociateSecurityGroups c, CancellationToken ct)
    {
        var group = await groups.LoadLiveAsync(c.SecurityGroupId, ct);
        var region = c.RegionCode.TrimmedOrNull() ?? group.RegionCode;
        if (region != group.RegionCode) throw RequestValidationException.For("RegionCode", RegionMessage);
        foreach (var b in c.Instances.Value!) await groups.LoadHostAsync(b.Id, group, "InstanceSet", ct);
        var body = new JsonObject
        {
            ["SecurityGroupId"] = group.VendorId, ["RegionCode"] = region,
            ["InstanceSet"] = SgBinding.ToVendor(c.Instances.Value!, "InstanceId", "SecurityGroupPriority"),
        };
        var answer = await groups.ChangeAsync(group, CdsActions.AssociateSecurityGroups, body, ct);
        return Reply.Ok("绑定成功", CdsReplies.WithTask(answer));
    }
}
