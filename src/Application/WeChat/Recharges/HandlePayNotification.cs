using Kboss.Application.Common.Interfaces;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Kboss.Application.WeChat.Recharges;

/// <summary>What kboss answers WeChat Pay: 204 when handled; otherwise 4xx/5xx with <c>{"code":"FAIL","message"}</c>,
/// and WeChat sends the notification again later.</summary>
/// <param name="HttpStatus">204, or the refusal's status.</param>
/// <param name="Message">The <c>message</c> of a refusal; null on success.</param>
public sealed record WeChatNotifyAnswer(int HttpStatus, string? Message)
{
    /// <summary>Handled (also: already handled, or an event kboss does not act on).</summary>
    public static WeChatNotifyAnswer Ok { get; } = new(204, null);
}

/// <summary>
/// <c>POST /customer/weixpay_notify.dspy</c> (not in the legacy document; analysis/platform.md §3.5 E41, §7 #40):
/// WeChat
/// Pay's payment notification. Anonymous at HTTP level; trusted only after the signature (platform key, known serial,
/// time stamp within 5 minutes) and the AES-GCM decryption of the resource succeeded; nothing but the decrypted
/// resource is read. <c>TRANSACTION.SUCCESS</c> → <see cref="RechargeSettlement"/> (credits once). Answers: 204;
/// bad signature or unreadable → 401 <c>签名验证失败</c>; another merchant → 400; unknown order → 404; amount not the
/// record's, or a settled record → 409; kboss not configured → 500 (WeChat retries).
/// </summary>
/// <param name="Headers">The request headers (case-insensitive names).</param>
/// <param name="Body">The raw body, exactly as received.</param>
public sealed record HandlePayNotification(IReadOnlyDictionary<string, string> Headers, string Body)
    : ICommand<WeChatNotifyAnswer>;

public sealed class HandlePayNotificationHandler(IWeChatPayClient pay,
    RechargeSettlement settlement, ILogger<HandlePayNotificationHandler> log)
    : ICommandHandler<HandlePayNotification, WeChatNotifyAnswer>
{
    public async ValueTask<WeChatNotifyAnswer> Handle(HandlePayNotification c, CancellationToken ct)
    {
        if (!pay.IsConfigured) return new(403, "商户未配置微信支付"); // no order can exist: a refusal, not a fault
        WeChatPayNotice notice;
        try
        {
            notice = pay.VerifyNotification(c.Headers, c.Body);
        }
        catch (WeChatNotificationRejected e)
        {
            log.LogWarning("WeChat Pay notification refused: {Reason}", e.Message);
            return new(401, "签名验证失败");
        }
        if (notice.EventType != "TRANSACTION.SUCCESS"
            || notice.Transaction.TradeState != Domain.WeChat.TradeStates.Success)
            return WeChatNotifyAnswer.Ok;
        if (notice.Transaction.MchId != pay.MchId) return new(400, "商户号不符");
        return await settlement.ApplyAsync(notice.Transaction, "notify:" + notice.Id, ct) switch
        {
            SettlementOutcome.Credited or SettlementOutcome.AlreadyPaid => WeChatNotifyAnswer.Ok,
            SettlementOutcome.UnknownOrder => new(404, "订单不存在"),
            SettlementOutcome.AmountMismatch => new(409, "金额与订单不符"),
            _ => new(409, "订单状态不允许入账"),
        };
    }
}
