using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Mediator;

namespace Kboss.Application.Identity.Accounts;

/// <summary>
/// <c>POST /user/disable_user.dspy</c> (kboss addition; ADR 0025): an admin or an operator (users of the orgs it owns)
/// disables <c>userid</c>: it can't sign in (<c>账号已停用</c>) and its tokens stop working. Disabling a disabled user
/// succeeds unchanged; one's own account → conflict.
/// </summary>
public sealed record DisableUser : ICommand<Reply<AccountDto>>, IUserIdRequest
{
    /// <inheritdoc />
    public string? Userid { get; init; }
}

public sealed class DisableUserValidator : UserIdValidator<DisableUser>;

public sealed class DisableUserHandler(ICurrentUser current, AccountAccess accounts, TimeProvider clock)
    : ICommandHandler<DisableUser, Reply<AccountDto>>
{
    public async ValueTask<Reply<AccountDto>> Handle(DisableUser c, CancellationToken ct)
    {
        var target = await accounts.LoadManageableAsync(c.Userid, ct);
        target.Disable(current.UserId, clock.GetUtcNow().UtcDateTime).OrThrow();
        await accounts.SaveAsync(target, Audit.Entry(current, "identity.user_disabled", "user", target.Id,
            new { target.Username, orgid = target.OrgId }), ct);
        return Reply.Ok("用户已停用", await accounts.ViewAsync(target, ct));
    }
}

/// <summary>A request naming one user by <c>userid</c>.</summary>
public interface IUserIdRequest
{
    /// <summary>User id (required).</summary>
    string? Userid { get; }
}

/// <summary>Validates <see cref="IUserIdRequest.Userid"/>.</summary>
/// <typeparam name="T">The request.</typeparam>
public class UserIdValidator<T> : AbstractValidator<T> where T : IUserIdRequest
{
    /// <summary>Userid required, at most 64 characters.</summary>
    public UserIdValidator() => RuleFor(x => x.Userid).Required().MaxChars(64);
}
