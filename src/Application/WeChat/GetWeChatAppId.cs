using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Mediator;

namespace Kboss.Application.WeChat;

/// <summary>
/// E43 <c>GET /kpi/get_wechat_appid.dspy</c>: 获取appid. The website app's appid for the QR authorisation URL
/// (<c>WeChat:AppId</c>); never the secret. Not configured → <c>微信登录未配置</c> (<c>not_configured</c>).
/// spec: 33-wechat-pay.md; analysis/platform.md §3.5 E43, §4.6.
/// </summary>
public sealed record GetWeChatAppId : IQuery<Reply<string>>;

public sealed class GetWeChatAppIdHandler(IWeChatAuthClient wechat) : IQueryHandler<GetWeChatAppId, Reply<string>>
{
    public ValueTask<Reply<string>> Handle(GetWeChatAppId q, CancellationToken ct) => ValueTask.FromResult(
        wechat.WebAppId is { } appId
            ? Reply.Ok("查询成功", appId)
            : Reply.Fail<string>(WeChatLogins.NotConfigured, ErrorCodes.NotConfigured));
}
