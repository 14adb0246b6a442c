using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Vendors;

namespace Kboss.Application.Vendors.CapitalOnline.Network;

/// <summary>Bind and unbind (CDS-VPC-14/15): an EIP and a subnet (edge nodes: a virtual gateway) the caller may both
/// act on (403 / 资源不存在 otherwise); <c>IP</c> is an IPv4 address of that net. spec: 26-capital-online-vpc.md;
/// analysis/vendors.md §3.6.</summary>
public abstract record EipNetBinding
{
    /// <summary>EIP id.</summary>
    [JsonPropertyName("EIPId")] public string? EipId { get; init; }
    /// <summary>Subnet id (edge nodes: virtual gateway id).</summary>
    [JsonPropertyName("NetId")] public string? NetId { get; init; }
    /// <summary>The net's IP address.</summary>
    [JsonPropertyName("IP")] public string? Ip { get; init; }

    /// <summary>Sends <paramref name="action"/> for the owned EIP and net: CDS's message + <c>{TaskId}</c>.</summary>
    public async Task<Reply<JsonObject>> RunAsync(CdsService cds, CdsAction action, CancellationToken ct)
    {
        var eip = await cds.LoadOwnedAsync(CdsResourceTypes.Eip, EipId, ct);
        var net = await cds.LoadOwnedNetAsync(NetId, ct);
        return await cds.ChangeAsync(eip, action,
            new JsonObject { ["EIPId"] = eip.VendorId, ["NetId"] = net.VendorId, ["IP"] = Ip!.Trim() }, ct);
    }
}

/// <summary>Rules of <see cref="EipNetBinding"/>.</summary>
public class EipNetBindingValidator<T> : AbstractValidator<T> where T : EipNetBinding
{
    public EipNetBindingValidator()
    {
        RuleFor(x => x.EipId).Id();
        RuleFor(x => x.NetId).Id();
        RuleFor(x => x.Ip).Required().Must(ip => IPAddress.TryParse(ip?.Trim(), out var a)
            && a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork).WithMessage("IP必须是IPv4地址");
    }
}
