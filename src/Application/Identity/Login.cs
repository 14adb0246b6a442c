using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Audit;
using Kboss.Domain.Identity;
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
/// The name matches case-insensitively after NFKC (<see cref="UsernameRules"/>). Failures are throttled per account
/// and per client address with growing waits (<see cref="SignInGuard"/>, ADR 0018): a throttled attempt →
/// <c>尝试次数过多,请 N 秒后再试</c> (<c>code: too_many_attempts</c>). Wrong name or password → <c>用户名或密码错误</c>
/// (<c>code: invalid_credentials</c>), the same for unknown users. A disabled account with the right password →
/// <c>账号已停用</c> (<c>code: forbidden</c>; ADR 0025).
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
/// Handles <see cref="Login"/>. Unknown names are throttled and hashed like real accounts, so neither the answers
/// nor their timing reveal which names exist.
/// </summary>
public sealed class LoginHandler(IKbossDbContext db, IPasswordHasher hasher, ITokenService tokens, SignInGuard guard,
    IRequestContext request) : ICommandHandler<Login, Reply<LoginResult>>
{
    /// <summary>Throttle realm of kboss logins.</summary>
    public const string Realm = "login";

    /// <summary>Hash verified for unknown users so timing does not reveal which names exist.</summary>
    private static string? _dummyHash;

    public async ValueTask<Reply<LoginResult>> Handle(Login c, CancellationToken ct)
    {
        var typed = c.Username!.Trim();
        var normalized = UsernameRules.Normalize(typed) ?? typed;
        User? user = null;
        var outcome = await guard.AttemptAsync(Realm, normalized, request.ClientIp, async token =>
        {
            user = await FindAsync(typed, normalized, token);
            var hash = user?.PasswordHash ?? (_dummyHash ??= hasher.Hash(Guid.NewGuid().ToString()));
            return hasher.Verify(hash, c.Password!) && user is not null;
        }, ct);
        if (outcome.Result == SignInStatus.Throttled)
            return Reply.Fail<LoginResult>(outcome.ThrottledMessage, ErrorCodes.TooManyAttempts);
        if (outcome.Result == SignInStatus.Invalid || user is null)
        {
            if (user is not null)
            {
                db.AuditEntries.Add(new AuditEntry
                {
                    UserId = user.Id, OrgId = user.OrgId, Action = "identity.login_failed",
                    EntityType = "user", EntityId = user.Id,
                });
                await db.SaveChangesAsync(ct);
            }
            return Reply.Fail<LoginResult>("用户名或密码错误", ErrorCodes.InvalidCredentials);
        }

        if (user.Disabled)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                UserId = user.Id, OrgId = user.OrgId, Action = "identity.login_disabled", EntityType = "user",
                EntityId = user.Id,
            });
            await db.SaveChangesAsync(ct);
            return Reply.Fail<LoginResult>(User.DisabledMessage, ErrorCodes.Forbidden);
        }
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == user.OrgId, ct);
        if (org is null) return Reply.Fail<LoginResult>("用户所属组织已停用", ErrorCodes.Forbidden);
        var issued = tokens.Issue(user, org);
        db.AuditEntries.Add(new AuditEntry { UserId = user.Id, OrgId = user.OrgId, Action = "identity.login", EntityType = "user", EntityId = user.Id });
        await db.SaveChangesAsync(ct);
        return Reply.Ok("登录成功", new LoginResult(issued.Token, issued.ExpiresAtUtc, tokens.CsrfTokenFor(issued.Jti), CurrentUserDto.From(user, org)));
    }

    /// <summary>By normalised name; an account left without one by a clash at migration signs in by its exact name
    /// (which then wins over the older account holding the normal form).</summary>
    private Task<User?> FindAsync(string typed, string normalized, CancellationToken ct) =>
        db.Users.AsNoTracking()
            .Where(u => u.NormalizedUsername == normalized || (u.NormalizedUsername == null && u.Username == typed))
            .OrderBy(u => u.NormalizedUsername != null).FirstOrDefaultAsync(ct);
}
