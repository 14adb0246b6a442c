using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Mediator;

namespace Kboss.Application.Vendors.UCloud.Hosts;

/// <summary>
/// UC-H-10 <c>GET /ucloud/start_uhost_instance.dspy</c> 启动主机: UCloud StartUHostInstance of a live host the caller owns (403 / 资源不存在
/// otherwise); the host is then <c>Starting</c> until the polling job reads its next state. <c>data</c> =
/// <c>{UHostId}</c>. spec: 30-ucloud-hosts.md; analysis/vendors.md §3.9.
/// </summary>
public sealed record StartUHostInstance : HostRequest, ICommand<Reply<JsonObject>>
{
    /// <summary>Password of encrypted disks (never logged).</summary>
    [JsonPropertyName("DiskPassword")] public string? DiskPassword { get; init; }
}

public sealed class StartUHostInstanceValidator : HostPowerValidator<StartUHostInstance>
{
    public StartUHostInstanceValidator() => RuleFor(x => x.DiskPassword).MaxChars(64);
}

public sealed class StartUHostInstanceHandler(UCloudService ucloud) : ICommandHandler<StartUHostInstance, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(StartUHostInstance c, CancellationToken ct) =>
        await HostPower.RunAsync(ucloud, c, UCloudActions.StartUHostInstance, "Starting", c.DiskPassword, ct);
}
