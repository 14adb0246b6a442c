using Kboss.Domain.Common;

namespace Kboss.Domain.Lease;

/// <summary><c>lease_bill.status</c> (lease.md §2.4).</summary>
public static class LeaseBillStatus
{
    /// <summary>租用中.</summary>
    public const int Active = 1;
    /// <summary>已到期: devices recycled.</summary>
    public const int Expired = 2;
}

/// <summary>
/// Lease dates (lease.md §4.5): every end is inclusive; a lease is over when <c>end &lt; today</c> (platform date);
/// a billing period is 30 days of the chargeable part (ADR 0036).
/// </summary>
public static class LeaseDates
{
    /// <summary>Days of a billing period.</summary>
    public const int PeriodDays = 30;

    /// <summary>Inclusive length of [start, end] in days.</summary>
    public static int Days(DateOnly start, DateOnly end) => end.DayNumber - start.DayNumber + 1;

    /// <summary>True when a lease ending <paramref name="end"/> is over on <paramref name="today"/>.</summary>
    public static bool IsOver(DateOnly end, DateOnly today) => end < today;

    /// <summary>Billing periods of <paramref name="days"/> chargeable days (ceil, 0 for none).</summary>
    public static int Periods(int days) => days <= 0 ? 0 : (days + PeriodDays - 1) / PeriodDays;

    /// <summary>Days left until <paramref name="end"/> (0 on the last day).</summary>
    public static int DaysLeft(DateOnly end, DateOnly today) => end.DayNumber - today.DayNumber;
}

/// <summary>测试期 (lease.md §4.10): type 0 none, 1 free, 2 paid; the trial runs inside the lease from its
/// start.</summary>
/// <param name="Type">0, 1 or 2.</param>
/// <param name="Price">Trial price (paid trials only, else 0).</param>
/// <param name="Days">Trial days (free and paid, else 0).</param>
public sealed record LeaseTrial(int Type, decimal Price, int Days)
{
    /// <summary>Trial price missing or ≤ 0 for a paid trial.</summary>
    public const string PriceMessage = "测试价格必须大于0";
    /// <summary>Trial days missing or ≤ 0.</summary>
    public const string DaysMessage = "测试天数必须大于0";
    /// <summary>Trial longer than the lease.</summary>
    public const string TooLongMessage = "测试天数不能超过租期";

    /// <summary>
    /// The trial of the request: type outside 0–2 refused; a value "if filled must be &gt; 0" [DOC]; required where its
    /// type needs it; ignored (0) where it does not; days ≤ the lease's <paramref name="leaseDays"/>.
    /// </summary>
    public static Result<LeaseTrial> Of(int type, decimal? price, int? days, int leaseDays)
    {
        if (type is < 0 or > 2) return new Failure(FailureKind.InvalidArgument, "测试期类型只能是 0、1、2", "test_type");
        if (price is <= 0) return new Failure(FailureKind.InvalidArgument, PriceMessage, "test_price");
        if (days is <= 0) return new Failure(FailureKind.InvalidArgument, DaysMessage, "test_day");
        if (type == 0) return new LeaseTrial(0, 0, 0);
        if (days is null) return new Failure(FailureKind.InvalidArgument, DaysMessage, "test_day");
        if (type == 2 && price is null) return new Failure(FailureKind.InvalidArgument, PriceMessage, "test_price");
        if (days > leaseDays) return new Failure(FailureKind.InvalidArgument, TooLongMessage, "test_day");
        return new LeaseTrial(type, type == 2 ? price!.Value : 0, days.Value);
    }
}

/// <summary>
/// 账单 of a lease (table <c>lease_bill</c>, lease.md §2.1.4): the devices of one store rented to a customer for
/// [start, end]; active until <c>update_stock</c> recycles it after its end. Paid through the platform's BUY bill
/// (<see cref="FinanceBillId"/>).
/// </summary>
public sealed class LeaseBill : Entity, ISoftDeletable
{
    /// <summary>Seller (operator) org owning the devices.</summary>
    public string OrgId { get; init; } = "";
    /// <summary>Customer user (<c>user_id</c>).</summary>
    public string UserId { get; init; } = "";
    /// <summary>Customer org (the balance debited).</summary>
    public string CustomerOrgId { get; init; } = "";
    /// <summary>Who created it (sales, operator or the customer).</summary>
    public string CreatorId { get; init; } = "";
    /// <summary>Store of every device.</summary>
    public string StoreId { get; init; } = "";
    /// <summary>Free-text device type.</summary>
    public string? DeviceType { get; init; }
    /// <summary>Devices rented.</summary>
    public int DeviceNum { get; init; }
    /// <summary>Bandwidth (Mbps).</summary>
    public decimal Bandwidth { get; init; }
    /// <summary>Storage.</summary>
    public decimal Stored { get; init; }
    /// <summary>Public IPs.</summary>
    public int IpNum { get; init; }
    /// <summary>Trial type (<see cref="LeaseTrial"/>).</summary>
    public int TestType { get; init; }
    /// <summary>Trial price.</summary>
    public decimal TestPrice { get; init; }
    /// <summary>Trial days.</summary>
    public int TestDay { get; init; }
    /// <summary>Lease start (inclusive).</summary>
    public DateOnly StartDate { get; init; }
    /// <summary>Lease end (inclusive).</summary>
    public DateOnly EndDate { get; init; }
    /// <summary><see cref="LeaseBillStatus"/>.</summary>
    public int Status { get; private set; } = LeaseBillStatus.Active;
    /// <summary>Amount charged (元, ADR 0036).</summary>
    public decimal Amount { get; init; }
    /// <summary>The platform BUY bill (null when nothing was charged).</summary>
    public string? FinanceBillId { get; set; }
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;

