using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Common;
using Kboss.Domain.Finance;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Ledger;

/// <summary>One movement of a customer's balance.</summary>
/// <param name="CustomerOrgId">Customer org.</param>
/// <param name="Amount">元, &gt; 0, whole 分 (the sign comes from Credit/Debit).</param>
/// <param name="Kind">Why.</param>
/// <param name="Reference">Bill id, recharge id, … (≤ 100 characters).</param>
/// <param name="IdempotencyKey">Unique key of this movement (≤ 100 characters).</param>
/// <param name="Note">Free note (an adjustment's reason).</param>
public sealed record LedgerMovement(string CustomerOrgId, decimal Amount, LedgerEntryKind Kind, string Reference,
    string IdempotencyKey, string? Note = null);

/// <summary>
/// The one way a customer's balance moves (ADR 0029): every recharge, purchase, refund and adjustment goes through
/// <see cref="CreditAsync"/> / <see cref="DebitAsync"/> inside the caller's transaction (the caller opens
/// <c>db.BeginTransactionAsync</c>, writes its bill, calls the ledger and commits). The balance row changes by one
/// conditional UPDATE (a debit only where balance ≥ amount, so it never goes below 0 under any concurrency) and an
/// immutable <see cref="LedgerEntry"/> is added and saved. Idempotent by <see cref="LedgerMovement.IdempotencyKey"/>:
/// the same key again returns the stored entry without a second change; the same key for another customer, kind or
/// amount is a conflict. Failures: <c>余额不足</c> (conflict), bad amount or key (invalid_argument), unknown customer
/// org (not_found).
/// </summary>
public sealed class BalanceLedger(IKbossDbContext db)
{
    /// <summary>The same key was used for a different movement.</summary>
    public const string KeyReusedMessage = "幂等键已用于另一笔资金变动";
    /// <summary>Unknown customer org on a first credit.</summary>
    public const string CustomerNotFoundMessage = "客户机构不存在";

    /// <summary>True when <paramref name="customerOrgId"/>'s balance covers <paramref name="amount"/> now (a read
    /// for an early, clear <c>余额不足</c>; only a debit or hold takes the money, and may still be refused).</summary>
    public Task<bool> CoversAsync(string customerOrgId, decimal amount, CancellationToken ct) => amount <= 0
        ? Task.FromResult(true)
        : db.CustomerBalances.AsNoTracking().Where(b => b.CustomerOrgId == customerOrgId)
            .Where(CustomerBalance.CanDebit(amount)).AnyAsync(ct);

    /// <summary>Adds <see cref="LedgerMovement.Amount"/> to the balance (opening it on the first credit).</summary>
    public Task<LedgerEntry> CreditAsync(LedgerMovement movement, CancellationToken ct) =>
        MoveAsync(movement, +1, ct);

    /// <summary>Takes <see cref="LedgerMovement.Amount"/> from the balance; <c>余额不足</c> when it does not cover it.</summary>
    public Task<LedgerEntry> DebitAsync(LedgerMovement movement, CancellationToken ct) =>
        MoveAsync(movement, -1, ct);

    /// <summary>
    /// Reserves <see cref="LedgerMovement.Amount"/> for a paid operation in flight (ADR 0041): a debit of kind
    /// <see cref="LedgerEntryKind.Hold"/>, so the balance — what is left to spend — never goes below 0 counting holds,
    /// and balance = Σ entries still holds. Settled later by exactly one of <see cref="ReleaseHoldAsync"/> or
    /// <see cref="CaptureHoldAsync"/>. <c>余额不足</c> (conflict) when the balance does not cover it.
    /// </summary>
    public Task<LedgerEntry> HoldAsync(LedgerMovement movement, CancellationToken ct) =>
        MoveAsync(movement with { Kind = LedgerEntryKind.Hold }, -1, ct);

    /// <summary>Gives the hold <paramref name="holdKey"/> back (the operation did not happen): a credit of kind
    /// <see cref="LedgerEntryKind.Release"/>. Idempotent; conflict when the hold was captured.</summary>
    public Task<LedgerEntry> ReleaseHoldAsync(string holdKey, CancellationToken ct) =>
        SettleHoldAsync(holdKey, LedgerEntryKind.Release, ct);

