using System.Globalization;
using System.Text.Json.Nodes;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Application.Common.Validation;
using Kboss.Application.Vendors.Charges;
using Kboss.Domain.Catalog;
using Kboss.Domain.Common;
using Kboss.Domain.Finance;
using Kboss.Domain.Vendors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.Baidu;

/// <summary>A paid order.</summary>
/// <param name="OrderId">Baidu's order id.</param>
/// <param name="Amount">元 charged.</param>
/// <param name="BillId">The BUY bill.</param>
/// <param name="Status">The order's status.</param>
public sealed record BaiduPayment(string OrderId, decimal Amount, string? BillId, string Status);

/// <summary>
/// BD-05 <c>GET /baiducloud/get_baidu_orderlist.dspy</c> 订单交互处理 (analysis/vendors.md BD-05, §5.4, §6 #17: an
/// idempotent pay/confirm of a sub-account order with a balance debit): reads the order <c>order_id</c> of the user
/// <c>userid</c> (default the caller) from Baidu again, prices it on the server (Baidu's price through
/// <c>SalePricing</c>; no catalogue discount applies to Baidu orders yet, ADR 0045) and pays it at Baidu through
/// <see cref="VendorCharges"/> (ADR 0041): funds held, Baidu called once, the BUY bill on success, the hold released
/// on a refusal, an unknown outcome left to the reconciler (which asks Baidu for the order's status). One payment per
/// order (the idempotency key is the order's): paying again replays the first reply. Only NEW-style orders waiting
/// for the reseller (<c>NEED_PURCHASE</c>/<c>NEED_CONFIRM</c>) are payable, else 当前状态不允许该操作; 余额不足 →
/// conflict; another org's order → 403. Baidu's price as sent passes <see cref="VendorPricing.ListPrice(string,
/// string)"/>: negative, unreadable or above 0 but below 0.01 元 → <c>upstream_failed</c>, nothing paid (ADR 0041
/// addendum). After a payment the reply carries the status Baidu reports then.
/// </summary>
public sealed record PayBaiduOrder : ICommand<Reply<BaiduPayment>>
{
    /// <summary>订单ID.</summary>
    public string? OrderId { get; init; }
    /// <summary>用户id.</summary>
    public string? Userid { get; init; }
}

public sealed class PayBaiduOrderValidator : AbstractValidator<PayBaiduOrder>
{
    public PayBaiduOrderValidator()
    {
        RuleFor(x => x.OrderId).Required().MaxChars(100);
        RuleFor(x => x.Userid).MaxChars(64);
    }
}

public sealed class PayBaiduOrderHandler(IKbossDbContext db, BaiduService baidu, VendorAccounts accounts,
    VendorCharges charges) : ICommandHandler<PayBaiduOrder, Reply<BaiduPayment>>
{
    /// <summary>The action and probe name of a Baidu order payment.</summary>
    public const string Action = "baidu.order.pay";

    public async ValueTask<Reply<BaiduPayment>> Handle(PayBaiduOrder c, CancellationToken ct)
    {
        var order = await baidu.LoadOrderAsync(c.OrderId.Trimmed(), ct);
        var user = await accounts.UserAsync(c.Userid, ct);
        if (order.UserId != user.Id) throw new ForbiddenException(BaiduService.ForbiddenMessage);
        var link = await accounts.RequireLinkAsync(VendorCodes.Baidu, user.Id, BaiduService.NotLinkedMessage, ct);
        var key = await baidu.KeyAsync(link, ct);
        var unpaid = order.PayBillId is null;
        var vendorPrice = order.Price.ToString(CultureInfo.InvariantCulture);
        if (unpaid)
        {
            if (await baidu.RefreshAsync(key, order, ct) is { } fresh) vendorPrice = VendorJson.Str(fresh, "price");
            if (order.OrderType == "REFUND") throw BusinessException.Conflict("退款订单无需支付");
            if (!BaiduOrderStatuses.Waiting(order.Status)
                && !await db.VendorCharges.AnyAsync(x => x.Action == Action && x.SubjectId == order.OrderId, ct))
                throw BusinessException.Conflict("当前状态不允许该操作");
        }
        var list = VendorPricing.ListPrice(vendorPrice, BaiduService.System); // Baidu's price as sent, not rounded
        var price = SalePricing.Price(new PriceLayers(SaleModes.Discount, null, []), list, 1).OrThrow();
        var charged = await charges.RunAsync(new VendorChargeRequest(order.OrgId, $"baidu.pay:{order.OrderId}",
            Action, new JsonObject { ["order_id"] = order.OrderId, ["account"] = order.AccountId }, price.Amount,
            new VendorChargeLine(ListAmount: list, Quantity: 1), new VendorChargeSubject(Action, order.OrderId)),
            async t =>
            {
                var answer = await accounts.TryAsync(VendorCodes.Baidu, key,
                    BaiduCalls.PayOrder(order.AccountId, order.OrderId), t);
                if (!answer.Success) throw answer.ToOutsideCall(BaiduService.System);
                return new VendorChargeDone(null, "支付成功", order.OrderId);
            }, ct);
        if (unpaid)
        {
            // paid at Baidu (a free order too): the status Baidu reports now, never the one read before paying
            if (charged.BillId is not null) order.Charged(charged.Amount, charged.BillId);
            await baidu.RefreshAsync(key, order, CancellationToken.None);
        }
        return Reply.Ok(charged.Replayed ? "订单已支付" : charged.Message,
            new BaiduPayment(order.OrderId, charged.Amount, charged.BillId, order.Status));
    }
}

/// <summary>
/// Whether a Baidu order payment whose answer was lost happened (ADR 0041 probe): Baidu's status of the order —
/// still waiting (or cancelled/expired) → it did not (the hold is released); anything else → it did (charged once).
/// Baidu unreachable → undecided.
/// </summary>
public sealed class BaiduOrderPayProbe(IKbossDbContext db, BaiduService baidu) : IVendorChargeProbe
{
    public string Name => PayBaiduOrderHandler.Action;

    public async Task<bool> HappenedAsync(VendorCharge charge, CancellationToken ct)
    {
        var order = await db.BaiduOrders.FirstOrDefaultAsync(o => o.OrderId == charge.SubjectId, ct);
        if (order is null) return false;
        var link = await db.VendorAccounts.AsNoTracking()
            .FirstAsync(a => a.Vendor == VendorCodes.Baidu && a.VendorAccountId == order.AccountId, ct);
        var key = await baidu.KeyAsync(link, ct);
        if (await baidu.RefreshAsync(key, order, ct) is null)
            throw new OutsideCallException($"{BaiduService.System}订单状态暂时无法查询", ErrorCodes.UpstreamFailed,
                outcomeUnknown: true);
        return !BaiduOrderStatuses.Waiting(order.Status)
               && order.Status is not (BaiduOrderStatuses.Cancelled or "EXPIRED");
    }
}
