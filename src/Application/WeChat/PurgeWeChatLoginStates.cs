using Kboss.Application.Common.Interfaces;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.WeChat;

/// <summary>
/// Deletes WeChat login states expired for more than an hour (job <c>WeChatLoginStatePurge</c>, hourly, ADR 0030):
/// anyone may create a state by polling E40, so they must not pile up. Returns how many were deleted.
/// </summary>
public sealed record PurgeWeChatLoginStates : ICommand<int>;

public sealed class PurgeWeChatLoginStatesHandler(IKbossDbContext db, TimeProvider clock)
    : ICommandHandler<PurgeWeChatLoginStates, int>
{
    public async ValueTask<int> Handle(PurgeWeChatLoginStates c, CancellationToken ct)
    {
        var before = clock.GetUtcNow().UtcDateTime.AddHours(-1);
        return await db.WeChatLoginStates.Where(s => s.ExpiresAt < before).ExecuteDeleteAsync(ct);
    }
}
