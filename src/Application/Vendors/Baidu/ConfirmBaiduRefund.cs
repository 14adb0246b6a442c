using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.Baidu;

/// <summary>A confirmed refund.</summary>
/// <param name="OrderId">The refund order.</param>
/// <param name="RefundedAmount">元 credited to the customer's balance.</param>
/// <param name="Status">The order's status.</param>
/// <param name="BillId">The REFUND bill.</param>
public sealed record BaiduRefund(string OrderId, decimal RefundedAmount, string Status, string BillId);

/// <summary>
/// BD-06 <c>GET /baiduc/baidu_confirm_refund_order.dspy</c> 百度订单退款 (operators): confirms the refund order
/// <c>order_id</c> of the Baidu account <c>baidu_id</c> of the user <c>user_id</c> (alias <c>userid</c>) at Baidu and
/// credits the customer's balance with a REFUND bill against the bill kboss charged for the refunded order — the
/// amount from kboss's own charge (× refund/origin price for a partial refund), never from the client. Exactly once:
/// the same confirmation again, in parallel, or after an order sync that settled a lost answer, replays the first
/// bill. Messages: 只能确认退款订单 (not a REFUND order), 订单不属于该百度账号 / 该百度账号不属于该用户 (403),
/// 原订单未通过平台支付,无法退款到余额, 当前状态不允许该操作 (conflict), Baidu's refusal (upstream_failed).
/// spec: 18-baidu-cloud.md; analysis/vendors.md §3.3 BD-06, §5.4, §6 #18.
/// </summary>
public sealed record ConfirmBaiduRefund : ICommand<Reply<BaiduRefund>>
{
    /// <summary>The refund order (Baidu id).</summary>
    public string? OrderId { get; init; }
    /// <summary>Baidu account id.</summary>
    public string? BaiduId { get; init; }
    /// <summary>kboss user.</summary>
    public string? UserId { get; init; }
    /// <summary>Alias of <see cref="UserId"/>.</summary>
    public string? Userid { get; init; }
}

public sealed class ConfirmBaiduRefundValidator : AbstractValidator<ConfirmBaiduRefund>
{
    public ConfirmBaiduRefundValidator()
    {
        RuleFor(x => x.OrderId).Required().MaxChars(100);
        RuleFor(x => x.BaiduId).Required().MaxChars(VendorAccount.VendorIdLength);
        RuleFor(x => x.UserId ?? x.Userid).Required().MaxChars(64).WithName("user_id");
    }
}

public sealed class ConfirmBaiduRefundHandler(BaiduService baidu, VendorAccounts accounts, BaiduOrderClaims claims)
    : ICommandHandler<ConfirmBaiduRefund, Reply<BaiduRefund>>
{
    public async ValueTask<Reply<BaiduRefund>> Handle(ConfirmBaiduRefund c, CancellationToken ct)
    {
        var order = await baidu.LoadOrderAsync(c.OrderId.Trimmed(), ct);
        var user = await accounts.UserAsync(c.UserId ?? c.Userid, ct);
        var link = await accounts.RequireLinkAsync(VendorCodes.Baidu, user.Id, BaiduService.NotLinkedMessage, ct);
        if (link.VendorAccountId != c.BaiduId.Trimmed()) throw new ForbiddenException("该百度账号不属于该用户");
        if (order.AccountId != link.VendorAccountId) throw new ForbiddenException("订单不属于该百度账号");
        if (order.OrderType != "REFUND") throw BusinessException.Conflict("只能确认退款订单");
        if (order.RefundBillId is null && !BaiduOrderStatuses.Waiting(order.Status)
            && order.Status != BaiduOrderStatuses.RefundSucceeded)
            throw BusinessException.Conflict("当前状态不允许该操作");
        var (action, done) = await claims.ClaimAsync(order.OrderId, BaiduOrderActions.RefundConfirm, ct);
        if (done)
            return Reply.Ok("退款已确认", new BaiduRefund(order.OrderId, action.Amount, order.Status,
                order.RefundBillId ?? ""));
        var answer = await accounts.TryAsync(VendorCodes.Baidu, await baidu.KeyAsync(link, ct),
            BaiduCalls.ConfirmRefund(link.VendorAccountId, order.OrderId), ct);
        if (!answer.Success)
        {
            await claims.FailedAsync(action, answer);
            throw new BusinessException(answer.OutcomeUnknown
                ? $"{answer.Describe(BaiduService.System)};退款结果未知,同步订单后自动入账,请勿重复退款"
                : answer.Describe(BaiduService.System), ErrorCodes.UpstreamFailed);
        }
        action.VendorRequestId = answer.RequestId;
        var movement = await baidu.CreditRefundAsync(order, action, ct);
        return Reply.Ok("退款成功", new BaiduRefund(order.OrderId, movement.Bill.Amount, order.Status,
            movement.Bill.Id));
    }
}
