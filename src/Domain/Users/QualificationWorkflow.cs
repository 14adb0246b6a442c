using Kboss.Domain.Common;
using Kboss.Domain.Marketplace;

namespace Kboss.Domain.Users;

/// <summary>Audit state of a qualification record.</summary>
/// <param name="AuditStatus">pending/approved/rejected.</param>
/// <param name="RejectReason">Reason of the rejection (null unless rejected).</param>
public sealed record QualificationState(string AuditStatus, string? RejectReason);

/// <summary>Who acts on a qualification record.</summary>
public enum QualificationActor
{
    /// <summary>The customer the record belongs to.</summary>
    Customer,
    /// <summary>An operator (or admin) of an org that may manage the owner's org (审核).</summary>
    Operator,
}

/// <summary>What the actor asks for.</summary>
public enum QualificationAction
{
    /// <summary>Edit fields without an audit decision (customer: resubmission; operator: correction, state kept).</summary>
    Edit,
    /// <summary><c>audit_status=approved</c>: approve, clearing the reject reason.</summary>
    Approve,
    /// <summary><c>audit_status=rejected</c>: reject with a reason.</summary>
    Reject,
    /// <summary><c>audit_status=pending</c> by an operator: reopen the audit.</summary>
    Reopen,
}

/// <summary>
/// Outcome of <see cref="QualificationWorkflow.Decide"/>: the new state, or a refusal
/// (<see cref="FailureKind.Forbidden"/> when the actor may never do it, <see cref="FailureKind.InvalidArgument"/>
/// on <c>reject_reason</c> when it is missing).
/// </summary> <param name="State">New state (null when refused).</param>
/// <param name="Failure">Why refused (null when allowed).</param>
public sealed record QualificationTransition(QualificationState? State, Failure? Failure)
{
    /// <summary>True when the transition is allowed.</summary>
    public bool Allowed => Failure is null;
    /// <summary>Kind of the refusal (null when allowed).</summary>
    public FailureKind? Refusal => Failure?.Kind;
    /// <summary>Refusal message (null when allowed).</summary>
    public string? Message => Failure?.Message;
}

/// <summary>
/// The qualification (资质) audit state machine of analysis/catalog.md §4.3 (Q1–Q5) and the note of
/// <c>enterprise_audit_info_update</c>: "1. 客户更新 审批状态默认为待审 2. 运营更新 审批approved, 会把驳回原因reject_reason置空".
/// Pure: it decides; <see cref="EnterpriseAuditInfo.Decide"/> calls it and stores the result.
/// <list type="table">
/// <item><term>customer, any state, edit</term><description>pending, reason cleared (Q4)</description></item>
/// <item><term>customer, approve/reject/reopen</term><description>refused, 403 (no self-audit); <see cref="Classify"/>
/// never asks it: a customer's <c>audit_status</c> is ignored</description></item>
/// <item><term>operator, any state, approve</term><description>approved, reason cleared (Q2)</description></item>
/// <item><term>operator, any state, reject with a reason</term><description>rejected with that reason (Q3); without one: refused</description></item>
/// <item><term>operator, any state, reopen</term><description>pending, reason cleared (Q5)</description></item>
/// <item><term>operator, any state, edit</term><description>state kept</description></item>
/// </list>
/// </summary>
public static class QualificationWorkflow
{
    /// <summary>Refusal message: a customer may not audit its own record.</summary>
    public const string CustomerCannotAudit = "无权限操作: 客户不能审核资质";
    /// <summary>Refusal message: reject without a reason.</summary>
    public const string ReasonRequired = "请填写驳回原因";

    /// <summary>State of a new record (Q1): pending, no reason.</summary>
    public static QualificationState Initial { get; } = new(AuditStatuses.Pending, null);

    /// <summary>
    /// The action a request asks for. A customer's update is always an edit (a resubmission): its
    /// <c>audit_status</c> is ignored, as "客户更新 审批状态默认为待审" says, so the document's example request (which
    /// sends <c>audit_status=approved</c>) resubmits. For an operator: approved → approve, rejected → reject,
    /// pending → reopen, anything else → edit.
    /// </summary>
    public static QualificationAction Classify(QualificationActor actor, string? auditStatus) =>
        actor == QualificationActor.Customer ? QualificationAction.Edit : auditStatus?.Trim() switch
    {
        AuditStatuses.Approved => QualificationAction.Approve,
        AuditStatuses.Rejected => QualificationAction.Reject,
        AuditStatuses.Pending when actor == QualificationActor.Operator => QualificationAction.Reopen,
        _ => QualificationAction.Edit,
    };

    /// <summary>Decides <paramref name="action"/> by <paramref name="actor"/> on a record in <paramref name="current"/>.</summary>
    /// <param name="current">Current state.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="action">What is asked.</param>
    /// <param name="rejectReason">Reason, required for <see cref="QualificationAction.Reject"/>.</param>
    public static QualificationTransition Decide(QualificationState current, QualificationActor actor, QualificationAction action, string? rejectReason = null)
    {
        if (actor == QualificationActor.Customer)
            return action == QualificationAction.Edit
                ? To(new QualificationState(AuditStatuses.Pending, null)) // Q4
                : new QualificationTransition(null, new Failure(FailureKind.Forbidden, CustomerCannotAudit));
        return action switch
        {
            QualificationAction.Edit => To(current),
            QualificationAction.Approve => To(new QualificationState(AuditStatuses.Approved, null)), // Q2
            QualificationAction.Reopen => To(new QualificationState(AuditStatuses.Pending, null)), // Q5
            QualificationAction.Reject => string.IsNullOrWhiteSpace(rejectReason)
                ? new QualificationTransition(null,
                    new Failure(FailureKind.InvalidArgument, ReasonRequired, "reject_reason"))
                : To(new QualificationState(AuditStatuses.Rejected, rejectReason.Trim())), // Q3
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }

    private static QualificationTransition To(QualificationState s) => new(s, null);
}
