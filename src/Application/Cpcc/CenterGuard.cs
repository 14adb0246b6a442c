using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Security;
using Kboss.Domain.Cpcc;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc;

/// <summary>Loads a compute-power centre the caller may manage (its org, or an org it owns, or any for admin).</summary>
public sealed class CenterGuard(IKbossDbContext db, OrgAccess access)
{
    /// <summary>Message when a centre id is unknown.</summary>
    public const string NotFoundMessage = "算力中心不存在";

    /// <summary>Loads centre <paramref name="cpcid"/> (tracked when <paramref name="track"/>) and checks the caller may manage it.</summary>
    /// <exception cref="BusinessException">not_found: unknown or deleted centre.</exception>
    /// <exception cref="ForbiddenException">The centre belongs to an org the caller may not act on.</exception>
    public async Task<ComputeCenter> LoadManageableAsync(string cpcid, bool track, CancellationToken ct)
    {
        var query = track ? db.ComputeCenters : db.ComputeCenters.AsNoTracking();
        var center = await query.FirstOrDefaultAsync(c => c.Id == cpcid.Trim(), ct)
                     ?? throw BusinessException.NotFound(NotFoundMessage);
        await access.EnsureCanActOnAsync(center.OrgId, "无权操作该算力中心", ct);
        return center;
    }

    /// <summary>True when centre <paramref name="cpcid"/> exists (any org; for public reads such as quotes).</summary>
    public Task<bool> ExistsAsync(string cpcid, CancellationToken ct) =>
        db.ComputeCenters.AsNoTracking().AnyAsync(c => c.Id == cpcid.Trim(), ct);
}
