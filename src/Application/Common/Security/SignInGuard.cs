using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Identity;

namespace Kboss.Application.Common.Security;

/// <summary>Outcome of <see cref="SignInGuard.AttemptAsync"/>.</summary>
public enum SignInStatus
{
    /// <summary>The password was checked and is correct.</summary>
    Succeeded,
    /// <summary>The password was checked and is wrong.</summary>
    Invalid,
    /// <summary>Not checked: the account or the client address must wait (<see cref="SignInOutcome.Wait"/>).</summary>
    Throttled,
}

/// <summary>What a sign-in attempt gave, and how long to wait when it was throttled.</summary>
public sealed record SignInOutcome(SignInStatus Result, TimeSpan Wait)
{
    /// <summary>Whole seconds to wait (at least 1) for a throttled attempt.</summary>
    public int WaitSeconds => Math.Max(1, (int)Math.Ceiling(Wait.TotalSeconds));

    /// <summary>The Chinese message of a throttled attempt.</summary>
    public string ThrottledMessage => $"尝试次数过多,请 {WaitSeconds} 秒后再试";
}

/// <summary>
/// Throttles password checks per account and per client address with growing waits (ADR 0018), for the login and
/// for pcapi's HTTP Basic. An attempt first reserves a share of both keys' allowance, then the password is checked
/// with no transaction open, then the outcome is recorded. An address with no failure and nothing in flight may try
/// an account that is waiting, so nobody else can keep the owner out; parallel attempts that find the allowance
/// taken by attempts in flight wait for them instead of being refused, so parallel correct sign-ins all pass.
/// </summary>
public sealed class SignInGuard(SignInThrottleStore store, IPlatformSettings settings, TimeProvider clock)
{
    /// <summary>Longest time an attempt waits for others in flight before it is answered as throttled.</summary>
    public static readonly TimeSpan MaxQueueWait = TimeSpan.FromSeconds(20);

    private readonly record struct Reservation(ReserveResult Result, bool WasClean, TimeSpan Wait);

    /// <summary>
    /// Runs <paramref name="checkPassword"/> for <paramref name="account"/> from <paramref name="clientIp"/> if both
    /// may try now. <paramref name="realm"/> separates the counters (<c>login</c>, <c>pcapi</c>).
    /// </summary>
    public async Task<SignInOutcome> AttemptAsync(string realm, string account, string clientIp,
        Func<CancellationToken, Task<bool>> checkPassword, CancellationToken ct)
    {
        var accountKey = Key(realm, "acct", account);
        var addressKey = Key(realm, "addr", ClientAddress.ThrottleKey(clientIp));
        var deadline = clock.GetUtcNow() + MaxQueueWait;
        var pause = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            var address = await ReserveAsync(addressKey, settings.AddressThrottle, bypassIfBlocked: false, ct);
            if (address.Result == ReserveResult.Blocked) return new SignInOutcome(SignInStatus.Throttled, address.Wait);
            if (address.Result == ReserveResult.Allowed)
            {
                var owner = await ReserveAsync(accountKey, settings.AccountThrottle, address.WasClean, ct);
                if (owner.Result == ReserveResult.Allowed)
                    return await CheckAsync(accountKey, addressKey, checkPassword, ct);
                await ChangeAsync(addressKey, r => r.Release());
                if (owner.Result == ReserveResult.Blocked) return new SignInOutcome(SignInStatus.Throttled, owner.Wait);
            }
            if (clock.GetUtcNow() + pause > deadline)
                return new SignInOutcome(SignInStatus.Throttled, TimeSpan.FromSeconds(1));
            await Task.Delay(pause + TimeSpan.FromMilliseconds(Random.Shared.Next(10)), ct);
            pause = TimeSpan.FromMilliseconds(Math.Min(200, pause.TotalMilliseconds * 2));
        }
    }

    private async Task<Reservation> ReserveAsync(string key, ThrottlePolicy policy, bool bypassIfBlocked,
        CancellationToken ct)
    {
        var (stored, reservation) = await store.ChangeAsync(key, r =>
        {
            var now = Now();
            r.Refresh(now, policy);
            var clean = r.IsClean;
            var result = r.TryReserve(now, policy);
            if (result == ReserveResult.Blocked && bypassIfBlocked)
                result = r.TryReserve(now, policy, ignoreBlock: true);
            return new Reservation(result, clean, r.WaitAt(now));
        }, ct);
        return stored ? reservation : new Reservation(ReserveResult.Saturated, false, TimeSpan.Zero);
    }

    private async Task<SignInOutcome> CheckAsync(string accountKey, string addressKey,
        Func<CancellationToken, Task<bool>> checkPassword, CancellationToken ct)
    {
        bool correct;
        try
        {
            correct = await checkPassword(ct);
        }
        catch
        {
            await ChangeAsync(addressKey, r => r.Release());
            await ChangeAsync(accountKey, r => r.Release());
            throw;
        }
        if (correct)
        {
            await ChangeAsync(addressKey, r => r.RecordSuccess(reserved: true, forgetFailures: false));
            await ChangeAsync(accountKey, r => r.RecordSuccess(reserved: true, forgetFailures: true));
            return new SignInOutcome(SignInStatus.Succeeded, TimeSpan.Zero);
        }
        await ChangeAsync(addressKey, r => r.RecordFailure(Now(), settings.AddressThrottle, reserved: true));
        await ChangeAsync(accountKey, r => r.RecordFailure(Now(), settings.AccountThrottle, reserved: true));
        if (Random.Shared.Next(200) == 0)
            await store.PurgeAsync(Now(), settings.AddressThrottle.ForgetAfter, CancellationToken.None);
        return new SignInOutcome(SignInStatus.Invalid, TimeSpan.Zero);
    }

    /// <summary>Records an outcome even when the caller went away, so no share of the allowance stays taken.</summary>
    private Task ChangeAsync(string key, Action<SignInThrottle> change) =>
        store.ChangeAsync(key, r => { change(r); return 0; }, CancellationToken.None);

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    /// <summary><c>realm:kind:value</c>; long values by their SHA-256 so the key fits its column.</summary>
    private static string Key(string realm, string kind, string value) => value.Length <= 120
        ? $"{realm}:{kind}:{value}"
        : $"{realm}:{kind}:sha256:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))}";
}

/// <summary>Client addresses as throttling keys.</summary>
public static class ClientAddress
{
    /// <summary>
    /// An IPv4 address as is (also when mapped into IPv6); an IPv6 address by its /64 network, which one subscriber
    /// usually holds whole; <c>unknown</c> when there is none (in-process test hosts).
    /// </summary>
    public static string ThrottleKey(string? ip)
    {
        if (string.IsNullOrEmpty(ip) || !IPAddress.TryParse(ip, out var address)) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
