using Kboss.Application.Common.Models;
using Kboss.Application.FloatingWidget;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// 悬浮窗 (spec: 23-floating-widget.md; analysis/platform.md §3.4, §4.5, §4.8): QR cards, contact, trial
/// applications and SMS codes. Cards are set by sales (own card) and operators; reads are public; the SMS code and
/// the trial form are anonymous writes, limited per client address.
/// </summary>
[Tags("悬浮窗")]
public sealed class FloatingWidgetController(IMediator mediator) : ControllerBase
{
    /// <summary>配置销售二维码名片</summary>
    [LegacyPost("/floating/add_picture.dspy")]
    [Authorize(Policy = Policies.Sales)]
    public ValueTask<Reply<SalesCardView>> SaveSalesCard([FromLegacyParams] SaveSalesCard c, CancellationToken ct)
        => mediator.Send(c, ct);

    /// <summary>配置机构二维码名片</summary>
    [LegacyPost("/floating/add_opicture.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<OrgCardView>> SaveOrgCard([FromLegacyParams] SaveOrgCard c, CancellationToken ct)
        => mediator.Send(c, ct);

    /// <summary>展示销售二维码名片</summary>
    [LegacyGet("/floating/get_picture.dspy")]
    [AllowAnonymous]
    public ValueTask<Reply<SalesCardView>> GetSalesCard(CancellationToken ct) => mediator.Send(new GetSalesCard(), ct);

    /// <summary>展示机构二维码名片</summary>
    [LegacyGet("/floating/get_opicture.dspy")]
    [AllowAnonymous]
    public ValueTask<Reply<OrgCardView>> GetOrgCard(CancellationToken ct) => mediator.Send(new GetOrgCard(), ct);

    /// <summary>联系我们</summary>
    [LegacyGet("/floating/contact.dspy")]
    [AllowAnonymous]
    public ValueTask<Reply<ContactView>> Contact([FromLegacyParams] GetContact q, CancellationToken ct)
        => mediator.Send(q, ct);

    /// <summary>申请试用</summary>
    [LegacyPost("/floating/apply.dspy")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.AnonymousWrite)]
    public ValueTask<TrialApplyReply> Apply([FromLegacyParams] ApplyTrial c, CancellationToken ct)
        => mediator.Send(c, ct);

    /// <summary>短信发送</summary>
    [LegacyGet("/pub/sms_send_code.dspy")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.AnonymousWrite)]
    public ValueTask<Reply<object>> SendSmsCode([FromLegacyParams] SendSmsCode c, CancellationToken ct)
        => mediator.Send(c, ct);
}
