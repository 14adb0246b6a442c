using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Lease;

/// <summary>
/// <c>POST /lease/get_product_list.dspy</c> 获取产品列表: every live lease product the caller may see (its managed
/// orgs; a customer: its operating org's), newest first. spec: 15-server-lease.md; lease.md §3A.9.
/// </summary>
public sealed record ListLeaseProducts : LeaseBodyRequest, IQuery<Reply<IReadOnlyList<LeaseProductRow>>>;

public sealed class ListLeaseProductsHandler(IKbossDbContext db, LeaseAccess access)
    : IQueryHandler<ListLeaseProducts, Reply<IReadOnlyList<LeaseProductRow>>>
{
    public async ValueTask<Reply<IReadOnlyList<LeaseProductRow>>> Handle(ListLeaseProducts q, CancellationToken ct)
    {
        var orgs = await access.VisibleSellersAsync(ct);
        var rows = await db.LeaseProducts.AsNoTracking().Where(p => orgs == null || orgs.Contains(p.OrgId))
            .OrderByDescending(p => p.CreateAt).ThenBy(p => p.Id).ToListAsync(ct);
        return Reply.Ok<IReadOnlyList<LeaseProductRow>>("获取产品列表成功", rows.Select(LeaseProductRow.From).ToList());
    }
}
