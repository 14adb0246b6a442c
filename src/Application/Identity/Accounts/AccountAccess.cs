using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Audit;
using Kboss.Domain.Common;
using Kboss.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Identity.Accounts;

/// <summary>
/// Who manages which account (ADR 0025): an admin every account; an operator the users of the orgs its org owns
/// (ADR 0006), never an admin; nobody else. Also stores an account change with its audit entry: the row's
/// <see cref="User.TokenVersion"/> is its concurrency token (a lost race → <c>conflict</c>), and the new token
/// generation takes effect on this node at once (on the others within the revocation refresh).
/// </summary>
public sealed class AccountAccess(IKbossDbContext db, ICurrentUser user, ITokenService tokens)
{
    /// <summary>Refusal of an account the caller may not manage.</summary>
    public const string ForbiddenMessage = "无权管理该用户";
    /// <summary>Answer of an unknown user id.</summary>
    public const string NotFoundMessage = "用户不存在";
    /// <summary>Answer when another change of the same account won a race.</summary>
    public const string RaceMessage = "该用户刚被其他操作修改,请刷新后重试";

    /// <summary>True when the caller may reset, disable or enable <paramref name="target"/>.</summary>
    public async ValueTask<bool> CanManageAsync(User target, CancellationToken ct)
    {
        if (!user.IsAuthenticated) return false;
        if (user.IsInRole(Roles.Admin)) return true;
        if (!user.IsInRole(Roles.Operator) || target.RoleList.Contains(Roles.Admin)) return false;
        return await db.Organizations.AsNoTracking()
            .AnyAsync(o => o.Id == target.OrgId && o.OwnerOrgId == user.OrgId, ct);
    }

    /// <summary>Loads the live user <paramref name="userId"/> (tracked) and ensures the caller manages it.</summary>
    /// <exception cref="BusinessException">not_found.</exception>
    /// <exception cref="ForbiddenException">The caller may not manage it.</exception>
    public async Task<User> LoadManageableAsync(string? userId, CancellationToken ct)
    {
        var id = userId.Trimmed();
        var target = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct)
                     ?? throw BusinessException.NotFound(NotFoundMessage);
        if (!await CanManageAsync(target, ct)) throw new ForbiddenException(ForbiddenMessage);
        return target;
    }

    /// <summary>The account as the endpoints show it (with its org's name).</summary>
    public async Task<AccountDto> ViewAsync(User account, CancellationToken ct) => AccountDto.From(account,
        await db.Organizations.AsNoTracking().Where(o => o.Id == account.OrgId).Select(o => o.Name)
            .FirstOrDefaultAsync(ct));

    /// <summary>Saves the change of <paramref name="account"/> with <paramref name="entry"/>.</summary>
    /// <exception cref="BusinessException">conflict when another change of the account was saved first.</exception>
    public async Task SaveAsync(User account, AuditEntry entry, CancellationToken ct)
    {
        db.AuditEntries.Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw BusinessException.Conflict(RaceMessage);
        }
        tokens.RevokeUser(account.Id, account.TokenVersion);
    }
}
