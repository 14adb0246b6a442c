using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Common.Security;

/// <summary>
/// Reads and changes <see cref="SignInThrottle"/> rows by compare-and-set: read the row, apply a change in memory,
/// write it only if <see cref="SignInThrottle.Version"/> is still the one read (a single conditional UPDATE, or an
/// INSERT for a new key); on a lost race read again. Correct across parallel requests and API nodes, and no
/// transaction is held while a password is checked.
/// </summary>
public sealed class SignInThrottleStore(IKbossDbContext db)
{
    /// <summary>Races lost in a row before giving up (the caller then treats the key as busy).</summary>
    private const int MaxRaces = 64;

    /// <summary>
    /// Applies <paramref name="change"/> to the row of <paramref name="key"/> (an empty row when there is none) and
    /// stores the result if it changed anything; returns the change's result, or <c>default</c> after
    /// <see cref="MaxRaces"/> lost races.
    /// </summary>
    public async Task<(bool Stored, T Result)> ChangeAsync<T>(string key, Func<SignInThrottle, T> change,
        CancellationToken ct)
    {
        for (var race = 0; race < MaxRaces; race++)
        {
            var row = await db.SignInThrottles.AsNoTracking().FirstOrDefaultAsync(x => x.Key == key, ct);
            var isNew = row is null;
            row ??= new SignInThrottle { Key = key };
            var before = row.Copy();
            var result = change(row);
            if (row.SameState(before)) return (true, result);
            var stored = isNew ? await TryInsertAsync(row, ct) : await TryUpdateAsync(row, before.Version, ct);
            if (stored) return (true, result);
            await Task.Delay(Random.Shared.Next(1, 4 + race), ct);
        }
        return (false, default!);
    }

    private async Task<bool> TryUpdateAsync(SignInThrottle row, long version, CancellationToken ct) =>
        await db.SignInThrottles.Where(x => x.Key == row.Key && x.Version == version)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Failures, row.Failures)
                .SetProperty(x => x.Pending, row.Pending)
                .SetProperty(x => x.BlockedUntilUtc, row.BlockedUntilUtc)
                .SetProperty(x => x.LastFailureUtc, row.LastFailureUtc)
                .SetProperty(x => x.PendingSinceUtc, row.PendingSinceUtc)
                .SetProperty(x => x.Version, version + 1), ct) == 1;

    private async Task<bool> TryInsertAsync(SignInThrottle row, CancellationToken ct)
    {
        row.Version = 1;
        db.SignInThrottles.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            return false; // another request created the row first: read it and try again
        }
        finally
        {
            db.SignInThrottles.Entry(row).State = EntityState.Detached;
        }
    }

    /// <summary>Deletes rows with nothing to remember any more (no failure within <paramref name="forgetAfter"/>,
    /// no wait left, nothing in flight).</summary>
    public Task<int> PurgeAsync(DateTime now, TimeSpan forgetAfter, CancellationToken ct)
    {
        var before = now - forgetAfter;
        var stale = now - ThrottlePolicy.PendingTimeout;
        return db.SignInThrottles
            .Where(x => (x.LastFailureUtc == null || x.LastFailureUtc < before)
                && (x.BlockedUntilUtc == null || x.BlockedUntilUtc < now)
                && (x.Pending == 0 || x.PendingSinceUtc < stale))
            .ExecuteDeleteAsync(ct);
    }
}
