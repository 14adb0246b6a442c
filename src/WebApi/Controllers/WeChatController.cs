using Kboss.Application.Common.Models;
using Kboss.Application.Identity;
using Kboss.Application.WeChat;
using Kboss.Application.WeChat.Recharges;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// 微信支付 (spec: 33-wechat-pay.md; analysis/platform.md §3.5, §4.6, §4.7, ADR 0030): WeChat QR/mini-program login
/// issuing kboss's own session, and WeChat Pay v3 recharges of a customer org's balance; plus the undocumented
/// companions the flow needs — WeChat's login redirect, binding an account, and WeChat Pay's notification.
/// </summary>
[Tags("微信支付")]
public sealed class WeChatController(IMediator mediator, ILogger<WeChatController> log) : ControllerBase
{
    /// <summary>获取登录code</summary>
    [LegacyGet("/kpi/get_code_state.dspy")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.AnonymousPoll)]
    public ValueTask<Reply<string>> CodeState([FromLegacyParams] GetCodeState q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>微信支付开启: starts a recharge (total in fen).</summary>
    [LegacyPost("/customer/add_weixpay.dspy")]
    [Authorize]
    public ValueTask<Reply<RechargeDto>> AddPay([FromLegacyParams] AddWeixPay c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>微信支付状态</summary>
    [LegacyGet("/customer/get_weixinpaytype")]
    [LegacyGet("/customer/get_weixinpaytype.dspy")]
    [Authorize]
    public ValueTask<Reply<RechargeDto>> PayState([FromLegacyParams] GetWeixinPayType q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>获取appid</summary>
    [LegacyGet("/kpi/get_wechat_appid.dspy")]
    [AllowAnonymous]
    public ValueTask<Reply<string>> AppId(CancellationToken ct) => mediator.Send(new GetWeChatAppId(), ct);

    /// <summary>登录接口: wechatCode → kboss token and session cookies.</summary>
    [LegacyGet("/user/loginUser.dspy")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.AnonymousWrite)]
    [SetsSessionCookies]
    public ValueTask<Reply<LoginResult>> Login([FromLegacyParams] LoginWithWeChat c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>微信登录回调 (WeChat's redirect_uri; not in the legacy document).</summary>
    [LegacyGet("/kpi/wechat_callback.dspy")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.AnonymousPoll)]
    public ValueTask<Reply<object>> Callback([FromLegacyParams] StoreWeChatCode c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>绑定微信 (the logged-in user; not in the legacy document).</summary>
    [LegacyPost("/user/bind_wechat.dspy")]
    [Authorize]
    public ValueTask<Reply<object>> Bind([FromLegacyParams] BindWeChat c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>微信支付结果通知 (signed by WeChat Pay; not in the legacy document): 204 or {code:FAIL}.</summary>
    [HttpPost("/customer/weixpay_notify.dspy")]
    [AllowAnonymous]
    public Task<IActionResult> Notify(CancellationToken ct) =>
        WeChatNotifyContract.HandleAsync(Request, mediator, log, ct);
}
