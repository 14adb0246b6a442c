using Kboss.Domain.Common;
using Kboss.Domain.Lease;

namespace Kboss.Domain.UnitTests;

/// <summary>
/// Every transition and refusal of the lease lifecycles (analysis/lease.md §4.1 devices, §4.2 units), the trial rules
/// (§4.10), date semantics (§4.5), the bill amount (ADR 0036) and the numeric examples of §4.13.
/// </summary>
public sealed class LeaseTransitionTests
{
    private static readonly DateTime Now = new(2023, 11, 30, 2, 0, 0, DateTimeKind.Utc);

    private static LeaseDevice Record(int stock = 10) => LeaseDevice.Create(new LeaseDevice
    {
        OrgId = "seller", ProductId = "p1", Price = 200m, EndDate = new DateOnly(2024, 2, 23),
    }, stock).Value!;

    private static LeaseOrder Lock(LeaseDevice d, int count = 2) => LeaseOrder.Lock(d, count,
        new DateOnly(2023, 11, 30), new DateOnly(2023, 12, 30), "u1", "o1", Now, TimeSpan.FromMinutes(15));

    [Fact]
    public void A_device_goes_idle_rented_idle_and_refuses_a_second_rent()
    {
        var d = new LeaseServer();
        d.Rent("b1").Ok.Should().BeTrue();
        (d.Status, d.BillId).Should().Be((LeaseServerStatus.Rented, "b1"));
        d.Rent("b2").Failure.Should().Be(new Failure(FailureKind.Conflict, LeaseServer.NotAvailable(d.Id)));
        d.Retire().Ok.Should().BeFalse();
        d.Remove().Ok.Should().BeFalse();
        d.Recycle().Ok.Should().BeTrue();
        (d.Status, d.BillId).Should().Be((LeaseServerStatus.Idle, (string?)null));
        d.Recycle().Ok.Should().BeFalse();
    }

    [Fact]
    public void A_retired_device_is_terminal_and_only_idle_devices_are_removed()
    {
        var d = new LeaseServer();
        d.Retire().Ok.Should().BeTrue();
        d.Rent("b").Ok.Should().BeFalse();
        d.Recycle().Ok.Should().BeFalse();
        d.Retire().Ok.Should().BeFalse();
        d.Remove().Ok.Should().BeFalse();
        var idle = new LeaseServer();
        idle.Remove().Ok.Should().BeTrue();
        idle.DelFlg.Should().Be(DelFlag.Deleted);
    }

    [Fact]
    public void The_rent_rule_expression_agrees_with_the_method()
    {
        var rule = LeaseServer.CanRent.Compile();
        var d = new LeaseServer();
        rule(d).Should().BeTrue();
        d.Rent("b");
        rule(d).Should().BeFalse();
    }

    [Fact]
    public void A_clone_copies_the_configuration_and_is_idle()
    {
        var product = new LeaseProduct { OrgId = "o" };
        var d = new LeaseServer { StoreId = "s", StoreName = "xx", ResourceType = "resource_type ™️ ", Price = 3 };
        d.Rent("b");
        var c = d.CloneFor(product);
        (c.ProductId, c.StoreName, c.ResourceType, c.Price, c.Status).Should()
            .Be((product.Id, "xx", "resource_type ™️ ", 3m, LeaseServerStatus.Idle));
        c.Id.Should().NotBe(d.Id);
    }