    /// <summary>Takes the hold <paramref name="holdKey"/> for a bill (the operation happened): a credit of kind
    /// <see cref="LedgerEntryKind.Capture"/> the caller follows with the bill's debit in the same transaction
    /// (<see cref="Bills.BillService.CreatePurchaseBillFromHoldAsync"/>). Idempotent; conflict when released.</summary>
    public Task<LedgerEntry> CaptureHoldAsync(string holdKey, CancellationToken ct) =>
        SettleHoldAsync(holdKey, LedgerEntryKind.Capture, ct);

    /// <summary>The key of the one entry that settles the hold <paramref name="holdKey"/>: a release and a capture
    /// share it, so the unique key lets only one of them ever happen.</summary>
    public static string SettleKey(string holdKey) => holdKey + "/settle";

    private async Task<LedgerEntry> SettleHoldAsync(string holdKey, LedgerEntryKind kind, CancellationToken ct)
    {
        var hold = await db.LedgerEntries.AsNoTracking()
                       .FirstOrDefaultAsync(e => e.IdempotencyKey == holdKey && e.Kind == LedgerEntryKind.Hold, ct)
                   ?? throw new InvalidOperationException($"No hold with key {holdKey}");
        return await MoveAsync(new LedgerMovement(hold.CustomerOrgId, -hold.Amount, kind, hold.Reference,
            SettleKey(holdKey)), +1, ct);
    }

    private async Task<LedgerEntry> MoveAsync(LedgerMovement m, int sign, CancellationToken ct)
    {
        Check(m);
        if (!db.HasOpenTransaction)
            throw new InvalidOperationException("BalanceLedger runs inside the caller's transaction (BeginTransactionAsync).");
        var customer = m.CustomerOrgId.Trim();
        var signed = sign * m.Amount;
        var existing = await db.LedgerEntries.AsNoTracking()
            .FirstOrDefaultAsync(e => e.IdempotencyKey == m.IdempotencyKey, ct);
        if (existing is not null)
            return existing.IsSameMovement(customer, signed, m.Kind)
                ? existing
                : throw BusinessException.Conflict(KeyReusedMessage);

        var amount = m.Amount;
        var rows = db.CustomerBalances.Where(b => b.CustomerOrgId == customer);
        var updated = sign > 0
            ? await rows.Where(CustomerBalance.CanCredit(amount)).ExecuteUpdateAsync(u => u
                .SetProperty(b => b.Balance, b => b.Balance + amount).SetProperty(b => b.Version, b => b.Version + 1), ct)
            : await rows.Where(CustomerBalance.CanDebit(amount)).ExecuteUpdateAsync(u => u
                .SetProperty(b => b.Balance, b => b.Balance - amount).SetProperty(b => b.Version, b => b.Version + 1), ct);
        decimal after;
        if (updated == 1)
            after = await rows.AsNoTracking().Select(b => b.Balance).SingleAsync(ct);
        else if (await rows.AnyAsync(ct))
            throw (sign > 0 ? CustomerBalance.CreditRefusal : CustomerBalance.DebitRefusal).ToException();
        else if (sign < 0)
            throw CustomerBalance.DebitRefusal.ToException();
        else
            after = await OpenAsync(customer, amount, ct);

        var entry = LedgerEntry.Record(customer, signed, m.Kind, after, m.Reference.Trim(), m.IdempotencyKey,
            m.Note.TrimmedOrNull());
        db.LedgerEntries.Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // A concurrent movement with the same key (SQL Server; SQLite serialises writers) or a concurrent first
            // credit of the same customer: the caller's transaction is rolled back.
            throw BusinessException.Conflict("资金变动正在处理中,请稍后查询结果");
        }
        return entry;
    }

    private async Task<decimal> OpenAsync(string customer, decimal amount, CancellationToken ct)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == customer && o.Kind == Domain.Identity.OrgKind.Customer, ct))
            throw BusinessException.NotFound(CustomerNotFoundMessage);
        var balance = CustomerBalance.Open(customer);
        balance.Credit(amount).OrThrow();
        db.CustomerBalances.Add(balance);
        return balance.Balance;
    }

    private static void Check(LedgerMovement m)
    {
        if (!Money.IsValidAmount(m.Amount))
            throw new Failure(FailureKind.InvalidArgument, Bill.BadAmountMessage).ToException();
        if (string.IsNullOrWhiteSpace(m.CustomerOrgId) || string.IsNullOrWhiteSpace(m.IdempotencyKey)
            || m.IdempotencyKey.Length > LedgerEntry.KeyLength || m.Reference.Length > LedgerEntry.KeyLength)
            throw new Failure(FailureKind.InvalidArgument, "资金变动缺少客户或幂等键").ToException();
    }
}
