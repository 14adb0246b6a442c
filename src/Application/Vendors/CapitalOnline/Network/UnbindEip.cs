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
/// CDS-VPC-15 <c>GET /capital/unbind_eip.dspy</c> EIP从子网IP解绑: CDS UnbindEIP of an EIP and a subnet (edge nodes: a
/// virtual
/// gateway) the caller may both act on (403 / 资源不存在 otherwise); <c>IP</c> is an IPv4 address of that net.
/// <c>data</c> = <c>{TaskId}</c>. spec: 26-capital-online-vpc.md; analysis/vendors.md §3.6.
/// </summary>
public sealed record UnbindEip : ICommand<Reply<JsonObject>>
{
    /// <summary>EIP id.</summary>
    [JsonPropertyName("EIPId")] public string? EipId { get; init; }
    /// <summary>Subnet id (edge nodes: virtual gateway id).</summary>
    [JsonPropertyName("NetId")] public string? NetId { get; init; }
    /// <summary>The net's IP address.</summary>
    [JsonPropertyName("IP")] public string? Ip { get; init; }
}

public sealed class UnbindEipValidator : AbstractValidator<UnbindEip>
{
    public UnbindEipValidator()
    {
        RuleFor(x => x.EipId).Id();
        RuleFor(x => x.NetId).Id();
        RuleFor(x => x.Ip).Required().Must(ip => IPAddress.TryParse(ip?.Trim(), out var a)
            && a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork).WithMessage("IP必须是IPv4地址");
    }
}

public sealed class UnbindEipHandler(CdsService cds) : ICommandHandler<UnbindEip, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(UnbindEip c, CancellationToken ct)
    {
        var eip = await cds.LoadOwnedAsync(CdsResourceTypes.Eip, c.EipId, ct);
        var net = await cds.LoadOwnedNetAsync(c.NetId, ct);
        return await cds.ChangeAsync(eip, CdsActions.UnbindEip,
            new JsonObject { ["EIPId"] = eip.VendorId, ["NetId"] = net.VendorId, ["IP"] = c.Ip!.Trim() }, ct);
    }
}
