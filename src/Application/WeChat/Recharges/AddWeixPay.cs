using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.WeChat;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kboss.Application.WeChat.Recharges;

/// <summary>
/// E41 <c>POST /customer/add_weixpay.dspy</c>: 微信支付开启 — starts a WeChat Pay recharge (analysis/platform.md §7 #37).
/// <c>total</c> in fen (1 … <c>WeChatPay:MaxTotalFen</c>) for <c>userid</c> (default the caller; someone else only for
/// an operator/admin acting on the user's org, else 403). The record is stored pending first, then the order is placed
/// at WeChat outside any transaction (ADR 0015, 0030): Native → <c>code_url</c>; <c>trade_type=JSAPI</c> → the
/// <c>prepay_id</c> and the signed <c>wx.requestPayment</c> parameters for the user's bound openid.
/// Replies: <c>下单成功</c> with <c>recharge_logdict_id</c>; <c>充值金额错误</c> (<c>invalid_argument</c>);
/// <c>充值用户不存在</c> (<c>not_found</c>); <c>微信支付未配置</c> (<c>not_configured</c>); <c>微信下单失败: …</c>
/// (<c>upstream_failed</c>, record failed) or, with no answer, <c>upstream_failed</c> with the record left pending for
/// the reconciler.
/// spec: 33-wechat-pay.md; analysis/platform.md §3.5 E41, §4.7.
/// </summary>
public sealed record AddWeixPay : ICommand<Reply<RechargeDto>>
{
    /// <summary>充值金额,单位分: 1块钱传递100 1毛钱传递10 1分钱传递1.</summary>
    public string? Total { get; init; }
    /// <summary>充值用户id (default: the caller).</summary>
    public string? Userid { get; init; }
    /// <summary>商品描述 (raw text body, or a query/form field; default 账户充值).</summary>
    public string? Body { get; init; }
    /// <summary>NATIVE (default, QR code) or JSAPI (inside WeChat; needs the user's bound openid).</summary>
    public string? TradeType { get; init; }
}

public sealed class AddWeixPayValidator : AbstractValidator<AddWeixPay>
{
    public AddWeixPayValidator()
    {
        RuleFor(x => x.Total).Required().OptionalInt(1, int.MaxValue).WithMessage("充值金额错误: total 必须是正整数(单位分)");
        RuleFor(x => x.Userid).MaxChars(64);
        RuleFor(x => x.Body).MaxChars(127);
        RuleFor(x => x.TradeType).OneOf([RechargeTradeTypes.Native, RechargeTradeTypes.Jsapi]);
    }
}

public sealed class AddWeixPayHandler(IKbossDbContext db, IWeChatPayClient pay, WeChatPayLimits limits,
    OutsideCallOptions calls, OrgAccess access, ICurrentUser user, TimeProvider clock, ILogger<AddWeixPayHandler> log)
    : ICommandHandler<AddWeixPay, Reply<RechargeDto>>
{
    /// <summary>The system as named in messages.</summary>
    public const string System = "微信支付";

    public async ValueTask<Reply<RechargeDto>> Handle(AddWeixPay c, CancellationToken ct)
    {
        var total = int.Parse(c.Total!.Trim(), global::System.Globalization.CultureInfo.InvariantCulture);
        if (total > limits.MaxTotalFen)
            throw RequestValidationException.For("total", $"充值金额错误: 单笔最多 {limits.MaxTotalFen} 分");
        var userId = c.Userid.TrimmedOrNull() ?? user.UserId ?? throw new UnauthenticatedException();
        var target = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct)
                     ?? throw BusinessException.NotFound("充值用户不存在");
        if (target.Id != user.UserId) await access.EnsureCanActOnAsync(target.OrgId, "无权为该用户充值", ct);
        if (!pay.IsConfigured) return Reply.Fail<RechargeDto>("微信支付未配置", ErrorCodes.NotConfigured);
        var tradeType = c.TradeType.TrimmedOrNull() ?? RechargeTradeTypes.Native;
        string? openId = null;
        if (tradeType == RechargeTradeTypes.Jsapi)
            openId = await db.WeChatBindings.AsNoTracking().Where(b => b.UserId == target.Id && b.AppId == pay.AppId)
                         .Select(b => b.OpenId).FirstOrDefaultAsync(ct)
                     ?? throw RequestValidationException.For("trade_type", "该用户未绑定微信,不能使用 JSAPI 支付");

        var now = clock.GetUtcNow().UtcDateTime;
        var record = RechargeRecord.Start(target.Id, target.OrgId, user.UserId ?? "", total,
            c.Body.TrimmedOrNull() ?? "账户充值", tradeType, openId, now, limits.OrderValidity);
        db.RechargeRecords.Add(record);
        db.AuditEntries.Add(Audit.Entry(user, "wechat.recharge.created", "recharge_logdict", record.Id,
            new { record.OrgId, record.UserId, total, tradeType }));
        await db.SaveChangesAsync(ct); // reserve: the record exists before WeChat hears of it

        PlacedOrder placed;
        try
        {
            using var limit = new CancellationTokenSource(calls.CallTimeout);
            placed = await pay.CreateOrderAsync(new WeChatPayOrder(record.OutTradeNo, total, record.Body,
                record.ExpiresAt, tradeType, openId), limit.Token);
        }
        catch (Exception e) when (e is OutsideCallException { OutcomeUnknown: false })
        {
            record.Fail(e.Message, TradeStates.PayError, clock.GetUtcNow().UtcDateTime).OrThrow();
            await SaveSettledAsync();
            return Reply.Fail($"微信下单失败: {e.Message}", ((OutsideCallException)e).Code, RechargeDto.From(record));
        }
        catch (Exception e) when (e is OutsideCallException
                                      or OperationCanceledException && !ct.IsCancellationRequested)
        {
            log.LogWarning("WeChat Pay order {Id}: outcome unknown ({Reason}); left for the reconciler", record.Id,
                e.Message);
            return Reply.Fail("微信下单结果未知,系统将自动核对该充值记录", ErrorCodes.UpstreamFailed, RechargeDto.From(record));
        }
        record.OrderPlaced(placed.CodeUrl, placed.PrepayId, clock.GetUtcNow().UtcDateTime);
        await SaveSettledAsync();
        return Reply.Ok("下单成功", RechargeDto.From(record, placed.Jsapi));

        async Task SaveSettledAsync()
        {
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ClearChanges(); // already settled by a notification: that state stands
            }
        }
    }
}
