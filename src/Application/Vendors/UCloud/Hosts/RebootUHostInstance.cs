using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Mediator;

namespace Kboss.Application.Vendors.UCloud.Hosts;

/// <summary>
/// UC-H-11 <c>GET /ucloud/reboot_uhost_instance.dspy</c> 重启主机: UCloud RebootUHostInstance of a live host the caller owns (403 / 资源不存在
/// otherwise); the host is then <c>Rebooting</c> until the polling job reads its next state. <c>data</c> =
/// <c>{UHostId}</c>. spec: 30-ucloud-hosts.md; analysis/vendors.md §3.9.
/// </summary>
public sealed record RebootUHostInstance : HostRequest, ICommand<Reply<JsonObject>>
{
    /// <summary>Password of encrypted disks (never logged).</summary>
    [JsonPropertyName("DiskPassword")] public string? DiskPassword { get; init; }
}

public sealed class RebootUHostInstanceValidator : HostPowerValidator<RebootUHostInstance>
{
    public RebootUHostInstanceValidator() => RuleFor(x => x.DiskPassword).MaxChars(64);
}

public sealed class RebootUHostInstanceHandler(UCloudService ucloud) : ICommandHandler<RebootUHostInstance, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(RebootUHostInstance c, CancellationToken ct) =>
        await HostPower.RunAsync(ucloud, c, UCloudActions.RebootUHostInstance, "Rebooting", c.DiskPassword, ct);
}
