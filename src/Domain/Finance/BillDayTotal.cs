namespace Kboss.Domain.Finance;

/// <summary>
/// Live bills of one owner org's customers on one bill date, per operation and state (ADR 0040): written by
/// <c>BillService</c> in the bill's transaction, read by the KPIs and the operator bill list instead of the bills.
/// Money in whole 分 (every bill amount is a whole number of 分, so the sums are exact).
/// </summary>
public sealed class BillDayTotal
{
    /// <summary>Owner org of the bill's customer at the time of the bill (<c>""</c> for none).</summary>
    public string OwnerOrgId { get; private init; } = "";
    /// <summary>Bill date (platform).</summary>
    public DateOnly BillDate { get; private init; }
    /// <summary><see cref="BusinessOps"/>.</summary>
    public string BusinessOp { get; private init; } = "";
    /// <summary><see cref="BillStates"/>.</summary>
    public string BillState { get; private init; } = "";
    /// <summary>Bills.</summary>
    public int Bills { get; private init; }
    /// <summary>Σ amount × 100.</summary>
    public long AmountFen { get; private init; }
    /// <summary>Σ cost × 100 (cost snapshot, else list price, else 0; finance.md §4.3).</summary>
    public long CostFen { get; private init; }

    /// <summary>The row of <paramref name="bill"/> alone (the first bill of its key).</summary>
    public static BillDayTotal Of(string ownerOrgId, Bill bill) => new()
    {
        OwnerOrgId = ownerOrgId, BillDate = bill.BillDate, BusinessOp = bill.BusinessOp, BillState = bill.BillState,
        Bills = 1, AmountFen = Fen(bill.Amount), CostFen = Fen(bill.CostAmt ?? bill.ProviderAmt ?? 0m),
    };

    /// <summary>元 → 分 (whole 分 amounts).</summary>
    public static long Fen(decimal yuan) => (long)Math.Round(yuan * 100m, MidpointRounding.AwayFromZero);
}
