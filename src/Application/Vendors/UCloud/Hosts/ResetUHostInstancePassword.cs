using System.Text;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.UCloud.Hosts;

/// <summary>
/// UC-H-14 <c>GET /ucloud/reset_uhost_instance_password.dspy</c> 重置密码: UCloud ResetUHostInstancePassword of a live
/// host the caller owns, the password sent base64-encoded as UCloud requires, never logged or stored (audited without
/// it). UCloud refuses a running host (its message passed through). <c>data</c> = <c>{UHostId}</c>.
/// spec: 30-ucloud-hosts.md; analysis/vendors.md §3.9, §6 #32.
/// </summary>
public sealed record ResetUHostInstancePassword : HostRequest, ICommand<Reply<JsonObject>>
{
    /// <summary>New password, plain (8–30 characters).</summary>
    [JsonPropertyName("Password")] public string? Password { get; init; }
}

public sealed class ResetUHostInstancePasswordValidator : HostRequestValidator<ResetUHostInstancePassword>
{
    public ResetUHostInstancePasswordValidator() =>
        RuleFor(x => x.Password).Required().Must(p => p is null || p.Length is >= 8 and <= 30)
            .WithMessage("Password长度必须为8到30个字符");
}

public sealed class ResetUHostInstancePasswordHandler(UCloudService ucloud)
    : ICommandHandler<ResetUHostInstancePassword, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(ResetUHostInstancePassword c, CancellationToken ct)
    {
        var row = await ucloud.LoadLiveAsync(UCloudResourceTypes.Host, c.UHostId, ct);
        var p = new UCloudParams().With("Region", row.RegionCode).With("Zone", row.ZoneCode)
            .With("ProjectId", row.ProjectId).With("UHostId", row.VendorId)
            .With("Password", Convert.ToBase64String(Encoding.UTF8.GetBytes(c.Password!)));
        return Reply.Ok("密码重置成功",
            await ucloud.ChangeAsync(row, UCloudActions.ResetUHostInstancePassword, p, new { }, ct));
    }
}
