using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.JinanHpc;

/// <summary>An org that can be bound (HPC-04).</summary>
public sealed record HpcUnboundUser(string Orgid, string Orgname);

/// <summary>
/// HPC-04 <c>GET /hpc/HpcUserSearch.dspy</c> 未绑定用户查询: the customer orgs of the caller's pool that bought a
/// Jinan HPC product and have no live bound account (§6 #10), the candidates of HPC-05. spec: 09-jinan-hpc.md.
/// </summary>
public sealed record SearchUnboundUsers : IQuery<Reply<IReadOnlyList<HpcUnboundUser>>>;

public sealed class SearchUnboundUsersHandler(IKbossDbContext db, JinanHpcService hpc)
    : IQueryHandler<SearchUnboundUsers, Reply<IReadOnlyList<HpcUnboundUser>>>
{
    public async ValueTask<Reply<IReadOnlyList<HpcUnboundUser>>> Handle(SearchUnboundUsers q, CancellationToken ct)
    {
        var buys = db.HpcSyncInfos.AsNoTracking();
        if (!hpc.IsAdmin) buys = buys.Where(s => s.OperatorOrgId == hpc.PoolOrgId);
        var orgs = await buys.Select(s => s.OrgId).Distinct()
            .Where(o => !db.HpcAccounts.Any(a => a.OrgId == o)).ToListAsync(ct);
        var names = await hpc.OrgNamesAsync(orgs, ct);
        return Reply.Ok("查询成功", (IReadOnlyList<HpcUnboundUser>)orgs.Order(StringComparer.Ordinal)
            .Select(o => new HpcUnboundUser(o, names.GetValueOrDefault(o) ?? "")).ToList());
    }
}
