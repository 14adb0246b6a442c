using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.SecurityGroups;

/// <summary>
/// CDS-SG-03 <c>GET /capital/ecs_modify_security_group_attribute.dspy</c> 修改安全组属性: CDS
/// ModifySecurityGroupAttribute of a live group the caller may act on, with the fields given (at least one; CDS also
/// refuses a value equal to the current one). <c>GroupInterconnected</c> is read as true/false (§3.7).
/// <c>data</c> = <c>{}</c>; <c>msg</c> = CDS's message. spec: 27-capital-online-security-groups.md.
/// </summary>
public sealed record ModifySecurityGroupAttribute : ICommand<Reply<JsonObject>>
{
    /// <summary>Group id.</summary>
    [JsonPropertyName("SecurityGroupId")] public string? SecurityGroupId { get; init; }
    /// <summary>New name.</summary>
    [JsonPropertyName("SecurityGroupName")] public string? SecurityGroupName { get; init; }
    /// <summary>New description.</summary>
    [JsonPropertyName("SecurityGroupDescription")] public string? SecurityGroupDescription { get; init; }
    /// <summary>New 是否组内互通.</summary>
    [JsonPropertyName("GroupInterconnected")] public string? GroupInterconnected { get; init; }
}

public sealed class ModifySecurityGroupAttributeValidator : AbstractValidator<ModifySecurityGroupAttribute>
{
    /// <summary>Nothing to change.</summary>
    public const string NothingMessage = "SecurityGroupName/SecurityGroupDescription/GroupInterconnected 至少修改一项";

    public ModifySecurityGroupAttributeValidator()
    {
        RuleFor(x => x.SecurityGroupId).Id();
        RuleFor(x => x.SecurityGroupName).MaxChars(CreateSecurityGroupValidator.NameMax).NoControlChars();
        RuleFor(x => x.SecurityGroupDescription).MaxChars(CreateSecurityGroupValidator.DescriptionMax)
            .NoControlChars();
        RuleFor(x => x.GroupInterconnected).Must(SgInput.IsBoolOrEmpty).WithMessage("{PropertyName} 必须是 true 或 false");
        RuleFor(x => x.SecurityGroupName)
            .Must((x, _) => x.SecurityGroupName.TrimmedOrNull() is not null
                            || x.SecurityGroupDescription.TrimmedOrNull() is not null
                            || SgInput.Bool(x.GroupInterconnected) is not null)
            .WithMessage(NothingMessage);
    }
}

public sealed class ModifySecurityGroupAttributeHandler(CdsSecurityGroups groups)
    : ICommandHandler<ModifySecurityGroupAttribute, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(ModifySecurityGroupAttribute c, CancellationToken ct)
    {
        var group = await groups.LoadLiveAsync(c.SecurityGroupId, ct);
        var body = new JsonObject { ["SecurityGroupId"] = group.VendorId };
        if (c.SecurityGroupName.TrimmedOrNull() is { } name) body["SecurityGroupName"] = name;
        if (c.SecurityGroupDescription.TrimmedOrNull() is { } description)
            body["SecurityGroupDescription"] = description;
        if (SgInput.Bool(c.GroupInterconnected) is { } interconnected) body["GroupInterconnected"] = interconnected;
        var answer = await groups.ChangeAsync(group, CdsActions.ModifySecurityGroupAttribute, body, ct);
        return Reply.Ok("修改成功", CdsReplies.WithTask(answer));
    }
}
