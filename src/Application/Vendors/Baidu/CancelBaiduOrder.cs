using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.Baidu;

/// <summary>What a cancel did.</summary>
/// <param name="Cancelled">Orders Baidu cancelled now.</param>
/// <param name="Already">Orders cancelled before (no second call).</param>
public sealed record BaiduCancelResult(IReadOnlyList<string> Cancelled, IReadOnlyList<string> Already);

/// <summary>
/// BD-08 <c>GET /baiduc/baidu_order_cancel.dspy</c> 取消退款 (Baidu cancelOrders): cancels the orders
/// <c>order_id</c> (one id, or a JSON array of ≤ 10) of the Baidu account <c>baidu_id</c> (one id; a one-element
/// array is accepted, §6 #19). Each order must be the caller's (403 otherwise), of that account (订单不属于该百度账号,
/// 403) and still waiting (<c>NEED_PURCHASE</c>/<c>NEED_CONFIRM</c>, else 当前状态不允许该操作); an order cancelled
/// before is reported, not sent again. A lost answer stays pending until the order sync sees the status. No money
/// moves (an order kboss charged is CONFIRMED, not cancellable). spec: 18-baidu-cloud.md; analysis/vendors.md BD-08.
/// </summary>
public sealed record CancelBaiduOrder : ICommand<Reply<BaiduCancelResult>>
{
    /// <summary>Baidu account id (documented as array[string]).</summary>
    public string? BaiduId { get; init; }
    /// <summary>Order id or JSON array of ids.</summary>
    public string? OrderId { get; init; }
}

public sealed class CancelBaiduOrderValidator : AbstractValidator<CancelBaiduOrder>
{
    public CancelBaiduOrderValidator()
    {
        RuleFor(x => x.BaiduId).Required().MaxChars(300)
            .Must(v => VendorJson.ParseList(v) is [{ Length: <= VendorAccount.VendorIdLength }])
            .WithMessage("baidu_id只能是一个百度账号ID");
        RuleFor(x => x.OrderId).Required().MaxChars(2000)
            .Must(v => VendorJson.ParseList(v) is { Count: >= 1 and <= BaiduCalls.MaxCancel } ids
                       && ids.All(i => i.Length <= 100))
            .WithMessage($"order_id应为订单ID或不超过{BaiduCalls.MaxCancel}个订单ID的数组");
    }
}

public sealed class CancelBaiduOrderHandler(BaiduService baidu, VendorAccounts accounts, BaiduOrderClaims claims)
    : ICommandHandler<CancelBaiduOrder, Reply<BaiduCancelResult>>
{
    public async ValueTask<Reply<BaiduCancelResult>> Handle(CancelBaiduOrder c, CancellationToken ct)
    {
        var account = VendorJson.ParseList(c.BaiduId)![0];
        var orders = new List<BaiduOrder>();
        foreach (var id in VendorJson.ParseList(c.OrderId)!.Distinct())
        {
            var order = await baidu.LoadOrderAsync(id, ct);
            if (order.AccountId != account) throw new ForbiddenException("订单不属于该百度账号");
            if (order.Status != BaiduOrderStatuses.Cancelled && !BaiduOrderStatuses.Waiting(order.Status))
                throw BusinessException.Conflict("当前状态不允许该操作");
            orders.Add(order);
        }
        var already = orders.Where(o => o.Status == BaiduOrderStatuses.Cancelled).Select(o => o.OrderId).ToList();
        var send = new List<(BaiduOrder Order, BaiduOrderAction Action)>();
        foreach (var order in orders.Where(o => o.Status != BaiduOrderStatuses.Cancelled))
        {
            var (action, done) = await claims.ClaimAsync(order.OrderId, BaiduOrderActions.Cancel, ct);
            if (done) already.Add(order.OrderId);
            else send.Add((order, action));
        }
        if (send.Count == 0) return Reply.Ok("订单已取消", new BaiduCancelResult([], already));
        var first = orders[0];
        var key = await accounts.OperatorKeyAsync(VendorCodes.Baidu, BaiduService.System, first.OperatorOrgId, ct);
        var answer = await accounts.TryAsync(VendorCodes.Baidu, key,
            BaiduCalls.CancelOrders(account, send.Select(s => s.Order.OrderId)), ct);
        if (!answer.Success)
        {
            foreach (var (_, action) in send) await claims.FailedAsync(action, answer);
            throw new BusinessException(answer.Describe(BaiduService.System), ErrorCodes.UpstreamFailed);
        }
        foreach (var (order, action) in send)
        {
            order.SetStatus(BaiduOrderStatuses.Cancelled);
            action.Status = BaiduOrderAction.Done;
            action.VendorRequestId = answer.RequestId;
        }
        await accounts.AuditAsync("baidu.order.cancelled", "baidu_order", send[0].Order.OrderId,
            new { baidu_id = account, orders = send.Select(s => s.Order.OrderId) });
        return Reply.Ok("取消成功", new BaiduCancelResult(send.Select(s => s.Order.OrderId).ToList(), already));
    }
}
