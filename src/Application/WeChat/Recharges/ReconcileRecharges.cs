using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Domain.WeChat;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kboss.Application.WeChat.Recharges;

/// <summary>Counts of one reconciler pass.</summary>
/// <param name="Paid">Recharges WeChat reported paid (credited now, or already).</param>
/// <param name="Closed">Closed (expired unpaid, or closed/revoked at WeChat) or failed.</param>
/// <param name="Open">Still waiting for the payer, or WeChat could not be asked.</param>
public sealed record RechargeReconcileCounts(int Paid, int Closed, int Open);

/// <summary>
/// The WeChat Pay reconciler (scheduled as <c>WeChatPayReconciler</c>, ADR 0019/0030): for recharges pending longer
/// than <c>WeChatPay:ReconcileAfterMinutes</c> (lost notifications, lost order answers), asks WeChat by out_trade_no
/// — outside any transaction — and applies the answer: SUCCESS → the same confirm step as the notify
/// (<see cref="RechargeSettlement"/>); CLOSED/REVOKED/PAYERROR → closed/failed; unpaid past its expiry → the order is
/// closed at WeChat, then the record; no such order at WeChat → failed when the order was never placed (or closed once
/// expired). Safe to run again or beside a notification (the state is a concurrency token).
/// </summary>
/// <param name="Age">Override of the age (tests; a manual pass).</param>
public sealed record ReconcileRecharges(TimeSpan? Age = null) : ICommand<RechargeReconcileCounts>
{
    /// <summary>A pass with the configured age (what the scheduler sends).</summary>
    public ReconcileRecharges() : this((TimeSpan?)null) { }
}

public sealed class ReconcileRechargesHandler(IKbossDbContext db, IWeChatPayClient pay, WeChatPayLimits limits,
    OutsideCallOptions calls, RechargeSettlement settlement, TimeProvider clock, ILogger<ReconcileRechargesHandler> log)
    : ICommandHandler<ReconcileRecharges, RechargeReconcileCounts>
{
    /// <summary>Records one pass looks at, at most.</summary>
    public const int BatchSize = 100;

    public async ValueTask<RechargeReconcileCounts> Handle(ReconcileRecharges c, CancellationToken ct)
    {
        if (!pay.IsConfigured) return new(0, 0, 0);
        var cutoff = clock.GetUtcNow().UtcDateTime - (c.Age ?? limits.ReconcileAfter);
        var ids = await db.RechargeRecords.AsNoTracking()
            .Where(r => r.State == RechargeStates.Pending && r.StateChangedAt <= cutoff)
            .OrderBy(r => r.StateChangedAt).Take(BatchSize).Select(r => r.Id).ToListAsync(ct);
        int paid = 0, closed = 0, open = 0;
        foreach (var id in ids)
        {
            var outcome = await ReconcileAsync(id, ct);
            if (outcome == RechargeStates.Paid) paid++;
            else if (outcome is RechargeStates.Closed or RechargeStates.Failed) closed++;
            else open++;
        }
        if (ids.Count > 0)
            log.LogInformation("WeChat Pay reconciler: {Paid} paid, {Closed} closed, {Open} open", paid, closed, open);
        return new(paid, closed, open);
    }

    private async Task<string> ReconcileAsync(string id, CancellationToken ct)
    {
        db.ClearChanges();
        var record = await db.RechargeRecords.FirstAsync(r => r.Id == id, ct);
        WeChatTransaction? found;
        try
        {
            found = await AskAsync(t => pay.QueryOrderAsync(record.OutTradeNo, t), ct);
        }
        catch (OutsideCallException e)
        {
            log.LogWarning("WeChat Pay reconciler: recharge {Id} left open, {Reason}", id, e.Message);
            return RechargeStates.Pending;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = now >= record.ExpiresAt;
        switch (found?.TradeState)
        {
            case TradeStates.Success:
                SettlementOutcome applied;
                try
                {
                    applied = await settlement.ApplyAsync(found, "reconcile", ct);
                }
                catch (BusinessException e)
                {
                    log.LogError("WeChat Pay reconciler: recharge {Id} paid but not credited: {Reason}", id, e.Message);
                    return RechargeStates.Pending;
                }
                return applied is SettlementOutcome.Credited or SettlementOutcome.AlreadyPaid
                    ? RechargeStates.Paid : RechargeStates.Pending;
            case TradeStates.Closed or TradeStates.Revoked:
                return await SettleAsync(record, r => r.Close("微信支付订单已关闭", found.TradeState, now));
            case TradeStates.PayError:
                return await SettleAsync(record, r => r.Fail("微信支付失败", TradeStates.PayError, now));
            case null when record.CodeUrl is null && record.PrepayId is null:
                return await SettleAsync(record, r => r.Fail("微信侧没有该订单,下单未成功", TradeStates.PayError, now));
            case null when expired:
                return await SettleAsync(record, r => r.Close("超时未支付", TradeStates.Closed, now));
            case not null when expired:
                try
                {
                    await AskAsync(async t => { await pay.CloseOrderAsync(record.OutTradeNo, t); return 0; }, ct);
                }
                catch (OutsideCallException e)
                {
                    log.LogWarning("WeChat Pay reconciler: closing recharge {Id} failed: {Reason}", id, e.Message);
                    return RechargeStates.Pending; // e.g. paid meanwhile: the next pass sees SUCCESS
                }
                return await SettleAsync(record, r => r.Close("超时未支付,已关闭微信订单", TradeStates.Closed, now));
            default:
                return RechargeStates.Pending;
        }
    }

    private async Task<T> AskAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(calls.CallTimeout);
        try
        {
            return await call(limit.Token);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new OutsideCallException("微信支付未及时答复", Common.Models.ErrorCodes.UpstreamFailed, true, e);
        }
    }

    private async Task<string> SettleAsync(RechargeRecord record, Func<RechargeRecord, Domain.Common.Result> change)
    {
        if (!change(record).Ok) return record.State;
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ClearChanges(); // a notification settled it meanwhile
            return RechargeStates.Pending;
        }
        return record.State;
    }
}
