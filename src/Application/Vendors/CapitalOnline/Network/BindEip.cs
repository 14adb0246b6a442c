using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Network;

/// <summary>
/// CDS-VPC-14 <c>GET /capital/bind_eip.dspy</c> 绑定EIP到子网IP: CDS BindEIP of an EIP and a subnet (edge nodes: a virtual
/// gateway) the caller may both act on (403 / 资源不存在 otherwise); <c>IP</c> is an IPv4 address of that net.
/// <c>data</c> = <c>{TaskId}</c>. spec: 26-capital-online-vpc.md; analysis/vendors.md §3.6.
/// </summary>
public sealed record BindEip : ICommand<Reply<JsonObject>>
{
    /// <summary>EIP id.</summary>
    [JsonPropertyName("EIPId")] public string? EipId { get; init; }
    /// <summary>Subnet id (edge nodes: virtual gateway id).</summary>
    [JsonPropertyName("NetId")] public string? NetId { get; init; }
    /// <summary>The net's IP address.</summary>
    [JsonPropertyName("IP")] public string? Ip { get; init; }
}

public sealed class BindEipValidator : AbstractValidator<BindEip>
{
    public BindEipValidator()
    {
        RuleFor(x => x.EipId).Id();
        RuleFor(x => x.NetId).Id();
        RuleFor(x => x.Ip).Required().Must(ip => IPAddress.TryParse(ip?.Trim(), out var a)
            && a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork).WithMessage("IP必须是IPv4地址");
    }
}

public sealed class BindEipHandler(CdsService cds) : ICommandHandler<BindEip, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(BindEip c, CancellationToken ct)
    {
        var eip = await cds.LoadOwnedAsync(CdsResourceTypes.Eip, c.EipId, ct);
        var net = await cds.LoadOwnedNetAsync(c.NetId, ct);
        return await cds.ChangeAsync(eip, CdsActions.BindEip,
            new JsonObject { ["EIPId"] = eip.VendorId, ["NetId"] = net.VendorId, ["IP"] = c.Ip!.Trim() }, ct);
    }
}
