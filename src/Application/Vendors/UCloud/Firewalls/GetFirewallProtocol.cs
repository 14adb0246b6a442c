using System.Text.Json.Nodes;
using Kboss.Application.Common.Models;
using Mediator;

namespace Kboss.Application.Vendors.UCloud.Firewalls;

/// <summary>
/// UC-FW-01 <c>GET /ucloud/get_firewall_protocol.dspy</c> 获取防火墙基本协议: the protocols a rule may name and their
/// port ranges, plus the actions and priorities (analysis/vendors.md §2.7 E-UC-5: static), no vendor call.
/// <c>data</c> = <c>{protocol:[{name, ports}], action:[…], priority:[…]}</c>. spec: 31-ucloud-firewall.md.
/// </summary>
public sealed record GetFirewallProtocol : IQuery<Reply<JsonObject>>;

public sealed class GetFirewallProtocolHandler : IQueryHandler<GetFirewallProtocol, Reply<JsonObject>>
{
    public ValueTask<Reply<JsonObject>> Handle(GetFirewallProtocol q, CancellationToken ct) =>
        ValueTask.FromResult(Reply.Ok("查询成功", new JsonObject
        {
            ["protocol"] = new JsonArray(FirewallRules.Protocols.Select(p =>
                (JsonNode)new JsonObject { ["name"] = p.Protocol, ["ports"] = p.Ports }).ToArray()),
            ["action"] = new JsonArray("ACCEPT", "DROP"),
            ["priority"] = new JsonArray("HIGH", "MEDIUM", "LOW"),
        }));
}
