using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Finance.Bills;
using Kboss.Domain.Finance;
using Kboss.Domain.WeChat;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kboss.Application.WeChat.Recharges;

/// <summary>Outcome of applying a verified WeChat payment to its recharge.</summary>
public enum SettlementOutcome
{
    /// <summary>The record became paid and the balance was credited now.</summary>
    Credited,
    /// <summary>The record was already paid by this transaction: nothing changed (a repeated notification).</summary>
    AlreadyPaid,
    /// <summary>No recharge has this out_trade_no.</summary>
    UnknownOrder,
    /// <summary>The paid amount is not the record's: refused, nothing changed.</summary>
    AmountMismatch,
    /// <summary>The record is closed or failed, or paid by another transaction: refused, nothing changed.</summary>
    NotPending,
}

/// <summary>
/// The one confirm step of a WeChat payment (ADR 0030), used by the notify endpoint and the reconciler alike: in one
/// short transaction, the conditional update pending → paid (<see cref="RechargeRecord.IsPending"/>) and, only when
/// that update changed the row, a paid RECHARGE bill of the record's amount and its ledger credit to the customer org
/// (<see cref="BillService.CreateRechargeBillAsync"/>: entry reference the bill id, note the recharge id, key
/// <c>wechat:&lt;transaction_id&gt;</c>).
/// The same payment applied any number of times, in sequence or in
/// parallel, credits once. Only a verified transaction reaches this (decrypted notification or signed query answer);
/// its amount must equal the record's.
/// </summary>
public sealed class RechargeSettlement(IKbossDbContext db, BillService bills, ICurrentUser user,
    TimeProvider clock, ILogger<RechargeSettlement> log)
{
    /// <summary>Idempotency key of the bill and ledger entry of WeChat transaction
    /// <paramref name="transactionId"/>.</summary>
    public static string RechargeKey(string transactionId) => "wechat:" + transactionId;

    /// <summary>Applies <paramref name="paid"/> (trade_state SUCCESS) to its recharge.</summary>
    public async Task<SettlementOutcome> ApplyAsync(WeChatTransaction paid, string source, CancellationToken ct)
    {
        var record = await db.RechargeRecords.AsNoTracking()
            .FirstOrDefaultAsync(r => r.OutTradeNo == paid.OutTradeNo, ct);
        if (record is null)
        {
            log.LogWarning("WeChat payment {Transaction} for unknown order {Order} ({Source})", paid.TransactionId,
                paid.OutTradeNo, source);
            return SettlementOutcome.UnknownOrder;
        }
        if (record.CheckPayment(paid.TotalFen).Failure is { } wrong)
        {
            log.LogError("WeChat payment {Transaction} refused for recharge {Id}: {Reason} ({Source})",
                paid.TransactionId, record.Id, wrong.Message, source);
            return SettlementOutcome.AmountMismatch;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var paidAt = paid.SuccessTimeUtc ?? now;
        await using (var tx = await db.BeginTransactionAsync(ct))
        {
            var changed = await db.RechargeRecords.Where(r => r.Id == record.Id).Where(RechargeRecord.IsPending)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.State, RechargeStates.Paid)
                    .SetProperty(r => r.TradeState, TradeStates.Success)
                    .SetProperty(r => r.TransactionId, paid.TransactionId)
                    .SetProperty(r => r.PaidAt, paidAt)
                    .SetProperty(r => r.StateChangedAt, now)
                    .SetProperty(r => r.UpdateTime, now), ct);
            if (changed == 1)
            {
                var moved = await bills.CreateRechargeBillAsync(record.OrgId, record.Amount, BusinessOps.Recharge,
                    RechargeKey(paid.TransactionId ?? record.Id), ct, note: record.Id);
                db.AuditEntries.Add(Audit.Entry(user, "wechat.recharge.paid", "recharge_logdict", record.Id,
                    new
                    {
                        record.OrgId, record.TotalFen, record.Amount, paid.TransactionId, source,
                        billid = moved.Bill.Id,
                    }));
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                log.LogInformation("Recharge {Id} paid ({Source}): {Fen} fen to org {Org}", record.Id, source,
                    record.TotalFen, record.OrgId);
                return SettlementOutcome.Credited;
            }
        }
        var current = await db.RechargeRecords.AsNoTracking().FirstAsync(r => r.Id == record.Id, ct);
        if (current.State == RechargeStates.Paid && current.TransactionId == paid.TransactionId)
            return SettlementOutcome.AlreadyPaid;
        log.LogError("WeChat payment {Transaction} for recharge {Id} in state {State} ({Source}): not applied",
            paid.TransactionId, record.Id, current.State, source);
        return SettlementOutcome.NotPending;
    }
}
