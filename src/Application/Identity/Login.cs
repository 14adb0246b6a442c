using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Audit;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Identity;

/// <summary>Reply data of a login: the bearer token, its expiry, a CSRF token for cookie clients, and the user.</summary>
/// <param name="Token">JWT for <c>Authorization: Bearer</c> (also set as the HttpOnly cookie <c>kboss_token</c>).</param>
/// <param name="ExpiresAt">Expiry (platform time).</param>
/// <param name="CsrfToken">Send as <c>X-CSRF-TOKEN</c> on state-changing requests authenticated by cookie.</param>
/// <param name="User">The logged-in user.</param>
public sealed record LoginResult(string Token, DateTime ExpiresAt, string CsrfToken, CurrentUserDto User);

/// <summary>
/// <c>POST /user/login.dspy</c> (not in the legacy document; analysis/platform.md §6): checks username and password.
/// After <see cref="IPlatformSettings.MaxFailedLogins"/> consecutive failures the account is locked for
/// <see cref="IPlatformSettings.LockoutDuration"/> (<c>code: too_many_attempts</c>). Wrong name or password →
/// <c>用户名或密码错误</c> (<c>code: invalid_credentials</c>), the same for unknown users.
/// </summary>
public sealed record Login : ICommand<Reply<LoginResult>>
{
    /// <summary>Login name.</summary>
    public string? Username { get; init; }
    /// <summary>Password.</summary>
    public string? Password { get; init; }
}

public sealed class LoginValidator : AbstractValidator<Login>
{
    public LoginValidator()
    {
        RuleFor(x => x.Username).Required("请输入用户名").MaxChars(64);
        RuleFor(x => x.Password).Required("请输入密码").MaxChars(256);
    }
}

/// <summary>
/// Handles <see cref="Login"/>. Each attempt first reserves one of the account's allowed failures with a conditional
/// UPDATE, so parallel guesses cannot check more than <see cref="IPlatformSettings.MaxFailedLogins"/> passwords;
/// unknown usernames are throttled the same way in memory, so the answers do not reveal which names exist.
/// </summary>
public sealed class LoginHandler(IKbossDbContext db, IPasswordHasher hasher, ITokenService tokens,
    IPlatformSettings settings, TimeProvider clock, LoginThrottle throttle) : ICommandHandler<Login, Reply<LoginResult>>
{
    /// <summary>Hash verified for unknown users so timing does not reveal which names exist.</summary>
    private static string? _dummyHash;

    public async ValueTask<Reply<LoginResult>> Handle(Login c, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var max = settings.MaxFailedLogins;
        var username = c.Username!.Trim();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Username == username, ct);
        if (user is null)
        {
            if (!throttle.TryReserve(username, now, max, settings.LockoutDuration, out var wait))
                return Locked(wait);
            hasher.Verify(_dummyHash ??= hasher.Hash(Guid.NewGuid().ToString()), c.Password!);
            return Invalid();
        }

        var reserved = await db.Users
            .Where(u => u.Id == user.Id && (u.LockoutEndUtc == null || u.LockoutEndUtc <= now) && u.FailedLoginCount < max)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.FailedLoginCount, x => x.FailedLoginCount + 1), ct);
        if (reserved == 0)
        {
            var current = await db.Users.AsNoTracking().Where(u => u.Id == user.Id).Select(u => u.LockoutEndUtc).FirstAsync(ct);
            if (current > now) return Locked(current.Value - now);
            return await LockAsync(user.Id, user.OrgId, now, ct); // the allowance was used up by parallel attempts
        }

        if (!hasher.Verify(user.PasswordHash, c.Password!))
        {
            var failures = await db.Users.AsNoTracking().Where(u => u.Id == user.Id).Select(u => u.FailedLoginCount).FirstAsync(ct);
            if (failures >= max) return await LockAsync(user.Id, user.OrgId, now, ct);
            db.AuditEntries.Add(new AuditEntry { UserId = user.Id, OrgId = user.OrgId, Action = "identity.login_failed", EntityType = "user", EntityId = user.Id });
            await db.SaveChangesAsync(ct);
            return Invalid();
        }

        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == user.OrgId, ct);
        if (org is null) return Reply.Fail<LoginResult>("用户所属组织已停用", ErrorCodes.Forbidden);
        await db.Users.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.FailedLoginCount, 0).SetProperty(x => x.LockoutEndUtc, (DateTime?)null), ct);
        var issued = tokens.Issue(user, org);
        db.AuditEntries.Add(new AuditEntry { UserId = user.Id, OrgId = user.OrgId, Action = "identity.login", EntityType = "user", EntityId = user.Id });
        await db.SaveChangesAsync(ct);
        return Reply.Ok("登录成功", new LoginResult(issued.Token, issued.ExpiresAtUtc, tokens.CsrfTokenFor(issued.Jti), CurrentUserDto.From(user, org)));
    }

    private async Task<Reply<LoginResult>> LockAsync(string userId, string orgId, DateTime now, CancellationToken ct)
    {
        var until = now + settings.LockoutDuration;
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEndUtc, until).SetProperty(x => x.FailedLoginCount, 0), ct);
        db.AuditEntries.Add(new AuditEntry { UserId = userId, OrgId = orgId, Action = "identity.locked", EntityType = "user", EntityId = userId });
        await db.SaveChangesAsync(ct);
        return Locked(settings.LockoutDuration);
    }

    private static Reply<LoginResult> Invalid() => Reply.Fail<LoginResult>("用户名或密码错误", ErrorCodes.InvalidCredentials);

    private static Reply<LoginResult> Locked(TimeSpan wait) => Reply.Fail<LoginResult>(
        $"登录失败次数过多,账号已锁定,请 {Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))} 分钟后再试", ErrorCodes.TooManyAttempts);
}

/// <summary>
/// In-memory failure allowance for login names that do not exist (so they lock like real accounts and reveal
/// nothing). Process-local; a real account's allowance is kept in the database.
/// </summary>
public sealed class LoginThrottle
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (int Count, DateTime LockedUntil)> _entries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Records one failed attempt for <paramref name="key"/>; false (and the remaining wait) when it is locked or this
    /// attempt used up the allowance (then it locks for <paramref name="lockout"/>), like a real account.
    /// </summary>
    public bool TryReserve(string key, DateTime now, int max, TimeSpan lockout, out TimeSpan wait)
    {
        if (_entries.Count > 100_000) _entries.Clear(); // bound memory under a flood of random names
        var locked = false;
        var until = DateTime.MinValue;
        _entries.AddOrUpdate(key, _ => (1, DateTime.MinValue), (_, e) =>
        {
            if (e.LockedUntil > now) { locked = true; until = e.LockedUntil; return e; }
            var count = e.Count + 1;
            if (count >= max) { locked = true; until = now + lockout; return (0, until); }
            return (count, DateTime.MinValue);
        });
        wait = locked ? until - now : TimeSpan.Zero;
        return !locked;
    }
}
