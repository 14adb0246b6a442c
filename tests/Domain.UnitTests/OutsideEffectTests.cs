using Kboss.Domain.Common;
using Kboss.Domain.Cpcc;
using Kboss.Domain.K8sCloud;

namespace Kboss.Domain.UnitTests;

/// <summary>The state machine of rows standing for outside objects (ADR 0015) and what each state holds.</summary>
public sealed class OutsideEffectTests
{
    private static readonly DateTime T0 = new(2026, 12, 7, 1, 0, 0, DateTimeKind.Utc);

    private static InstanceConfig Live()
    {
        var c = new InstanceConfig();
        c.StartCreate(T0);
        c.Confirm(T0.AddSeconds(1));
        return c;
    }

    [Fact]
    public void A_create_is_pending_then_live_or_failed_with_its_reason()
    {
        var c = new InstanceConfig();
        c.StartCreate(T0);
        (c.State, c.Operation, c.HoldsStock, c.IsOpen, c.StateChangedAt).Should().Be(("pending", "create", true, true,
            T0));
        c.Confirm(T0.AddSeconds(2));
        (c.State, c.Operation, c.HoldsStock, c.IsOpen, c.FailureReason).Should().Be(("live", "", true, false, ""));

        var f = new InstanceConfig();
        f.StartCreate(T0);
        f.Compensate("集群 API 返回 500", T0);
        (f.State, f.HoldsStock, f.FailureReason, f.DelFlg).Should().Be(("failed", false, "集群 API 返回 500", "0"));
    }

    [Fact]
    public void An_update_returns_to_live_either_way_and_only_a_live_row_updates()
    {
        var c = Live();
        c.StartUpdate(T0);
        (c.State, c.HoldsStock).Should().Be(("updating", true));
        FluentActions.Invoking(()
            => c.StartDelete(T0)).Should().Throw<InvalidOperationException>("a call is in flight");
        c.Compensate("PUT 500", T0);
        (c.State, c.FailureReason).Should().Be(("live", "PUT 500"));
        c.StartUpdate(T0);
        c.Confirm(T0);
        (c.State, c.FailureReason).Should().Be(("live", ""));
    }

    [Fact]
    public void A_delete_holds_the_stock_until_confirmed_and_a_failed_row_can_be_deleted_without_stock()
    {
        var c = Live();
        c.StartDelete(T0);
        (c.State, c.HoldsStock, c.ResumeState).Should().Be(("deleting", true, "live"));
        c.Compensate("DELETE 500", T0);
        (c.State, c.HoldsStock).Should().Be(("live", true));
        c.StartDelete(T0);
        c.Confirm(T0);
        (c.State, c.HoldsStock, c.DelFlg).Should().Be(("deleted", false, "1"));
        FluentActions.Invoking(() => c.StartDelete(T0)).Should().Throw<InvalidOperationException>();

        var f = new InstanceConfig();
        f.StartCreate(T0);
        f.Compensate("x", T0);
        f.StartDelete(T0);
        (f.State, f.HoldsStock).Should().Be(("deleting", false));
        f.Compensate("y", T0);
        f.State.Should().Be("failed");
    }

    [Fact]
    public void An_unknown_outcome_waits_for_the_reconciler_which_confirms_compensates_or_abandons()
    {
        var c = new InstanceConfig();
        c.StartCreate(T0);
        c.MarkUnknown("未答复", T0);
        (c.State, c.Operation, c.HoldsStock, c.IsOpen).Should().Be(("pending_reconcile", "create", true, true));
        FluentActions.Invoking(() => c.MarkUnknown("again", T0)).Should().Throw<InvalidOperationException>();
        c.Abandon("核对: 没有该对象", T0);
        (c.State, c.HoldsStock).Should().Be(("failed", false));

        var d = Live();
        d.StartDelete(T0);
        d.MarkUnknown("未答复", T0);
        d.HoldsStock.Should().BeTrue();
        FluentActions.Invoking(() => d.Abandon("x",
            T0)).Should().Throw<InvalidOperationException>("a delete is confirmed or compensated");
        d.Confirm(T0);
        (d.State, d.HoldsStock).Should().Be(("deleted", false));
    }

    [Fact]
    public void A_k8s_instance_shows_what_a_user_expects_for_each_state()
    {
        var i = new CloudInstance();
        i.StartCreate(T0);
        i.SettledStatus.Should().Be("Pending");
        i.MarkUnknown("x", T0);
        i.SettledStatus.Should().Be("Pending");
        i.Confirm(T0);
        i.SettledStatus.Should().BeNull("a live instance shows its pod phase");
        i.StartDelete(T0);
        i.SettledStatus.Should().Be("Terminating");
        i.Confirm(T0);
        (i.Status, i.SettledStatus).Should().Be(("Deleted", "Deleted"));
        var f = new CloudInstance();
        f.StartCreate(T0);
        f.Compensate("x", T0);
        (f.Status, f.SettledStatus).Should().Be(("Failed", "Failed"));
    }
}
