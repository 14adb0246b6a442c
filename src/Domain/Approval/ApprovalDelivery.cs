using Kboss.Domain.Common;

namespace Kboss.Domain.Approval;

/// <summary>Values of <see cref="ApprovalDelivery.Target"/>.</summary>
public static class DeliveryTargets
{
    /// <summary>POST to the business's callback URL.</summary>
    public const string Url = "url";
    /// <summary>The in-process result handler registered under the business code.</summary>
    public const string Handler = "handler";
}

/// <summary>Values of <see cref="ApprovalDelivery.State"/>.</summary>
public static class DeliveryStates
{
    /// <summary>Due at <see cref="ApprovalDelivery.NextAttemptAt"/>.</summary>
    public const string Pending = "pending";
    /// <summary>Delivered.</summary>
    public const string Sent = "sent";
    /// <summary>Gave up after the last retry.</summary>
    public const string Failed = "failed";
}

/// <summary>
/// The outbox of approval results (<c>apv_delivery</c>): one row per (result event, target), written in the same
/// transaction as the record's result, so a result is never lost and never enqueued twice (unique
/// <c>(event_id, target)</c>). The dispatcher claims a due row, delivers it outside any transaction, then records
/// <see cref="Succeeded"/> or <see cref="Failed"/>; retries follow the back-off schedule.
/// </summary>
public sealed class ApprovalDelivery : Entity
{
    /// <summary>The record.</summary>
    public string RecordId { get; init; } = "";
    /// <summary>Id of the result event (the same for every target): receivers deduplicate on it.</summary>
    public string EventId { get; init; } = "";
    /// <summary>One of <see cref="DeliveryTargets"/>.</summary>
    public string Target { get; init; } = DeliveryTargets.Url;
    /// <summary>The business.</summary>
    public string BusinessId { get; init; } = "";
    /// <summary>JSON body delivered (the same bytes on every attempt, so signatures are comparable).</summary>
    public string Payload { get; init; } = "{}";
    /// <summary>One of <see cref="DeliveryStates"/>.</summary>
    public string State { get; private set; } = DeliveryStates.Pending;
    /// <summary>Attempts made.</summary>
    public int Attempts { get; private set; }
    /// <summary>When the next attempt is due (UTC); moved forward while an attempt is in flight.</summary>
    public DateTime NextAttemptAt { get; set; }
    /// <summary>Last failure, "" when none.</summary>
    public string LastError { get; private set; } = "";
    /// <summary>When delivered (UTC).</summary>
    public DateTime? SentAt { get; private set; }

    /// <summary>Delivered.</summary>
    public Result Succeeded(DateTime now)
    {
        if (State != DeliveryStates.Pending) return new Failure(FailureKind.Conflict, "投递已结束");
        Attempts++;
        State = DeliveryStates.Sent;
        SentAt = now;
        LastError = "";
        return Result.Done;
    }

    /// <summary>
    /// A failed attempt: due again after <paramref name="backoff"/>[attempts − 1], or <c>failed</c> once every
    /// back-off step is used.
    /// </summary>
    public Result Failed(string error, DateTime now, IReadOnlyList<TimeSpan> backoff)
    {
        if (State != DeliveryStates.Pending) return new Failure(FailureKind.Conflict, "投递已结束");
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        if (Attempts > backoff.Count) State = DeliveryStates.Failed;
        else NextAttemptAt = now + backoff[Attempts - 1];
        return Result.Done;
    }
}
