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

/// <summary>Validates <see cref="Login"/>.</summary>
public sealed class LoginValidator : AbstractValidator<Login>
{
    /// <summary>Rules.</summary>
    public LoginValidator()
    {
        RuleFor(x => x.Username).Required("请输入用户名").MaxChars(64);
        RuleFor(x => x.Password).Required("请输入密码").MaxChars(256);
    }
}

/// <summary>Handles <see cref="Login"/>.</summary>
public sealed class LoginHandler(IKbossDbContext db, IPasswordHasher hasher, ITokenService tokens,
    IPlatformSettings settings, TimeProvider clock) : ICommandHandler<Login, Reply<LoginResult>>
{
    /// <summary>Hash verified for unknown users so timing does not reveal which names exist.</summary>
    private static string? _dummyHash;

    /// <inheritdoc />
    public async ValueTask<Reply<LoginResult>> Handle(Login c, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var username = c.Username!.Trim();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Username == username, ct);
        if (user is null)
        {
            hasher.Verify(_dummyHash ??= hasher.Hash(Guid.NewGuid().ToString()), c.Password!);
            return Reply.Fail<LoginResult>("用户名或密码错误", ErrorCodes.InvalidCredentials);
        }
        if (user.LockoutEndUtc > now)
            return Reply.Fail<LoginResult>(LockedMessage(user.LockoutEndUtc.Value - now), ErrorCodes.TooManyAttempts);
        if (!hasher.Verify(user.PasswordHash, c.Password!))
        {
            user.FailedLoginCount++;
            var locked = user.FailedLoginCount >= settings.MaxFailedLogins;
            if (locked)
            {
                user.LockoutEndUtc = now + settings.LockoutDuration;
                user.FailedLoginCount = 0;
            }
            db.AuditEntries.Add(new AuditEntry { UserId = user.Id, OrgId = user.OrgId, Action = locked ? "identity.locked" : "identity.login_failed", EntityType = "user", EntityId = user.Id });
            await db.SaveChangesAsync(ct);
            return locked
                ? Reply.Fail<LoginResult>(LockedMessage(settings.LockoutDuration), ErrorCodes.TooManyAttempts)
                : Reply.Fail<LoginResult>("用户名或密码错误", ErrorCodes.InvalidCredentials);
        }
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == user.OrgId, ct);
        if (org is null) return Reply.Fail<LoginResult>("用户所属组织已停用", ErrorCodes.Forbidden);
        user.FailedLoginCount = 0;
        user.LockoutEndUtc = null;
        var issued = tokens.Issue(user, org);
        db.AuditEntries.Add(new AuditEntry { UserId = user.Id, OrgId = user.OrgId, Action = "identity.login", EntityType = "user", EntityId = user.Id });
        await db.SaveChangesAsync(ct);
        var csrf = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))
            .Replace('+', '-').Replace('/', '_');
        return Reply.Ok("登录成功", new LoginResult(issued.Token, issued.ExpiresAtUtc, csrf, CurrentUserDto.From(user, org)));
    }

    private static string LockedMessage(TimeSpan wait) =>
        $"登录失败次数过多,账号已锁定,请 {Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))} 分钟后再试";
}
