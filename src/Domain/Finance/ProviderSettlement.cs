using Kboss.Domain.Common;

namespace Kboss.Domain.Finance;

/// <summary><c>state</c> of a provider settlement (finance.md §2.13, §4.6).</summary>
public static class SettlementStates
{
    /// <summary>待结算.</summary>
    public const string Pending = "0";
    /// <summary>审批中 (its bills are locked).</summary>
    public const string InApproval = "1";
    /// <summary>已结算 (final).</summary>
    public const string Settled = "2";
    /// <summary>已驳回 (final for the approval; may be sent again).</summary>
    public const string Rejected = "3";
}

/// <summary>Who created a settlement.</summary>
public static class SettlementSources
{
    /// <summary>STL-03 (an operator).</summary>
    public const string Manual = "manual";
    /// <summary>STL-05 (the cron job).</summary>
    public const string Auto = "auto";
}

/// <summary>
/// 供应商结算单 (finance.md §2.13): the bills of one provider sold by one operator org (directly or through its
/// resellers) in an inclusive period, and the state machine of §4.6 — pending → in approval (bills locked) → settled,
/// or → rejected (bills released, may be sent again). Totals are recomputed from the bills when sent. A result repeated
/// changes nothing; a result for a settlement not in approval is refused.
/// </summary>
public sealed class ProviderSettlement : Entity
{
    /// <summary>Refusal of a send or result the state does not allow (finance.md §3 E_SETTLE_STATE).</summary>
    public const string StateMessage = "结算单状态不允许该操作";
    /// <summary>A send with no unsettled bill in the period.</summary>
    public const string NoBillsMessage = "该期间没有待结算的账单";
    /// <summary>A period that ends before it starts.</summary>
    public const string RangeMessage = "开始日期不能晚于结束日期";
    /// <summary>An approval status that is neither agreement nor refusal.</summary>
    public const string StatusMessage = "status参数错误";

    /// <summary>Approval results that reject (finance.md §3 STL-04 step 5).</summary>
    public static readonly string[] RejectStatuses = ["refuse", "reject", "terminate", "revoke"];
    /// <summary>The agreeing result.</summary>
    public const string AgreeStatus = "agree";

    private ProviderSettlement()
    {
    }

    /// <summary>Operator org.</summary>
    public string OrgId { get; private init; } = "";
    /// <summary>Provider.</summary>
    public string ProviderId { get; private init; } = "";
    /// <summary>First day (inclusive).</summary>
    public DateOnly StartDate { get; private init; }
    /// <summary>Last day (inclusive).</summary>
    public DateOnly EndDate { get; private init; }
    /// <summary>Bills locked or settled (0 while pending).</summary>
    public int BillCount { get; private set; }
    /// <summary>Σ signed 原价 (元).</summary>
    public decimal TotalProviderAmt { get; private set; }
    /// <summary>Σ signed 折后价格 (元).</summary>
    public decimal TotalAmount { get; private set; }
    /// <summary>Payable to the provider: Σ signed cost (元, §4.6).</summary>
    public decimal SettleAmount { get; private set; }
    /// <summary><see cref="SettlementStates"/>.</summary>
    public string State { get; private set; } = SettlementStates.Pending;
    /// <summary>DingTalk instance id while and after in approval.</summary>
    public string? ApvId { get; private set; }
    /// <summary><see cref="SettlementSources"/>.</summary>
    public string Source { get; private init; } = SettlementSources.Manual;
    /// <summary>Who sent it for approval last.</summary>
    public string? UserId { get; private set; }
    /// <summary>Initiator's phone.</summary>
    public string? Phone { get; private set; }
    /// <summary>When it was settled (UTC).</summary>
    public DateTime? SettledAt { get; private set; }
    /// <summary>Concurrency token, bumped by every transition.</summary>
    public int Version { get; private set; }