    [Fact]
    public void A_product_window_refuses_an_end_before_its_start_and_covers_inclusive_ends()
    {
        var p = new LeaseProduct();
        p.SetWindow(new DateOnly(2023, 1, 6), new DateOnly(2023, 1, 5)).Failure!.Message
            .Should().Be(LeaseProduct.BadWindowMessage);
        p.SetWindow(new DateOnly(2023, 1, 6), new DateOnly(2023, 9, 26)).Ok.Should().BeTrue();
        p.Covers(new DateOnly(2023, 1, 6), new DateOnly(2023, 9, 26)).Should().BeTrue();
        p.Covers(new DateOnly(2023, 1, 5), new DateOnly(2023, 9, 26)).Should().BeFalse();
        p.Covers(new DateOnly(2023, 1, 6), new DateOnly(2023, 9, 27)).Should().BeFalse();
        // §4.13: the 2123 end of update_product's example is a valid date and accepted
        p.SetWindow(new DateOnly(2023, 7, 6), new DateOnly(2123, 9, 6)).Ok.Should().BeTrue();
        LeaseDates.Days(new DateOnly(2023, 7, 6), new DateOnly(2123, 9, 6)).Should()
            .Be(36_587); // 36,586 days difference (§4.13)
    }

    [Fact]
    public void A_bill_expires_only_after_its_inclusive_end()
    {
        var bill = new LeaseBill { EndDate = new DateOnly(2023, 10, 30) };
        bill.Expire(new DateOnly(2023, 10, 30)).Failure!.Message.Should().Be("租期未到期");
        bill.NeedsWarning(new DateOnly(2023, 10, 30), 7).Should().BeTrue();
        bill.NeedsWarning(new DateOnly(2023, 10, 23), 7).Should().BeTrue();
        bill.NeedsWarning(new DateOnly(2023, 10, 22), 7).Should().BeFalse();
        bill.Expire(new DateOnly(2023, 10, 31)).Ok.Should().BeTrue();
        bill.Status.Should().Be(LeaseBillStatus.Expired);
        bill.NeedsWarning(new DateOnly(2023, 10, 30), 7).Should().BeFalse();
        bill.Expire(new DateOnly(2023, 11, 1)).Failure!.Kind.Should().Be(FailureKind.Conflict);
    }

    [Fact]
    public void A_bill_line_recycles_once_and_a_contract_expires_unless_terminated()
    {
        var line = new LeaseBillDevice();
        line.Recycle(Now).Ok.Should().BeTrue();
        (line.Status, line.RecycleAt).Should().Be((LeaseBillStatus.Expired, (DateTime?)Now));
        line.Recycle(Now).Ok.Should().BeFalse();
        var contract = new LeaseContract();
        contract.MarkExpired();
        contract.Status.Should().Be("2");
        var terminated = new LeaseContract { Status = "3" };
        terminated.MarkExpired();
        terminated.Status.Should().Be("3");
    }

    [Fact]
    public void Contract_dates_allow_the_same_day_and_refuse_an_end_before_start()
    {
        var c = new LeaseContract();
        c.SetDates(new DateOnly(2023, 9, 8), new DateOnly(2023, 9, 8)).Ok.Should().BeTrue(); // §4.13 example
        c.SetDates(new DateOnly(2023, 9, 8), new DateOnly(2023, 9, 7)).Failure!.Message
            .Should().Be(LeaseContract.BadDatesMessage);
    }

    [Theory]
    [InlineData(0, null, null, 0, 0, 0)]
    [InlineData(0, null, 5, 0, 0, 0)]
    [InlineData(1, null, 2, 1, 0, 2)]
    [InlineData(1, 9, 2, 1, 0, 2)]
    [InlineData(2, 11, 2, 2, 11, 2)] // buy.dspy's example: paid trial, 11 元, 2 days of a 3-day lease
    [InlineData(2, 11, 3, 2, 11, 3)]
    public void Trials_keep_what_their_type_needs(int type, int? price, int? days, int t, int p, int d) =>
        LeaseTrial.Of(type, price, days, 3).Value.Should().Be(new LeaseTrial(t, p, d));

    [Theory]
    [InlineData(3, null, 2, "test_type")]
    [InlineData(2, 0, 2, "test_price")]
    [InlineData(2, -1, 2, "test_price")]
    [InlineData(2, null, 2, "test_price")]
    [InlineData(1, null, null, "test_day")]
    [InlineData(1, null, 0, "test_day")]
    [InlineData(0, null, -1, "test_day")]
    [InlineData(2, 11, 4, "test_day")]
    public void Trials_refuse_missing_non_positive_or_too_long_values(int type, int? price, int? days, string param) =>
        LeaseTrial.Of(type, price, days, 3).Failure!.Param.Should().Be(param);

