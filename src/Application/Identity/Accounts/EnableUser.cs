using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Mediator;

namespace Kboss.Application.Identity.Accounts;

/// <summary>
/// <c>POST /user/enable_user.dspy</c> (kboss addition; ADR 0025): enables a disabled user again (same rights as
/// <see cref="DisableUser"/>); the tokens it had stay ended, it signs in anew. Enabling an active user succeeds
/// unchanged.
/// </summary>
public sealed record EnableUser : ICommand<Reply<AccountDto>>, IUserIdRequest
{
    /// <inheritdoc />
    public string? Userid { get; init; }
}

public sealed class EnableUserValidator : UserIdValidator<EnableUser>;

public sealed class EnableUserHandler(ICurrentUser current, AccountAccess accounts)
    : ICommandHandler<EnableUser, Reply<AccountDto>>
{
    public async ValueTask<Reply<AccountDto>> Handle(EnableUser c, CancellationToken ct)
    {
        var target = await accounts.LoadManageableAsync(c.Userid, ct);
        target.Enable().OrThrow();
        await accounts.SaveAsync(target, Audit.Entry(current, "identity.user_enabled", "user", target.Id,
            new { target.Username, orgid = target.OrgId }), ct);
        return Reply.Ok("用户已启用", await accounts.ViewAsync(target, ct));
    }
}
