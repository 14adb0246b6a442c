using System.Text.Json.Nodes;
using Kboss.Application.Common.Models;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.UCloud.Firewalls;

/// <summary>
/// UC-FW-04 <c>GET /ucloud/delete_firewall.dspy</c> 删除防火墙: UCloud DeleteFirewall of a firewall the caller owns
/// (403 / 资源不存在 otherwise); already being deleted → success without a second call; UCloud's refusal (still bound)
/// passed through. spec: 31-ucloud-firewall.md; analysis/vendors.md §3.10.
/// </summary>
public sealed record DeleteFirewall : FirewallRequest, ICommand<Reply<JsonObject>>;

public sealed class DeleteFirewallValidator : FirewallRequestValidator<DeleteFirewall>;

public sealed class DeleteFirewallHandler(UCloudService ucloud) : ICommandHandler<DeleteFirewall, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(DeleteFirewall c, CancellationToken ct)
    {
        var row = await ucloud.LoadOwnedAsync(UCloudResourceTypes.Firewall, c.FwId, ct);
        var answer = await ucloud.DeleteAsync(row, UCloudActions.DeleteFirewall, new UCloudParams()
            .With("Region", row.RegionCode).With("ProjectId", row.ProjectId).With("FWId", row.VendorId), ct);
        return answer is null
            ? Reply.Ok("删除任务已在处理中", new JsonObject { ["FWId"] = row.VendorId })
            : Reply.Ok("删除成功", answer.Data!);
    }
}
