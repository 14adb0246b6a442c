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
/// CDS-SG-11 <c>GET /capital/ecs_modify_security_groups_priority.dspy</c> 修改/重置实例下安全组和优先级: CDS
/// ModifySecurityGroupsPriority — a live host's groups become exactly <c>SecurityGroupSet</c> (JSON array of
/// <c>{SecurityGroupId, Priority}</c>, 1 to 5 groups, priorities 1–5 each once), every group live, the caller's and of
/// the host's org and region. <c>RegionCode</c> defaults to the host's. <c>data</c> = <c>{}</c>.
/// spec: 27-capital-online-security-groups.md; analysis/vendors.md §3.7.
/// </summary>
public sealed record ModifySecurityGroupsPriority : ICommand<Reply<JsonObject>>
{
    /// <summary>Host id.</summary>
    [JsonPropertyName("InstanceId")] public string? InstanceId { get; init; }
    /// <summary>The host's region (default: recorded with the host).</summary>
    [JsonPropertyName("RegionCode")] public string? RegionCode { get; init; }
    /// <summary><c>[{"SecurityGroupId": "sg-1", "Priority": 1}]</c>.</summary>
    [JsonPropertyName("SecurityGroupSet")] public string? SecurityGroupSet { get; init; }

    [JsonIgnore]
    internal SgParsed<IReadOnlyList<SgBinding>> Groups => field ??= SgBinding.Parse(SecurityGroupSet,
        "SecurityGroupSet", "SecurityGroupId", "Priority", SgBinding.MaxGroupsPerHost, uniquePriorities: true);
}

public sealed class ModifySecurityGroupsPriorityValidator : AbstractValidator<ModifySecurityGroupsPriority>
{
    public ModifySecurityGroupsPriorityValidator()
    {
        RuleFor(x => x.InstanceId).Id();
        RuleFor(x => x.RegionCode).MaxChars(CdsRules.IdMax);
        RuleFor(x => x.SecurityGroupSet).Must((x, _) => x.Groups.Error is null).WithMessage(x => x.Groups.Error);
    }
}

public sealed class ModifySecurityGroupsPriorityHandler(CdsSecurityGroups groups)
    : ICommandHandler<ModifySecurityGroupsPriority, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(ModifySecurityGroupsPriority c, CancellationToken ct)
    {
        var host = await groups.LoadHostAsync(c.InstanceId.Trimmed(), null, "InstanceId", ct);
        var region = c.RegionCode.TrimmedOrNull() ?? host.RegionCode;
        foreach (var b in c.Groups.Value!)
        {
            var group = await groups.LoadLiveAsync(b.Id, ct);
            if (group.OrgId != host.OrgId)
                throw RequestValidationException.For("SecurityGroupSet", CdsSecurityGroups.OtherOrgMessage);
            if (group.RegionCode != region)
                throw RequestValidationException.For("SecurityGroupSet", AssociateSecurityGroupsHandler.RegionMessage);
        }
        var body = new JsonObject
        {
            ["InstanceId"] = host.VendorId, ["RegionCode"] = region,
            ["SecurityGroupSet"] = SgBinding.ToVendor(c.Groups.Value!, "SecurityGroupId", "Priority"),
        };
        var answer = await groups.ChangeAsync(host, CdsActions.ModifySecurityGroupsPriority, body, ct);
        return Reply.Ok("修改成功", CdsReplies.WithTask(answer));
    }
}
