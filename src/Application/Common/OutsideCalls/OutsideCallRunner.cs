using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kboss.Application.Common.OutsideCalls;

/// <summary>What a handler supplies for one outside call.</summary>
/// <param name="Reserve">Inside a short transaction: conditional stock update, the row's <c>Start…</c> transition
/// (given
/// the time), audit, <c>SaveChangesAsync</c> (it may catch a unique violation there). Throws to refuse.</param>
/// <param name="Call">The outside call; no transaction is open. Throws <see cref="OutsideCallException"/> on
/// failure.</param>
/// <param name="Undo">Extra compensation inside the settling transaction (an update restores its old values and stock);
/// null when giving back what the row holds is enough.</param>
public sealed record OutsideCallSteps(
    Func<DateTime, CancellationToken, Task> Reserve,
    Func<CancellationToken, Task> Call,
    Func<CancellationToken, Task>? Undo = null);

/// <summary>Counts of one reconciler pass over one kind.</summary>
/// <param name="Kind">Kind name.</param>
/// <param name="Confirmed">Rows completed (live, or deleted).</param>
/// <param name="Compensated">Rows compensated (failed with stock given back, or back to live).</param>
/// <param name="Undecided">Rows left open because the outside system could not be asked.</param>
public sealed record ReconcileCounts(string Kind, int Confirmed, int Compensated, int Undecided);

