using Kboss.Domain.Common;
using Kboss.Domain.Finance;

namespace Kboss.Domain.UnitTests;

/// <summary>Bill lifecycle and refunds (finance.md §2.1) and the balance rules (ADR 0029).</summary>
public sealed class BillAndBalanceTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static readonly DateTime Now = new(2026, 12, 7, 3, 0, 0, DateTimeKind.Utc);

    private static Bill Purchase(decimal amount = 100m)
    {
        var bill = Bill.NewPurchase(new PurchaseLine("c1", amount, 120m, 2, 60m, "p1", "v1"), Today, Now).Value!;
        return bill;
    }

    [Fact]
    public void A_purchase_starts_unpaid_becomes_paid_and_a_paid_bill_is_never_cancelled()
    {
        var bill = Purchase();
        bill.BillState.Should().Be(BillStates.Unpaid);
        bill.SettleState.Should().Be(SettleStates.Unsettled);
        bill.MarkPaid().Ok.Should().BeTrue();
        bill.BillState.Should().Be(BillStates.Paid);
        bill.MarkPaid().Failure!.Kind.Should().Be(FailureKind.Conflict);
        bill.Cancel().Failure!.Kind.Should().Be(FailureKind.Conflict);
        bill.BillState.Should().Be(BillStates.Paid);
    }

    [Fact]
    public void An_unpaid_bill_can_be_cancelled_once_and_then_not_paid()
    {
        var bill = Purchase();
        bill.Cancel().Ok.Should().BeTrue();
        bill.BillState.Should().Be(BillStates.Cancelled);
        bill.MarkPaid().Ok.Should().BeFalse();
        bill.NewRefund(1m, Today, Now).Failure!.Message.Should().Be(Bill.NotRefundableMessage);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0.001)]
    public void Bad_purchase_amounts_are_refused(decimal amount) =>
        Bill.NewPurchase(new PurchaseLine("c1", amount, null, null, null, null, null), Today, Now)
            .Failure!.Kind.Should().Be(FailureKind.InvalidArgument);

    [Fact]
    public void Refunds_are_separate_paid_bills_naming_the_origin_and_never_exceed_it()
    {
        var bill = Purchase();
        bill.MarkPaid();
        var refund = bill.NewRefund(30m, Today, Now).Value!;
        refund.BusinessOp.Should().Be(BusinessOps.Refund);
        refund.BillState.Should().Be(BillStates.Paid);
        refund.OriginBillId.Should().Be(bill.Id);
        refund.Amount.Should().Be(30m);
        refund.CostAmt.Should().Be(18m);
        refund.ProviderAmt.Should().Be(36m);
        bill.RecordRefund(30m).Ok.Should().BeTrue();
        bill.Refundable.Should().Be(70m);
        bill.NewRefund(70.01m, Today, Now).Failure!.Message.Should().Be(Bill.RefundTooLargeMessage);
        bill.RecordRefund(70.01m).Ok.Should().BeFalse();
        bill.RecordRefund(70m).Ok.Should().BeTrue();
        bill.Refundable.Should().Be(0m);
        refund.NewRefund(1m, Today, Now).Failure!.Message.Should().Be(Bill.NotRefundableMessage);
    }

    [Fact]
    public void Recharges_are_paid_and_never_settled()
    {
        var recharge = Bill.NewRecharge("c1", 50m, BusinessOps.RechargeAlipay, Today, Now).Value!;
        recharge.BillState.Should().Be(BillStates.Paid);
        recharge.LockForSettlement("s1").Ok.Should().BeFalse();
        Bill.NewRecharge("c1", 50m, BusinessOps.Buy, Today, Now).Ok.Should().BeFalse();
        Bill.NewRecharge("c1", 0m, BusinessOps.Recharge, Today, Now).Ok.Should().BeFalse();
    }

    [Fact]
    public void Settlement_locks_settles_or_releases_a_paid_purchase()
    {
        var bill = Purchase();
        bill.LockForSettlement("s1").Ok.Should().BeFalse(); // unpaid
        bill.MarkPaid();
        bill.Settle().Ok.Should().BeFalse();
        bill.LockForSettlement("s1").Ok.Should().BeTrue();
        bill.ProviderSettleId.Should().Be("s1");
        bill.LockForSettlement("s2").Ok.Should().BeFalse();
        bill.ReleaseSettlement().Ok.Should().BeTrue();
        bill.ProviderSettleId.Should().BeNull();
        bill.LockForSettlement("s2").Ok.Should().BeTrue();
        bill.Settle().Ok.Should().BeTrue();
        bill.SettleState.Should().Be(SettleStates.Settled);
        bill.ReleaseSettlement().Ok.Should().BeFalse();
    }

    [Fact]
    public void A_balance_is_debited_only_down_to_0_and_counts_its_movements()
    {
        var balance = CustomerBalance.Open("c1");
        balance.Debit(0.01m).Failure.Should().Be(CustomerBalance.DebitRefusal);
        balance.Credit(10m).Ok.Should().BeTrue();
        balance.Debit(10.01m).Failure!.Message.Should().Be(CustomerBalance.InsufficientMessage);
        balance.Debit(10m).Ok.Should().BeTrue();
        balance.Balance.Should().Be(0m);
        balance.Version.Should().Be(2);
        balance.Credit(0m).Failure!.Kind.Should().Be(FailureKind.InvalidArgument);
        balance.Credit(Money.Max).Ok.Should().BeTrue();
        balance.Credit(0.01m).Failure.Should().Be(CustomerBalance.CreditRefusal);
    }

    [Fact]
    public void Money_rounds_half_away_from_zero()
    {
        Money.Round2(1234.50m * 0.85m).Should().Be(1049.33m);
        Money.Round2(-1049.325m).Should().Be(-1049.33m);
        Money.Round2(0.005m).Should().Be(0.01m);
        Money.IsValidAmount(0.01m).Should().BeTrue();
        Money.IsValidAmount(0.015m).Should().BeFalse();
    }
}
