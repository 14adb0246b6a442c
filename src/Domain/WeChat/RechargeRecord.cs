using System.Linq.Expressions;
using Kboss.Domain.Common;

namespace Kboss.Domain.WeChat;

/// <summary>Values of <see cref="RechargeRecord.State"/>: <c>pending → paid | closed | failed</c>.</summary>
public static class RechargeStates
{
    /// <summary>Created; the WeChat order is being placed or waits for the payer.</summary>
    public const string Pending = "pending";
    /// <summary>WeChat reported the payment (verified notification or order query); the balance was credited.</summary>
    public const string Paid = "paid";
    /// <summary>Not paid in time, or closed at WeChat; never credited.</summary>
    public const string Closed = "closed";
    /// <summary>WeChat refused the order (reason kept); never credited.</summary>
    public const string Failed = "failed";
}

/// <summary>WeChat Pay <c>trade_state</c> values kboss stores (analysis/platform.md §2.5).</summary>
public static class TradeStates
{
    /// <summary>未支付.</summary>
    public const string NotPay = "NOTPAY";
    /// <summary>支付成功.</summary>
    public const string Success = "SUCCESS";
    /// <summary>已关闭.</summary>
    public const string Closed = "CLOSED";
    /// <summary>支付失败 (also: the order could not be placed).</summary>
    public const string PayError = "PAYERROR";
    /// <summary>已撤销.</summary>
    public const string Revoked = "REVOKED";
}

/// <summary>Ways a recharge is paid (WeChat Pay v3 <c>trade_type</c>).</summary>
public static class RechargeTradeTypes
{
    /// <summary>Native: a QR code (<c>code_url</c>) scanned with WeChat.</summary>
    public const string Native = "NATIVE";
    /// <summary>JSAPI: inside WeChat (official account or mini-program) with the payer's openid.</summary>
    public const string Jsapi = "JSAPI";
}

/// <summary>
/// 充值记录 (<c>recharge_logdict</c>, analysis/platform.md §2.5, §4.7): one WeChat Pay recharge of a customer org. The
/// amount is an integer in fen (<see cref="TotalFen"/>, "1块钱传递100"); <see cref="Amount"/> is the same in yuan.
/// <see cref="OutTradeNo"/> equals <see cref="Entity.Id"/> (21 nanoid characters fit WeChat's 6–32 of
/// <c>[A-Za-z0-9_-|*]</c>). The state changes only through the methods below; the one change that credits money,
/// pending → paid, is a conditional update guarded by <see cref="IsPending"/> (ADR 0030).
/// </summary>
public sealed class RechargeRecord : Entity, ISoftDeletable
{
    /// <summary>Longest kept failure reason.</summary>
    public const int ReasonLength = 500;

    /// <summary>充值用户id: the user being recharged.</summary>
    public string UserId { get; init; } = "";
    /// <summary>The customer org whose balance is credited (the row's owner).</summary>
    public string OrgId { get; init; } = "";
    /// <summary>Who asked for the recharge (the user, or an operator/sales acting for the customer).</summary>
    public string CreatedBy { get; init; } = "";
    /// <summary>Amount in fen (1 … <c>WeChatPay:MaxTotalFen</c>).</summary>
    public int TotalFen { get; init; }
    /// <summary>Amount in yuan (<see cref="TotalFen"/> / 100, exact).</summary>
    public decimal Amount { get; init; }
    /// <summary>Goods description sent to WeChat (<c>body</c>, default 账户充值).</summary>
    public string Body { get; init; } = "";
    /// <summary>Always <c>weixin</c>.</summary>
    public string Channel { get; init; } = "weixin";
    /// <summary><see cref="RechargeTradeTypes"/>.</summary>
    public string TradeType { get; init; } = RechargeTradeTypes.Native;
    /// <summary>The merchant order number at WeChat (= <see cref="Entity.Id"/>).</summary>
    public string OutTradeNo { get; init; } = "";
    /// <summary>Payer openid of a JSAPI order; null for Native.</summary>
    public string? PayerOpenId { get; init; }
    /// <summary>The WeChat order must be paid before this instant (UTC); closed afterwards.</summary>
    public DateTime ExpiresAt { get; init; }

