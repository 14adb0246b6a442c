using System.Text.Json.Nodes;
using Kboss.Application.Common.Models;
using Mediator;

namespace Kboss.Application.Vendors.UCloud.Firewalls;

/// <summary>
/// UC-FW-09 <c>GET /ucloud/disassociate_firewall.dspy</c> 解绑资源: UCloud DisassociateFirewall of a firewall from a
/// host, both the caller's (403 / 资源不存在 otherwise). <c>data</c> = UCloud's answer. spec: 31-ucloud-firewall.md.
/// </summary>
public sealed record DisassociateFirewall : FirewallBinding, ICommand<Reply<JsonObject>>;

public sealed class DisassociateFirewallValidator : FirewallBindingValidator<DisassociateFirewall>;

public sealed class DisassociateFirewallHandler(UCloudService ucloud)
    : ICommandHandler<DisassociateFirewall, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(DisassociateFirewall c, CancellationToken ct) =>
        await c.RunAsync(ucloud, UCloudActions.DisassociateFirewall, ct);
}
