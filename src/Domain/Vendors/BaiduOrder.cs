using Kboss.Domain.Common;

namespace Kboss.Domain.Vendors;

/// <summary>Values of <see cref="BaiduOrder.Status"/> (spec 18-baidu-cloud.md BD-04 prose).</summary>
public static class BaiduOrderStatuses
{
    public const string NeedPurchase = "NEED_PURCHASE";
    public const string NeedConfirm = "NEED_CONFIRM";
    public const string Confirmed = "CONFIRMED";
    public const string Cancelled = "CANCELLED";
    public const string RefundSucceeded = "REFUND_SUCC";

    /// <summary>Every documented status.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        NeedPurchase, NeedConfirm, Confirmed, Cancelled, "DEFERRED_CREATE", "READY_FOR_CREATE", "CREATING", "CREATED",
        "CREATE_FAILED", "EXPIRED", RefundSucceeded, "REFUND_FAILED",
    ];

    /// <summary>States in which Baidu waits for the reseller: payable and cancellable (analysis/vendors.md BD-05).</summary>
    public static bool Waiting(string status) => status is NeedPurchase or NeedConfirm;
}

/// <summary>The documented order types (BD-04 prose).</summary>
public static class BaiduOrderTypes
{
    public static readonly IReadOnlyList<string> All =
    [
        "NEW", "RENEW", "REFUND", "SHIFT_CHARGE", "DILATATION", "SHRINKAGE", "RESIZE", "COMPENSATE_TIME", "TRANSFER_IN",
        "TO_PREPAY", "TO_POSTPAY", "TIME_EXPAND",
    ];
}

/// <summary>
/// A Baidu order of a customer's sub-account, pulled by the order sync (analysis/vendors.md §2.3 E-BD-2; BD-02 upserts
/// by <see cref="OrderId"/>, never duplicates). The vendor fields are kept as Baidu sent them; <see cref="OrgId"/>
/// and <see cref="UserId"/> come from the <see cref="VendorAccount"/> of <see cref="AccountId"/>.
/// <see cref="ChargedAmount"/>/<see cref="PayBillId"/> are set once kboss charged the customer for it (BD-05),
/// <see cref="RefundBillId"/> once it credited the refund (BD-06).
/// </summary>
public sealed class BaiduOrder : Entity, ISoftDeletable
{
    /// <summary>Baidu's order id (uuid).</summary>
    public string OrderId { get; init; } = "";
    /// <summary>The order a REFUND order refunds (Baidu's <c>originOrderId</c> [INF]), else null.</summary>
    public string? OriginOrderId { get; private set; }
    /// <summary>Baidu account the order belongs to.</summary>
    public string AccountId { get; init; } = "";
    /// <summary>Customer org of the account.</summary>
    public string OrgId { get; init; } = "";
    /// <summary>kboss user of the account.</summary>
    public string UserId { get; init; } = "";
    /// <summary>Operator org whose key reads it.</summary>
    public string OperatorOrgId { get; init; } = "";
    /// <summary><see cref="BaiduOrderTypes"/>.</summary>
    public string OrderType { get; private set; } = "";
    /// <summary>Product type (BCC, BOS, …).</summary>
    public string ServiceType { get; private set; } = "";
    /// <summary><c>prepay</c>/<c>postpay</c>.</summary>
    public string ProductType { get; private set; } = "";
    /// <summary>Baidu's price (元).</summary>
    public decimal Price { get; private set; }
    /// <summary><see cref="BaiduOrderStatuses"/>.</summary>
    public string Status { get; private set; } = "";
    /// <summary><c>1</c> when placed by auto-renewal, else <c>0</c>.</summary>
    public string AutoRenewOrder { get; private set; } = "0";
    /// <summary>Baidu's creation time, as sent.</summary>
    public string CreateTime { get; private set; } = "";
    /// <summary>Baidu's update time, as sent.</summary>
    public string UpdateTimeVendor { get; private set; } = "";
    /// <summary>What kboss charged the customer (元), null until paid through kboss.</summary>
    public decimal? ChargedAmount { get; private set; }
    /// <summary>The BUY bill of that charge.</summary>
    public string? PayBillId { get; private set; }
    /// <summary>The REFUND bill once the refund was credited.</summary>
    public string? RefundBillId { get; private set; }
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;

    /// <summary>Applies what Baidu says now; true when something changed.</summary>
    public bool Apply(string orderType, string serviceType, string productType, decimal price, string status,
        string autoRenew, string createTime, string updateTime, string? originOrderId)
    {
        OriginOrderId ??= originOrderId;
        var changed = OrderType != orderType || ServiceType != serviceType || ProductType != productType
                      || Price != price || Status != status || AutoRenewOrder != autoRenew
                      || CreateTime != createTime || UpdateTimeVendor != updateTime;
        (OrderType, ServiceType, ProductType, Price, Status, AutoRenewOrder, CreateTime, UpdateTimeVendor) =
            (orderType, serviceType, productType, price, status, autoRenew, createTime, updateTime);
        return changed;
    }

    /// <summary>Records a status Baidu confirmed after kboss's call.</summary>
    public void SetStatus(string status) => Status = status;

    /// <summary>Records kboss's charge.</summary>
    public void Charged(decimal amount, string billId)
    {
        ChargedAmount = amount;
        PayBillId = billId;
    }

    /// <summary>Records the refund's bill.</summary>
    public void Refunded(string billId)
    {
        RefundBillId = billId;
        Status = BaiduOrderStatuses.RefundSucceeded;
    }
}

/// <summary>Values of <see cref="BaiduOrderAction.Action"/>.</summary>
public static class BaiduOrderActions
{
    public const string RefundConfirm = "refund_confirm";
    public const string Cancel = "cancel";
}

/// <summary>
/// One money-relevant action on a Baidu order (analysis/vendors.md §2.3 E-BD-3): unique on (order, action), so the
/// same refund confirmation or cancel requested twice (or by two operators at once) reaches Baidu and moves money at
/// most once. <c>pending</c> while the vendor call is out or its outcome unknown (the next request or the order sync
/// settles it), <c>done</c> after, <c>failed</c> when Baidu refused (a new request may try again).
/// </summary>
public sealed class BaiduOrderAction : Entity
{
    public const string Pending = "pending";
    public const string Done = "done";
    public const string Failed = "failed";

    /// <summary>Baidu's order id.</summary>
    public string OrderId { get; init; } = "";
    /// <summary><see cref="BaiduOrderActions"/>.</summary>
    public string Action { get; init; } = "";
    /// <summary>Requesting user.</summary>
    public string UserId { get; set; } = "";
    /// <summary>Money moved (元), 0 for none.</summary>
    public decimal Amount { get; set; }
    /// <summary><see cref="Pending"/>, <see cref="Done"/>, <see cref="Failed"/>.</summary>
    public string Status { get; set; } = Pending;
    /// <summary>Baidu's request id of the call.</summary>
    public string? VendorRequestId { get; set; }
}
