using Kboss.Domain.Common;

namespace Kboss.Domain.Finance;

/// <summary><c>business_op</c> of a bill (finance.md §2.1, §2.18).</summary>
public static class BusinessOps
{
    /// <summary>购买.</summary>
    public const string Buy = "BUY";
    /// <summary>充值.</summary>
    public const string Recharge = "RECHARGE";
    /// <summary>支付宝充值.</summary>
    public const string RechargeAlipay = "RECHARGE_ALIPAY";
    /// <summary>退款 (amount stored positive, subtracted in aggregates).</summary>
    public const string Refund = "REFUND";
    /// <summary>Both recharge values.</summary>
    public static readonly string[] Recharges = [Recharge, RechargeAlipay];
}

/// <summary><c>bill_state</c> values (finance.md §2.1).</summary>
public static class BillStates
{
    /// <summary>未支付.</summary>
    public const string Unpaid = "0";
    /// <summary>已支付.</summary>
    public const string Paid = "1";
    /// <summary>已经取消.</summary>
    public const string Cancelled = "2";
}

/// <summary><c>settle_state</c> values (finance.md §2.1, §4.6).</summary>
public static class SettleStates
{
    /// <summary>Not yet settled (and not locked).</summary>
    public const string Unsettled = "0";
    /// <summary>Locked in a settlement under approval.</summary>
    public const string InApproval = "1";
    /// <summary>Settled (final).</summary>
    public const string Settled = "2";
}

/// <summary>
/// 账单 (table <c>bill</c>, finance.md §2.1) with the proposed additions <c>settle_state</c>,
/// <c>provider_settle_id</c>, <c>origin_billid</c> and the cost snapshot <c>cost_amt</c> (§4.3). Amounts in 元,
/// 2 decimals. Lifecycle: unpaid → paid, or unpaid → cancelled; a paid bill is never cancelled; a refund is a separate
/// paid REFUND bill naming its origin, and the refunds of one bill never exceed its amount
/// (<see cref="RefundedAmt"/>, guarded by <see cref="CanRefund"/>). Created only by the Application's <c>BillService</c>.
/// </summary>
public sealed class Bill : Entity, ISoftDeletable
{
    /// <summary>A refund larger than what is left to refund.</summary>
    public const string RefundTooLargeMessage = "退款金额超过可退金额";
    /// <summary>A refund of a bill that is not a paid purchase.</summary>
    public const string NotRefundableMessage = "只有已支付的购买账单可以退款";
    /// <summary>An amount that is not a positive whole number of 分.</summary>
    public const string BadAmountMessage = "金额必须大于 0 且最多两位小数";

    private Bill()
    {
    }

    /// <summary>Customer org (<c>customerid</c>).</summary>
    public string CustomerId { get; private init; } = "";
    /// <summary>Order id (null for recharges).</summary>
    public string? OrderId { get; private init; }
    /// <summary>Order line id.</summary>
    public string? OrderGoodsId { get; private init; }
    /// <summary><see cref="BusinessOps"/>.</summary>
    public string BusinessOp { get; private init; } = BusinessOps.Buy;
    /// <summary>原价: list price of the line before the customer discount (null for recharges).</summary>
    public decimal? ProviderAmt { get; private init; }
    /// <summary>Quantity (null for recharges).</summary>
    public int? Quantity { get; private init; }
    /// <summary>折后价格: amount charged; recharged; or refunded (stored positive).</summary>
    public decimal Amount { get; private init; }
    /// <summary>Operator cost snapshot at creation (§4.3); null for recharges.</summary>
    public decimal? CostAmt { get; private init; }
    /// <summary>Σ of the REFUND bills naming this bill (purchases only).</summary>
    public decimal RefundedAmt { get; private set; }
    /// <summary>账单日期 (platform date).</summary>
    public DateOnly BillDate { get; private init; }
    /// <summary>When the bill was generated (UTC).</summary>
    public DateTime BillTimestamp { get; private init; }
    /// <summary><see cref="BillStates"/>.</summary>
    public string BillState { get; private set; } = BillStates.Unpaid;
    /// <summary>Product (null for recharges).</summary>
    public string? ProductId { get; private init; }
    /// <summary>Provider (null for recharges).</summary>
    public string? ProviderId { get; private init; }
    /// <summary>Bill/order id on the provider side.</summary>
    public string? ProviderBillId { get; private set; }
    /// <summary>Provisioned resource/instance id.</summary>
    public string? ResourceId { get; private set; }
    /// <summary>The purchase a REFUND gives back (<c>origin_billid</c>).</summary>
    public string? OriginBillId { get; private init; }
    /// <summary><see cref="SettleStates"/>.</summary>
    public string SettleState { get; private set; } = SettleStates.Unsettled;
    /// <summary>Provider settlement holding the bill.</summary>
    public string? ProviderSettleId { get; private set; }
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;

