using Kboss.Domain.Identity;
using Kboss.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kboss.Infrastructure.Seeding;

/// <summary>
/// Fills <see cref="User.NormalizedUsername"/> of users created before the column existed (migration
/// <c>UsernameNormalization</c>; NFKC can't be computed in SQL on either provider). Oldest account first: when two
/// alive accounts share a normal form (<c>admin</c> and <c>ADMIN</c>), the older one gets it and the newer one keeps
/// none, signs in only by its exact name and is reported at every start until an administrator resolves it.
/// Start-up never fails over a clash (ADR 0018).
/// </summary>
public static class UsernameBackfill
{
    /// <summary>Normalises every alive user still without a normal form.</summary>
    public static async Task RunAsync(KbossDbContext db, ILogger log, CancellationToken ct)
    {
        var pending = await db.Users.Where(u => u.NormalizedUsername == null).OrderBy(u => u.CreateAt).ThenBy(u => u.Id)
            .ToListAsync(ct);
        if (pending.Count == 0) return;
        var taken = (await db.Users.Where(u => u.NormalizedUsername != null).Select(u => u.NormalizedUsername!)
            .ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var user in pending)
        {
            var normalized = UsernameRules.Normalize(user.Username);
            if (normalized is not null && taken.Add(normalized)) user.NormalizedUsername = normalized;
            else
                log.LogWarning("User {UserId} ({Username}) has the same normalised name as an older user; it " +
                    "signs in only by its exact name until an administrator renames or deletes one of them",
                    user.Id, user.Username);
        }
        await db.SaveChangesAsync(ct);
    }
}
