using Kboss.Domain.Common;

namespace Kboss.Domain.Finance;

/// <summary>Why the balance moved.</summary>
public enum LedgerEntryKind
{
    /// <summary>充值 (credit).</summary>
    Recharge = 0,
    /// <summary>购买 (debit).</summary>
    Purchase = 1,
    /// <summary>退款 (credit).</summary>
    Refund = 2,
    /// <summary>Manual correction by an admin (credit or debit), audited.</summary>
    Adjustment = 3,
    /// <summary>Funds reserved for a paid vendor operation in flight (debit; ADR 0041).</summary>
    Hold = 4,
    /// <summary>A hold given back: the operation did not happen (credit of the held amount).</summary>
    Release = 5,
    /// <summary>A hold taken for the BUY bill written with it (credit of the held amount; the bill's
    /// <see cref="Purchase"/> debit follows in the same transaction).</summary>
    Capture = 6,
}

/// <summary>
/// One immutable movement of a customer's balance: signed amount in 元 (credit &gt; 0, debit &lt; 0), the balance
/// right after it, what caused it (<see cref="Reference"/>: a bill id, a recharge id) and the caller's
/// <see cref="IdempotencyKey"/> (unique: the same movement sent twice is applied once). Never updated or deleted.
/// </summary>
public sealed class LedgerEntry : Entity
{
    private LedgerEntry()
    {
    }

    /// <summary>Customer org.</summary>
    public string CustomerOrgId { get; private init; } = "";
    /// <summary>Signed amount in 元.</summary>
    public decimal Amount { get; private init; }
    /// <summary>Kind of movement.</summary>
    public LedgerEntryKind Kind { get; private init; }
    /// <summary>Balance after this movement, in 元.</summary>
    public decimal BalanceAfter { get; private init; }
    /// <summary>Bill id, recharge id or other cause.</summary>
    public string Reference { get; private init; } = "";
    /// <summary>Unique key of the movement.</summary>
    public string IdempotencyKey { get; private init; } = "";
    /// <summary>Free note (adjustments: the reason).</summary>
    public string? Note { get; private init; }

    /// <summary>Maximum length of <see cref="IdempotencyKey"/> and <see cref="Reference"/>.</summary>
    public const int KeyLength = 100;

    /// <summary>An entry of <paramref name="signedAmount"/> that left the balance at <paramref name="balanceAfter"/>.</summary>
    public static LedgerEntry Record(string customerOrgId, decimal signedAmount, LedgerEntryKind kind,
        decimal balanceAfter, string reference, string idempotencyKey, string? note) => new()
    {
        CustomerOrgId = customerOrgId, Amount = signedAmount, Kind = kind, BalanceAfter = balanceAfter,
        Reference = reference, IdempotencyKey = idempotencyKey, Note = note,
    };

    /// <summary>True when this entry is the same movement as <paramref name="signedAmount"/> for the same customer and kind.</summary>
    public bool IsSameMovement(string customerOrgId, decimal signedAmount, LedgerEntryKind kind) =>
        CustomerOrgId == customerOrgId && Amount == signedAmount && Kind == kind;
}