    [Fact]
    public void Dates_are_inclusive_and_periods_are_30_days_rounded_up()
    {
        LeaseDates.Days(new DateOnly(2023, 10, 28), new DateOnly(2023, 10, 30)).Should().Be(3);
        LeaseDates.Days(new DateOnly(2023, 1, 6), new DateOnly(2023, 9, 26)).Should().Be(264); // 263 days difference
        LeaseDates.Days(new DateOnly(2023, 11, 30), new DateOnly(2023, 12, 30)).Should().Be(31);
        LeaseDates.IsOver(new DateOnly(2023, 10, 30), new DateOnly(2023, 10, 30)).Should().BeFalse();
        LeaseDates.IsOver(new DateOnly(2023, 10, 30), new DateOnly(2023, 10, 31)).Should().BeTrue();
        (LeaseDates.Periods(0), LeaseDates.Periods(1), LeaseDates.Periods(30), LeaseDates.Periods(31))
            .Should().Be((0, 1, 1, 2));
    }

    [Fact]
    public void The_bill_amount_of_buy_dspy_example()
    {
        // 2 devices at 1 元, 123 Mbps × 1, 123 storage × 2, 2 IPs × 3; 3 days, a 2-day paid trial of 11 元:
        // 1 chargeable day = 1 period → 2 + 123 + 246 + 6 = 377, + 11 = 388
        var store = new LeaseStore { BandwidthPrice = 1, StoredPrice = 2, IpPrice = 3 };
        LeasePricing.Amount([1m, 1m], 123, 123, 2, store, new LeaseTrial(2, 11, 2), 3).Should().Be(388m);
        // a free trial as long as the lease costs nothing
        LeasePricing.Amount([1m, 1m], 123, 123, 2, store, new LeaseTrial(1, 0, 3), 3).Should().Be(0m);
        // 31 days without trial = 2 periods; 0.005 rounds away from zero
        LeasePricing.Amount([0.0025m], 0, 0, 0, new LeaseStore(), new LeaseTrial(0, 0, 0), 31).Should().Be(0.01m);
    }

    [Fact]
    public void A_record_takes_and_gives_back_units_and_never_goes_below_zero()
    {
        LeaseDevice.Create(new LeaseDevice(), 0).Failure!.Param.Should().Be("stock");
        var d = Record(15); // create_server's example stock
        d.Take(111).Failure.Should().Be(new Failure(FailureKind.InsufficientStock,
            LeaseDevice.InsufficientStockMessage));
        d.Take(0).Failure!.Kind.Should().Be(FailureKind.InvalidArgument);
        d.Take(15).Ok.Should().BeTrue();
        d.Stock.Should().Be(0);
        d.GiveBack(2);
        d.Stock.Should().Be(2);
        d.Adjust(-3).Failure!.Message.Should().Be("库存不能小于0");
        d.Adjust(10).Ok.Should().BeTrue();
        d.Stock.Should().Be(12);
        d.Adjust(-1).Ok.Should().BeTrue(); // update_server's example: 12 − 1 = 11
        d.Stock.Should().Be(11);
        d.Status = 1;
        d.Take(1).Ok.Should().BeFalse();
        d.IsSellable(new DateOnly(2024, 2, 23)).Should().BeFalse();
        d.Status = 0;
        d.IsSellable(new DateOnly(2024, 2, 23)).Should().BeTrue();
        d.IsSellable(new DateOnly(2024, 2, 24)).Should().BeFalse();
    }

    [Fact]
    public void The_take_rule_expression_agrees_with_the_method()
    {
        var d = Record(3);
        LeaseDevice.CanTake(3).Compile()(d).Should().BeTrue();
        LeaseDevice.CanTake(4).Compile()(d).Should().BeFalse();
        LeaseDevice.CanAdjust(-3).Compile()(d).Should().BeTrue();
        LeaseDevice.CanAdjust(-4).Compile()(d).Should().BeFalse();
    }

