using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.SecurityGroups;

/// <summary>
/// CDS-SG-04 <c>GET /capital/ecs_delete_security_group.dspy</c> 安全组删除: CDS DeleteSecurityGroup of a group the
/// caller may act on (403 / 资源不存在 otherwise), through the outside-call pattern (row <c>deleting</c> →
/// <c>deleted</c>; already being deleted → success without a second call). CDS refuses a group still bound to hosts
/// (its message). <c>data</c> = <c>{}</c>. spec: 27-capital-online-security-groups.md; analysis/vendors.md §5.4.
/// </summary>
public sealed record DeleteSecurityGroup : ICommand<Reply<JsonObject>>
{
    /// <summary>Group id.</summary>
    [JsonPropertyName("SecurityGroupId")] public string? SecurityGroupId { get; init; }
}

public sealed class DeleteSecurityGroupValidator : AbstractValidator<DeleteSecurityGroup>
{
    public DeleteSecurityGroupValidator() => RuleFor(x => x.SecurityGroupId).Id();
}

public sealed class DeleteSecurityGroupHandler(CdsService cds, CdsSecurityGroups groups)
    : ICommandHandler<DeleteSecurityGroup, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(DeleteSecurityGroup c, CancellationToken ct)
    {
        var row = await groups.LoadAsync(c.SecurityGroupId, ct);
        return CdsReplies.Deleted(await cds.DeleteAsync(row, CdsActions.DeleteSecurityGroup,
            new JsonObject { ["SecurityGroupId"] = row.VendorId }, ct));
    }
}
