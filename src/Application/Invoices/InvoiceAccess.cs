using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Common;
using Kboss.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Invoices;

/// <summary>A salesperson whose customers or applications are listed, and the org whose customers are theirs.</summary>
/// <param name="UserId">The sales user.</param>
/// <param name="OrgId">Its org (customers owned by it are "名下客户").</param>
public sealed record SalesScope(string UserId, string OrgId);

/// <summary>
/// Who may act on a customer's invoices (finance.md §3.6 roles, ADR 0034): the sales and operators of the org owning
/// the customer (there is no per-salesperson assignment: a customer of the org is a customer of each of its sales),
/// admins, and — for recharge records and applications — the customer org itself.
/// </summary>
public sealed class InvoiceAccess(IKbossDbContext db, ICurrentUser user)
{
    /// <summary>Unknown customer org.</summary>
    public const string ClientNotFoundMessage = "客户不存在";

    /// <summary>
    /// The live customer org <paramref name="clientId"/> (not_found), if the caller serves it or, with
    /// <paramref name="allowSelf"/>, is it (403 otherwise).
    /// </summary>
    public async Task<Organization> CustomerAsync(string? clientId, bool allowSelf, CancellationToken ct)
    {
        var key = clientId.Trimmed();
        var org = await db.Organizations.AsNoTracking()
                      .FirstOrDefaultAsync(o => o.Id == key && o.Kind == OrgKind.Customer, ct)
                  ?? throw BusinessException.NotFound(ClientNotFoundMessage);
        if (!CanServe(org) && !(allowSelf && org.Id == user.OrgId))
            throw new ForbiddenException("无权操作该客户的发票");
        return org;
    }

    /// <summary>True for an admin, or a salesperson or operator of the org owning <paramref name="customer"/>.</summary>
    public bool CanServe(Organization customer) =>
        user.IsInRole(Roles.Admin)
        || (customer.OwnerOrgId is not null && customer.OwnerOrgId == user.OrgId
            && (user.IsInRole(Roles.Sales) || user.IsInRole(Roles.Operator)));

    /// <summary>
    /// The salesperson named by <paramref name="userId"/> (default: the caller): the caller itself, a user of the
    /// caller's org for operators, any user for admins (403 otherwise; unknown user: not_found).
    /// </summary>
    public async Task<SalesScope> SalesAsync(string? userId, CancellationToken ct)
    {
        var key = userId.TrimmedOrNull() ?? user.UserId ?? throw new UnauthenticatedException();
        var orgId = await db.Users.AsNoTracking().Where(u => u.Id == key).Select(u => u.OrgId).FirstOrDefaultAsync(ct)
                    ?? throw BusinessException.NotFound("用户不存在");
        var allowed = key == user.UserId || user.IsInRole(Roles.Admin)
                      || (user.IsInRole(Roles.Operator) && orgId == user.OrgId);
        return allowed ? new SalesScope(key, orgId) : throw new ForbiddenException("无权查看该销售的数据");
    }
}
