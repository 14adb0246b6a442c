using System.Text.Json.Nodes;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.UCloud.Hosts;

/// <summary>
/// UC-H-02 <c>GET /ucloud/ucloud_create_user.dspy</c> 同步用户: creates the org's UCloud project (UAccount
/// CreateProject, named after the org) that its later objects are created in (analysis/vendors.md §2.7 E-UC-1, §6
/// #43). "已经创建过的会返回false": an org already synced (or being synced) → <c>status:false</c>, code
/// <c>conflict</c>, no vendor call. <c>data</c> = <c>{orgid, project_id}</c>. spec: 30-ucloud-hosts.md.
/// </summary>
public sealed record UCloudCreateUser : ICommand<Reply<JsonObject>>, IOrgScoped
{
    /// <summary>用户orgid (default: the caller's).</summary>
    public string? Orgid { get; set; }
}

public sealed class UCloudCreateUserHandler(UCloudService ucloud, IKbossDbContext db)
    : ICommandHandler<UCloudCreateUser, Reply<JsonObject>>
{
    /// <summary>The org already has a project.</summary>
    public const string AlreadySyncedMessage = "该用户已同步";

    public async ValueTask<Reply<JsonObject>> Handle(UCloudCreateUser c, CancellationToken ct)
    {
        var org = c.Orgid!;
        if (await db.UCloudResources.AnyAsync(r => r.OrgId == org && r.ResourceType == UCloudResourceTypes.Project
                && r.State != OutsideStates.Failed, ct))
            throw BusinessException.Conflict(AlreadySyncedMessage);
        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == org).Select(o => o.Name)
            .FirstOrDefaultAsync(ct) ?? org;
        var scope = await ucloud.ScopeAsync(org, ct);
        var projectName = $"kboss-{org}";
        var row = ucloud.NewRow(UCloudResourceTypes.Project, scope, "", null, projectName);
        await ucloud.CreateAsync(row, scope, UCloudActions.CreateProject,
            new UCloudParams().With("ProjectName", projectName), a => VendorJson.Str(a, "ProjectId"), ct);
        return Reply.Ok("同步成功", new JsonObject { ["orgid"] = org, ["project_id"] = row.VendorId, ["name"] = name });
    }
}