    /// <summary>True while the state allows a send (pending or rejected).</summary>
    public bool CanSend => State is SettlementStates.Pending or SettlementStates.Rejected;

    /// <summary>A pending settlement of <paramref name="providerId"/> for the inclusive period.</summary>
    public static Result<ProviderSettlement> Create(string orgId, string providerId, DateOnly start, DateOnly end,
        string source)
    {
        if (start > end) return new Failure(FailureKind.InvalidArgument, RangeMessage, "start_date");
        return new ProviderSettlement
        {
            OrgId = orgId, ProviderId = providerId, StartDate = start, EndDate = end, Source = source,
        };
    }

    /// <summary>Shows what a pending or rejected settlement would hold now (<paramref name="bills"/>: its unsettled
    /// bills); nothing is locked.</summary>
    public Result Preview(IReadOnlyList<Bill> bills)
    {
        if (!CanSend) return new Failure(FailureKind.Conflict, StateMessage);
        SetTotals(bills);
        return Result.Done;
    }

    /// <summary>
    /// Pending or rejected → in approval: locks <paramref name="bills"/> (the unsettled bills of the period) and
    /// recomputes the totals from them; the links to store. Refused: wrong state, no bills, a bill that cannot be locked.
    /// </summary>
    public Result<IReadOnlyList<ProviderSettlementBill>> StartApproval(IReadOnlyList<Bill> bills, string? userId,
        string? phone)
    {
        if (!CanSend) return new Failure(FailureKind.Conflict, StateMessage);
        if (bills.Count == 0) return new Failure(FailureKind.Conflict, NoBillsMessage);
        var links = new List<ProviderSettlementBill>(bills.Count);
        foreach (var bill in bills)
        {
            if (bill.ProviderId != ProviderId || bill.BillDate < StartDate || bill.BillDate > EndDate)
                return new Failure(FailureKind.Conflict, "账单不属于该结算单");
            if (bill.LockForSettlement(Id).Failure is { } refused) return refused;
            links.Add(new ProviderSettlementBill(Id, bill.Id, SettleAmountOf(bill)));
        }
        SetTotals(bills);
        State = SettlementStates.InApproval;
        ApvId = null;
        UserId = userId;
        Phone = phone;
        Version++;
        return links;
    }

    /// <summary>
    /// Stores the DingTalk instance id of the approval just started (also when its result was applied first).
    /// </summary>
    public Result AwaitApproval(string apvId)
    {
        if (State == SettlementStates.Pending || ApvId is not null)
            return new Failure(FailureKind.Conflict, StateMessage);
        ApvId = apvId;
        Version++;
        return Result.Done;
    }

    /// <summary>
    /// In approval with no instance (the send failed) → back to pending: its <paramref name="bills"/> are released.
    /// </summary>
    public Result AbandonApproval(IEnumerable<Bill> bills)
    {
        if (State != SettlementStates.InApproval || ApvId is not null)
            return new Failure(FailureKind.Conflict, StateMessage);
        foreach (var bill in bills) _ = bill.ReleaseSettlement();
        State = SettlementStates.Pending;
        BillCount = 0;
        Version++;
        return Result.Done;
    }

    /// <summary>
    /// Applies an approval result to the settlement and its locked <paramref name="bills"/>: <c>agree</c> → settled
    /// (bills settled), a rejecting status → rejected (bills released; the caller removes their links). True when this
    /// call changed it; false for a repeat on a final settlement. Refused: an unknown status, or a pending settlement.
    /// </summary>
    public Result<bool> Finish(string status, IEnumerable<Bill> bills, DateTime now)
    {
        var agree = status == AgreeStatus;
        if (!agree && !RejectStatuses.Contains(status))
            return new Failure(FailureKind.InvalidArgument, StatusMessage, "status");
        if (State is SettlementStates.Settled or SettlementStates.Rejected) return false;
        if (State != SettlementStates.InApproval) return new Failure(FailureKind.Conflict, StateMessage);
        foreach (var bill in bills)
        {
            var changed = agree ? bill.Settle() : bill.ReleaseSettlement();
            if (changed.Failure is { } refused) return refused;
        }
        State = agree ? SettlementStates.Settled : SettlementStates.Rejected;
        if (agree) SettledAt = now;
        Version++;
        return true;
    }

