using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Common;
using Kboss.Domain.Finance;
using Kboss.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Resellers;

/// <summary>A reseller org and its white-label row (none until RSL-04 first saves it).</summary>
/// <param name="Org">The reseller org.</param>
/// <param name="Row">Its live <c>reseller</c> row, tracked, or null.</param>
public sealed record ResellerRef(Organization Org, Reseller? Row);

/// <summary>
/// Who may act on a reseller (finance.md §3.4 roles): <c>Can/EnsureCanManage</c> — admin, an operator of the org that
/// owns the reseller, or the reseller's own users (white-label info, users, sales); <c>EnsureCanOwn</c> — admin or an
/// operator of the owner org only (pricing, deletion).
/// </summary>
public sealed class ResellerAccess(IKbossDbContext db, ICurrentUser user)
{
    /// <summary>Unknown reseller, or one the caller's org does not own.</summary>
    public const string NotFoundMessage = "分销商不存在";

    /// <summary>
    /// The live reseller named by <paramref name="idOrOrgId"/>: its <c>reseller_table_id</c> or its org id (the
    /// org list gives the latter; <c>resellerOrgSearch.dspy</c> is not in the spec, ADR 0034). not_found otherwise.
    /// </summary>
    public async Task<ResellerRef> FindAsync(string? idOrOrgId, CancellationToken ct)
    {
        var key = idOrOrgId.Trimmed();
        var row = await db.Resellers.FirstOrDefaultAsync(r => r.Id == key || r.OrgId == key, ct);
        var orgId = row?.OrgId ?? key;
        var org = await db.Organizations.AsNoTracking()
                      .FirstOrDefaultAsync(o => o.Id == orgId && o.Kind == OrgKind.Reseller, ct)
                  ?? throw BusinessException.NotFound(NotFoundMessage);
        return new ResellerRef(org, row);
    }

    /// <summary>True for an admin, an operator of the owner org, or a reseller user of the org itself.</summary>
    public bool CanManage(Organization reseller) =>
        user.IsInRole(Roles.Admin)
        || (reseller.Id == user.OrgId && user.IsInRole(Roles.Reseller))
        || (reseller.OwnerOrgId is not null && reseller.OwnerOrgId == user.OrgId && user.IsInRole(Roles.Operator));

    /// <summary>403 unless <see cref="CanManage"/>.</summary>
    public void EnsureCanManage(Organization reseller)
    {
        if (!CanManage(reseller)) throw new ForbiddenException("无权操作该分销商");
    }

    /// <summary>403 unless the caller is an admin or an operator of the org owning the reseller.</summary>
    public void EnsureCanOwn(Organization reseller)
    {
        if (user.IsInRole(Roles.Admin)) return;
        if (reseller.OwnerOrgId is null || reseller.OwnerOrgId != user.OrgId || !user.IsInRole(Roles.Operator))
            throw new ForbiddenException("无权操作该分销商");
    }
}
