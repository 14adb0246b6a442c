using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Domain.WeChat;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.WeChat;

/// <summary>
/// E40 <c>GET /kpi/get_code_state.dspy</c>: 获取登录code. The front end polls with its <c>state</c> (every 2 s, at most 5
/// minutes); the first browser that polls a state claims it (an HttpOnly cookie, analysis/platform.md §4.6), and once
/// WeChat's redirect stored the code, that browser gets it once → <c>data: "&lt;code&gt;"</c>. Not yet scanned,
/// expired,
/// already handed out, or another browser → <c>未获取到code</c> (<c>not_found</c>).
/// spec: 33-wechat-pay.md; analysis/platform.md §3.5 E40.
/// </summary>
public sealed record GetCodeState : ICommand<Reply<string>>
{
    /// <summary>前端生成的state (16–64 of A-Za-z0-9_-).</summary>
    public string? State { get; init; }
}

public sealed class GetCodeStateValidator : AbstractValidator<GetCodeState>
{
    public GetCodeStateValidator() => RuleFor(x => x.State).LoginState();
}

public sealed class GetCodeStateHandler(IKbossDbContext db, IBrowserSession browser, TimeProvider clock)
    : ICommandHandler<GetCodeState, Reply<string>>
{
    public async ValueTask<Reply<string>> Handle(GetCodeState q, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var state = q.State!.Trim();
        var mine = WeChatLogins.Hash(browser.Key());
        var none = Reply.Fail<string>(WeChatLogins.NoCode, ErrorCodes.NotFound);
        var row = await db.WeChatLoginStates.AsNoTracking().FirstOrDefaultAsync(s => s.State == state, ct);
        if (row is null)
        {
            db.WeChatLoginStates.Add(new WeChatLoginState
            {
                State = state, BrowserHash = mine, ExpiresAt = now + WeChatLoginState.Lifetime,
            });
            try
            {
                await db.SaveChangesAsync(ct);
                return none;
            }
            catch (DbUpdateException e) when (db.IsUniqueViolation(e))
            {
                db.ClearChanges(); // the redirect (or another poll) created it meanwhile
            }
        }
        // claim an unclaimed state, then take its code once: both conditional, so two browsers can't share it
        await db.WeChatLoginStates.Where(s => s.State == state && s.BrowserHash == "" && s.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.BrowserHash, mine), ct);
        var taken = await db.WeChatLoginStates
            .Where(s => s.State == state && s.BrowserHash == mine && s.Code != null && !s.Consumed && s.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Consumed, true), ct);
        if (taken == 0) return none;
        var code = await db.WeChatLoginStates.AsNoTracking().Where(s => s.State == state).Select(s => s.Code)
            .FirstAsync(ct);
        return Reply.Ok("获取成功", code!);
    }
}