    /// <summary>True for a live, paid bill (the only bills that count as money, §4.1).</summary>
    public bool IsEffective => DelFlg == DelFlag.Alive && BillState == BillStates.Paid;

    /// <summary>What is left to refund of a purchase.</summary>
    public decimal Refundable => BusinessOp == BusinessOps.Buy && BillState == BillStates.Paid
        ? Amount - RefundedAmt : 0m;

    /// <summary>
    /// The rule of <see cref="RecordRefund"/> as an expression, shared with the conditional UPDATE that records a
    /// refund against its purchase under concurrency.
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<Bill, bool>> CanRefund(decimal amount) =>
        b => b.BusinessOp == BusinessOps.Buy && b.BillState == BillStates.Paid && b.RefundedAmt + amount <= b.Amount;

    /// <summary>An unpaid BUY bill; <see cref="MarkPaid"/> once the balance is debited.</summary>
    public static Result<Bill> NewPurchase(PurchaseLine line, DateOnly billDate, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(line.CustomerId)) return new Failure(FailureKind.InvalidArgument, "客户不能为空");
        if (line.Amount < 0 || !Money.IsWholeFen(line.Amount) || line.Amount > Money.Max)
            return new Failure(FailureKind.InvalidArgument, BadAmountMessage);
        if (line.ProviderAmt is < 0 || line.CostAmt is < 0)
            return new Failure(FailureKind.InvalidArgument, "原价与成本不能为负");
        if (line.Quantity is < 1) return new Failure(FailureKind.InvalidArgument, "数量必须大于 0");
        return new Bill
        {
            CustomerId = line.CustomerId, OrderId = line.OrderId, OrderGoodsId = line.OrderGoodsId,
            BusinessOp = BusinessOps.Buy, ProviderAmt = line.ProviderAmt is { } p ? Money.Round2(p) : null,
            Quantity = line.Quantity, Amount = line.Amount,
            CostAmt = line.CostAmt is { } c ? Money.Round2(c) : null, BillDate = billDate, BillTimestamp = now,
            ProductId = line.ProductId, ProviderId = line.ProviderId, ProviderBillId = line.ProviderBillId,
            ResourceId = line.ResourceId,
        };
    }

    /// <summary>A paid recharge bill of <paramref name="amount"/> (op RECHARGE or RECHARGE_ALIPAY).</summary>
    public static Result<Bill> NewRecharge(string customerId, decimal amount, string op, DateOnly billDate,
        DateTime now)
    {
        if (!BusinessOps.Recharges.Contains(op)) return new Failure(FailureKind.InvalidArgument, "充值类型错误");
        if (!Money.IsValidAmount(amount)) return new Failure(FailureKind.InvalidArgument, BadAmountMessage);
        return new Bill
        {
            CustomerId = customerId, BusinessOp = op, Amount = amount, BillDate = billDate, BillTimestamp = now,
            BillState = BillStates.Paid,
        };
    }

    /// <summary>
    /// A paid REFUND bill of <paramref name="amount"/> against this purchase; the origin records it
    /// (<see cref="RecordRefund"/>). Refused: not a paid purchase, bad amount, more than <see cref="Refundable"/>.
    /// The cost snapshot is refunded pro rata.
    /// </summary>
    public Result<Bill> NewRefund(decimal amount, DateOnly billDate, DateTime now)
    {
        if (BusinessOp != BusinessOps.Buy || BillState != BillStates.Paid)
            return new Failure(FailureKind.Conflict, NotRefundableMessage);
        if (!Money.IsValidAmount(amount)) return new Failure(FailureKind.InvalidArgument, BadAmountMessage);
        if (amount > Refundable) return new Failure(FailureKind.Conflict, RefundTooLargeMessage);
        return new Bill
        {
            CustomerId = CustomerId, OrderId = OrderId, OrderGoodsId = OrderGoodsId, BusinessOp = BusinessOps.Refund,
            ProviderAmt = ProviderAmt is { } p && Amount > 0 ? Money.Round2(p * amount / Amount) : null,
            Quantity = Quantity, Amount = amount,
            CostAmt = CostAmt is { } c && Amount > 0 ? Money.Round2(c * amount / Amount) : null,
            BillDate = billDate, BillTimestamp = now, BillState = BillStates.Paid, ProductId = ProductId,
            ProviderId = ProviderId, ResourceId = ResourceId, OriginBillId = Id,
        };
    }

    /// <summary>Records a refund of <paramref name="amount"/> under <see cref="CanRefund"/>.</summary>
    public Result RecordRefund(decimal amount)
    {
        if (!CanRefund(amount).Compile(preferInterpretation: true)(this))
            return new Failure(FailureKind.Conflict, BillState == BillStates.Paid && BusinessOp == BusinessOps.Buy
                ? RefundTooLargeMessage : NotRefundableMessage);
        RefundedAmt += amount;
        return Result.Done;
    }

    /// <summary>Unpaid → paid.</summary>
    public Result MarkPaid()
    {
        if (BillState != BillStates.Unpaid) return new Failure(FailureKind.Conflict, "账单不是未支付状态");
        BillState = BillStates.Paid;
        return Result.Done;
    }

    /// <summary>Unpaid → cancelled; a paid bill is never cancelled (refund it).</summary>
    public Result Cancel()
    {
        if (BillState != BillStates.Unpaid) return new Failure(FailureKind.Conflict, "只有未支付的账单可以取消");
        BillState = BillStates.Cancelled;
        return Result.Done;
    }

    /// <summary>Links the provisioned resource and the provider's order id once known.</summary>
    public void LinkResource(string? resourceId, string? providerBillId)
    {
        ResourceId = resourceId ?? ResourceId;
        ProviderBillId = providerBillId ?? ProviderBillId;
    }

    /// <summary>Unsettled → in approval of settlement <paramref name="settleId"/> (only effective BUY/REFUND bills).</summary>
    public Result LockForSettlement(string settleId)
    {
        if (!IsEffective || BusinessOps.Recharges.Contains(BusinessOp))
            return new Failure(FailureKind.Conflict, "该账单不参与结算");
        if (SettleState != SettleStates.Unsettled) return new Failure(FailureKind.Conflict, "账单已在结算中");
        SettleState = SettleStates.InApproval;
        ProviderSettleId = settleId;
        return Result.Done;
    }

    /// <summary>In approval → settled (approval agreed).</summary>
    public Result Settle()
    {
        if (SettleState != SettleStates.InApproval) return new Failure(FailureKind.Conflict, "账单不在审批中");
        SettleState = SettleStates.Settled;
        return Result.Done;
    }

    /// <summary>In approval → unsettled (approval refused); the bill joins a later settlement.</summary>
    public Result ReleaseSettlement()
    {
        if (SettleState != SettleStates.InApproval) return new Failure(FailureKind.Conflict, "账单不在审批中");
        SettleState = SettleStates.Unsettled;
        ProviderSettleId = null;
        return Result.Done;
    }
}

/// <summary>What a purchase flow knows about a line when it charges it (amounts in 元).</summary>
/// <param name="CustomerId">Customer org.</param>
/// <param name="Amount">折后价格 charged (≥ 0, whole 分; from <c>SalePricing</c>).</param>
/// <param name="ProviderAmt">原价 (list price of the line).</param>
/// <param name="Quantity">Quantity, ≥ 1.</param>
/// <param name="CostAmt">Operator cost of the line (§4.3), snapshotted.</param>
/// <param name="ProductId">Product.</param>
/// <param name="ProviderId">Provider.</param>
/// <param name="OrderId">Order id.</param>
/// <param name="OrderGoodsId">Order line id.</param>
/// <param name="ResourceId">Resource/instance id when already known.</param>
/// <param name="ProviderBillId">Provider-side bill id when already known.</param>
public sealed record PurchaseLine(string CustomerId, decimal Amount, decimal? ProviderAmt, int? Quantity,
    decimal? CostAmt, string? ProductId, string? ProviderId, string? OrderId = null, string? OrderGoodsId = null,
    string? ResourceId = null, string? ProviderBillId = null);
