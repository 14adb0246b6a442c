using Kboss.Domain.Common;

namespace Kboss.Domain.Finance;

/// <summary><c>product_type</c> of a compute-centre product (finance.md §2.18, CPC-04).</summary>
public static class CpccProductTypes
{
    /// <summary>自定义产品: the customer chooses the resources, priced per widget.</summary>
    public const string Customize = "customize";
    /// <summary>组合产品: a fixed bundle described by <c>spec_note</c>.</summary>
    public const string Combination = "combination";
    /// <summary>Both values.</summary>
    public static readonly string[] All = [Customize, Combination];
}

/// <summary>
/// The link of a compute centre turned into a provider (CPC-02; finance.md §2.11: the provider org's <c>orgcode</c> is
/// the cpccid). One live row per centre (unique <see cref="Cpcid"/>), so two parallel conversions make one provider.
/// </summary>
public sealed class CpccProviderLink : Entity
{
    /// <summary>The centre (unique).</summary>
    public string Cpcid { get; init; } = "";
    /// <summary>The operator org that owns the centre and buys from the provider.</summary>
    public string OrgId { get; init; } = "";
    /// <summary>The provider org created for the centre.</summary>
    public string ProviderOrgId { get; init; } = "";
    /// <summary>The provider.</summary>
    public string ProviderId { get; init; } = "";
    /// <summary>The provider → operator sale protocol (salemode 0).</summary>
    public string ProtocolId { get; init; } = "";
}

/// <summary>Values of <see cref="CpccPurchase.State"/>: <c>pending → delivered | refunded</c>.</summary>
public static class CpccPurchaseStates
{
    /// <summary>Paid (BUY bill, balance debited, stock taken); the instance is being created.</summary>
    public const string Pending = "pending";
    /// <summary>The instance was created on the cluster: the sale is final.</summary>
    public const string Delivered = "delivered";
    /// <summary>The create failed or never happened: a REFUND bill gave the amount back.</summary>
    public const string Refunded = "refunded";
}

/// <summary>
/// A customer's purchase of a compute-centre product (CPC-06, finance.md §3.3): the BUY bill, the instance config it
/// pays for and the caller's idempotency key (unique per customer org with the request's fingerprint, so a repeat
/// answers the stored outcome and a different request under the same key is a conflict). It follows its instance:
/// delivered when the instance first goes live, refunded (REFUND bill) when its create fails or is abandoned — never
/// after delivery.
/// </summary>
public sealed class CpccPurchase : Entity
{
    /// <summary>Longest idempotency key.</summary>
    public const int KeyLength = 64;

    private CpccPurchase()
    {
    }

    /// <summary>Buyer (customer org).</summary>
    public string CustomerOrgId { get; private init; } = "";
    /// <summary>Buyer user.</summary>
    public string? UserId { get; private init; }
    /// <summary>Product bought.</summary>
    public string ProductId { get; private init; } = "";
    /// <summary>Provider of the product.</summary>
    public string ProviderId { get; private init; } = "";
    /// <summary>Target cluster.</summary>
    public string ClusterId { get; private init; } = "";
    /// <summary>The instance config created for the purchase (the outside row).</summary>
    public string InstanceConfigId { get; private init; } = "";
    /// <summary>The BUY bill.</summary>
    public string BillId { get; private set; } = "";
    /// <summary>The REFUND bill once refunded.</summary>
    public string? RefundBillId { get; private set; }
    /// <summary>Amount charged, 元.</summary>
    public decimal Amount { get; private init; }
    /// <summary>List price, 元.</summary>
    public decimal ListAmount { get; private init; }
    /// <summary>Rental length.</summary>
    public int Duration { get; private init; }
    /// <summary>Rental length unit (小时/天/周/月).</summary>
    public string DurationUnit { get; private init; } = "";
    /// <summary>The caller's idempotency key (null: none sent).</summary>
    public string? IdempotencyKey { get; private init; }
    /// <summary>Fingerprint of the request the key was first used with.</summary>
    public string RequestHash { get; private init; } = "";
    /// <summary><see cref="CpccPurchaseStates"/>.</summary>
    public string State { get; private set; } = CpccPurchaseStates.Pending;
    /// <summary>Why it was refunded.</summary>
    public string? Reason { get; private set; }

    /// <summary>A pending purchase (the caller writes its bill in the same transaction).</summary>
    public static CpccPurchase Start(CpccPurchaseTerms t) => new()
    {
        CustomerOrgId = t.CustomerOrgId, UserId = t.UserId, ProductId = t.ProductId, ProviderId = t.ProviderId,
        ClusterId = t.ClusterId, InstanceConfigId = t.InstanceConfigId, Amount = t.Amount, ListAmount = t.ListAmount,
        Duration = t.Duration, DurationUnit = t.DurationUnit, IdempotencyKey = t.IdempotencyKey,
        RequestHash = t.RequestHash,
    };

    /// <summary>Records the BUY bill.</summary>
    public void Paid(string billId) => BillId = billId;

    /// <summary>Pending → delivered (the instance went live); false when not pending.</summary>
    public bool Deliver()
    {
        if (State != CpccPurchaseStates.Pending) return false;
        State = CpccPurchaseStates.Delivered;
        return true;
    }

    /// <summary>Pending → refunded by <paramref name="refundBillId"/>; false when not pending.</summary>
    public bool Refund(string refundBillId, string reason)
    {
        if (State != CpccPurchaseStates.Pending) return false;
        State = CpccPurchaseStates.Refunded;
        RefundBillId = refundBillId;
        Reason = reason.Length > 500 ? reason[..500] : reason;
        return true;
    }
}

/// <summary>What a purchase is made of.</summary>
/// <param name="CustomerOrgId">Buyer org.</param>
/// <param name="UserId">Buyer user.</param>
/// <param name="ProductId">Product.</param>
/// <param name="ProviderId">Provider.</param>
/// <param name="ClusterId">Cluster.</param>
/// <param name="InstanceConfigId">Instance config.</param>
/// <param name="Amount">Charged, 元.</param>
/// <param name="ListAmount">List price, 元.</param>
/// <param name="Duration">Length.</param>
/// <param name="DurationUnit">Length unit.</param>
/// <param name="IdempotencyKey">Caller's key or null.</param>
/// <param name="RequestHash">Request fingerprint.</param>
public sealed record CpccPurchaseTerms(string CustomerOrgId, string? UserId, string ProductId, string ProviderId,
    string ClusterId, string InstanceConfigId, decimal Amount, decimal ListAmount, int Duration, string DurationUnit,
    string? IdempotencyKey, string RequestHash);
