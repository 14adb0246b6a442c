using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.SecurityGroups;

/// <summary>
/// CDS-SG-02 <c>GET /capital/ecs_create_security_group.dspy</c> 创建安全组: CDS CreateSecurityGroup; the group is owned
/// by <c>orgid</c> (default the caller's; an operator may name a customer it owns, §6 #23), reserved <c>pending</c>
/// and live with CDS's id (a lost answer: <c>pending_reconcile</c>, settled from the region's list by name).
/// <c>data</c> = CDS's <c>Data</c> (<c>{SecurityGroupId}</c>); <c>msg</c> = CDS's message.
/// spec: 27-capital-online-security-groups.md; analysis/vendors.md §3.7.
/// </summary>
public sealed record CreateSecurityGroup : ICommand<Reply<JsonObject>>, IOrgScoped
{
    /// <summary>Owner org.</summary>
    public string? Orgid { get; set; }
    /// <summary>Name (≤ 60 characters, required by CDS).</summary>
    [JsonPropertyName("SecurityGroupName")] public string? SecurityGroupName { get; init; }
    /// <summary>Description (≤ 128).</summary>
    [JsonPropertyName("SecurityGroupDescription")] public string? SecurityGroupDescription { get; init; }
    /// <summary>是否组内互通 (true/false).</summary>
    [JsonPropertyName("GroupInterconnected")] public string? GroupInterconnected { get; init; }
    /// <summary>Region (required by CDS).</summary>
    [JsonPropertyName("RegionCode")] public string? RegionCode { get; init; }
}

public sealed class CreateSecurityGroupValidator : AbstractValidator<CreateSecurityGroup>
{
    /// <summary>CDS's longest name.</summary>
    public const int NameMax = 60;
    /// <summary>CDS's longest description.</summary>
    public const int DescriptionMax = 128;

    public CreateSecurityGroupValidator()
    {
        RuleFor(x => x.SecurityGroupName).Required().MaxChars(NameMax).NoControlChars();
        RuleFor(x => x.SecurityGroupDescription).MaxChars(DescriptionMax).NoControlChars();
        RuleFor(x => x.GroupInterconnected).Must(SgInput.IsBoolOrEmpty).WithMessage("{PropertyName} 必须是 true 或 false");
        RuleFor(x => x.RegionCode).Id();
    }
}

public sealed class CreateSecurityGroupHandler(CdsService cds) : ICommandHandler<CreateSecurityGroup, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(CreateSecurityGroup c, CancellationToken ct)
    {
        var key = await cds.KeyForAsync(c.Orgid!, ct);
        var name = c.SecurityGroupName.Trimmed();
        var body = new JsonObject { ["SecurityGroupName"] = name, ["RegionCode"] = c.RegionCode.Trimmed() };
        if (c.SecurityGroupDescription.TrimmedOrNull() is { } description)
            body["SecurityGroupDescription"] = description;
        if (SgInput.Bool(c.GroupInterconnected) is { } interconnected) body["GroupInterconnected"] = interconnected;
        var row = cds.NewRow(CdsResourceTypes.SecurityGroup, c.Orgid!, key, c.RegionCode.Trimmed(), "", name);
        var answer = await cds.CreateAsync(row, key, CdsActions.CreateSecurityGroup, body,
            a => VendorJson.Str(a.Data, "SecurityGroupId"), ct);
        return Reply.Ok(answer.Message ?? "创建成功", CdsReplies.WithTask(answer.Data!));
    }
}
