using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Domain.Common;
using Kboss.Domain.Cpcc;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.InstanceConfigs;

/// <summary>
/// Who may manage an instance config: a caller who may act on the config's org (its own org, an org it owns, admin) or
/// on the org owning the centre the config runs in (the centre's operators). Verbs as every access service
/// (docs/patterns.md): <c>Can…</c> answers, <c>Ensure…</c> throws 403.
/// </summary>
public sealed class InstanceConfigAccess(IKbossDbContext db, OrgAccess orgs)
{
    /// <summary>Message when a config id is unknown.</summary>
    public const string NotFound = "资源实例配置不存在";
    /// <summary>Message of the uniqueness rule on node ports.</summary>
    public const string NodePortTaken = "该节点端口已被该集群的其他资源实例占用";

    /// <summary>Message when the caller may not manage a config.</summary>
    public const string ForbiddenMessage = "无权操作该资源实例配置";

    /// <summary>True when the caller may act on the config's org or on the org of the centre it runs in.</summary>
    public async ValueTask<bool> CanManageAsync(InstanceConfig config, CancellationToken ct)
    {
        if (await orgs.CanActOnAsync(config.OrgId, ct)) return true;
        var centerOrg = await db.ComputeCenters.AsNoTracking().Where(c => c.Id == config.Cpcid).Select(c => c.OrgId)
            .FirstOrDefaultAsync(ct);
        return centerOrg is not null && await orgs.CanActOnAsync(centerOrg, ct);
    }

    /// <summary>Throws unless <see cref="CanManageAsync"/>.</summary>
    /// <exception cref="ForbiddenException">Neither the config's org nor the centre's org is the caller's.</exception>
    public async ValueTask EnsureCanManageAsync(InstanceConfig config, CancellationToken ct)
    {
        if (!await CanManageAsync(config, ct)) throw new ForbiddenException(ForbiddenMessage);
    }

    /// <summary>Refuses the node port of <paramref name="config"/> when already used by another alive config of the cluster.</summary>
    /// <exception cref="BusinessException">conflict.</exception>
    public static async Task EnsureNodePortFreeAsync(IKbossDbContext db, InstanceConfig config, CancellationToken ct)
    {
        if (config.SourcePortmode != "NodePort") return;
        if (await db.InstanceConfigs.AnyAsync(i => i.ClusterId == config.ClusterId && i.Id != config.Id
                && i.SourcePortmode == "NodePort" && i.SourceOutsideport == config.SourceOutsideport
                && i.State != OutsideStates.Failed, ct))
            throw BusinessException.Conflict(NodePortTaken);
    }

    /// <summary>Saves a reservation; losing the race on (cluster, node port) is a conflict.</summary>
    /// <exception cref="BusinessException">conflict.</exception>
    public static async Task SaveAsync(IKbossDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw BusinessException.Conflict(NodePortTaken);
        }
    }

    /// <summary>Refuses a change while <paramref name="config"/> is not live (a call in flight, an unknown outcome, a
    /// failed create).</summary>
    /// <exception cref="BusinessException">conflict.</exception>
    public static void EnsureLive(InstanceConfig config)
    {
        if (config.State != OutsideStates.Live)
            throw BusinessException.Conflict($"资源实例当前状态为 {config.State},暂不能修改");
    }
}
