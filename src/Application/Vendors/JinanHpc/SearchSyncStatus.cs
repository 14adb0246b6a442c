using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.JinanHpc;

/// <summary>
/// HPC-01 <c>GET /hpc/sync_status_search.dspy</c> 用户同步状态查询: the Jinan HPC purchases of the customers of the
/// salesperson <c>userid</c> (销售的userid; a salesperson: itself, another's is 403), or for an operator every
/// purchase of its customers (optionally of one salesperson), and for anyone else (a customer) its own org's
/// purchases only (ADR 0046 addendum: the customer sees what it bought and whether it is synced), newest first.
/// <c>data</c> = the values HPC-02 takes back (<c>syncinfoid, customerid, productid, quantity, ldapuid,
/// clustercode, queuecode, orgid, orgname</c>) with <c>sync_status</c>, <c>amount</c> and times. No vendor call.
/// spec: 09-jinan-hpc.md; analysis/vendors.md §3.1.
/// </summary>
public sealed record SearchSyncStatus : IQuery<Reply<IReadOnlyList<HpcSyncView>>>
{
    /// <summary>销售的userid.</summary>
    public string? Userid { get; init; }
}

public sealed class SearchSyncStatusValidator : AbstractValidator<SearchSyncStatus>
{
    public SearchSyncStatusValidator() => RuleFor(x => x.Userid).MaxChars(64);
}

public sealed class SearchSyncStatusHandler(IKbossDbContext db, ICurrentUser user, JinanHpcService hpc)
    : IQueryHandler<SearchSyncStatus, Reply<IReadOnlyList<HpcSyncView>>>
{
    public async ValueTask<Reply<IReadOnlyList<HpcSyncView>>> Handle(SearchSyncStatus q, CancellationToken ct)
    {
        var sales = q.Userid.TrimmedOrNull();
        var rows = db.HpcSyncInfos.AsNoTracking();
        if (user.IsInRole(Roles.Operator) || hpc.IsAdmin)
        {
            if (!hpc.IsAdmin) rows = rows.Where(s => s.OperatorOrgId == hpc.PoolOrgId);
            if (sales is not null) rows = rows.Where(s => s.SalesUserId == sales);
        }
        else if (user.IsInRole(Roles.Sales))
        {
            if (sales is not null && sales != user.UserId) throw new ForbiddenException("只能查询自己客户的同步状态");
            rows = rows.Where(s => s.SalesUserId == user.UserId);
        }
        else
        {
            var own = user.OrgId ?? throw new UnauthenticatedException();
            rows = rows.Where(s => s.OrgId == own);
            if (sales is not null) rows = rows.Where(s => s.SalesUserId == sales);
        }
        var list = await rows.OrderByDescending(s => s.CreateAt).Take(1000).ToListAsync(ct);
        var orgs = list.Select(s => s.OrgId).Distinct().ToList();
        var bound = await db.HpcAccounts.AsNoTracking().Where(a => a.OrgId != null && orgs.Contains(a.OrgId))
            .ToDictionaryAsync(a => a.OrgId!, ct);
        var names = await hpc.OrgNamesAsync(orgs, ct);
        return Reply.Ok("查询成功",
            (IReadOnlyList<HpcSyncView>)list.Select(s => hpc.View(s, bound.GetValueOrDefault(s.OrgId), names))
                .ToList());
    }
}
