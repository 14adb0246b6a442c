using Kboss.Domain.Common;
using Kboss.Domain.Finance;

namespace Kboss.Domain.Vendors;

/// <summary>
/// The idempotency record and money state of one paid vendor operation (ADR 0041): unique per customer org and
/// idempotency key, with the fingerprint of the canonicalised request, the price held on the balance ledger and the
/// stored reply. States are the outside-call pattern's (ADR 0015): <c>pending</c> (funds held, vendor called) →
/// <c>live</c> (charged: hold captured, BUY bill <see cref="BillId"/>) | <c>failed</c> (hold released; the failure
/// reply kept) | <c>pending_reconcile</c> (outcome unknown; the reconciler asks <see cref="Probe"/>).
/// </summary>
public sealed class VendorCharge : OutsideEffectEntity
{
    /// <summary>Maximum length of <see cref="IdempotencyKey"/>.</summary>
    public const int KeyLength = 64;
    /// <summary>Maximum length of <see cref="Action"/> and <see cref="Probe"/>.</summary>
    public const int NameLength = 64;

    /// <summary>Paying customer org.</summary>
    public string OrgId { get; init; } = "";
    /// <summary>Calling user ("" for jobs).</summary>
    public string UserId { get; init; } = "";
    /// <summary>The caller's key (unique per <see cref="OrgId"/>); generated when the request had none.</summary>
    public string IdempotencyKey { get; init; } = "";
    /// <summary>SHA-256 (hex) of the action and its canonicalised parameters.</summary>
    public string Fingerprint { get; init; } = "";
    /// <summary>What is bought (<c>cds.create_eip</c>).</summary>
    public string Action { get; init; } = "";
    /// <summary>Sale price in 元 (server-side; 0 = free, nothing held or billed).</summary>
    public decimal Amount { get; init; }
    /// <summary>Bill line: product.</summary>
    public string? ProductId { get; init; }
    /// <summary>Bill line: provider.</summary>
    public string? ProviderId { get; init; }
    /// <summary>Bill line: the vendor's list price (provider_amt), 元.</summary>
    public decimal? ListAmount { get; init; }
    /// <summary>Bill line: cost snapshot, 元.</summary>
    public decimal? CostAmount { get; init; }
    /// <summary>Bill line: quantity.</summary>
    public int? Quantity { get; init; }
    /// <summary>Who settles an unknown outcome (<c>cds_resource</c>: follow that outside row).</summary>
    public string Probe { get; init; } = "";
    /// <summary>What the probe looks at (the outside row's id, a vendor order id).</summary>
    public string SubjectId { get; init; } = "";
    /// <summary>The subject's operation (<see cref="OutsideOperations"/>) this charge pays for.</summary>
    public string SubjectOperation { get; init; } = OutsideOperations.Create;
    /// <summary>The vendor's id of what was bought, once known.</summary>
    public string? ResourceId { get; private set; }
    /// <summary>Stored reply data (JSON) of a success.</summary>
    public string? ReplyData { get; private set; }
    /// <summary>Stored reply message (success or failure).</summary>
    public string? ReplyMessage { get; private set; }
    /// <summary>Stored failure code (<c>upstream_failed</c>, …).</summary>
    public string? ReplyCode { get; private set; }
    /// <summary>The BUY bill, once charged.</summary>
    public string? BillId { get; private set; }

    /// <summary>The ledger key of this charge's hold.</summary>
    public string HoldKey => $"vendor_charge:{Id}:hold";
    /// <summary>The ledger key of this charge's BUY bill.</summary>
    public string BillKey => $"vendor_charge:{Id}:buy";

    /// <summary>The bill line of this charge.</summary>
    public PurchaseLine Line => new(OrgId, Amount, ListAmount, Quantity, CostAmount, ProductId, ProviderId,
        OrderId: Id, ResourceId: ResourceId);

    /// <summary>The vendor answered: the reply kept for replays.</summary>
    public void Answered(string? data, string message, string? resourceId)
    {
        ReplyData = data;
        ReplyMessage = message;
        ResourceId = resourceId ?? ResourceId;
    }

    /// <summary>The vendor refused (or could not be reached): the failure reply kept for replays.</summary>
    public void Refused(string message, string code)
    {
        ReplyMessage = message;
        ReplyCode = code;
    }

    /// <summary>The BUY bill was written.</summary>
    public void Billed(string billId) => BillId = billId;
}
