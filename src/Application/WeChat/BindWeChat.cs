using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Domain.WeChat;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.WeChat;

/// <summary>
/// <c>POST /user/bind_wechat.dspy</c> (not in the legacy document; analysis/platform.md §3.5 E44 "the binding flow is
/// outside this spec"): binds the logged-in user to the WeChat identity of <c>wechatCode</c> (same codes as E44), so
/// E44 signs them in later → <c>绑定成功</c>. Bound to another account (openid of this app, or unionid) →
/// <c>该微信已绑定其他账号</c> (<c>conflict</c>); the same binding again succeeds; the same unionid from another app
/// adds that app's openid.
/// </summary>
public sealed record BindWeChat : ICommand<Reply<object>>
{
    /// <summary>A WeChat code (as for loginUser).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("wechatCode")]
    public string? WechatCode { get; init; }
    /// <summary>web (default) or mini.</summary>
    public string? Type { get; init; }
}

public sealed class BindWeChatValidator : AbstractValidator<BindWeChat>
{
    public BindWeChatValidator() => WeChatLogins.CodeRules(this, x => x.WechatCode, x => x.Type);
}

public sealed class BindWeChatHandler(IKbossDbContext db, IWeChatAuthClient wechat, ICurrentUser user)
    : ICommandHandler<BindWeChat, Reply<object>>
{
    private const string Taken = "该微信已绑定其他账号";

    public async ValueTask<Reply<object>> Handle(BindWeChat c, CancellationToken ct)
    {
        var me = user.UserId ?? throw new UnauthenticatedException();
        var who = await wechat.ExchangeAsync(c.WechatCode!.Trim(), c.Type, ct);
        var owners = await db.WeChatBindings.AsNoTracking()
            .Where(b => (b.AppId == who.AppId && b.OpenId == who.OpenId)
                        || (who.UnionId != null && b.UnionId == who.UnionId))
            .Select(b => new { b.UserId, Same = b.AppId == who.AppId && b.OpenId == who.OpenId }).ToListAsync(ct);
        if (owners.Any(o => o.UserId != me)) return Reply.Fail<object>(Taken, ErrorCodes.Conflict);
        if (owners.Any(o => o.Same)) return Reply.Ok<object>("绑定成功", new { });
        // the same person in another app of the operator (same unionid): bind this app's openid too (JSAPI needs it)
        db.WeChatBindings.Add(new WeChatBinding
        {
            UserId = me, AppId = who.AppId, OpenId = who.OpenId, UnionId = who.UnionId,
        });
        db.AuditEntries.Add(Audit.Entry(user, "identity.wechat_bound", "user", me, new { who.AppId }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            return Reply.Fail<object>(Taken, ErrorCodes.Conflict);
        }
        return Reply.Ok<object>("绑定成功", new { });
    }
}