    /// <summary><see cref="RechargeStates"/>.</summary>
    public string State { get; private set; } = RechargeStates.Pending;
    /// <summary>WeChat's last known <c>trade_state</c> (<see cref="TradeStates"/>).</summary>
    public string TradeState { get; private set; } = TradeStates.NotPay;
    /// <summary>Native QR link once the order is placed.</summary>
    public string? CodeUrl { get; private set; }
    /// <summary>JSAPI prepay id once the order is placed.</summary>
    public string? PrepayId { get; private set; }
    /// <summary>WeChat's transaction id once paid.</summary>
    public string? TransactionId { get; private set; }
    /// <summary>When WeChat says the payer paid (UTC).</summary>
    public DateTime? PaidAt { get; private set; }
    /// <summary>Why the order failed or closed (Chinese); "" otherwise.</summary>
    public string FailureReason { get; private set; } = "";
    /// <summary>When <see cref="State"/> (or the placed order) last changed (UTC).</summary>
    public DateTime StateChangedAt { get; private set; }
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;

    /// <summary>True while WeChat may still report a payment.</summary>
    public bool IsOpen => State == RechargeStates.Pending;

    /// <summary>The rule of the one crediting update: only a pending record becomes paid.</summary>
    public static Expression<Func<RechargeRecord, bool>> IsPending => r => r.State == RechargeStates.Pending;

    /// <summary>A new pending recharge of <paramref name="totalFen"/> fen for <paramref name="userId"/> of
    /// <paramref name="orgId"/>.</summary>
    public static RechargeRecord Start(string userId, string orgId, string createdBy, int totalFen, string body,
        string tradeType, string? payerOpenId, DateTime now, TimeSpan validFor)
    {
        var id = NanoId.New();
        var record = new RechargeRecord
        {
            Id = id, OutTradeNo = id, UserId = userId, OrgId = orgId, CreatedBy = createdBy, TotalFen = totalFen,
            Amount = totalFen / 100m, Body = body, TradeType = tradeType, PayerOpenId = payerOpenId,
            ExpiresAt = now + validFor,
        };
        record.StateChangedAt = now;
        return record;
    }

    /// <summary>Checks a verified payment report against the record: the amount must be the record's, in fen.</summary>
    public Result CheckPayment(int paidTotalFen) => paidTotalFen == TotalFen
        ? Result.Done
        : new Failure(FailureKind.Conflict, $"支付金额 {paidTotalFen} 分与充值记录金额 {TotalFen} 分不一致");

    /// <summary>WeChat placed the order: the QR link (Native) or the prepay id (JSAPI).</summary>
    public void OrderPlaced(string? codeUrl, string? prepayId, DateTime now)
    {
        if (!IsOpen) return;
        CodeUrl = codeUrl;
        PrepayId = prepayId;
        StateChangedAt = now;
    }

    /// <summary>WeChat refused the order or the payment failed: failed, never credited.</summary>
    public Result Fail(string reason, string tradeState, DateTime now) =>
        Settle(RechargeStates.Failed, tradeState, reason, now);

    /// <summary>Not paid in time or closed at WeChat: closed, never credited.</summary>
    public Result Close(string reason, string tradeState, DateTime now) =>
        Settle(RechargeStates.Closed, tradeState, reason, now);

    private Result Settle(string state, string tradeState, string reason, DateTime now)
    {
        if (!IsOpen) return new Failure(FailureKind.Conflict, "充值记录已结束,状态不能再变");
        State = state;
        TradeState = tradeState;
        FailureReason = reason.Length <= ReasonLength ? reason : reason[..ReasonLength];
        StateChangedAt = now;
        return Result.Done;
    }
}
