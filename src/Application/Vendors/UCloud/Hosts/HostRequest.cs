using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Domain.Vendors;

namespace Kboss.Application.Vendors.UCloud.Hosts;

/// <summary>A request on one host the caller owns (<c>orgid</c>, <c>region</c>, <c>Zone</c>, <c>UHostId</c>).</summary>
public abstract record HostRequest : IOrgScoped
{
    /// <summary>用户orgid (default: the caller's).</summary>
    public string? Orgid { get; set; }
    /// <summary>地域 (the host's own region is used).</summary>
    [JsonPropertyName("region")] public string? Region { get; init; }
    /// <summary>Zone.</summary>
    [JsonPropertyName("Zone")] public string? Zone { get; init; }
    /// <summary>UHost实例ID.</summary>
    [JsonPropertyName("UHostId")] public string? UHostId { get; init; }
}

/// <summary>Rules of <see cref="HostRequest"/>.</summary>
public class HostRequestValidator<T> : AbstractValidator<T> where T : HostRequest
{
    public HostRequestValidator()
    {
        RuleFor(x => x.Region).OptionalRegionCode();
        RuleFor(x => x.Zone).OptionalRegionCode();
        RuleFor(x => x.UHostId).Id();
    }
}

/// <summary>Rules of start, stop and reboot (UC-H-09…11): <c>orgid</c> and <c>region</c> documented as required.
/// </summary>
public class HostPowerValidator<T> : HostRequestValidator<T> where T : HostRequest
{
    public HostPowerValidator()
    {
        RuleFor(x => x.Orgid).NotEmpty().WithMessage("缺少必要参数: orgid");
        RuleFor(x => x.Region).NotEmpty().WithMessage("缺少必要参数: region");
    }
}

/// <summary>Start, stop and reboot (UC-H-09…11): one call on a live host, its transitional state recorded for the
/// polling job.</summary>
public static class HostPower
{
    public static async Task<Reply<JsonObject>> RunAsync(UCloudService ucloud, HostRequest r, UCloudAction action,
        string transitional, string? diskPassword, CancellationToken ct)
    {
        var row = await ucloud.LoadLiveAsync(UCloudResourceTypes.Host, r.UHostId, ct);
        var p = new UCloudParams().With("Region", row.RegionCode).With("Zone", row.ZoneCode)
            .With("ProjectId", row.ProjectId).With("UHostId", row.VendorId).With("DiskPassword", diskPassword);
        var data = await ucloud.ChangeAsync(row, action, p, new { action = action.Name }, ct, transitional);
        return Reply.Ok("操作成功", data);
    }
}
