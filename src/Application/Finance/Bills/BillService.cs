using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Finance.Ledger;
using Kboss.Domain.Common;
using Kboss.Domain.Finance;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Bills;

/// <summary>A bill and the balance movement written with it.</summary>
/// <param name="Bill">The bill (paid).</param>
/// <param name="Entry">Its ledger entry.</param>
public sealed record BillMovement(Bill Bill, LedgerEntry Entry);

/// <summary>
/// The only way bills are created (ADR 0029): each method writes the bill and moves the balance through
/// <see cref="BalanceLedger"/> in the caller's unit of work (the caller opens <c>db.BeginTransactionAsync</c>, checks
/// access, calls one method and commits). Idempotent by the caller's key: the same key again returns the bill and
/// entry written the first time. No authorisation here: callers decide who may buy, refund or recharge.
/// </summary>
public sealed class BillService(IKbossDbContext db, BalanceLedger ledger, BillDayTotals totals, TimeProvider clock,
    IPlatformSettings platform)
{
    /// <summary>
    /// A paid BUY bill of <paramref name="line"/> and the debit of its amount (<c>余额不足</c> → conflict, nothing
    /// written once the caller's transaction is rolled back).
    /// </summary>
    public async Task<BillMovement> CreatePurchaseBillAsync(PurchaseLine line, string idempotencyKey,
        CancellationToken ct)
    {
        if (await ReplayAsync(idempotencyKey, LedgerEntryKind.Purchase, line.Amount, line.CustomerId, ct) is { } replay)
            return replay;
        if (!Money.IsValidAmount(line.Amount))
            throw new Failure(FailureKind.InvalidArgument, Bill.BadAmountMessage).ToException();
        var (now, today) = Now();
        var bill = Bill.NewPurchase(line, today, now).OrThrow();
        bill.MarkPaid().OrThrow();
        db.Bills.Add(bill);
        await totals.AddAsync(bill, ct);
        var entry = await ledger.DebitAsync(new LedgerMovement(bill.CustomerId, bill.Amount, LedgerEntryKind.Purchase,
            bill.Id, idempotencyKey), ct);
        return new BillMovement(bill, entry);
    }

    /// <summary>
    /// The BUY bill of a paid operation whose funds were held (ADR 0041): the hold <paramref name="holdKey"/> is
    /// captured and <paramref name="line"/> (its amount must be the held amount) debited, in the caller's
    /// transaction. Idempotent by <paramref name="idempotencyKey"/> like <see cref="CreatePurchaseBillAsync"/>.
    /// </summary>
    public async Task<BillMovement> CreatePurchaseBillFromHoldAsync(PurchaseLine line, string holdKey,
        string idempotencyKey, CancellationToken ct)
    {
        var captured = await ledger.CaptureHoldAsync(holdKey, ct);
        if (captured.Amount != line.Amount || captured.CustomerOrgId != line.CustomerId)
            throw new InvalidOperationException(
                $"Bill of {line.Amount} for {line.CustomerId} does not match hold {holdKey}");
        return await CreatePurchaseBillAsync(line, idempotencyKey, ct);
    }

    /// <summary>
    /// A paid REFUND bill of <paramref name="amount"/> against the purchase <paramref name="originBillId"/> and the
    /// credit of it. The purchase records the refund by a conditional UPDATE, so parallel refunds never exceed it.
    /// </summary>
    public async Task<BillMovement> CreateRefundBillAsync(string originBillId, decimal amount, string idempotencyKey,
        CancellationToken ct)
    {
        if (await ReplayAsync(idempotencyKey, LedgerEntryKind.Refund, amount, null, ct) is { } replay) return replay;
        var origin = await db.Bills.AsNoTracking().FirstOrDefaultAsync(b => b.Id == originBillId, ct)
                     ?? throw BusinessException.NotFound("账单不存在");
        var (now, today) = Now();
        var refund = origin.NewRefund(amount, today, now).OrThrow();
        var recorded = await db.Bills.Where(b => b.Id == origin.Id).Where(Bill.CanRefund(amount))
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.RefundedAmt, b => b.RefundedAmt + amount), ct);
        if (recorded == 0) throw new Failure(FailureKind.Conflict, Bill.RefundTooLargeMessage).ToException();
        db.Bills.Add(refund);
        await totals.AddAsync(refund, ct);
        var entry = await ledger.CreditAsync(new LedgerMovement(refund.CustomerId, amount, LedgerEntryKind.Refund,
            refund.Id, idempotencyKey), ct);
        return new BillMovement(refund, entry);
    }

    /// <summary>
    /// A paid RECHARGE (or RECHARGE_ALIPAY) bill of <paramref name="amount"/> and the credit of it; the payment
    /// flow calls it once the payment is confirmed, with the payment's id in the key.
    /// </summary>
    public async Task<BillMovement> CreateRechargeBillAsync(string customerOrgId, decimal amount, string op,
        string idempotencyKey, CancellationToken ct, string? note = null)
    {
        if (await ReplayAsync(idempotencyKey, LedgerEntryKind.Recharge, amount, customerOrgId.Trim(), ct) is { } replay)
            return replay;
        var (now, today) = Now();
        var bill = Bill.NewRecharge(customerOrgId.Trim(), amount, op, today, now).OrThrow();
        db.Bills.Add(bill);
        await totals.AddAsync(bill, ct);
        var entry = await ledger.CreditAsync(new LedgerMovement(bill.CustomerId, amount, LedgerEntryKind.Recharge,
            bill.Id, idempotencyKey, note), ct);
        return new BillMovement(bill, entry);
    }

    /// <summary>The bill and entry of a key already used for the same movement; conflict for another movement.</summary>
    private async Task<BillMovement?> ReplayAsync(string idempotencyKey, LedgerEntryKind kind, decimal amount,
        string? customer, CancellationToken ct)
    {
        var entry = await db.LedgerEntries.AsNoTracking()
            .FirstOrDefaultAsync(e => e.IdempotencyKey == idempotencyKey, ct);
        if (entry is null) return null;
        if (entry.Kind != kind || Math.Abs(entry.Amount) != amount || (customer is not null && entry.CustomerOrgId != customer))
            throw BusinessException.Conflict(BalanceLedger.KeyReusedMessage);
        var bill = await db.Bills.AsNoTracking().FirstOrDefaultAsync(b => b.Id == entry.Reference, ct)
                   ?? throw BusinessException.Conflict(BalanceLedger.KeyReusedMessage);
        return new BillMovement(bill, entry);
    }

    private (DateTime Now, DateOnly Today) Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return (now, DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, platform.TimeZone)));
    }
}
