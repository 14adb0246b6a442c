using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Security;
using Kboss.Domain.Common;
using Kboss.Domain.FloatingWidget;
using Kboss.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.FloatingWidget;

/// <summary>
/// Who the floating widget's cards are for (analysis/platform.md §3.4, §4.8, ADR 0028). The "assigned salesperson" of
/// a customer is a sales user of the org that owns the customer's org (the newest such card wins); the org card of a
/// caller is its own org's when that is an operator or reseller org, else its owner org's; an anonymous caller sees
/// the platform org (the first operator org without an owner).
/// </summary>
public sealed class FloatingWidgetAccess(IKbossDbContext db, ICurrentUser user, OrgAccess orgs)
{
    /// <summary>
    /// The user a request names by <c>userid</c> (null: the caller). Another user only for a caller who may act on
    /// that user's org (operators over their orgs, admins).
    /// </summary>
    /// <exception cref="UnauthenticatedException">Anonymous caller.</exception>
    /// <exception cref="BusinessException">No such user (<c>not_found</c>).</exception>
    /// <exception cref="ForbiddenException">Not allowed.</exception>
    public async Task<User> ResolveUserAsync(string? userid, CancellationToken ct)
    {
        if (!user.IsAuthenticated) throw new UnauthenticatedException();
        var id = userid.TrimmedOrNull() ?? user.UserId!;
        var target = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct)
                     ?? throw BusinessException.NotFound("用户不存在");
        if (target.Id == user.UserId) return target;
        var manages = user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Operator) || user.IsInRole(Roles.Reseller);
        if (!manages || !await orgs.CanActOnAsync(target.OrgId, ct)) throw new ForbiddenException("无权操作该用户");
        return target;
    }

    /// <summary>The sales card shown to <paramref name="person"/>: its own when a sales user, else its
    /// salesperson's.</summary>
    public async Task<QrCard?> SalesCardForAsync(User person, CancellationToken ct)
    {
        if (person.RoleList.Contains(Roles.Sales))
            return await Cards(QrCardTypes.Sale).FirstOrDefaultAsync(c => c.UserId == person.Id, ct);
        var owner = await OwnerOrgIdAsync(person.OrgId, ct);
        if (owner is null) return null;
        return await Cards(QrCardTypes.Sale).Where(c => c.OrgId == owner)
            .OrderByDescending(c => c.UpdateTime).FirstOrDefaultAsync(ct);
    }

    /// <summary>The org whose card the caller sees (see the class summary); null when there is none.</summary>
    public async Task<string?> CardOrgForCallerAsync(CancellationToken ct)
    {
        if (user.OrgId is null) return await PlatformOrgIdAsync(ct);
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == user.OrgId, ct);
        if (org is null) return null;
        return org.Kind is OrgKind.Operator or OrgKind.Reseller ? org.Id : org.OwnerOrgId ?? org.Id;
    }

    /// <summary>The live card of <paramref name="orgId"/>.</summary>
    public Task<QrCard?> OrgCardAsync(string orgId, CancellationToken ct) =>
        Cards(QrCardTypes.Org).FirstOrDefaultAsync(c => c.OrgId == orgId, ct);

    /// <summary>The platform org: the first operator org without an owner.</summary>
    public Task<string?> PlatformOrgIdAsync(CancellationToken ct) => db.Organizations.AsNoTracking()
        .Where(o => o.Kind == OrgKind.Operator && o.OwnerOrgId == null).OrderBy(o => o.CreateAt)
        .Select(o => o.Id).FirstOrDefaultAsync(ct);

    /// <summary>Saves a card: replaces the picture of the live card with the same key, else adds one.</summary>
    public async Task<QrCard> UpsertAsync(QrCard fresh, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var card = await db.QrCards.FirstOrDefaultAsync(c => c.CardType == fresh.CardType
                && c.OrgId == fresh.OrgId && c.UserId == fresh.UserId, ct);
            if (card is null) db.QrCards.Add(card = fresh);
            else card.Replace(fresh.Picture);
            try
            {
                await db.SaveChangesAsync(ct);
                return card;
            }
            catch (DbUpdateException e) when (db.IsUniqueViolation(e) && attempt == 0)
            {
                db.ClearChanges(); // a parallel save added the card first: replace its picture instead
            }
        }
    }

    private IQueryable<QrCard> Cards(string type) => db.QrCards.AsNoTracking().Where(c => c.CardType == type);

    private Task<string?> OwnerOrgIdAsync(string orgId, CancellationToken ct) => db.Organizations.AsNoTracking()
        .Where(o => o.Id == orgId).Select(o => o.OwnerOrgId).FirstOrDefaultAsync(ct);
}
