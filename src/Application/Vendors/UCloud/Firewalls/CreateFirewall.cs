using System.Text.Json.Nodes;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.UCloud.Firewalls;

/// <summary>
/// UC-FW-02 <c>POST /ucloud/create_firewall.dspy</c> 创建防火墙: UCloud CreateFirewall (sent once, never retried:
/// not idempotent) for <c>orgid</c>; the firewall belongs to that org. <c>data</c> = <c>{FWId}</c>.
/// spec: 31-ucloud-firewall.md; analysis/vendors.md §3.10.
/// </summary>
public sealed record CreateFirewall : ICommand<Reply<JsonObject>>, IOrgScoped
{
    /// <summary>用户orgid (default: the caller's).</summary>
    public string? Orgid { get; set; }
    /// <summary>地域 (default: <c>Vendors:UCloud:DefaultRegion</c>, <c>cn-bj2</c>).</summary>
    public string? Region { get; init; }
    /// <summary>安全组名称.</summary>
    public string? Name { get; init; }
    /// <summary>防火墙描述.</summary>
    public string? Remark { get; init; }
    /// <summary>数组,防火墙规则 (JSON array or comma-separated).</summary>
    public string? Rule { get; init; }
    /// <summary>业务组 默认Default.</summary>
    public string? Tag { get; init; }
}

public sealed class CreateFirewallValidator : AbstractValidator<CreateFirewall>
{
    public CreateFirewallValidator()
    {
        RuleFor(x => x.Region).OptionalRegionCode();
        RuleFor(x => x.Name).Required().MaxChars(UCloudRules.TextMax);
        RuleFor(x => x.Remark).MaxChars(UCloudRules.TextMax);
        RuleFor(x => x.Tag).MaxChars(UCloudRules.TextMax);
        RuleFor(x => x.Rule).Required().Must(r => FirewallRules.Parse(r) is not null)
            .WithMessage("rule必须是规则数组,如 [\"TCP|22|0.0.0.0/0|ACCEPT|HIGH|ssh\"]");
    }
}

public sealed class CreateFirewallHandler(UCloudService ucloud) : ICommandHandler<CreateFirewall, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(CreateFirewall c, CancellationToken ct)
    {
        var scope = await ucloud.ScopeAsync(c.Orgid!, ct);
        var name = c.Name.Trimmed();
        var p = scope.Params(c.Region).With("Name", name).With("Remark", c.Remark).With("Tag", c.Tag ?? "Default")
            .WithList("Rule", FirewallRules.Parse(c.Rule)!);
        var row = ucloud.NewRow(UCloudResourceTypes.Firewall, scope, scope.Region(c.Region), null, name);
        var answer = await ucloud.CreateAsync(row, scope, UCloudActions.CreateFirewall, p,
            a => VendorJson.Str(a, "FWId"), ct);
        return Reply.Ok("创建成功", answer.Data!);
    }
}