    /// <summary>Active → expired once its end has passed on <paramref name="today"/>.</summary>
    public Result Expire(DateOnly today)
    {
        if (Status != LeaseBillStatus.Active) return new Failure(FailureKind.Conflict, "账单已到期");
        if (!LeaseDates.IsOver(EndDate, today)) return new Failure(FailureKind.Conflict, "租期未到期");
        Status = LeaseBillStatus.Expired;
        return Result.Done;
    }

    /// <summary>True when an expiry warning is due on <paramref name="today"/> (0 ≤ days left ≤ window,
    /// §4.12).</summary>
    public bool NeedsWarning(DateOnly today, int windowDays) =>
        Status == LeaseBillStatus.Active && LeaseDates.DaysLeft(EndDate, today) is var left && left >= 0
        && left <= windowDays;
}

/// <summary>Bill line (table <c>lease_bill_device</c>, lease.md §2.1.5): one device of a bill; 1 active, 2
/// recycled.</summary>
public sealed class LeaseBillDevice : Entity
{
    /// <summary>Bill.</summary>
    public string BillId { get; init; } = "";
    /// <summary>Product.</summary>
    public string ProductId { get; init; } = "";
    /// <summary>Device.</summary>
    public string DeviceId { get; init; } = "";
    /// <summary>Copied from the bill.</summary>
    public DateOnly StartDate { get; init; }
    /// <summary>Copied from the bill.</summary>
    public DateOnly EndDate { get; init; }
    /// <summary>1 active, 2 recycled.</summary>
    public int Status { get; private set; } = LeaseBillStatus.Active;
    /// <summary>When recycled (UTC).</summary>
    public DateTime? RecycleAt { get; private set; }

    /// <summary>Active → recycled.</summary>
    public Result Recycle(DateTime now)
    {
        if (Status != LeaseBillStatus.Active) return new Failure(FailureKind.Conflict, "设备已回收");
        (Status, RecycleAt) = (LeaseBillStatus.Expired, now);
        return Result.Done;
    }
}

/// <summary>
/// 合同 (table <c>lease_contract</c>, lease.md §2.1.6, §4.11): one live contract per bill, end ≥ start (equal allowed),
/// the bill never changes. <see cref="Status"/> "0" 待签, "1" 生效, "2" 到期, "3" 终止.
/// </summary>
public sealed class LeaseContract : Entity, ISoftDeletable
{
    /// <summary>End before start.</summary>
    public const string BadDatesMessage = "合同结束日期不能早于开始日期";
    /// <summary>Allowed statuses.</summary>
    public static readonly string[] Statuses = ["0", "1", "2", "3"];

    /// <summary>Seller org (the bill's).</summary>
    public string OrgId { get; init; } = "";
    /// <summary>Bill.</summary>
    public string BillId { get; init; } = "";
    /// <summary>Title.</summary>
    public string Title { get; set; } = "";
    /// <summary>Customer user.</summary>
    public string UserId { get; set; } = "";
    /// <summary>Start.</summary>
    public DateOnly StartDate { get; private set; }
    /// <summary>End (inclusive).</summary>
    public DateOnly EndDate { get; private set; }
    /// <summary>Sales representative.</summary>
    public string? Salesman { get; set; }
    /// <summary>Client name.</summary>
    public string? Client { get; set; }
    /// <summary>Status "0"–"3".</summary>
    public string Status { get; set; } = "1";
    /// <summary>Notes.</summary>
    public string? Remark { get; set; }
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;

    /// <summary>Sets the dates; end before start is refused.</summary>
    public Result SetDates(DateOnly start, DateOnly end)
    {
        if (end < start) return new Failure(FailureKind.InvalidArgument, BadDatesMessage, "end_date");
        (StartDate, EndDate) = (start, end);
        return Result.Done;
    }

    /// <summary>Its bill ended: the contract is 到期 unless terminated.</summary>
    public void MarkExpired()
    {
        if (Status != "3") Status = "2";
    }
}

/// <summary>
/// A sent expiry warning (table <c>lease_warning</c>, lease.md §2.1.7); unique per (bill, recipient), so each
/// recipient is warned exactly once per bill (ADR 0036).
/// </summary>
public sealed class LeaseWarning : Entity
{
    /// <summary>Bill.</summary>
    public string BillId { get; init; } = "";
    /// <summary>Recipient user.</summary>
    public string UserId { get; init; } = "";
    /// <summary>Platform date it went out.</summary>
    public DateOnly WarnDate { get; init; }
    /// <summary>Days left then.</summary>
    public int DaysLeft { get; init; }
}

/// <summary>
/// The amount of a lease bill (lease.md §4.9, ADR 0036): per billing period (<see cref="LeaseDates.PeriodDays"/>) of
/// the
/// chargeable days (the lease minus the trial), Σ device prices + bandwidth × store bandwidth price + storage × store
/// storage price + IPs × store IP price; plus the trial price of a paid trial; rounded to 分 (away from zero).
/// </summary>
public static class LeasePricing
{
    /// <summary>The amount in 元.</summary>
    public static decimal Amount(IEnumerable<decimal> devicePrices, decimal bandwidth, decimal stored, int ipNum,
        LeaseStore store, LeaseTrial trial, int leaseDays)
    {
        var periods = LeaseDates.Periods(leaseDays - trial.Days);
        var perPeriod = devicePrices.Sum() + bandwidth * store.BandwidthPrice + stored * store.StoredPrice
                        + ipNum * store.IpPrice;
        return Math.Round(perPeriod * periods + trial.Price, 2, MidpointRounding.AwayFromZero);
    }
}
