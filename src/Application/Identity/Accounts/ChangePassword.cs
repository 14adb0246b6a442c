using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Identity.Accounts;

/// <summary>
/// <c>POST /user/change_password.dspy</c> (kboss addition; ADR 0025): the caller changes its own password. The old
/// password is checked through <see cref="SignInGuard"/> with the login's counters, so guesses here are throttled like
/// sign-ins (<c>too_many_attempts</c>); a wrong one → <c>原密码错误</c> (<c>invalid_credentials</c>). Every token issued
/// so far, the presented one included, stops working; the reply is a fresh login (token, cookies) for this session.
/// </summary>
public sealed record ChangePassword : ICommand<Reply<LoginResult>>
{
    /// <summary>Current password.</summary>
    public string? OldPassword { get; init; }
    /// <summary>New password: 8–128 characters with letters and digits, different from the old one.</summary>
    public string? NewPassword { get; init; }
}

public sealed class ChangePasswordValidator : AbstractValidator<ChangePassword>
{
    public ChangePasswordValidator()
    {
        RuleFor(x => x.OldPassword).Required("请输入原密码").MaxChars(256);
        RuleFor(x => x.NewPassword).Required().Must(PasswordPolicy.IsStrong).WithMessage(PasswordPolicy.Message)
            .Must((c, p) => p != c.OldPassword).WithMessage("新密码不能与原密码相同");
    }
}

public sealed class ChangePasswordHandler(IKbossDbContext db, IPasswordHasher hasher, ITokenService tokens,
    SignInGuard guard, IRequestContext request, ICurrentUser current, AccountAccess accounts, TimeProvider clock)
    : ICommandHandler<ChangePassword, Reply<LoginResult>>
{
    public async ValueTask<Reply<LoginResult>> Handle(ChangePassword c, CancellationToken ct)
    {
        var me = await db.Users.FirstOrDefaultAsync(u => u.Id == current.UserId, ct)
                 ?? throw new UnauthenticatedException();
        var account = me.NormalizedUsername ?? UsernameRules.Normalize(me.Username) ?? me.Username;
        var outcome = await guard.AttemptAsync(LoginHandler.Realm, account, request.ClientIp,
            _ => Task.FromResult(hasher.Verify(me.PasswordHash, c.OldPassword!)), ct);
        if (outcome.Result == SignInStatus.Throttled)
            return Reply.Fail<LoginResult>(outcome.ThrottledMessage, ErrorCodes.TooManyAttempts);
        if (outcome.Result == SignInStatus.Invalid)
            return Reply.Fail<LoginResult>("原密码错误", ErrorCodes.InvalidCredentials);

        me.SetPassword(hasher.Hash(c.NewPassword!), clock.GetUtcNow().UtcDateTime).OrThrow();
        await accounts.SaveAsync(me, Audit.Entry(current, "identity.password_changed", "user", me.Id, new { }), ct);
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == me.OrgId, ct)
                  ?? throw new UnauthenticatedException();
        var issued = tokens.Issue(me, org);
        return Reply.Ok("密码修改成功", new LoginResult(issued.Token, issued.ExpiresAtUtc, tokens.CsrfTokenFor(issued.Jti),
            CurrentUserDto.From(me, org)));
    }
}