    /// <summary>
    /// What the provider is paid for <paramref name="bill"/> (§4.6): +cost for BUY, −cost for REFUND (a bill without a
    /// cost snapshot counts 0), 2 decimals.
    /// </summary>
    public static decimal SettleAmountOf(Bill bill) => Money.Round2(Signed(bill, bill.CostAmt ?? 0m));

    private void SetTotals(IReadOnlyList<Bill> bills)
    {
        BillCount = bills.Count;
        TotalProviderAmt = Money.Round2(bills.Sum(b => Signed(b, b.ProviderAmt ?? 0m)));
        TotalAmount = Money.Round2(bills.Sum(b => Signed(b, b.Amount)));
        SettleAmount = Money.Round2(bills.Sum(SettleAmountOf));
    }

    private static decimal Signed(Bill bill, decimal value) => bill.BusinessOp == BusinessOps.Refund ? -value : value;
}

/// <summary>
/// A bill in a live settlement (finance.md §2.13 link table): unique per bill, so a bill is in at most one settlement
/// that is pending approval, in approval or settled; a rejected settlement's links are removed.
/// </summary>
/// <param name="SettleId">The settlement.</param>
/// <param name="BillId">The bill (unique).</param>
/// <param name="SettleAmount">Signed amount payable for the bill (元).</param>
public sealed class ProviderSettlementBill(string SettleId, string BillId, decimal SettleAmount) : Entity
{
    /// <summary>The settlement.</summary>
    public string SettleId { get; private init; } = SettleId;
    /// <summary>The bill.</summary>
    public string BillId { get; private init; } = BillId;
    /// <summary>Signed amount payable (元).</summary>
    public decimal SettleAmount { get; private init; } = SettleAmount;
}

/// <summary>
/// The settlement period of a provider (§4.6, <c>settle_datep</c>): <c>M:d</c> monthly on day d (1–28) for the
/// previous calendar month, <c>W:d</c> weekly on weekday d (1 = Monday … 7 = Sunday) for the previous Monday–Sunday,
/// <c>D</c> daily for yesterday; empty or unreadable → <c>M:1</c>.
/// </summary>
public static class SettlementPeriod
{
    /// <summary>The default template.</summary>
    public const string Default = "M:1";

    /// <summary>The period due on <paramref name="today"/>, or null when none is due that day.</summary>
    public static (DateOnly Start, DateOnly End)? DueOn(string? template, DateOnly today)
    {
        var t = (template ?? "").Trim().ToUpperInvariant();
        if (t == "D") return (today.AddDays(-1), today.AddDays(-1));
        if (t.StartsWith("W:", StringComparison.Ordinal) && int.TryParse(t[2..], out var weekday)
            && weekday is >= 1 and <= 7)
        {
            var isoDay = today.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)today.DayOfWeek;
            if (isoDay != weekday) return null;
            var thisMonday = today.AddDays(1 - isoDay);
            return (thisMonday.AddDays(-7), thisMonday.AddDays(-1));
        }
        var day = t.StartsWith("M:", StringComparison.Ordinal) && int.TryParse(t[2..], out var d) && d is >= 1 and <= 28
            ? d : 1;
        if (today.Day != day) return null;
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        return (firstOfMonth.AddMonths(-1), firstOfMonth.AddDays(-1));
    }

    /// <summary><c>settle_mode = auto</c>: the cron sends the settlement for approval too.</summary>
    public static bool SendsAutomatically(string? settleMode) =>
        string.Equals(settleMode?.Trim(), "auto", StringComparison.OrdinalIgnoreCase);
}
