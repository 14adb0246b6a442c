using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Approval;

/// <summary>
/// E01 <c>POST /apv/get_apv_key.dspy</c> 获取审批密钥: the org's DingTalk app (at most one row), secrets masked as
/// <c>******</c>; none configured → empty list. spec: 13-approval.md; analysis/platform.md §3.1 E01, §7 #3.
/// </summary>
public sealed record GetApvKey : ApvBodyRequest, IQuery<Reply<IReadOnlyList<ApvKeyView>>>, IOrgScoped
{
    /// <summary>Org (default: the caller's).</summary>
    public string? Orgid { get; set; }
}

public sealed class GetApvKeyHandler(IKbossDbContext db) : IQueryHandler<GetApvKey, Reply<IReadOnlyList<ApvKeyView>>>
{
    public async ValueTask<Reply<IReadOnlyList<ApvKeyView>>> Handle(GetApvKey q, CancellationToken ct)
    {
        var rows = await db.ApvKeys.AsNoTracking().Where(k => k.OrgId == q.Orgid).ToListAsync(ct);
        return Reply.Ok("success", (IReadOnlyList<ApvKeyView>)rows.Select(ApvKeyView.From).ToList());
    }
}
