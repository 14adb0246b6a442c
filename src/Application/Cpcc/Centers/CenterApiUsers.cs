using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Cpcc;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.Centers;

/// <summary>
/// A centre's pcapi <c>api_user</c> belongs to one org (ADR 0018): pcapi's HTTP Basic authenticates against every
/// centre with that user, so an API user shared with another org would let that org's password open this org's
/// centres, and every guess at it would count as a success. Compared case-insensitively; an org may reuse its own API
/// user on several centres (the spec's example centres all use <c>ysh</c>).
/// </summary>
public static class CenterApiUsers
{
    /// <summary>Message when another org's centre uses the API user.</summary>
    public const string Taken = "该接口账号已被其他组织的算力中心使用,请换一个";

    /// <summary>Refuses <paramref name="center"/>'s API user when a centre of another org has it.</summary>
    /// <exception cref="BusinessException"><c>conflict</c>.</exception>
    public static async Task EnsureOwnAsync(IKbossDbContext db, ComputeCenter center, CancellationToken ct)
    {
        var user = center.ApiUser.ToLowerInvariant();
        if (await db.ComputeCenters.AsNoTracking()
                .AnyAsync(c => c.ApiUser.ToLower() == user && c.OrgId != center.OrgId, ct))
            throw BusinessException.Conflict(Taken);
    }
}
