using Kboss.Domain.Common;

namespace Kboss.Domain.Marketplace;

/// <summary>Workflow state of a published item: audit status, listing status (null = 空) and deletion.</summary>
/// <param name="AuditStatus">pending/approved/rejected.</param>
/// <param name="ListingStatus">listing/delisting/null.</param>
/// <param name="Deleted">Soft-deleted (terminal).</param>
public sealed record PublishState(string AuditStatus, string? ListingStatus, bool Deleted)
{
    /// <summary>Visible to the public (V(item) of analysis §4.1 without the site filter).</summary>
    public bool IsPublic =>
        !Deleted && AuditStatus == AuditStatuses.Approved && ListingStatus == ListingStatuses.Listing;
}

/// <summary>Who acts on an item, relative to it.</summary>
public enum PublishActor
{
    /// <summary>A customer (any non-operator role) acting on an item it published.</summary>
    Customer,
    /// <summary>An operator (or admin) acting on an item it published.</summary>
    OperatorOwner,
    /// <summary>
    /// An operator (or admin) acting on someone else's item of an org it may manage (审核/moderation).
    /// </summary>
    Moderator,
}

/// <summary>What the actor asks for.</summary>
public enum PublishAction
{
    /// <summary>
    /// Edit fields (customer: resubmit for audit; operator-owner: re-publish; moderator: states unchanged).
    /// </summary>
    Edit,
    /// <summary>Audit → approved (lists the item).</summary>
    Approve,
    /// <summary>Audit → rejected with a reason.</summary>
    Reject,
    /// <summary>Put an approved item back on the square.</summary>
    List,
    /// <summary>Take a listed item off the square.</summary>
    Delist,
    /// <summary>Soft delete (terminal).</summary>
    Delete,
}

/// <summary>
/// Outcome of <see cref="PublishWorkflow.Decide"/>: the new state, or a refusal with a Chinese message
/// (<see cref="FailureKind.Forbidden"/> when the actor may never do it, <see cref="FailureKind.Conflict"/> when the
/// state does not allow it, <see cref="FailureKind.InvalidArgument"/> on <c>reject_reason</c> when the reason is
/// missing, <see cref="FailureKind.NotFound"/> when the item is deleted).
/// </summary> <param name="State">New state (null when refused).</param>
/// <param name="RejectReason">Reject reason to store with the new state.</param>
/// <param name="Failure">Why refused (null when allowed).</param>
public sealed record PublishTransition(PublishState? State, string? RejectReason, Failure? Failure)
{
    /// <summary>True when the transition is allowed.</summary>
    public bool Allowed => Failure is null;
    /// <summary>The refusal's kind (null when allowed).</summary>
    public FailureKind? Refusal => Failure?.Kind;
    /// <summary>Refusal message.</summary>
    public string? Message => Failure?.Message;

    internal static PublishTransition To(PublishState s, string? reason = null) => new(s, reason, null);
}

/// <summary>
/// The publish workflow state machine of analysis/catalog.md §4.2 (scenarios S1–S14 of 04-marketplace.md
/// <c>publish_product_update</c>). Pure: it decides; <see cref="PublishProduct.Decide"/> stores the result.
/// </summary>
public static class PublishWorkflow
{
    /// <summary>Refusal message: a customer may not audit.</summary>
    public const string CustomerCannotAudit = "无权限操作: 客户不能审核";
    /// <summary>Refusal message: customers have no list action (approval lists).</summary>
    public const string CustomerCannotList = "无权限操作: 客户不能直接上架,请编辑后重新提交审核";
    /// <summary>Refusal message: an operator's own items are approved automatically.</summary>
    public const string OwnItemNoAudit = "运营发布的商品默认审核通过,无需审核";
    /// <summary>Refusal message: approve from a state other than pending/rejected.</summary>
    public const string CannotApprove = "当前状态不可审核通过";
    /// <summary>Refusal message: reject from a state other than pending.</summary>
    public const string CannotReject = "当前状态不可驳回";
    /// <summary>Refusal message: reject without a reason.</summary>
    public const string ReasonRequired = "请填写驳回原因";
    /// <summary>Refusal message: delist when not listed.</summary>
    public const string CannotDelist = "当前状态不可下架";
    /// <summary>Refusal message: list when not approved or already listed.</summary>
    public const string CannotList = "当前状态不可上架";
    /// <summary>Refusal message: the item is deleted.</summary>
    public const string Gone = "记录不存在";