    [Fact]
    public void A_lock_is_bound_once_bought_once_and_expires_after_its_end()
    {
        var d = Record();
        var o = Lock(d);
        (o.Status, o.UnitPrice, o.ExpireAt, o.SellerOrgId).Should()
            .Be((LeaseOrderStatus.Locked, 200m, Now.AddMinutes(15), "seller"));
        LeaseOrder.CanBind.Compile()(o).Should().BeTrue();
        o.Bind("ord", Now.AddMinutes(1), TimeSpan.FromMinutes(30)).Ok.Should().BeTrue();
        o.ExpireAt.Should().Be(Now.AddMinutes(31));
        o.Bind("ord2", Now, TimeSpan.Zero).Failure!.Message.Should().Be(LeaseOrder.NoLockMessage);
        LeaseOrder.CanBind.Compile()(o).Should().BeFalse();
        o.Expire(new DateOnly(2024, 1, 1), Now).Ok.Should().BeFalse(); // not rented yet
        o.Buy(Now, 400, "bill").Ok.Should().BeTrue();
        (o.Status, o.Amount, o.FinanceBillId).Should().Be((LeaseOrderStatus.Rented, 400m, "bill"));
        o.Buy(Now, 400, "bill").Ok.Should().BeFalse();
        o.Release(LeaseReleaseReasons.ByOrderId, Now).Failure!.Message.Should().Be(LeaseOrder.PaidMessage);
        o.Expire(new DateOnly(2023, 12, 30), Now).Failure!.Message.Should().Be("租期未到期");
        o.Expire(new DateOnly(2023, 12, 31), Now).Ok.Should().BeTrue();
        (o.Status, o.ReleaseReason).Should().Be((LeaseOrderStatus.Expired, LeaseReleaseReasons.LeaseExpired));
        o.Expire(new DateOnly(2024, 1, 1), Now).Ok.Should().BeFalse();
    }

    [Fact]
    public void A_lock_is_released_once_times_out_and_may_be_relocked()
    {
        var o = Lock(Record(), 3);
        LeaseOrder.TimedOut(Now.AddMinutes(14)).Compile()(o).Should().BeFalse();
        LeaseOrder.TimedOut(Now.AddMinutes(15)).Compile()(o).Should().BeTrue();
        o.Release(LeaseReleaseReasons.Timeout, Now).Value.Should().Be(3);
        (o.Status, o.ReleaseReason).Should().Be((LeaseOrderStatus.Released, LeaseReleaseReasons.Timeout));
        o.Release(LeaseReleaseReasons.Timeout, Now).Value.Should().Be(0);
        o.Buy(Now, 1, null).Ok.Should().BeFalse();
        o.Bind("x", Now, TimeSpan.Zero).Ok.Should().BeFalse();
        o.Relock().Ok.Should().BeTrue();
        (o.Status, o.ReleaseReason).Should().Be((LeaseOrderStatus.Locked, (string?)null));
        o.Relock().Ok.Should().BeFalse();
    }

    [Fact]
    public void Part_of_an_unbound_lock_is_released_and_the_rest_stays()
    {
        var o = Lock(Record(), 111); // §4.13: unlock_server_by_id's count 1 of lock_server's 111
        o.ReleasePart(1, Now).Ok.Should().BeTrue();
        (o.Count, o.Status).Should().Be((110, LeaseOrderStatus.Locked));
        o.ReleasePart(111, Now).Failure!.Message.Should().Be("释放数量超过锁定数量");
        o.ReleasePart(110, Now).Ok.Should().BeTrue();
        (o.Status, o.ReleaseReason).Should().Be((LeaseOrderStatus.Released, LeaseReleaseReasons.ById));
        var bound = Lock(Record(), 2);
        bound.Bind("ord", Now, TimeSpan.Zero);
        bound.ReleasePart(1, Now).Failure!.Message.Should().Be(LeaseOrder.NoLockMessage);
    }
}
