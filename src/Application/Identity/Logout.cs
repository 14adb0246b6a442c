using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Domain.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Identity;

/// <summary>
/// <c>POST /user/logout.dspy</c>: revokes the presented access token (its <c>jti</c> is refused until it expires);
/// the web layer also clears the cookies. Anonymous callers get success too (nothing to revoke).
/// </summary>
public sealed record Logout : ICommand<Reply<object>>;

public sealed class LogoutHandler(IKbossDbContext db, ICurrentUser current, ITokenService tokens) : ICommandHandler<Logout, Reply<object>>
{
    public async ValueTask<Reply<object>> Handle(Logout c, CancellationToken ct)
    {
        if (current is { TokenId: { } jti, TokenExpiresAtUtc: { } exp } && !tokens.IsRevoked(jti))
        {
            db.RevokedTokens.Add(new RevokedToken { Jti = jti, ExpiresAtUtc = exp });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (db.IsUniqueViolation(e))
            {
                // concurrent logouts with one token: another stored the row first, so this one succeeds as well
            }
            tokens.Revoke(jti, exp);
        }
        return Reply.Ok<object>("已退出登录", new { });
    }
}