/// <summary>
/// The outside-call pattern, written once (ADR 0015; docs/patterns.md "Calling an outside system"):
/// <b>reserve</b> in a short transaction → <b>call</b> outside any transaction with a time-out, never retried →
/// <b>confirm</b> or <b>compensate</b> in a short transaction → an unknown outcome stays <c>pending_reconcile</c> for
/// <see cref="ReconcileAsync{TRow}"/>. Settling runs with <see cref="CancellationToken.None"/>: once the outside system
/// has answered, the row must say so even if the caller has gone.
/// </summary>
public sealed class OutsideCallRunner(IKbossDbContext db, OutsideCallOptions options, TimeProvider clock,
    ICurrentUser user, ILogger<OutsideCallRunner> log)
{
    /// <summary>Rows one reconciler pass settles per kind at most.</summary>
    public const int BatchSize = 200;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Runs <paramref name="steps"/> for <paramref name="row"/>.</summary>
    /// <exception cref="BusinessException">Whatever <c>Reserve</c> refused; the call's failure (its code, usually
    /// <c>upstream_failed</c>, reservation compensated); an unknown outcome (<c>upstream_failed</c>, row
    /// pending_reconcile).</exception>
    public async Task RunAsync<TRow>(IOutsideEffectKind<TRow> kind, TRow row, OutsideCallSteps steps,
        CancellationToken ct) where TRow : OutsideEffectEntity
    {
        await using (var tx = await db.BeginTransactionAsync(ct))
        {
            await steps.Reserve(Now, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        kind.Settled(row);

        OutsideCallException? failure = null;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using (var limit = new CancellationTokenSource(options.CallTimeout))
        {
            try
            {
                await steps.Call(limit.Token);
            }
            catch (OutsideCallException e)
            {
                failure = e;
            }
            catch (OperationCanceledException e) when (limit.IsCancellationRequested)
            {
                failure = new OutsideCallException($"{kind.System}未在 {options.CallTimeout.TotalSeconds:0} 秒内答复",
                    ErrorCodes.UpstreamFailed, outcomeUnknown: true, e);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                log.LogError(e, "Outside call for {Kind} {Id} failed unexpectedly; outcome unknown", kind.Name, row.Id);
                failure = new OutsideCallException($"{kind.System}调用出现内部错误", ErrorCodes.UpstreamFailed,
                    outcomeUnknown: true, e);
            }
        }

        Metrics.KbossMetrics.OutsideCall(kind.System, System.Diagnostics.Stopwatch.GetElapsedTime(started), failure is null);
        if (failure is null)
        {
            await SettleAsync(kind, row, r => r.Confirm(Now), null, CancellationToken.None);
            return;
        }
        if (failure.OutcomeUnknown)
        {
            log.LogWarning("Outside call for {Kind} {Id}: outcome unknown ({Reason}); left for the reconciler",
                kind.Name, row.Id, failure.Message);
            await SettleAsync(kind, row, r => r.MarkUnknown(failure.Message, Now), null, CancellationToken.None);
            throw new BusinessException($"{failure.Message};结果待核对,系统将自动完成或撤销", ErrorCodes.UpstreamFailed);
        }
        await SettleAsync(kind, row, r => r.Compensate(failure.Message, Now), steps.Undo, CancellationToken.None);
        throw new BusinessException(failure.Message, failure.Code);
    }

    /// <summary>
    /// One reconciler pass over <paramref name="kind"/>: every row open since before <paramref name="cutoffUtc"/> is
    /// checked against the outside system and completed or compensated. Create/update: the object exists → live, else
    /// failed with its stock given back. Delete: the object is gone → deleted with its stock given back, else back to
    /// where it was. A row the system can't be asked about stays open; a row settled meanwhile by someone else is
    /// skipped. </summary>
    public async Task<ReconcileCounts> ReconcileAsync<TRow>(IOutsideEffectKind<TRow> kind, DateTime cutoffUtc,
        CancellationToken ct) where TRow : OutsideEffectEntity
    {
        var open = OutsideStates.Open.ToArray();
        var rows = await kind.Rows.Where(r => open.Contains(r.State) && r.StateChangedAt < cutoffUtc)
            .OrderBy(r => r.StateChangedAt).Take(BatchSize).ToListAsync(ct);
        int confirmed = 0, compensated = 0, undecided = 0;
        foreach (var row in rows)
        {
            bool exists;
            try
            {
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
                limit.CancelAfter(options.CallTimeout);
                exists = await kind.ExistsAsync(row, limit.Token);
            }
            catch (Exception e) when (e is OutsideCallException or BusinessException
                                          || (e is OperationCanceledException && !ct.IsCancellationRequested))
            {
                log.LogWarning("Reconciler: {Kind} {Id} left open, {System} can't be asked: {Reason}",
                    kind.Name, row.Id, kind.System, e.Message);
                undecided++;
                continue;
            }
            var deleting = row.Operation == OutsideOperations.Delete;
            var complete = deleting ? !exists : exists;
            var before = row.State;
            try
            {
                await SettleAsync(kind, row, r =>
                {
                    if (complete) r.Confirm(Now);
                    else if (deleting) r.Compensate($"核对: {kind.System}上的对象仍在,删除未生效", Now);
                    else r.Abandon($"核对: {kind.System}上没有该对象,已撤销并退还库存", Now);
                    db.AuditEntries.Add(Audit.Entry(user, "outside_call.reconciled", kind.Name, r.Id,
                        new { before, after = r.State, operation = deleting ? OutsideOperations.Delete : "", exists }));
                }, null, ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ClearChanges(); // settled by its handler meanwhile
                continue;
            }
            if (complete) confirmed++;
            else compensated++;
        }
        if (rows.Count > 0)
            log.LogInformation("Reconciler: {Kind} {Confirmed} confirmed, {Compensated} compensated, {Undecided} open",
                kind.Name, confirmed, compensated, undecided);
        return new ReconcileCounts(kind.Name, confirmed, compensated, undecided);
    }

    /// <summary>One short transaction: <paramref name="undo"/>, the transition, and the release of what the row stopped
    /// holding.</summary>
    private async Task SettleAsync<TRow>(IOutsideEffectKind<TRow> kind, TRow row, Action<TRow> transition,
        Func<CancellationToken, Task>? undo, CancellationToken ct) where TRow : OutsideEffectEntity
    {
        await using (var tx = await db.BeginTransactionAsync(ct))
        {
            var held = row.HoldsStock;
            if (undo is not null) await undo(ct);
            transition(row);
            if (held && !row.HoldsStock) await kind.ReleaseAsync(row, ct);
            await kind.AfterTransitionAsync(row, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        kind.Settled(row);
    }
}
