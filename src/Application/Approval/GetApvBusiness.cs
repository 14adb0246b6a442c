using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Approval;

/// <summary>
/// E06 <c>POST /apv/get_apv_business.dspy</c> 获取业务列表: every live business, oldest first, with its callback URL
/// (the secret masked). The doc's response copies E01's schema by mistake (analysis/platform.md §7 #1).
/// spec: 13-approval.md; analysis/platform.md §3.1 E06.
/// </summary>
public sealed record GetApvBusiness : ApvBodyRequest, IQuery<Reply<IReadOnlyList<ApvBusinessView>>>;

public sealed class GetApvBusinessHandler(IKbossDbContext db)
    : IQueryHandler<GetApvBusiness, Reply<IReadOnlyList<ApvBusinessView>>>
{
    public async ValueTask<Reply<IReadOnlyList<ApvBusinessView>>> Handle(GetApvBusiness q, CancellationToken ct)
    {
        var rows = await db.ApvBusinesses.AsNoTracking().OrderBy(b => b.CreateAt).ThenBy(b => b.Id).ToListAsync(ct);
        return Reply.Ok("success", (IReadOnlyList<ApvBusinessView>)rows.Select(ApvBusinessView.From).ToList());
    }
}
