namespace Kboss.Domain.Identity;

/// <summary>
/// How many failed sign-ins one key (an account or a client address) may have before each further attempt must
/// wait, and how long (ADR 0018): after <see cref="FreeFailures"/> failures the wait is <see cref="BaseDelay"/>,
/// doubling with every further failure up to <see cref="MaxDelay"/>. Failures are forgotten
/// <see cref="ForgetAfter"/> after the last one.
/// </summary>
public sealed record ThrottlePolicy(int FreeFailures, TimeSpan BaseDelay, TimeSpan MaxDelay, TimeSpan ForgetAfter)
{
    /// <summary>An attempt counted as in flight longer than this is forgotten (a node died while checking
    /// it).</summary>
    public static readonly TimeSpan PendingTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The wait imposed after the <paramref name="failures"/>-th failure (zero while under the
    /// allowance).</summary>
    public TimeSpan DelayAfter(int failures)
    {
        if (failures < FreeFailures) return TimeSpan.Zero;
        var doublings = Math.Min(failures - FreeFailures, 40);
        var ticks = Math.Min((double)MaxDelay.Ticks, BaseDelay.Ticks * Math.Pow(2, doublings));
        return TimeSpan.FromTicks((long)ticks);
    }
}

/// <summary>Result of <see cref="SignInThrottle.TryReserve"/>.</summary>
public enum ReserveResult
{
    /// <summary>The attempt may check a password; it is counted as in flight.</summary>
    Allowed,
    /// <summary>Other attempts in flight use the remaining allowance: wait for them, then try again.</summary>
    Saturated,
    /// <summary>The key must wait until <see cref="SignInThrottle.BlockedUntilUtc"/>.</summary>
    Blocked,
}

/// <summary>
/// Failed sign-in counter of one key (<c>login:acct:…</c>, <c>login:addr:…</c>, <c>pcapi:…</c>), stored so every
/// API node sees the same counts; changed only by compare-and-set on <see cref="Version"/> (ADR 0018). Attempts in
/// flight (<see cref="Pending"/>) use the allowance like failures until they are resolved, so parallel guesses can't
/// check more passwords than allowed, while a correct password gives its share back.
/// </summary>
public sealed class SignInThrottle
{
    /// <summary>Realm, kind and value, e.g. <c>login:acct:admin</c>.</summary>
    public string Key { get; set; } = "";
    /// <summary>Failures since the last success (or since they were forgotten).</summary>
    public int Failures { get; set; }
    /// <summary>Attempts checking a password right now.</summary>
    public int Pending { get; set; }
    /// <summary>Attempts are refused until this instant (UTC), unless null or past.</summary>
    public DateTime? BlockedUntilUtc { get; set; }
    /// <summary>When the last failure happened (UTC).</summary>
    public DateTime? LastFailureUtc { get; set; }
    /// <summary>When the latest in-flight attempt started (UTC).</summary>
    public DateTime? PendingSinceUtc { get; set; }
    /// <summary>Compare-and-set version, +1 on every write.</summary>
    public long Version { get; set; }

    /// <summary>No failure and no attempt in flight (after <see cref="Refresh"/>).</summary>
    public bool IsClean => Failures == 0 && Pending == 0;

    /// <summary>Forgets failures older than the policy's window and attempts stuck in flight.</summary>
    public void Refresh(DateTime now, ThrottlePolicy policy)
    {
        if (Pending > 0 && PendingSinceUtc < now - ThrottlePolicy.PendingTimeout) Pending = 0;
        if (LastFailureUtc < now - policy.ForgetAfter && !(BlockedUntilUtc > now))
        {
            Failures = 0;
            BlockedUntilUtc = null;
            LastFailureUtc = null;
        }
    }

    /// <summary>The wait left before an attempt is allowed (zero when not blocked).</summary>
    public TimeSpan WaitAt(DateTime now) => BlockedUntilUtc > now ? BlockedUntilUtc.Value - now : TimeSpan.Zero;

    /// <summary>
    /// Counts one attempt in flight if the key may check a password now. While under the allowance, as many attempts
    /// may be in flight as failures remain; past it, one attempt each time the wait has passed.
    /// <paramref name="ignoreBlock"/> admits the attempt whatever the state (the account of an attempt from a clean
    /// address, ADR 0018).
    /// </summary>
    public ReserveResult TryReserve(DateTime now, ThrottlePolicy policy, bool ignoreBlock = false)
    {
        if (!ignoreBlock)
        {
            if (BlockedUntilUtc > now) return ReserveResult.Blocked;
            var capacity = Failures < policy.FreeFailures ? policy.FreeFailures - Failures : 1;
            if (Pending >= capacity) return ReserveResult.Saturated;
        }
        Pending++;
        PendingSinceUtc = now;
        return ReserveResult.Allowed;
    }

    /// <summary>An attempt ends without checking a password (its other key refused it).</summary>
    public void Release() => Pending = Math.Max(0, Pending - 1);

    /// <summary>A wrong password: one more failure and the wait it brings (never shortening a longer one).</summary>
    public void RecordFailure(DateTime now, ThrottlePolicy policy, bool reserved)
    {
        if (reserved) Release();
        Failures++;
        LastFailureUtc = now;
        var delay = policy.DelayAfter(Failures);
        if (delay > TimeSpan.Zero && !(BlockedUntilUtc > now + delay)) BlockedUntilUtc = now + delay;
    }

    /// <summary>A correct password; <paramref name="forgetFailures"/> clears the counter (an account whose owner
    /// signed in).</summary>
    public void RecordSuccess(bool reserved, bool forgetFailures)
    {
        if (reserved) Release();
        if (!forgetFailures) return;
        Failures = 0;
        BlockedUntilUtc = null;
        LastFailureUtc = null;
    }

    /// <summary>A copy of the state (to detect whether an operation changed it).</summary>
    public SignInThrottle Copy() => (SignInThrottle)MemberwiseClone();

    /// <summary>True when every stored field equals <paramref name="other"/>'s.</summary>
    public bool SameState(SignInThrottle other) => Failures == other.Failures && Pending == other.Pending
        && BlockedUntilUtc == other.BlockedUntilUtc && LastFailureUtc == other.LastFailureUtc
        && PendingSinceUtc == other.PendingSinceUtc;
}
