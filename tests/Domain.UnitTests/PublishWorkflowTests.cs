using Kboss.Domain.Common;
using Kboss.Domain.Marketplace;

namespace Kboss.Domain.UnitTests;

/// <summary>Every allowed and refused transition of the publish workflow (analysis/catalog.md §4.2, S1–S14).</summary>
public sealed class PublishWorkflowTests
{
    private static readonly PublishState Pending = new(AuditStatuses.Pending, null, false);
    private static readonly PublishState Rejected = new(AuditStatuses.Rejected, null, false);
    private static readonly PublishState Listed = new(AuditStatuses.Approved, ListingStatuses.Listing, false);
    private static readonly PublishState Delisted = new(AuditStatuses.Approved, ListingStatuses.Delisting, false);
    private static readonly PublishState[] Live = [Pending, Rejected, Listed, Delisted];

    private static PublishState Ok(PublishState from, PublishActor actor, PublishAction action, string? reason = null, string? stored = null)
    {
        var t = PublishWorkflow.Decide(from, stored, actor, action, reason);
        t.Allowed.Should().BeTrue($"{actor} {action} from {from} should be allowed, got {t.Message}");
        return t.State!;
    }

    private static void Refused(PublishState from, PublishActor actor, PublishAction action, FailureKind kind, string message, string? reason = null)
    {
        var t = PublishWorkflow.Decide(from, null, actor, action, reason);
        t.Allowed.Should().BeFalse($"{actor} {action} from {from}");
        t.Refusal.Should().Be(kind);
        t.Message.Should().Be(message);
        t.State.Should().BeNull();
    }

    [Fact]
    public void S1_S2_initial_state_depends_on_the_publisher()
    {
        PublishWorkflow.Initial(publishedByOperator: false).Should().Be(Pending);
        PublishWorkflow.Initial(publishedByOperator: true).Should().Be(Listed);
        Pending.IsPublic.Should().BeFalse();
        Listed.IsPublic.Should().BeTrue();
    }

    [Fact]
    public void S3_moderator_approves_pending_or_rejected_and_the_item_is_listed_with_the_reason_cleared()
    {
        var t = PublishWorkflow.Decide(Pending, null, PublishActor.Moderator, PublishAction.Approve);
        t.State.Should().Be(Listed);
        t.RejectReason.Should().BeNull();
        var t2 = PublishWorkflow.Decide(Rejected, "图片不清晰", PublishActor.Moderator, PublishAction.Approve);
        t2.State.Should().Be(Listed);
        t2.RejectReason.Should().BeNull();
    }

    [Theory]
    [InlineData(AuditStatuses.Approved, ListingStatuses.Listing)]
    [InlineData(AuditStatuses.Approved, ListingStatuses.Delisting)]
    public void Approve_is_refused_when_already_approved(string audit, string listing) =>
        Refused(new PublishState(audit, listing, false), PublishActor.Moderator, PublishAction.Approve, FailureKind.Conflict, PublishWorkflow.CannotApprove);

    [Fact]
    public void S4_moderator_rejects_pending_with_a_reason()
    {
        var t = PublishWorkflow.Decide(Pending, null, PublishActor.Moderator, PublishAction.Reject, "  信息不完整 ");
        t.State.Should().Be(Rejected);
        t.RejectReason.Should().Be("信息不完整");
    }

    [Fact]
    public void Reject_needs_a_reason_and_a_pending_item()
    {
        Refused(Pending, PublishActor.Moderator, PublishAction.Reject, FailureKind.InvalidArgument, PublishWorkflow.ReasonRequired);
        Refused(Pending, PublishActor.Moderator, PublishAction.Reject, FailureKind.InvalidArgument, PublishWorkflow.ReasonRequired, "  ");
        Refused(Rejected, PublishActor.Moderator, PublishAction.Reject, FailureKind.Conflict, PublishWorkflow.CannotReject, "x");
        Refused(Listed, PublishActor.Moderator, PublishAction.Reject, FailureKind.Conflict, PublishWorkflow.CannotReject, "x");
        Refused(Delisted, PublishActor.Moderator, PublishAction.Reject, FailureKind.Conflict, PublishWorkflow.CannotReject, "x");
    }

    [Fact]
    public void Customers_can_neither_audit_nor_list()
    {
        foreach (var s in Live)
        {
            Refused(s, PublishActor.Customer, PublishAction.Approve, FailureKind.Forbidden, PublishWorkflow.CustomerCannotAudit);
            Refused(s, PublishActor.Customer, PublishAction.Reject, FailureKind.Forbidden, PublishWorkflow.CustomerCannotAudit, "x");
            Refused(s, PublishActor.Customer, PublishAction.List, FailureKind.Forbidden, PublishWorkflow.CustomerCannotList);
        }
    }