    private static readonly PublishState PendingState = new(AuditStatuses.Pending, null, false);
    private static readonly PublishState RejectedState = new(AuditStatuses.Rejected, null, false);
    private static readonly PublishState ListedState = new(AuditStatuses.Approved, ListingStatuses.Listing, false);

    /// <summary>
    /// State of a new item: customers' are pending and unlisted (S1), operators' approved and listed (S2).
    /// </summary>
    public static PublishState Initial(bool publishedByOperator) => publishedByOperator ? ListedState : PendingState;

    /// <summary>
    /// Decides <paramref name="action"/> by <paramref name="actor"/> on an item in <paramref name="current"/>.
    /// </summary> <param name="current">Current state.</param>
    /// <param name="currentReason">Stored reject reason (kept where the state's audit part does not change).</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="action">What is asked.</param>
    /// <param name="rejectReason">Reason, required for <see cref="PublishAction.Reject"/>.</param>
    public static PublishTransition Decide(PublishState current, string? currentReason, PublishActor actor,
        PublishAction action, string? rejectReason = null)
    {
        if (current.Deleted) return Refuse(FailureKind.NotFound, Gone);
        switch (action)
        {
            case PublishAction.Delete:
                return PublishTransition.To(current with { Deleted = true }, currentReason); // S7, S13, S14
            case PublishAction.Delist:
                return current.ListingStatus == ListingStatuses.Listing // S8, S10, S12
                    ? PublishTransition.To(current with { ListingStatus = ListingStatuses.Delisting }, currentReason)
                    : Refuse(FailureKind.Conflict, CannotDelist);
            case PublishAction.Edit:
                return actor switch
                {
                    PublishActor.Customer => PublishTransition.To(PendingState), // S9, S11
                    PublishActor.OperatorOwner => PublishTransition.To(ListedState), // S6
                    _ => PublishTransition.To(current, currentReason), // S5
                };
            case PublishAction.List:
                if (actor == PublishActor.Customer) return Refuse(FailureKind.Forbidden, CustomerCannotList);
                return current.AuditStatus == AuditStatuses.Approved && current.ListingStatus != ListingStatuses.Listing
                    ? PublishTransition.To(current with { ListingStatus = ListingStatuses.Listing }, currentReason)
                    : Refuse(FailureKind.Conflict, CannotList);
            case PublishAction.Approve:
                if (actor == PublishActor.Customer) return Refuse(FailureKind.Forbidden, CustomerCannotAudit);
                if (actor == PublishActor.OperatorOwner) return Refuse(FailureKind.Conflict, OwnItemNoAudit);
                return current.AuditStatus is AuditStatuses.Pending or AuditStatuses.Rejected
                    ? PublishTransition.To(ListedState) // S3
                    : Refuse(FailureKind.Conflict, CannotApprove);
            case PublishAction.Reject:
                if (actor == PublishActor.Customer) return Refuse(FailureKind.Forbidden, CustomerCannotAudit);
                if (actor == PublishActor.OperatorOwner) return Refuse(FailureKind.Conflict, OwnItemNoAudit);
                if (current.AuditStatus != AuditStatuses.Pending) return Refuse(FailureKind.Conflict, CannotReject);
                if (string.IsNullOrWhiteSpace(rejectReason))
                    return Refuse(FailureKind.InvalidArgument, ReasonRequired, "reject_reason");
                return PublishTransition.To(RejectedState, rejectReason.Trim()); // S4
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    private static PublishTransition Refuse(FailureKind kind, string message, string? param = null) =>
        new(null, null, new Failure(kind, message, param));
}
