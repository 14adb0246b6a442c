using Kboss.Domain.Common;
using Kboss.Domain.Marketplace;
using Kboss.Domain.Users;

namespace Kboss.Domain.UnitTests;

/// <summary>Every allowed and refused transition of the qualification audit (analysis/catalog.md §4.3, Q1–Q5).</summary>
public sealed class QualificationWorkflowTests
{
    private static readonly QualificationState Pending = new(AuditStatuses.Pending, null);
    private static readonly QualificationState Approved = new(AuditStatuses.Approved, null);
    private static readonly QualificationState Rejected = new(AuditStatuses.Rejected, "执照模糊");

    public static TheoryData<string> States => new() { "pending", "approved", "rejected" };

    private static QualificationState State(string name) => name switch
    {
        "pending" => Pending,
        "approved" => Approved,
        _ => Rejected,
    };

    private static QualificationState Ok(QualificationState from, QualificationActor actor, QualificationAction action, string? reason = null)
    {
        var t = QualificationWorkflow.Decide(from, actor, action, reason);
        t.Allowed.Should().BeTrue($"{actor} {action} from {from} should be allowed, got {t.Message}");
        t.Refusal.Should().BeNull();
        return t.State!;
    }

    private static void Refused(QualificationState from, QualificationActor actor, QualificationAction action, FailureKind kind, string message, string? reason = null)
    {
        var t = QualificationWorkflow.Decide(from, actor, action, reason);
        t.Allowed.Should().BeFalse($"{actor} {action} from {from}");
        t.Refusal.Should().Be(kind);
        t.Message.Should().Be(message);
        t.State.Should().BeNull();
    }

    [Fact]
    public void Q1_a_new_record_is_pending_without_a_reason() =>
        QualificationWorkflow.Initial.Should().Be(new QualificationState("pending", null));

    [Theory]
    [MemberData(nameof(States))]
    public void Q4_a_customer_edit_returns_any_state_to_pending_and_clears_the_reason(string from) =>
        Ok(State(from), QualificationActor.Customer, QualificationAction.Edit).Should().Be(new QualificationState("pending", null));

    [Theory]
    [MemberData(nameof(States))]
    public void A_customer_can_never_approve_reject_or_reopen(string from)
    {
        Refused(State(from), QualificationActor.Customer, QualificationAction.Approve, FailureKind.Forbidden, QualificationWorkflow.CustomerCannotAudit);
        Refused(State(from), QualificationActor.Customer, QualificationAction.Reject, FailureKind.Forbidden, QualificationWorkflow.CustomerCannotAudit, "理由");
        Refused(State(from), QualificationActor.Customer, QualificationAction.Reopen, FailureKind.Forbidden, QualificationWorkflow.CustomerCannotAudit);
    }

    [Theory]
    [MemberData(nameof(States))]
    public void Q2_an_operator_approval_approves_and_clears_the_reason(string from) =>
        Ok(State(from), QualificationActor.Operator, QualificationAction.Approve).Should().Be(new QualificationState("approved", null));

    [Theory]
    [MemberData(nameof(States))]
    public void Q3_an_operator_rejection_needs_a_reason_and_stores_it_trimmed(string from)
    {
        Ok(State(from), QualificationActor.Operator, QualificationAction.Reject, "  执照过期 ").Should().Be(new QualificationState("rejected", "执照过期"));
        Refused(State(from), QualificationActor.Operator, QualificationAction.Reject, FailureKind.InvalidArgument, "请填写驳回原因");
        Refused(State(from), QualificationActor.Operator, QualificationAction.Reject, FailureKind.InvalidArgument, "请填写驳回原因", "   ");
    }

    [Theory]
    [MemberData(nameof(States))]
    public void Q5_an_operator_reopens_to_pending(string from) =>
        Ok(State(from), QualificationActor.Operator, QualificationAction.Reopen).Should().Be(new QualificationState("pending", null));

    [Theory]
    [MemberData(nameof(States))]
    public void An_operator_edit_keeps_the_state_and_reason(string from) =>
        Ok(State(from), QualificationActor.Operator, QualificationAction.Edit).Should().Be(State(from));

