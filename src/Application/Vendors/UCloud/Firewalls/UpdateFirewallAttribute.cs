using System.Text.Json.Nodes;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.UCloud.Firewalls;

/// <summary>
/// UC-FW-06 <c>GET /ucloud/update_firewall_attribute.dspy</c> 更新防火墙属性: UCloud UpdateFirewallAttribute (name, tag,
/// remark; at least one) of a firewall the caller owns. spec: 31-ucloud-firewall.md; analysis/vendors.md §3.10.
/// </summary>
public sealed record UpdateFirewallAttribute : FirewallRequest, ICommand<Reply<JsonObject>>
{
    /// <summary>更新得安全组名称.</summary>
    public string? Name { get; init; }
    /// <summary>更新的安全组标签.</summary>
    public string? Tag { get; init; }
    /// <summary>更新的安全组备注.</summary>
    public string? Remark { get; init; }
}

public sealed class UpdateFirewallAttributeValidator : FirewallRequestValidator<UpdateFirewallAttribute>
{
    public UpdateFirewallAttributeValidator()
    {
        RuleFor(x => x.Name).MaxChars(UCloudRules.TextMax);
        RuleFor(x => x.Tag).MaxChars(UCloudRules.TextMax);
        RuleFor(x => x.Remark).MaxChars(UCloudRules.TextMax);
        RuleFor(x => x).Must(x => !string.IsNullOrWhiteSpace(x.Name) || !string.IsNullOrWhiteSpace(x.Tag)
                                  || !string.IsNullOrWhiteSpace(x.Remark))
            .WithName("name").WithMessage("name、tag、remark至少填写一个");
    }
}

public sealed class UpdateFirewallAttributeHandler(UCloudService ucloud)
    : ICommandHandler<UpdateFirewallAttribute, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(UpdateFirewallAttribute c, CancellationToken ct)
    {
        var row = await ucloud.LoadLiveAsync(UCloudResourceTypes.Firewall, c.FwId, ct);
        var p = new UCloudParams().With("Region", row.RegionCode).With("ProjectId", row.ProjectId)
            .With("FWId", row.VendorId).With("Name", c.Name).With("Tag", c.Tag).With("Remark", c.Remark);
        return Reply.Ok("更新成功", await ucloud.ChangeAsync(row, UCloudActions.UpdateFirewallAttribute, p,
            new { name = c.Name, tag = c.Tag, remark = c.Remark }, ct));
    }
}
