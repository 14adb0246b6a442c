using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Identity;

/// <summary><c>GET /user/current_user.dspy</c>: who is logged in (login required).</summary>
public sealed record GetCurrentUser : IQuery<Reply<CurrentUserDto>>;

public sealed class GetCurrentUserHandler(IKbossDbContext db, ICurrentUser current) : IQueryHandler<GetCurrentUser, Reply<CurrentUserDto>>
{
    public async ValueTask<Reply<CurrentUserDto>> Handle(GetCurrentUser q, CancellationToken ct)
    {
        var row = await db.Users.AsNoTracking().Where(u => u.Id == current.UserId)
            .Join(db.Organizations, u => u.OrgId, o => o.Id, (u, o) => new { u, o })
            .FirstOrDefaultAsync(ct) ?? throw new UnauthenticatedException();
        return Reply.Ok("获取当前用户成功", CurrentUserDto.From(row.u, row.o));
    }
}
