using Kboss.Application.Common.Interfaces;
using Kboss.Application.Finance.Bills;
using Kboss.Domain.Common;
using Kboss.Domain.Cpcc;
using Kboss.Domain.Finance;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.CpccLocalisation;

/// <summary>
/// Finishes the money of a compute-centre purchase (CPC-06) when its instance config settles, inside the outside-call
/// pattern's settling transaction (<c>InstanceConfigCalls.AfterTransitionAsync</c>, ADR 0033): the instance went live →
/// the purchase is delivered (final); the create failed or the reconciler found nothing on the cluster → a REFUND bill
/// of the whole amount through <see cref="BillService"/> (key <c>cpcc-refund:&lt;purchase id&gt;</c>, so it is written
/// once whoever settles). A purchase already delivered is never refunded by a later delete.
/// </summary>
public sealed class CpccPurchaseSettlement(IKbossDbContext db, BillService bills)
{
    /// <summary>Idempotency key of a purchase's BUY bill.</summary>
    public static string BuyKey(string purchaseId) => "cpcc-buy:" + purchaseId;

    /// <summary>Idempotency key of a purchase's REFUND bill.</summary>
    public static string RefundKey(string purchaseId) => "cpcc-refund:" + purchaseId;

    /// <summary>Delivers or refunds the pending purchase of <paramref name="config"/>, if any.</summary>
    public async Task SettleAsync(InstanceConfig config, CancellationToken ct)
    {
        if (config.State is not (OutsideStates.Live or OutsideStates.Failed)) return;
        var purchase = await db.CpccPurchases
            .FirstOrDefaultAsync(p => p.InstanceConfigId == config.Id && p.State == CpccPurchaseStates.Pending, ct);
        if (purchase is null) return;
        if (config.State == OutsideStates.Live)
        {
            purchase.Deliver();
            return;
        }
        var refund = await bills.CreateRefundBillAsync(purchase.BillId, purchase.Amount, RefundKey(purchase.Id), ct);
        purchase.Refund(refund.Bill.Id, config.FailureReason);
    }
}
