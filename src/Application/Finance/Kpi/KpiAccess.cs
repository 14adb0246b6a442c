using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Security;
using Kboss.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Kpi;

/// <summary>
/// Who sees which KPIs (finance.md §3.1, §0.3 caller identity): an org's figures for its admin, operators and (a
/// reseller org) resellers, through <see cref="OrgAccess"/> (own org, orgs it owns, any for admin); a salesperson's
/// figures for that salesperson and the operators of the salesperson's org.
/// </summary>
public sealed class KpiAccess(IKbossDbContext db, ICurrentUser user, OrgAccess orgs)
{
    /// <summary>Refusal of a caller who is neither operator, reseller nor admin.</summary>
    public const string NotManagerMessage = "无权查看经营数据";
    /// <summary>Refusal of a salesperson asking for another one's figures.</summary>
    public const string OtherSalesMessage = "无权查看其他销售人员的数据";

    /// <summary>True for admin, operator and reseller callers.</summary>
    public bool IsManager => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Operator)
                             || user.IsInRole(Roles.Reseller);

    /// <summary>The org whose figures are asked for (<paramref name="orgid"/>, default the caller's).</summary>
    /// <exception cref="ForbiddenException">Not a manager, or an org it may not act on.</exception>
    public async ValueTask<string> OwnerOrgAsync(string? orgid, CancellationToken ct)
    {
        if (!IsManager) throw new ForbiddenException(NotManagerMessage);
        return await orgs.ResolveAsync(orgid, ct);
    }

    /// <summary>
    /// The salesperson whose customers are asked for: a salesperson only itself (default); an operator any sales
    /// user of its org; an admin anyone. Unknown user → not_found.
    /// </summary>
    public async ValueTask<string> SalesAsync(string? userid, CancellationToken ct)
    {
        var id = string.IsNullOrWhiteSpace(userid)
            ? user.UserId ?? throw new UnauthenticatedException()
            : userid.Trim();
        if (!IsManager)
        {
            if (!user.IsInRole(Roles.Sales)) throw new ForbiddenException(NotManagerMessage);
            return id == user.UserId ? id : throw new ForbiddenException(OtherSalesMessage);
        }
        var org = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.OrgId).FirstOrDefaultAsync(ct)
                  ?? throw BusinessException.NotFound("用户不存在");
        if (!await orgs.CanActOnAsync(org, ct)) throw new ForbiddenException(OtherSalesMessage);
        return id;
    }

    /// <summary>
    /// True when the caller may see the bills of customer org <paramref name="customerOrgId"/>: anyone acting on it
    /// (<see cref="OrgAccess"/>) or its salesperson.
    /// </summary>
    public async ValueTask<bool> CanSeeCustomerAsync(string customerOrgId, CancellationToken ct) =>
        await orgs.CanActOnAsync(customerOrgId, ct)
        || (user.UserId is { } me && await db.Organizations.AsNoTracking()
            .AnyAsync(o => o.Id == customerOrgId && o.SalemanId == me, ct));
}
