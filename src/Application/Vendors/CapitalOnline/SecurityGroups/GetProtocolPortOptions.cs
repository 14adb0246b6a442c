using System.Text.Json.Nodes;
using Kboss.Application.Common.Models;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.SecurityGroups;

/// <summary>
/// CDS-SG-13 <c>GET /capital/u_get_protoclol_port.dspy</c> 获取协议端口授权对象 (path typo kept): the choices a rule
/// form offers — the protocols kboss accepts in rules (<see cref="SgPolicy.Protocols"/>, the same list the rule
/// validation uses), common ports as CDS's <c>from/to</c>, and the usual authorisation objects (CIDR). No vendor
/// call (§4.9). <c>data</c> = <c>{Protocols: [{Protocol, Port}], Ports: [{Name, Protocol, Port}],
/// CidrBlocks: [{CidrBlock, Description}]}</c>. spec: 27-capital-online-security-groups.md.
/// </summary>
public sealed record GetProtocolPortOptions : IQuery<Reply<JsonObject>>;

public sealed class GetProtocolPortOptionsHandler : IQueryHandler<GetProtocolPortOptions, Reply<JsonObject>>
{
    /// <summary>Common services: name, protocol, port range.</summary>
    public static readonly (string Name, string Protocol, string Port)[] Ports =
    [
        ("SSH", "TCP", "22/22"), ("RDP", "TCP", "3389/3389"), ("HTTP", "TCP", "80/80"), ("HTTPS", "TCP", "443/443"),
        ("FTP", "TCP", "20/21"), ("MySQL", "TCP", "3306/3306"), ("SQL Server", "TCP", "1433/1433"),
        ("PostgreSQL", "TCP", "5432/5432"), ("Redis", "TCP", "6379/6379"), ("DNS", "UDP", "53/53"),
        ("Ping", "ICMP", "1/1"), ("全部TCP端口", "TCP", "1/65535"), ("全部UDP端口", "UDP", "1/65535"),
    ];

    public ValueTask<Reply<JsonObject>> Handle(GetProtocolPortOptions q, CancellationToken ct) =>
        ValueTask.FromResult(Reply.Ok("查询成功", new JsonObject
        {
            ["Protocols"] = new JsonArray(SgPolicy.Protocols.Select(p => (JsonNode)new JsonObject
            {
                ["Protocol"] = p, ["Port"] = p == "ICMP" ? "1/1" : "1/65535",
            }).ToArray()),
            ["Ports"] = new JsonArray(Ports.Select(p => (JsonNode)new JsonObject
            {
                ["Name"] = p.Name, ["Protocol"] = p.Protocol, ["Port"] = p.Port,
            }).ToArray()),
            ["CidrBlocks"] = new JsonArray(
                new JsonObject { ["CidrBlock"] = "0.0.0.0/0", ["Description"] = "所有IPv4地址" },
                new JsonObject { ["CidrBlock"] = "10.0.0.0/8", ["Description"] = "私网地址 10.0.0.0/8" },
                new JsonObject { ["CidrBlock"] = "172.16.0.0/12", ["Description"] = "私网地址 172.16.0.0/12" },
                new JsonObject { ["CidrBlock"] = "192.168.0.0/16", ["Description"] = "私网地址 192.168.0.0/16" }),
        }));
}
