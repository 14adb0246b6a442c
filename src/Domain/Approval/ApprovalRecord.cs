using Kboss.Domain.Common;

namespace Kboss.Domain.Approval;

/// <summary>Values of <see cref="ApprovalRecord.Status"/>.</summary>
public static class ApprovalStatus
{
    /// <summary>Stored before the DingTalk create call; the call is in flight.</summary>
    public const string Sending = "sending";
    /// <summary>DingTalk created the instance; waiting for the approvers.</summary>
    public const string Running = "running";
    /// <summary>Approved (terminal).</summary>
    public const string Agree = "agree";
    /// <summary>Refused (terminal).</summary>
    public const string Refuse = "refuse";
    /// <summary>Terminated or revoked in DingTalk (terminal).</summary>
    public const string Terminate = "terminate";
    /// <summary>DingTalk refused the create (terminal; no instance).</summary>
    public const string Failed = "failed";
    /// <summary>The create call's outcome is unknown (time-out): an instance may exist in DingTalk, but kboss never
    /// learnt its id, so no result can be matched (terminal, shown to operators).</summary>
    public const string Unknown = "unknown";

    /// <summary>The results DingTalk reports.</summary>
    public static readonly IReadOnlyList<string> Results = [Agree, Refuse, Terminate];
}

/// <summary>Values of <see cref="ApprovalRecord.CallbackStatus"/> (analysis/platform.md §2.1).</summary>
public static class ApprovalCallbackStatus
{
    /// <summary>No result yet.</summary>
    public const string None = "none";
    /// <summary>Result known; deliveries outstanding.</summary>
    public const string Pending = "pending";
    /// <summary>Every delivery succeeded.</summary>
    public const string Sent = "sent";
    /// <summary>A delivery gave up after its last retry.</summary>
    public const string Failed = "failed";
}

/// <summary>
/// An approval instance (<c>apv_record</c>, analysis/platform.md §2.1 ApvRecord, §4.1):
/// <c>sending → running | failed | unknown</c>, <c>running → agree | refuse | terminate</c>; every target but
/// <c>running</c> is terminal. The same result reported again changes nothing (<see cref="Finish"/> answers
/// <c>false</c>); a different result after the end, or a result before DingTalk created the instance, is refused.
/// <see cref="StatusChangedAt"/> is the concurrency token, so two parallel reports of one result change it once.
/// </summary>
public sealed class ApprovalRecord : Entity, ISoftDeletable
{
    /// <summary>Refused: the record is not waiting for a result.</summary>
    public const string NotRunningMessage = "审批未在进行中";
    /// <summary>Refused: the approval already ended with another result.</summary>
    public const string AlreadyEndedMessage = "审批已结束";

    /// <summary>DingTalk processInstanceId (the documented <c>apv_id</c>); "" until DingTalk created it.</summary>
    public string ApvId { get; private set; } = "";
    /// <summary>Org whose DingTalk app was used.</summary>
    public string OrgId { get; init; } = "";
    /// <summary>kboss initiator.</summary>
    public string? UserId { get; init; }
    /// <summary>The business.</summary>
    public string BusinessId { get; init; } = "";
    /// <summary>Business name at send time (the business code).</summary>
    public string BusinessName { get; init; } = "";
    /// <summary>The business's own item (settlement, invoice…) the approval is about, "" when not given.</summary>
    public string ReferenceId { get; init; } = "";
    /// <summary><c>phone</c> of the send request.</summary>
    public string Phone { get; init; } = "";
    /// <summary>Org the result applies to (echoed in the callback).</summary>
    public string ResultOrg { get; init; } = "";
    /// <summary>Rendered title.</summary>
    public string Title { get; init; } = "";
    /// <summary>Rendered detail.</summary>
    public string Detail { get; init; } = "";
    /// <summary><c>form_component</c> as sent (JSON).</summary>
    public string FormComponent { get; init; } = "{}";
    /// <summary>DingTalk form code used.</summary>
    public string ProcessCode { get; init; } = "";
    /// <summary>DingTalk originator userid.</summary>
    public string OriginatorDdUserId { get; init; } = "";
    /// <summary>Approvers sent (JSON).</summary>
    public string Approvers { get; init; } = "[]";
    /// <summary>One of <see cref="ApprovalStatus"/>.</summary>
    public string Status { get; private set; } = ApprovalStatus.Sending;
    /// <summary>Why the create failed or is unknown; "" otherwise.</summary>
    public string FailureReason { get; private set; } = "";
    /// <summary>When the result arrived (UTC).</summary>
    public DateTime? FinishTime { get; private set; }
    /// <summary>When <see cref="Status"/> last changed (UTC); the concurrency token and the reconciler's age
    /// test.</summary>
    public DateTime StatusChangedAt { get; private set; }
    /// <summary>One of <see cref="ApprovalCallbackStatus"/>.</summary>
    public string CallbackStatus { get; private set; } = ApprovalCallbackStatus.None;
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;

    /// <summary>True while DingTalk may still report a result.</summary>
    public bool IsRunning => Status == ApprovalStatus.Running;

    /// <summary>Marks the record stored before the create call.</summary>
    public void StartSending(DateTime now)
    {
        Status = ApprovalStatus.Sending;
        StatusChangedAt = now;
    }

    /// <summary><c>sending → running</c> with DingTalk's instance id.</summary>
    public Result Started(string instanceId, DateTime now)
    {
        if (Status != ApprovalStatus.Sending) return new Failure(FailureKind.Conflict, NotRunningMessage);
        if (string.IsNullOrWhiteSpace(instanceId))
            return new Failure(FailureKind.InvalidArgument, "钉钉未返回审批实例ID");
        ApvId = instanceId;
        return Move(ApprovalStatus.Running, now);
    }

    /// <summary><c>sending → failed</c> (DingTalk refused) or <c>unknown</c> (no answer).</summary>
    public Result NotStarted(string reason, bool outcomeUnknown, DateTime now)
    {
        if (Status != ApprovalStatus.Sending) return new Failure(FailureKind.Conflict, NotRunningMessage);
        FailureReason = reason;
        return Move(outcomeUnknown ? ApprovalStatus.Unknown : ApprovalStatus.Failed, now);
    }

    /// <summary>
    /// Applies a DingTalk result (<c>agree</c>, <c>refuse</c> or <c>terminate</c>): <c>true</c> when the record
    /// changed (the caller then enqueues the deliveries), <c>false</c> when the same result was already applied.
    /// </summary>
    public Result<bool> Finish(string result, DateTime now)
    {
        if (!ApprovalStatus.Results.Contains(result))
            return new Failure(FailureKind.InvalidArgument, $"未知的审批结果: {result}");
        if (Status == result) return false;
        if (ApprovalStatus.Results.Contains(Status)) return new Failure(FailureKind.Conflict, AlreadyEndedMessage);
        if (Status != ApprovalStatus.Running) return new Failure(FailureKind.Conflict, NotRunningMessage);
        FinishTime = now;
        Move(result, now);
        return true;
    }

    /// <summary>Records how the deliveries of the result stand (from the dispatcher).</summary>
    public void SetCallbackStatus(string status) => CallbackStatus = status;

    private Result Move(string status, DateTime now)
    {
        Status = status;
        StatusChangedAt = now;
        return Result.Done;
    }
}
