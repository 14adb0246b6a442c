using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Validation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Domain.Vendors;

namespace Kboss.Application.Vendors.UCloud.Eips;

/// <summary>A request on one EIP the caller owns (<c>orgid</c>, <c>Region</c>, <c>EIPId</c>).</summary>
public abstract record EipRequest : IOrgScoped
{
    /// <summary>Customer org (default: the caller's).</summary>
    public string? Orgid { get; set; }
    /// <summary>Region (the EIP's own region is used).</summary>
    [JsonPropertyName("Region")] public string? Region { get; init; }
    /// <summary>EIP id.</summary>
    [JsonPropertyName("EIPId")] public string? EipId { get; init; }
}

/// <summary>Rules of <see cref="EipRequest"/>.</summary>
public class EipRequestValidator<T> : AbstractValidator<T> where T : EipRequest
{
    public EipRequestValidator()
    {
        RuleFor(x => x.Region).OptionalRegionCode();
        RuleFor(x => x.EipId).Id();
    }
}

/// <summary>Bind and unbind (UC-EIP-02/04): an EIP and a host (<c>ResourceType</c> <c>uhost</c>), both the caller's.
/// </summary>
public abstract record EipBinding : EipRequest
{
    /// <summary><c>uhost</c>.</summary>
    [JsonPropertyName("ResourceType")] public string? ResourceType { get; init; }
    /// <summary>Host id.</summary>
    [JsonPropertyName("ResourceId")] public string? ResourceId { get; init; }

    /// <summary>Sends <paramref name="action"/> for the owned EIP and host.</summary>
    public Task<Reply<JsonObject>> RunAsync(UCloudService ucloud, UCloudAction action, CancellationToken ct) =>
        ucloud.BindToHostAsync(UCloudResourceTypes.Eip, EipId, "EIPId", ResourceId, action, ct);
}

/// <summary>Rules of <see cref="EipBinding"/>.</summary>
public class EipBindingValidator<T> : EipRequestValidator<T> where T : EipBinding
{
    public EipBindingValidator()
    {
        RuleFor(x => x.ResourceType).OneOf(["uhost"]);
        RuleFor(x => x.ResourceId).Id();
    }
}
