using System.Security.Cryptography;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Mediator;

namespace Kboss.Application.Identity.Accounts;

/// <summary>Reply of a password reset.</summary>
/// <param name="Userid">The user.</param>
/// <param name="Username">Its login name.</param>
/// <param name="TemporaryPassword">The generated password when none was given (shown this once, never stored in
/// clear); null when the caller chose it.</param>
public sealed record PasswordResetDto(string Userid, string Username, string? TemporaryPassword);

/// <summary>
/// <c>POST /user/reset_password.dspy</c> (kboss addition; ADR 0025): an admin (any user) or an operator (users of the
/// orgs it owns, never an admin) sets <c>userid</c>'s password to <c>new_password</c>, or, without one, to a generated
/// temporary password returned once. Ends the user's sessions. One's own password: <c>change_password</c> (403 here).
/// </summary>
public sealed record ResetPassword : ICommand<Reply<PasswordResetDto>>
{
    /// <summary>User id (required).</summary>
    public string? Userid { get; init; }
    /// <summary>New password (optional: 8–128 characters with letters and digits); absent → generated.</summary>
    public string? NewPassword { get; init; }
}

public sealed class ResetPasswordValidator : AbstractValidator<ResetPassword>
{
    public ResetPasswordValidator()
    {
        RuleFor(x => x.Userid).Required().MaxChars(64);
        RuleFor(x => x.NewPassword).Must(p => string.IsNullOrEmpty(p) || PasswordPolicy.IsStrong(p))
            .WithMessage(PasswordPolicy.Message);
    }
}

public sealed class ResetPasswordHandler(IPasswordHasher hasher, ICurrentUser current, AccountAccess accounts,
    TimeProvider clock) : ICommandHandler<ResetPassword, Reply<PasswordResetDto>>
{
    public async ValueTask<Reply<PasswordResetDto>> Handle(ResetPassword c, CancellationToken ct)
    {
        var target = await accounts.LoadManageableAsync(c.Userid, ct);
        if (target.Id == current.UserId) throw new ForbiddenException("请通过 change_password 修改自己的密码");
        var temporary = string.IsNullOrEmpty(c.NewPassword) ? TemporaryPassword.New() : null;
        target.SetPassword(hasher.Hash(temporary ?? c.NewPassword!), clock.GetUtcNow().UtcDateTime).OrThrow();
        await accounts.SaveAsync(target, Audit.Entry(current, "identity.password_reset", "user", target.Id,
            new { generated = temporary is not null }), ct);
        return Reply.Ok("密码已重置", new PasswordResetDto(target.Id, target.Username, temporary));
    }
}

/// <summary>Generated temporary passwords: 16 characters from an alphabet without look-alikes, with letters and
/// digits (so they pass <see cref="PasswordPolicy"/>).</summary>
public static class TemporaryPassword
{
    private const string Letters = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";

    /// <summary>A new random password.</summary>
    public static string New()
    {
        const string all = Letters + Digits;
        var chars = Enumerable.Range(0, 14).Select(_ => Pick(all)).ToList();
        chars.Insert(RandomNumberGenerator.GetInt32(chars.Count + 1), Pick(Letters));
        chars.Insert(RandomNumberGenerator.GetInt32(chars.Count + 1), Pick(Digits));
        return new string([.. chars]);
    }

    private static char Pick(string alphabet) => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
}
