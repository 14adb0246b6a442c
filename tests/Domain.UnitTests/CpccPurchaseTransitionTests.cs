using Kboss.Domain.Finance;

namespace Kboss.Domain.UnitTests;

/// <summary>A compute-centre purchase follows its instance once: delivered or refunded, never both (ADR 0033).
/// </summary>
public sealed class CpccPurchaseTransitionTests
{
    private static CpccPurchase Pending() => CpccPurchase.Start(new CpccPurchaseTerms("cust", "u", "p", "prov", "k",
        "inst", 3.51m, 3.51m, 1, "小时", "key-1", "hash"));

    [Fact]
    public void A_pending_purchase_is_delivered_once_and_then_never_refunded()
    {
        var p = Pending();
        p.Paid("bill-1");
        (p.State, p.BillId).Should().Be((CpccPurchaseStates.Pending, "bill-1"));
        p.Deliver().Should().BeTrue();
        p.Deliver().Should().BeFalse();
        p.Refund("refund-1", "late failure").Should().BeFalse();
        (p.State, p.RefundBillId).Should().Be((CpccPurchaseStates.Delivered, null));
    }

    [Fact]
    public void A_pending_purchase_is_refunded_once_with_its_reason_and_then_never_delivered()
    {
        var p = Pending();
        p.Refund("refund-1", new string('x', 600)).Should().BeTrue();
        (p.State, p.RefundBillId, p.Reason!.Length).Should().Be((CpccPurchaseStates.Refunded, "refund-1", 500));
        p.Refund("refund-2", "again").Should().BeFalse();
        p.Deliver().Should().BeFalse();
        p.RefundBillId.Should().Be("refund-1");
    }
}
