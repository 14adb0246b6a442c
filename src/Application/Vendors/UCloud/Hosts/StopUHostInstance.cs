using System.Text.Json.Nodes;
using Kboss.Application.Common.Models;
using Mediator;

namespace Kboss.Application.Vendors.UCloud.Hosts;

/// <summary>
/// UC-H-09 <c>GET /ucloud/stop_uhost_instance.dspy</c> 关闭主机: UCloud StopUHostInstance of a live host the caller owns (403 / 资源不存在
/// otherwise); the host is then <c>Stopping</c> until the polling job reads its next state. <c>data</c> =
/// <c>{UHostId}</c>. spec: 30-ucloud-hosts.md; analysis/vendors.md §3.9.
/// </summary>
public sealed record StopUHostInstance : HostRequest, ICommand<Reply<JsonObject>>
{
}

public sealed class StopUHostInstanceValidator() : HostPowerValidator<StopUHostInstance>();

public sealed class StopUHostInstanceHandler(UCloudService ucloud) : ICommandHandler<StopUHostInstance, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(StopUHostInstance c, CancellationToken ct) =>
        await HostPower.RunAsync(ucloud, c, UCloudActions.StopUHostInstance, "Stopping", null, ct);
}
