using System.Text.Json.Nodes;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.UCloud.Firewalls;

/// <summary>
/// UC-FW-05 <c>GET /ucloud/update_firewall.dspy</c> 更新防火墙规则: UCloud UpdateFirewall, which <b>replaces</b> the
/// whole rule set of a firewall the caller owns; an empty or malformed <c>rule</c> is refused (§6 #30).
/// <c>data</c> = <c>{FWId}</c>. spec: 31-ucloud-firewall.md; analysis/vendors.md §3.10.
/// </summary>
public sealed record UpdateFirewall : FirewallRequest, ICommand<Reply<JsonObject>>
{
    /// <summary>数组,防火墙规则 (the new full set).</summary>
    public string? Rule { get; init; }
}

public sealed class UpdateFirewallValidator : FirewallRequestValidator<UpdateFirewall>
{
    public UpdateFirewallValidator() =>
        RuleFor(x => x.Rule).Required().Must(r => FirewallRules.Parse(r) is not null)
            .WithMessage("rule必须是规则数组,如 [\"TCP|22|0.0.0.0/0|ACCEPT|HIGH|ssh\"]");
}

public sealed class UpdateFirewallHandler(UCloudService ucloud) : ICommandHandler<UpdateFirewall, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(UpdateFirewall c, CancellationToken ct)
    {
        var row = await ucloud.LoadLiveAsync(UCloudResourceTypes.Firewall, c.FwId, ct);
        var rules = FirewallRules.Parse(c.Rule)!;
        var p = new UCloudParams().With("Region", row.RegionCode).With("ProjectId", row.ProjectId)
            .With("FWId", row.VendorId).WithList("Rule", rules);
        return Reply.Ok("更新成功", await ucloud.ChangeAsync(row, UCloudActions.UpdateFirewall, p, new { rules }, ct));
    }
}
