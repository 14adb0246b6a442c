using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.WeChat;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.WeChat;

/// <summary>
/// <c>GET /kpi/wechat_callback.dspy?code=&amp;state=</c> (not in the legacy document; analysis/platform.md §3.5 E40
/// step 2, §7 #40): WeChat's redirect after the user confirmed the QR login. Stores the code for the state (the first
/// code wins; a state lives 5 minutes) → <c>登录成功,请返回原页面</c>. An expired state → <c>登录已过期,请重新扫码</c>
/// (<c>conflict</c>).
/// </summary>
public sealed record StoreWeChatCode : ICommand<Reply<object>>
{
    /// <summary>WeChat's authorisation code.</summary>
    public string? Code { get; init; }
    /// <summary>The front end's state, echoed by WeChat.</summary>
    public string? State { get; init; }
}

public sealed class StoreWeChatCodeValidator : AbstractValidator<StoreWeChatCode>
{
    public StoreWeChatCodeValidator()
    {
        RuleFor(x => x.Code).Required().MaxChars(256);
        RuleFor(x => x.State).LoginState();
    }
}

public sealed class StoreWeChatCodeHandler(IKbossDbContext db, TimeProvider clock)
    : ICommandHandler<StoreWeChatCode, Reply<object>>
{
    public async ValueTask<Reply<object>> Handle(StoreWeChatCode c, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var state = c.State!.Trim();
        var row = await db.WeChatLoginStates.FirstOrDefaultAsync(s => s.State == state, ct);
        if (row is null)
        {
            row = new WeChatLoginState { State = state, ExpiresAt = now + WeChatLoginState.Lifetime };
            db.WeChatLoginStates.Add(row);
        }
        if (row.ExpiresAt <= now) return Reply.Fail<object>("登录已过期,请重新扫码", ErrorCodes.Conflict);
        row.Code ??= c.Code!.Trim();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // the browser's first poll created the row meanwhile: store the code there
            db.ClearChanges();
            var code = c.Code!.Trim();
            await db.WeChatLoginStates.Where(s => s.State == state && s.Code == null && s.ExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Code, code), ct);
        }
        return Reply.Ok<object>("登录成功,请返回原页面", new { });
    }
}
