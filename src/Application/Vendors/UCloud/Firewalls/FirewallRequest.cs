using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Vendors;

namespace Kboss.Application.Vendors.UCloud.Firewalls;

/// <summary>A request on one firewall the caller owns (<c>orgid</c>, <c>region</c>, <c>FWId</c>).</summary>
public abstract record FirewallRequest : IOrgScoped
{
    /// <summary>用户orgid (default: the caller's).</summary>
    public string? Orgid { get; set; }
    /// <summary>地域 (the firewall's own region is used).</summary>
    public string? Region { get; init; }
    /// <summary>防火墙资源ID.</summary>
    [JsonPropertyName("FWId")] public string? FwId { get; init; }
}

/// <summary>Rules of <see cref="FirewallRequest"/>.</summary>
public class FirewallRequestValidator<T> : AbstractValidator<T> where T : FirewallRequest
{
    public FirewallRequestValidator()
    {
        RuleFor(x => x.Region).OptionalRegionCode();
        RuleFor(x => x.FwId).Id();
    }
}

/// <summary>Grant and disassociate (UC-FW-08/09): a firewall and a host (<c>ResourceType</c> default
/// <c>uhost</c>), both the caller's.</summary>
public abstract record FirewallBinding : FirewallRequest
{
    /// <summary>默认uhost, 绑定防火墙的资源类型.</summary>
    [JsonPropertyName("ResourceType")] public string? ResourceType { get; init; }
    /// <summary>所应用资源ID.</summary>
    [JsonPropertyName("ResourceId")] public string? ResourceId { get; init; }

    /// <summary>Sends <paramref name="action"/> for the owned firewall and host.</summary>
    public Task<Reply<JsonObject>> RunAsync(UCloudService ucloud, UCloudAction action, CancellationToken ct) =>
        ucloud.BindToHostAsync(UCloudResourceTypes.Firewall, FwId, "FWId", ResourceId, action, ct);
}

/// <summary>Rules of <see cref="FirewallBinding"/> (all four documented as required).</summary>
public class FirewallBindingValidator<T> : FirewallRequestValidator<T> where T : FirewallBinding
{
    public FirewallBindingValidator()
    {
        RuleFor(x => x.Orgid).NotEmpty().WithMessage(RuleExtensions.Missing("orgid"));
        RuleFor(x => x.Region).NotEmpty().WithMessage(RuleExtensions.Missing("region"));
        RuleFor(x => x.ResourceType).OneOf(["uhost"]);
        RuleFor(x => x.ResourceId).Id();
    }
}
