using System.Text.Json;
using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Approval;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kboss.Application.Approval;

/// <summary>
/// Applies a DingTalk result to its record and enqueues the deliveries in the same save (the outbox): one
/// <c>handler</c> row when an <see cref="IApprovalResultHandler"/> serves the business code, one <c>url</c> row when
/// the business has a callback URL (read even from a deleted business, analysis/platform.md §3.1 E10). The same result
/// again changes nothing; two reports racing are settled by the record's concurrency token and the unique
/// <c>(event_id, target)</c> index, so the result is enqueued once.
/// </summary>
public sealed class ApprovalResults(IKbossDbContext db, IEnumerable<IApprovalResultHandler> handlers,
    TimeProvider clock, ILogger<ApprovalResults> log)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Applies <paramref name="result"/> (<c>agree</c>, <c>refuse</c>, <c>terminate</c>) to the record of DingTalk
    /// instance <paramref name="apvId"/> sent with <paramref name="orgId"/>'s app: true when this call changed it;
    /// false for an unknown instance (or another org's), a repeat or a result the record's state refuses (logged).
    /// </summary>
    public async Task<bool> ApplyAsync(string orgId, string apvId, string result, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var record = await db.ApprovalRecords.FirstOrDefaultAsync(r => r.ApvId == apvId && r.OrgId == orgId, ct);
            if (record is null) return false;
            var now = clock.GetUtcNow().UtcDateTime;
            var changed = record.Finish(result, now);
            if (changed.Failure is { } refusal)
            {
                log.LogWarning("Approval {ApvId} result {Result} ignored: {Reason}", apvId, result, refusal.Message);
                return false;
            }
            if (!changed.Value) return false;
            var deliveries = await DeliveriesAsync(record, now, ct);
            db.ApprovalDeliveries.AddRange(deliveries);
            record.SetCallbackStatus(deliveries.Count > 0
                ? ApprovalCallbackStatus.Pending
                : ApprovalCallbackStatus.Sent);
            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || db.IsUniqueViolation(e))
            {
                db.ClearChanges(); // another report applied it first: read again, it is a repeat now
            }
        }
        return false;
    }

    private async Task<List<ApprovalDelivery>> DeliveriesAsync(ApprovalRecord record, DateTime now,
        CancellationToken ct)
    {
        var business = await db.ApvBusinesses.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(b => b.Id == record.BusinessId, ct);
        var eventId = $"{record.Id}.{record.Status}";
        var payload = JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["apv_id"] = record.ApvId, ["status"] = record.Status, ["event_id"] = eventId,
            ["business_id"] = record.BusinessId, ["business_name"] = record.BusinessName,
            ["reference_id"] = record.ReferenceId, ["orgid"] = record.OrgId, ["result_org"] = record.ResultOrg,
            ["user_id"] = record.UserId,
        }, Json);
        var list = new List<ApprovalDelivery>();
        if (handlers.Any(h => h.BusinessCode == record.BusinessName))
            list.Add(New(DeliveryTargets.Handler));
        if (!string.IsNullOrWhiteSpace(business?.CallbackUrl))
            list.Add(New(DeliveryTargets.Url));
        return list;

        ApprovalDelivery New(string target) => new()
        {
            RecordId = record.Id, EventId = eventId, Target = target, BusinessId = record.BusinessId,
            Payload = payload, NextAttemptAt = now,
        };
    }

    /// <summary>The result a handler receives for <paramref name="record"/>.</summary>
    public static ApprovalResult ResultOf(ApprovalRecord record, string eventId) => new(eventId, record.ApvId,
        record.Id, record.OrgId, record.BusinessName, record.ReferenceId, record.Status, record.ResultOrg,
        record.UserId);
}
