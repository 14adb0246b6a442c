using Kboss.Domain.Common;
using Kboss.Domain.Finance;

namespace Kboss.Domain.UnitTests;

/// <summary>The settlement state machine and periods of finance.md §4.6.</summary>
public sealed class ProviderSettlementTests
{
    private static readonly DateOnly Day = new(2023, 11, 1);
    private static readonly DateTime Now = new(2023, 11, 2, 1, 0, 0, DateTimeKind.Utc);

    private static Bill Buy(decimal amount, decimal cost, string provider = "p", DateOnly? date = null)
    {
        var bill = Bill.NewPurchase(new PurchaseLine("c", amount, amount + 10, 1, cost, "prod", provider),
            date ?? Day, Now).Value!;
        bill.MarkPaid().Ok.Should().BeTrue();
        return bill;
    }

    private static ProviderSettlement New() =>
        ProviderSettlement.Create("o", "p", Day, Day, SettlementSources.Manual).Value!;

    [Fact]
    public void Sending_locks_the_bills_and_recomputes_signed_totals()
    {
        var buy = Buy(100m, 60m);
        var refund = buy.NewRefund(50m, Day, Now).Value!;
        var other = Buy(50m, 30m);
        var s = New();

        var links = s.StartApproval([buy, refund, other], "u", "15938717631").Value!;

        links.Select(l => l.SettleAmount).Should().Equal(60m, -30m, 30m);
        (s.State, s.BillCount, s.SettleAmount, s.TotalAmount, s.TotalProviderAmt).Should()
            .Be((SettlementStates.InApproval, 3, 60m, 100m, 115m)); // 原价 110 − 55 (pro rata) + 60
        new[] { buy, refund, other }.Should().OnlyContain(b => b.SettleState == SettleStates.InApproval
                                                               && b.ProviderSettleId == s.Id);
    }

    [Fact]
    public void Sending_is_refused_without_bills_with_foreign_or_locked_bills_and_in_approval()
    {
        New().StartApproval([], null, null).Failure!.Message.Should().Be(ProviderSettlement.NoBillsMessage);
        New().StartApproval([Buy(1m, 1m, "q")], null, null).Failure!.Kind.Should().Be(FailureKind.Conflict);
        New().StartApproval([Buy(1m, 1m, date: Day.AddDays(1))], null, null).Ok.Should().BeFalse();
        var locked = Buy(1m, 1m);
        New().StartApproval([locked], null, null).Ok.Should().BeTrue();
        New().StartApproval([locked], null, null).Failure!.Message.Should().Be("账单已在结算中");
        var s = New();
        s.StartApproval([Buy(1m, 1m)], null, null).Ok.Should().BeTrue();
        s.StartApproval([Buy(1m, 1m)], null, null).Failure!.Message.Should().Be(ProviderSettlement.StateMessage);
    }

    [Fact]
    public void Agreement_settles_once_and_a_repeat_changes_nothing()
    {
        var bill = Buy(10m, 8m);
        var s = New();
        s.StartApproval([bill], null, null);
        s.AwaitApproval("KD-1").Ok.Should().BeTrue();

        s.Finish("agree", [bill], Now).Value.Should().BeTrue();
        (s.State, s.SettledAt, bill.SettleState).Should().Be((SettlementStates.Settled, Now, SettleStates.Settled));
        var version = s.Version;
        s.Finish("agree", [bill], Now).Value.Should().BeFalse();
        s.Finish("refuse", [bill], Now).Value.Should().BeFalse();
        (s.State, s.Version, bill.SettleState).Should().Be((SettlementStates.Settled, version, SettleStates.Settled));
        s.StartApproval([Buy(1m, 1m)], null, null).Failure!.Message.Should().Be(ProviderSettlement.StateMessage);
    }

    [Theory]
    [InlineData("refuse")]
    [InlineData("reject")]
    [InlineData("terminate")]
    [InlineData("revoke")]
    public void Refusals_release_the_bills_and_allow_a_new_send(string status)
    {
        var bill = Buy(10m, 8m);
        var s = New();
        s.StartApproval([bill], null, null);
        s.AwaitApproval("KD-1");
        s.Finish(status, [bill], Now).Value.Should().BeTrue();
        (s.State, bill.SettleState, bill.ProviderSettleId).Should()
            .Be((SettlementStates.Rejected, SettleStates.Unsettled, null));
        s.StartApproval([bill], null, null).Ok.Should().BeTrue();
        (s.State, s.ApvId).Should().Be((SettlementStates.InApproval, null));
    }

    [Fact]
    public void Unknown_statuses_and_results_for_pending_settlements_are_refused()
    {
        var s = New();
        s.Finish("maybe", [], Now).Failure!.Kind.Should().Be(FailureKind.InvalidArgument);
        s.Finish("agree", [], Now).Failure!.Message.Should().Be(ProviderSettlement.StateMessage);
        s.AwaitApproval("KD-1").Ok.Should().BeFalse();
    }

    [Fact]
    public void A_failed_send_puts_the_settlement_back_to_pending_with_its_bills_released()
    {
        var bill = Buy(10m, 8m);
        var s = New();
        s.StartApproval([bill], null, null);
        s.AbandonApproval([bill]).Ok.Should().BeTrue();
        (s.State, bill.SettleState, bill.ProviderSettleId).Should()
            .Be((SettlementStates.Pending, SettleStates.Unsettled, null));
        s.StartApproval([bill], null, null);
        s.AwaitApproval("KD-2");
        s.AbandonApproval([bill]).Ok.Should().BeFalse(); // an instance exists: only its result may end it
    }

    [Fact]
    public void A_period_that_ends_before_it_starts_is_refused() =>
        ProviderSettlement.Create("o", "p", Day, Day.AddDays(-1), SettlementSources.Auto).Failure!.Message
            .Should().Be(ProviderSettlement.RangeMessage);

    [Theory]
    [InlineData("M:1", "2023-12-01", "2023-11-01", "2023-11-30")]
    [InlineData("M:15", "2024-03-15", "2024-02-01", "2024-02-29")]
    [InlineData("M:15", "2024-03-14", null, null)]
    [InlineData(null, "2024-01-01", "2023-12-01", "2023-12-31")]
    [InlineData("garbage", "2024-01-02", null, null)]
    [InlineData("M:31", "2024-01-01", "2023-12-01", "2023-12-31")]
    [InlineData("W:1", "2023-11-06", "2023-10-30", "2023-11-05")] // a Monday
    [InlineData("W:7", "2023-11-05", "2023-10-23", "2023-10-29")] // a Sunday
    [InlineData("W:1", "2023-11-07", null, null)]
    [InlineData("D", "2023-11-02", "2023-11-01", "2023-11-01")]
    public void Periods_follow_the_date_template(string? template, string today, string? start, string? end)
    {
        var due = SettlementPeriod.DueOn(template, DateOnly.Parse(today));
        if (start is null) due.Should().BeNull();
        else due.Should().Be((DateOnly.Parse(start), DateOnly.Parse(end!)));
    }

    [Fact]
    public void Only_auto_mode_sends_automatically()
    {
        SettlementPeriod.SendsAutomatically("auto").Should().BeTrue();
        SettlementPeriod.SendsAutomatically(" AUTO ").Should().BeTrue();
        SettlementPeriod.SendsAutomatically("manual").Should().BeFalse();
        SettlementPeriod.SendsAutomatically(null).Should().BeFalse();
    }
}
