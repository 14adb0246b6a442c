using Kboss.Domain.Common;
using Kboss.Domain.Marketplace;

namespace Kboss.Domain.UnitTests;

/// <summary>
/// The published item's own transitions: it stores what <see cref="PublishWorkflow"/> allows and nothing else
/// (analysis/catalog.md §4.2). The full table of the workflow is <see cref="PublishWorkflowTests"/>.
/// </summary>
public sealed class PublishProductTransitionTests
{
    private static PublishProduct Customers() => PublishProduct.Publish("u", "o", publishedByOperator: false);
    private static PublishProduct Operators() => PublishProduct.Publish("op", "o", publishedByOperator: true);

    private static void Unchanged(PublishProduct item, Result r, FailureKind kind, string message)
    {
        var before = item.State;
        r.Failure.Should().NotBeNull();
        r.Failure!.Kind.Should().Be(kind);
        r.Failure.Message.Should().Be(message);
        item.State.Should().Be(before);
    }

    [Fact]
    public void Publish_starts_in_the_workflow_initial_state()
    {
        var c = Customers();
        (c.UserId, c.OrgId, c.AuditStatus, c.ListingStatus, c.DelFlg, c.RejectReason)
            .Should().Be(("u", "o", AuditStatuses.Pending, (string?)null, DelFlag.Alive, (string?)null));
        Operators().State.Should().Be(new PublishState(AuditStatuses.Approved, ListingStatuses.Listing, false));
    }

    [Fact]
    public void Approve_reject_resubmit_list_delist_and_delete_store_each_state()
    {
        var item = Customers();
        item.Decide(PublishActor.Moderator, PublishAction.Reject, " 图片不清晰 ").Ok.Should().BeTrue();
        (item.AuditStatus, item.RejectReason).Should().Be((AuditStatuses.Rejected, "图片不清晰"));
        item.Decide(PublishActor.Customer, PublishAction.Edit).Ok.Should().BeTrue();
        (item.AuditStatus, item.ListingStatus, item.RejectReason)
            .Should().Be((AuditStatuses.Pending, (string?)null, (string?)null));
        item.Decide(PublishActor.Moderator, PublishAction.Approve).Ok.Should().BeTrue();
        item.State.IsPublic.Should().BeTrue();
        item.Decide(PublishActor.Moderator, PublishAction.Delist).Ok.Should().BeTrue();
        item.ListingStatus.Should().Be(ListingStatuses.Delisting);
        item.Decide(PublishActor.Moderator, PublishAction.List).Ok.Should().BeTrue();
        item.ListingStatus.Should().Be(ListingStatuses.Listing);
        item.Decide(PublishActor.Customer, PublishAction.Delete).Ok.Should().BeTrue();
        item.DelFlg.Should().Be(DelFlag.Deleted);
    }

    [Fact]
    public void An_operator_edit_of_its_own_item_republishes_and_a_moderator_edit_keeps_the_state()
    {
        var own = Operators();
        own.Decide(PublishActor.OperatorOwner, PublishAction.Delist).Ok.Should().BeTrue();
        own.Decide(PublishActor.OperatorOwner, PublishAction.Edit).Ok.Should().BeTrue();
        own.State.IsPublic.Should().BeTrue();

        var rejected = Customers();
        rejected.Decide(PublishActor.Moderator, PublishAction.Reject, "x").Ok.Should().BeTrue();
        rejected.Decide(PublishActor.Moderator, PublishAction.Edit).Ok.Should().BeTrue();
        (rejected.AuditStatus, rejected.RejectReason).Should().Be((AuditStatuses.Rejected, "x"));
    }

    [Fact]
    public void Every_refusal_leaves_the_item_unchanged()
    {
        var pending = Customers();
        Unchanged(pending, pending.Decide(PublishActor.Customer, PublishAction.Approve), FailureKind.Forbidden,
            PublishWorkflow.CustomerCannotAudit);
        Unchanged(pending, pending.Decide(PublishActor.Customer, PublishAction.List), FailureKind.Forbidden,
            PublishWorkflow.CustomerCannotList);
        Unchanged(pending, pending.Decide(PublishActor.Moderator, PublishAction.List), FailureKind.Conflict,
            PublishWorkflow.CannotList);
        Unchanged(pending, pending.Decide(PublishActor.Moderator, PublishAction.Delist), FailureKind.Conflict,
            PublishWorkflow.CannotDelist);
        var missing = pending.Decide(PublishActor.Moderator, PublishAction.Reject, " ");
        Unchanged(pending, missing, FailureKind.InvalidArgument, PublishWorkflow.ReasonRequired);
        missing.Failure!.Param.Should().Be("reject_reason");

        var own = Operators();
        Unchanged(own, own.Decide(PublishActor.OperatorOwner, PublishAction.Approve), FailureKind.Conflict,
            PublishWorkflow.OwnItemNoAudit);
        Unchanged(own, own.Decide(PublishActor.Moderator, PublishAction.Approve), FailureKind.Conflict,
            PublishWorkflow.CannotApprove);
        Unchanged(own, own.Decide(PublishActor.Moderator, PublishAction.Reject, "x"), FailureKind.Conflict,
            PublishWorkflow.CannotReject);

        own.Decide(PublishActor.OperatorOwner, PublishAction.Delete).Ok.Should().BeTrue();
        foreach (var action in Enum.GetValues<PublishAction>())
            Unchanged(own, own.Decide(PublishActor.OperatorOwner, action, "x"), FailureKind.NotFound,
                PublishWorkflow.Gone);
    }
}
