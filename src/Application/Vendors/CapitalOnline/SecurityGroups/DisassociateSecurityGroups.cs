using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.SecurityGroups;

/// <summary>
/// CDS-SG-10 <c>GET /capital/ecs_disassociate_security_groups.dspy</c> 安全组解绑实例: CDS DisassociateSecurityGroups
/// of a live group from live hosts, all the caller may act on and of the group's org. <c>InstanceIds</c> = JSON array
/// (or comma list) of host ids. CDS refuses to unbind a host's last group (its message).
/// <c>data</c> = <c>{}</c>. spec: 27-capital-online-security-groups.md; analysis/vendors.md §3.7.
/// </summary>
public sealed record DisassociateSecurityGroups : ICommand<Reply<JsonObject>>
{
    /// <summary>Group id.</summary>
    [JsonPropertyName("SecurityGroupId")] public string? SecurityGroupId { get; init; }
    /// <summary>Host ids: <c>["ins-1","ins-2"]</c>.</summary>
    [JsonPropertyName("InstanceIds")] public string? InstanceIds { get; init; }

    [JsonIgnore]
    internal SgParsed<IReadOnlyList<string>> Ids =>
        field ??= SgInput.Ids(InstanceIds, "InstanceIds", AssociateSecurityGroups.MaxHosts);
}

public sealed class DisassociateSecurityGroupsValidator : AbstractValidator<DisassociateSecurityGroups>
{
    public DisassociateSecurityGroupsValidator()
    {
        RuleFor(x => x.SecurityGroupId).Id();
        RuleFor(x => x.InstanceIds).Must((x, _) => x.Ids.Error is null).WithMessage(x => x.Ids.Error)
            .DependentRules(() => RuleFor(x => x.InstanceIds).Must((x, _) => x.Ids.Value!.Count > 0)
                .WithMessage("缺少必要参数: InstanceIds"));
    }
}

public sealed class DisassociateSecurityGroupsHandler(CdsSecurityGroups groups)
    : ICommandHandler<DisassociateSecurityGroups, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(DisassociateSecurityGroups c, CancellationToken ct)
    {
        var group = await groups.LoadLiveAsync(c.SecurityGroupId, ct);
        foreach (var id in c.Ids.Value!) await groups.LoadHostAsync(id, group, "InstanceIds", ct);
        var body = new JsonObject
        {
            ["SecurityGroupId"] = group.VendorId,
            ["InstanceIds"] = new JsonArray(c.Ids.Value!.Select(i => (JsonNode)i).ToArray()),
        };
        var answer = await groups.ChangeAsync(group, CdsActions.DisassociateSecurityGroups, body, ct);
        return Reply.Ok("解绑成功", CdsReplies.WithTask(answer));
    }
}
