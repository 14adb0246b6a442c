using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Identity;
using Kboss.Domain.Audit;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.WeChat;

/// <summary>
/// E44 <c>GET /user/loginUser.dspy</c>: 登录接口. Exchanges <c>wechatCode</c> with WeChat (web QR code; <c>type=mini</c>:
/// a mini-program <c>js_code</c> through jscode2session), finds the kboss user bound to the unionid (else the openid of
/// that app) and signs them in like <c>/user/login.dspy</c>: <c>登录成功</c> with the token, the CSRF token, the user,
/// and the session cookies. Not bound → <c>该微信未绑定平台账号</c> (<c>not_found</c>; bind while logged in with
/// <c>/user/bind_wechat.dspy</c>); WeChat refused the code → <c>微信授权失败: …</c> (<c>invalid_argument</c>);
/// WeChat unreachable → <c>upstream_failed</c>; not configured → <c>not_configured</c>.
/// spec: 33-wechat-pay.md; analysis/platform.md §3.5 E44, §4.6.
/// </summary>
public sealed record LoginWithWeChat : ICommand<Reply<LoginResult>>
{
    /// <summary>获取登录code接口返回的code (exact camelCase name).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("wechatCode")]
    public string? WechatCode { get; init; }
    /// <summary>web (default): a QR-login code; mini: a mini-program wx.login js_code.</summary>
    public string? Type { get; init; }
}

public sealed class LoginWithWeChatValidator : AbstractValidator<LoginWithWeChat>
{
    public LoginWithWeChatValidator() => WeChatLogins.CodeRules(this, x => x.WechatCode, x => x.Type);
}

public sealed class LoginWithWeChatHandler(IKbossDbContext db, IWeChatAuthClient wechat, ITokenService tokens)
    : ICommandHandler<LoginWithWeChat, Reply<LoginResult>>
{
    public async ValueTask<Reply<LoginResult>> Handle(LoginWithWeChat c, CancellationToken ct)
    {
        var who = await wechat.ExchangeAsync(c.WechatCode!.Trim(), c.Type, ct);
        var bindings = db.WeChatBindings.AsNoTracking();
        var binding = (who.UnionId is { } union
                          ? await bindings.FirstOrDefaultAsync(b => b.UnionId == union, ct) : null)
                      ?? await bindings.FirstOrDefaultAsync(b => b.AppId == who.AppId && b.OpenId == who.OpenId, ct);
        var user = binding is null ? null
            : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == binding.UserId, ct);
        if (user is null) return Reply.Fail<LoginResult>("该微信未绑定平台账号", ErrorCodes.NotFound);
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == user.OrgId, ct);
        if (org is null) return Reply.Fail<LoginResult>("用户所属组织已停用", ErrorCodes.Forbidden);
        var issued = tokens.Issue(user, org);
        db.AuditEntries.Add(new AuditEntry
        {
            UserId = user.Id, OrgId = user.OrgId, Action = "identity.login_wechat", EntityType = "user",
            EntityId = user.Id,
        });
        await db.SaveChangesAsync(ct);
        return Reply.Ok("登录成功", new LoginResult(issued.Token, issued.ExpiresAtUtc, tokens.CsrfTokenFor(issued.Jti),
            CurrentUserDto.From(user, org)));
    }
}
