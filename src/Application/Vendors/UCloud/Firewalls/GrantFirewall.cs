using System.Text.Json.Nodes;
using Kboss.Application.Common.Models;
using Mediator;

namespace Kboss.Application.Vendors.UCloud.Firewalls;

/// <summary>
/// UC-FW-08 <c>GET /ucloud/grant_firewall.dspy</c> 绑定到资源上: UCloud GrantFirewall of a firewall to a host, both
/// the caller's (403 / 资源不存在 otherwise). <c>data</c> = UCloud's answer. spec: 31-ucloud-firewall.md; §3.10.
/// </summary>
public sealed record GrantFirewall : FirewallBinding, ICommand<Reply<JsonObject>>;

public sealed class GrantFirewallValidator : FirewallBindingValidator<GrantFirewall>;

public sealed class GrantFirewallHandler(UCloudService ucloud) : ICommandHandler<GrantFirewall, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(GrantFirewall c, CancellationToken ct) =>
        await c.RunAsync(ucloud, UCloudActions.GrantFirewall, ct);
}
