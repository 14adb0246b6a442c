using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.InstanceConfigs;

/// <summary>
/// K7 <c>GET /dev/cpcc/cpcpodyaml/get_cpcpodyaml.dspy</c>: the instance configs of a cluster, ordered by id. Open to
/// any logged-in user: the centre's operators (and admins) see every config; everyone else only their own org's.
/// spec: 40-cpcc-clusters.md; analysis/cpcc.md §3.D K7.
/// </summary>
public sealed record ListInstanceConfigs : IQuery<Reply<Paged<InstanceConfigRow>>>
{
    /// <summary>算力中心ID.</summary>
    public string? Cpcid { get; init; }
    /// <summary>算力集群ID.</summary>
    public string? Clusterid { get; init; }
}

public sealed class ListInstanceConfigsValidator : AbstractValidator<ListInstanceConfigs>
{
    public ListInstanceConfigsValidator()
    {
        RuleFor(x => x.Cpcid).Required("无算力中心ID");
        RuleFor(x => x.Clusterid).Required();
    }
}

public sealed class ListInstanceConfigsHandler(IKbossDbContext db, OrgAccess access, ICurrentUser user)
    : IQueryHandler<ListInstanceConfigs, Reply<Paged<InstanceConfigRow>>>
{
    public async ValueTask<Reply<Paged<InstanceConfigRow>>> Handle(ListInstanceConfigs q, CancellationToken ct)
    {
        var cpcid = q.Cpcid!.Trim();
        var clusterId = q.Clusterid!.Trim();
        var centerOrg = await db.ComputeCenters.AsNoTracking().Where(c => c.Id == cpcid).Select(c => c.OrgId).FirstOrDefaultAsync(ct)
                        ?? throw BusinessException.NotFound(CenterGuard.NotFoundMessage);
        if (!await db.Clusters.AsNoTracking().AnyAsync(k => k.Id == clusterId && k.Cpcid == cpcid, ct))
            throw BusinessException.NotFound(Clusters.UpdateClusterHandler.NotFound);
        var seeAll = await access.CanActOnAsync(centerOrg, ct);
        var query = db.InstanceConfigs.AsNoTracking().Where(i => i.ClusterId == clusterId);
        if (!seeAll) query = query.Where(i => i.OrgId == user.OrgId);
        var rows = await query.OrderBy(i => i.Id)
            .Select(i => new
            {
                Config = i,
                Owner = db.Users.Where(u => u.Id == i.UserId).Select(u => new { u.DisplayName, u.Username }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var dtos = rows.Select((r, n) => InstanceConfigRow.From(r.Config,
            r.Owner is null ? null : string.IsNullOrEmpty(r.Owner.DisplayName) ? r.Owner.Username : r.Owner.DisplayName, n + 1)).ToList();
        return Reply.Ok("获取资源实例静态配置成功", new Paged<InstanceConfigRow>(dtos.Count, dtos));
    }
}