    [Theory]
    [InlineData(QualificationActor.Customer, null, QualificationAction.Edit)]
    [InlineData(QualificationActor.Customer, "pending", QualificationAction.Edit)]
    [InlineData(QualificationActor.Customer, "approved", QualificationAction.Edit)]
    [InlineData(QualificationActor.Customer, "rejected", QualificationAction.Edit)]
    [InlineData(QualificationActor.Operator, null, QualificationAction.Edit)]
    [InlineData(QualificationActor.Operator, "", QualificationAction.Edit)]
    [InlineData(QualificationActor.Operator, "pending", QualificationAction.Reopen)]
    [InlineData(QualificationActor.Operator, " approved ", QualificationAction.Approve)]
    [InlineData(QualificationActor.Operator, "rejected", QualificationAction.Reject)]
    public void Requests_are_classified_by_audit_status(QualificationActor actor, string? auditStatus, QualificationAction expected) =>
        QualificationWorkflow.Classify(actor, auditStatus).Should().Be(expected);

    [Fact]
    public void Required_fields_depend_on_the_account_type()
    {
        var r = new EnterpriseAuditInfo { AccountType = AccountTypes.Enterprise };
        r.MissingFields().Should().Equal("company_name", "license_number", "contact_name", "mobile_phone");
        r.AccountType = AccountTypes.Individual;
        r.MissingFields().Should().Equal("contact_name", "mobile_phone");
        r.ContactName = "王五";
        r.MobilePhone = "13900000000";
        r.MissingFields().Should().BeEmpty();
        r.Decide(QualificationActor.Operator, QualificationAction.Reject, "x").Ok.Should().BeTrue();
        r.State.Should().Be(new QualificationState("rejected", "x"));
    }

    // ---- the entity: EnterpriseAuditInfo.Decide stores allowed transitions, leaves refused ones ----

    private static EnterpriseAuditInfo RecordIn(string state)
    {
        var r = new EnterpriseAuditInfo();
        if (state == "approved") r.Decide(QualificationActor.Operator, QualificationAction.Approve).Ok.Should().BeTrue();
        if (state == "rejected") r.Decide(QualificationActor.Operator, QualificationAction.Reject, "执照模糊").Ok.Should().BeTrue();
        r.State.Should().Be(State(state));
        return r;
    }

    [Fact]
    public void A_new_record_starts_in_the_initial_state() =>
        new EnterpriseAuditInfo().State.Should().Be(QualificationWorkflow.Initial);

    [Theory]
    [MemberData(nameof(States))]
    public void The_entity_stores_every_allowed_transition(string from)
    {
        var cases = new (QualificationActor Actor, QualificationAction Action, string? Reason, QualificationState To)[]
        {
            (QualificationActor.Customer, QualificationAction.Edit, null, Pending),
            (QualificationActor.Operator, QualificationAction.Approve, null, Approved),
            (QualificationActor.Operator, QualificationAction.Reject, " 执照模糊 ", Rejected),
            (QualificationActor.Operator, QualificationAction.Reopen, null, Pending),
            (QualificationActor.Operator, QualificationAction.Edit, null, State(from)),
        };
        foreach (var c in cases)
        {
            var r = RecordIn(from);
            r.Decide(c.Actor, c.Action, c.Reason).Ok.Should().BeTrue();
            r.State.Should().Be(c.To, $"{c.Actor} {c.Action} from {from}");
        }
    }

    [Theory]
    [MemberData(nameof(States))]
    public void The_entity_refuses_with_a_kind_and_keeps_its_state(string from)
    {
        var cases = new (QualificationActor Actor, QualificationAction Action, string? Reason, Failure Why)[]
        {
            (QualificationActor.Customer, QualificationAction.Approve, null,
                new Failure(FailureKind.Forbidden, QualificationWorkflow.CustomerCannotAudit)),
            (QualificationActor.Customer, QualificationAction.Reject, "理由",
                new Failure(FailureKind.Forbidden, QualificationWorkflow.CustomerCannotAudit)),
            (QualificationActor.Customer, QualificationAction.Reopen, null,
                new Failure(FailureKind.Forbidden, QualificationWorkflow.CustomerCannotAudit)),
            (QualificationActor.Operator, QualificationAction.Reject, "  ",
                new Failure(FailureKind.InvalidArgument, QualificationWorkflow.ReasonRequired, "reject_reason")),
        };
        foreach (var c in cases)
        {
            var r = RecordIn(from);
            r.Decide(c.Actor, c.Action, c.Reason).Failure.Should().Be(c.Why);
            r.State.Should().Be(State(from));
        }
    }
}
