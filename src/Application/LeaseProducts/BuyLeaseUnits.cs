using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Finance.Bills;
using Kboss.Application.Lease;
using Kboss.Domain.Common;
using Kboss.Domain.Finance;
using Kboss.Domain.Lease;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.LeaseProducts;

/// <summary>
/// <c>POST /lease_product/buy_server.dspy</c> 购买设备: pays the locks of a platform order in one unit of work. Each
/// locked row becomes rented by a conditional UPDATE (so two parallel calls buy it once) and the buyer org's balance
/// is debited with a BUY bill through <see cref="BillService"/> (unit_price × count × periods, ADR 0036); a rented row
/// is skipped (repeat callbacks); a released row is re-reserved if stock allows, else the whole call fails with
/// <c>库存不足,请退款</c>. Messages: <c>订单不存在</c>, <c>余额不足</c>.
/// spec: 20-lease-productization.md; lease.md §3B.15, §4.3 #3.
/// </summary>
public sealed record BuyLeaseUnits : LeaseBodyRequest, ICommand<Reply<LeaseOrderPurchase>>
{
    /// <summary>Platform order id.</summary>
    public string? OrderId { get; init; }
}

/// <summary>buy_server's reply.</summary>
public sealed record LeaseOrderPurchase(string OrderId, IReadOnlyList<LeaseOrderRow> Items);

public sealed class BuyLeaseUnitsValidator : AbstractValidator<BuyLeaseUnits>
{
    public BuyLeaseUnitsValidator() => RuleFor(x => x.OrderId).Required().MaxChars(32);
}

public sealed class BuyLeaseUnitsHandler(IKbossDbContext db, LeaseUnits units, BillService bills, LeaseClock clock)
    : ICommandHandler<BuyLeaseUnits, Reply<LeaseOrderPurchase>>
{
    /// <summary>A released lock whose units are gone.</summary>
    public const string RefundMessage = "库存不足,请退款";

    public async ValueTask<Reply<LeaseOrderPurchase>> Handle(BuyLeaseUnits c, CancellationToken ct)
    {
        var orderId = c.OrderId.Trimmed();
        await using var tx = await db.BeginTransactionAsync(ct);
        var rows = await units.OfOrderAsync(orderId, ct);
        if (rows.Count == 0) throw BusinessException.NotFound("订单不存在");
        var now = clock.Now;
        foreach (var row in rows.Where(r => r.Status != LeaseOrderStatus.Rented))
        {
            if (row.Status != LeaseOrderStatus.Locked && !await ReReserveAsync(row, ct))
                throw new Failure(FailureKind.InsufficientStock, RefundMessage).ToException();
            var amount = Money.Round2(row.UnitPrice * row.Count
                * LeaseDates.Periods(LeaseDates.Days(row.LeaseStartTime, row.LeaseEndTime)));
            string? billId = null;
            if (amount > 0)
                billId = (await bills.CreatePurchaseBillAsync(new PurchaseLine(row.OrgId, amount, amount, row.Count,
                    null, row.ProductId, null, OrderId: orderId, OrderGoodsId: row.Id), $"lease_product:buy:{row.Id}",
                    ct)).Bill.Id;
            row.Buy(now, amount, billId).OrThrow();
            var changed = await db.LeaseOrders.Where(o => o.Id == row.Id && o.Status == LeaseOrderStatus.Locked)
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, LeaseOrderStatus.Rented)
                    .SetProperty(o => o.PaidAt, now).SetProperty(o => o.Amount, amount)
                    .SetProperty(o => o.FinanceBillId, billId), ct);
            if (changed == 0) throw BusinessException.Conflict("订单正在处理中,请稍后查询结果");
        }
        await tx.CommitAsync(ct);
        var items = await db.LeaseOrders.AsNoTracking().Where(o => o.OrderId == orderId).ToListAsync(ct);
        return Reply.Ok("购买设备成功", new LeaseOrderPurchase(orderId,
            items.Where(i => rows.Any(r => r.Id == i.Id)).Select(LeaseOrderRow.From).ToList()));
    }

    /// <summary>A released lock takes its units again and is locked once more; false when stock is short.</summary>
    private async Task<bool> ReReserveAsync(LeaseOrder row, CancellationToken ct)
    {
        if (!row.Relock().Ok || !await units.TakeAsync(row.ServerId, row.Count, ct)) return false;
        return await db.LeaseOrders.Where(o => o.Id == row.Id && o.Status == LeaseOrderStatus.Released)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, LeaseOrderStatus.Locked)
                .SetProperty(o => o.ReleasedAt, (DateTime?)null).SetProperty(o => o.ReleaseReason, (string?)null),
                    ct) == 1;
    }
}
