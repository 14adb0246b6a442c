using System.Text.Json.Nodes;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.UCloud.Hosts;

/// <summary>
/// UC-H-12 <c>GET /ucloud/get_uhost_instance_vnc_info.dspy</c> 获取登录VNC信息: UCloud GetUHostInstanceVncInfo of a
/// host the caller owns; audited without the password, never cached. <c>data</c> = <c>{UHostId, UhostId, VncIP,
/// VncPassword, VncPort}</c> (both id spellings, as UCloud sends them). spec: 30-ucloud-hosts.md; §3.9.
/// </summary>
public sealed record GetUHostInstanceVncInfo : HostRequest, IQuery<Reply<JsonObject>>;

public sealed class GetUHostInstanceVncInfoValidator : HostRequestValidator<GetUHostInstanceVncInfo>;

public sealed class GetUHostInstanceVncInfoHandler(UCloudService ucloud, IKbossDbContext db, ICurrentUser user)
    : IQueryHandler<GetUHostInstanceVncInfo, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(GetUHostInstanceVncInfo q, CancellationToken ct)
    {
        var row = await ucloud.LoadOwnedAsync(UCloudResourceTypes.Host, q.UHostId, ct);
        var scope = await ucloud.ScopeOfAsync(row, ct);
        var data = await ucloud.CallAsync(scope, UCloudActions.GetUHostInstanceVncInfo,
            new UCloudParams().With("Region", row.RegionCode).With("ProjectId", row.ProjectId)
                .With("UHostId", row.VendorId), ct);
        var id = VendorJson.Str(data, "UHostId", "UhostId") ?? row.VendorId;
        data["UHostId"] = id;
        data["UhostId"] = id;
        db.AuditEntries.Add(Audit.Entry(user, "ucloud.uhost.vnc", "ucloud_resource", row.Id,
            new { orgid = row.OrgId, vendor_id = row.VendorId }));
        await db.SaveChangesAsync(CancellationToken.None);
        return Reply.Ok("查询成功", data);
    }
}
