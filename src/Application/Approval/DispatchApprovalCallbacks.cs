using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Approval;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kboss.Application.Approval;

/// <summary>
/// The outbox dispatcher (Quartz job <c>ApprovalCallbacks</c>, ADR 0026): delivers due approval results, each claimed
/// first by a conditional update (so two dispatchers never deliver one row at once), delivered with no transaction
/// open, then marked sent or failed with the next attempt after the back-off (<c>Approval:CallbackBackoffSeconds</c>).
/// A <c>url</c> row is POSTed, signed, to the business's callback URL; a <c>handler</c> row runs the business's
/// <see cref="IApprovalResultHandler"/>, whose tracked changes are saved with the "sent" mark in one transaction.
/// Answers how many rows were delivered.
/// </summary>
public sealed record DispatchApprovalCallbacks : ICommand<int>
{
    /// <summary>Most rows per run.</summary>
    public int Batch { get; init; } = 50;
}

public sealed class DispatchApprovalCallbacksHandler(IKbossDbContext db, IApprovalCallbackSender sender,
    IEnumerable<IApprovalResultHandler> handlers, ISecretProtector secrets, ApprovalOptions options,
    TimeProvider clock, ILogger<DispatchApprovalCallbacksHandler> log) : ICommandHandler<DispatchApprovalCallbacks, int>
{
    public async ValueTask<int> Handle(DispatchApprovalCallbacks c, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.ApprovalDeliveries.AsNoTracking()
            .Where(d => d.State == DeliveryStates.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt).Take(c.Batch).Select(d => new { d.Id, d.NextAttemptAt }).ToListAsync(ct);
        var sent = 0;
        foreach (var row in due)
        {
            // the claim: an attempt in flight holds the row for longer than any call may take
            var lease = clock.GetUtcNow().UtcDateTime + options.CallTimeout * 3;
            var claimed = await db.ApprovalDeliveries
                .Where(d => d.Id == row.Id && d.State == DeliveryStates.Pending && d.NextAttemptAt == row.NextAttemptAt)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, lease), ct);
            if (claimed == 0) continue;
            if (await DeliverAsync(row.Id, ct)) sent++;
        }
        return sent;
    }

    private async Task<bool> DeliverAsync(string id, CancellationToken ct)
    {
        var delivery = await db.ApprovalDeliveries.FirstAsync(d => d.Id == id, ct);
        var record = await db.ApprovalRecords.IgnoreQueryFilters().FirstAsync(r => r.Id == delivery.RecordId, ct);
        string error;
        if (delivery.Target == DeliveryTargets.Handler)
        {
            var handler = handlers.FirstOrDefault(h => h.BusinessCode == record.BusinessName);
            try
            {
                if (handler is null)
                    throw new InvalidOperationException("no result handler for " + record.BusinessName);
                await handler.HandleAsync(ApprovalResults.ResultOf(record, delivery.EventId), ct);
                return await FinishAsync(delivery, record, null, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Approval result handler {Business} failed for {EventId}", record.BusinessName,
                    delivery.EventId);
                error = e.Message;
                db.ClearChanges(); // drop whatever the handler changed
                delivery = await db.ApprovalDeliveries.FirstAsync(d => d.Id == id, ct);
                record = await db.ApprovalRecords.IgnoreQueryFilters().FirstAsync(r => r.Id == delivery.RecordId, ct);
            }
        }
        else
        {
            var business = await db.ApvBusinesses.IgnoreQueryFilters().AsNoTracking()
                .FirstAsync(b => b.Id == delivery.BusinessId, ct);
            var outcome = await sender.PostAsync(business.CallbackUrl, secrets.Unprotect(business.CallbackSecret),
                delivery.EventId, delivery.Payload, ct);
            if (outcome.Delivered) return await FinishAsync(delivery, record, null, ct);
            error = outcome.Error;
        }
        await FinishAsync(delivery, record, error, ct);
        return false;
    }

    /// <summary>Marks the attempt and the record's callback status in one save.</summary>
    private async Task<bool> FinishAsync(ApprovalDelivery delivery, ApprovalRecord record, string? error,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (error is null) delivery.Succeeded(now);
        else delivery.Failed(error, now, options.CallbackBackoff);
        var states = await db.ApprovalDeliveries.AsNoTracking()
            .Where(d => d.RecordId == record.Id && d.Id != delivery.Id).Select(d => d.State).ToListAsync(ct);
        states.Add(delivery.State);
        record.SetCallbackStatus(states.Contains(DeliveryStates.Failed) ? ApprovalCallbackStatus.Failed
            : states.All(s => s == DeliveryStates.Sent) ? ApprovalCallbackStatus.Sent : ApprovalCallbackStatus.Pending);
        await db.SaveChangesAsync(ct);
        return error is null;
    }
}
