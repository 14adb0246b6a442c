using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Lease;

/// <summary>A lease customer: the user and the org whose balance pays.</summary>
/// <param name="UserId">User.</param>
/// <param name="OrgId">Org.</param>
public sealed record LeaseCustomer(string UserId, string OrgId);

/// <summary>
/// Resolves the customer a bill or contract names (<c>user_id</c>, §0.2 item 4): absent → the caller; another user is
/// allowed only to staff acting on that user's org (else 403).
/// </summary>
public static class LeaseCustomers
{
    /// <summary>The customer of <paramref name="userId"/>.</summary>
    public static async Task<LeaseCustomer> ResolveAsync(IKbossDbContext db, LeaseAccess access, string? userId,
        CancellationToken ct)
    {
        var id = userId.TrimmedOrNull();
        if (id is null || id == access.UserId) return new LeaseCustomer(access.UserId, access.OrgId);
        if (!access.IsStaff) throw new ForbiddenException("只能为自己购买或查看");
        var org = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.OrgId).FirstOrDefaultAsync(ct)
                  ?? throw BusinessException.NotFound("用户不存在");
        if (!await access.ManagesAsync(org, ct)) throw new ForbiddenException("无权为该用户操作");
        return new LeaseCustomer(id, org);
    }
}
