using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.JinanHpc;

/// <summary>
/// HPC-03 <c>GET /hpc/HpcLdapSearch.dspy</c> 账号查询: every live account of the caller's pool with the customer
/// each is bound to ("如果账号没绑定 没有orgname字段": <c>orgname</c> absent when unbound), plus the <c>id</c>
/// HPC-05/08/09 need (§6 #4). Oldest first. spec: 09-jinan-hpc.md; analysis/vendors.md §3.1.
/// </summary>
public sealed record SearchHpcAccounts : IQuery<Reply<IReadOnlyList<HpcAccountView>>>;

public sealed class SearchHpcAccountsHandler(IKbossDbContext db, JinanHpcService hpc)
    : IQueryHandler<SearchHpcAccounts, Reply<IReadOnlyList<HpcAccountView>>>
{
    public async ValueTask<Reply<IReadOnlyList<HpcAccountView>>> Handle(SearchHpcAccounts q, CancellationToken ct)
    {
        var rows = db.HpcAccounts.AsNoTracking();
        if (!hpc.IsAdmin) rows = rows.Where(a => a.OperatorOrgId == hpc.PoolOrgId);
        var list = await rows.OrderBy(a => a.CreateAt).ThenBy(a => a.Id).Take(5000).ToListAsync(ct);
        var names = await hpc.OrgNamesAsync(list.Select(a => a.OrgId), ct);
        return Reply.Ok("查询成功", (IReadOnlyList<HpcAccountView>)list.Select(a => hpc.View(a, names)).ToList());
    }
}