    [Fact]
    public void Operators_do_not_audit_their_own_items()
    {
        foreach (var s in Live)
        {
            Refused(s, PublishActor.OperatorOwner, PublishAction.Approve, FailureKind.Conflict, PublishWorkflow.OwnItemNoAudit);
            Refused(s, PublishActor.OperatorOwner, PublishAction.Reject, FailureKind.Conflict, PublishWorkflow.OwnItemNoAudit, "x");
        }
    }

    [Fact]
    public void S5_moderator_edit_keeps_the_state_and_reason()
    {
        foreach (var s in Live)
        {
            var t = PublishWorkflow.Decide(s, "旧原因", PublishActor.Moderator, PublishAction.Edit);
            t.State.Should().Be(s);
            t.RejectReason.Should().Be("旧原因");
        }
    }

    [Fact]
    public void S6_operator_edit_of_its_own_item_republishes_it()
    {
        foreach (var s in Live) Ok(s, PublishActor.OperatorOwner, PublishAction.Edit).Should().Be(Listed);
    }

    [Fact]
    public void S9_S11_customer_edit_goes_back_to_pending_and_unlisted_with_the_reason_cleared()
    {
        foreach (var s in Live)
        {
            var t = PublishWorkflow.Decide(s, "旧原因", PublishActor.Customer, PublishAction.Edit);
            t.State.Should().Be(Pending);
            t.RejectReason.Should().BeNull();
        }
    }

    [Theory]
    [InlineData(PublishActor.Customer)]
    [InlineData(PublishActor.OperatorOwner)]
    [InlineData(PublishActor.Moderator)]
    public void S8_S10_S12_anyone_delists_a_listed_item(PublishActor actor) =>
        Ok(Listed, actor, PublishAction.Delist).Should().Be(Delisted);

    [Theory]
    [InlineData(PublishActor.Customer)]
    [InlineData(PublishActor.OperatorOwner)]
    [InlineData(PublishActor.Moderator)]
    public void Delisting_an_unlisted_item_is_refused(PublishActor actor)
    {
        Refused(Pending, actor, PublishAction.Delist, FailureKind.Conflict, PublishWorkflow.CannotDelist);
        Refused(Rejected, actor, PublishAction.Delist, FailureKind.Conflict, PublishWorkflow.CannotDelist);
        Refused(Delisted, actor, PublishAction.Delist, FailureKind.Conflict, PublishWorkflow.CannotDelist);
    }

    [Theory]
    [InlineData(PublishActor.OperatorOwner)]
    [InlineData(PublishActor.Moderator)]
    public void Operators_relist_an_approved_delisted_item_only(PublishActor actor)
    {
        Ok(Delisted, actor, PublishAction.List).Should().Be(Listed);
        Refused(Listed, actor, PublishAction.List, FailureKind.Conflict, PublishWorkflow.CannotList);
        Refused(Pending, actor, PublishAction.List, FailureKind.Conflict, PublishWorkflow.CannotList);
        Refused(Rejected, actor, PublishAction.List, FailureKind.Conflict, PublishWorkflow.CannotList);
    }

    [Theory]
    [InlineData(PublishActor.Customer)]
    [InlineData(PublishActor.OperatorOwner)]
    [InlineData(PublishActor.Moderator)]
    public void S7_S13_S14_anyone_in_scope_deletes_from_any_live_state(PublishActor actor)
    {
        foreach (var s in Live)
        {
            var next = Ok(s, actor, PublishAction.Delete);
            next.Deleted.Should().BeTrue();
            next.IsPublic.Should().BeFalse();
        }
    }

    [Fact]
    public void A_deleted_item_is_terminal()
    {
        var gone = Listed with { Deleted = true };
        foreach (var actor in Enum.GetValues<PublishActor>())
        foreach (var action in Enum.GetValues<PublishAction>())
            Refused(gone, actor, action, FailureKind.NotFound, PublishWorkflow.Gone, "x");
    }

    [Fact]
    public void The_entity_stores_a_decided_state_and_derives_the_legacy_status()
    {
        var item = PublishProduct.Publish("u", "o", publishedByOperator: false);
        item.Status.Should().Be("0");
        item.ListingStatus.Should().BeNull();
        item.Decide(PublishActor.Moderator, PublishAction.Approve).Ok.Should().BeTrue();
        item.Status.Should().Be("1");
        item.State.IsPublic.Should().BeTrue();
        item.Decide(PublishActor.Customer, PublishAction.Delete).Ok.Should().BeTrue();
        item.DelFlg.Should().Be("1");
    }

    [Fact]
    public void Cart_flag_is_one_or_null()
    {
        ProductCategory.NormalizeCartFlag("1").Should().Be("1");
        ProductCategory.NormalizeCartFlag(" 1 ").Should().Be("1");
        ProductCategory.NormalizeCartFlag("0").Should().BeNull();
        ProductCategory.NormalizeCartFlag(null).Should().BeNull();
    }
}
