using System.Linq.Expressions;
using Kboss.Domain.Common;

namespace Kboss.Domain.Lease;

/// <summary><c>lease_product_order.status</c> (lease.md §2.4).</summary>
public static class LeaseOrderStatus
{
    /// <summary>已锁定 (order id may be bound).</summary>
    public const int Locked = 0;
    /// <summary>已购买/租用中.</summary>
    public const int Rented = 1;
    /// <summary>已释放 before a purchase.</summary>
    public const int Released = 2;
    /// <summary>已到期释放.</summary>
    public const int Expired = 3;
}

/// <summary>Why a lock or order gave its units back.</summary>
public static class LeaseReleaseReasons
{
    /// <summary>unlock_server_by_id.</summary>
    public const string ById = "unlock_by_id";
    /// <summary>unlock_server_by_orderid.</summary>
    public const string ByOrderId = "unlock_by_orderid";
    /// <summary>The lock timed out.</summary>
    public const string Timeout = "lock_timeout";
    /// <summary>The lease ended.</summary>
    public const string LeaseExpired = "lease_expired";
}

/// <summary>
/// A stock-keeping record of leasable units of one catalogue product (table <c>lease_product_server</c>,
/// lease.md §2.2.3): <see cref="Stock"/> is the sellable units, taken by locks and given back by releases; status 0
/// 可售, 1 停售. At most one live record per product (§6 A-15).
/// </summary>
public sealed class LeaseDevice : Entity, ISoftDeletable
{
    /// <summary>Not enough sellable units.</summary>
    public const string InsufficientStockMessage = "库存不足";

    private readonly List<LeaseDeviceParameter> _parameters = [];

    /// <summary>Seller org (the provider's owner).</summary>
    public string OrgId { get; init; } = "";
    /// <summary>Provider.</summary>
    public string ProviderId { get; init; } = "";
    /// <summary>Provider name snapshot.</summary>
    public string ProviderName { get; init; } = "";
    /// <summary>Catalogue product.</summary>
    public string ProductId { get; init; } = "";
    /// <summary>Product name snapshot.</summary>
    public string ProductName { get; init; } = "";
    /// <summary>Sellable units (≥ 0).</summary>
    public int Stock { get; private set; }
    /// <summary>Creator.</summary>
    public string UserId { get; init; } = "";
    /// <summary>Unit price per billing period.</summary>
    public decimal Price { get; set; }
    /// <summary>Last leasable day; never changed after creation.</summary>
    public DateOnly EndDate { get; init; }
    /// <summary>Notes.</summary>
    public string? OtherData { get; set; }
    /// <summary>Location (free text).</summary>
    public string? StoreName { get; set; }
    /// <summary>0 可售, 1 停售.</summary>
    public int Status { get; set; }
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;
    /// <summary>Configuration in the submitted order.</summary>
    public IReadOnlyList<LeaseDeviceParameter> Parameters => _parameters;

    /// <summary>A record with <paramref name="stock"/> units (≥ 1).</summary>
    public static Result<LeaseDevice> Create(LeaseDevice fields, int stock)
    {
        if (stock < 1) return new Failure(FailureKind.InvalidArgument, "库存必须大于0", "stock");
        return new LeaseDevice
        {
            OrgId = fields.OrgId, ProviderId = fields.ProviderId, ProviderName = fields.ProviderName,
            ProductId = fields.ProductId, ProductName = fields.ProductName, UserId = fields.UserId,
            Price = fields.Price, EndDate = fields.EndDate, OtherData = fields.OtherData,
            StoreName = fields.StoreName, Stock = stock,
        };
    }

    /// <summary>Replaces the configuration.</summary>
    public void SetParameters(IEnumerable<(string Title, string? Parameter, int Number)> items)
    {
        _parameters.Clear();
        _parameters.AddRange(items.Select((p, i) => new LeaseDeviceParameter
            { ServerId = Id, Title = p.Title, Parameter = p.Parameter, Number = p.Number, SortNo = i }));
    }

    /// <summary>
    /// The rule of <see cref="Take"/>, shared with the conditional UPDATE a lock runs (§4.3 #1): sellable and at least
    /// <paramref name="count"/> units left.
    /// </summary>
    public static Expression<Func<LeaseDevice, bool>> CanTake(int count) => d => d.Status == 0 && d.Stock >= count;

    /// <summary>The rule of <see cref="Adjust"/>: the result stays ≥ 0.</summary>
    public static Expression<Func<LeaseDevice, bool>> CanAdjust(int change) => d => d.Stock + change >= 0;

    /// <summary>Takes <paramref name="count"/> units for a lock.</summary>
    public Result Take(int count)
    {
        if (count < 1) return new Failure(FailureKind.InvalidArgument, "数量必须大于0", "count");
        if (Status != 0 || Stock < count) return new Failure(FailureKind.InsufficientStock, InsufficientStockMessage);
        Stock -= count;
        return Result.Done;
    }

    /// <summary>Gives back <paramref name="count"/> units (a release or an ended lease).</summary>
    public void GiveBack(int count) => Stock += count;

    /// <summary>Changes the stock by <paramref name="change"/> (admin edit); never below 0.</summary>
    public Result Adjust(int change)
    {
        if (Stock + change < 0) return new Failure(FailureKind.Conflict, "库存不能小于0");
        Stock += change;
        return Result.Done;
    }

    /// <summary>True when a lease [start, end] may be locked on <paramref name="today"/>.</summary>
    public bool IsSellable(DateOnly today) => Status == 0 && EndDate >= today;
}

/// <summary>设备配置 (table <c>lease_product_server_param</c>, lease.md §2.2.4).</summary>
public sealed class LeaseDeviceParameter : Entity
{
    /// <summary>Owning record.</summary>
    public string ServerId { get; init; } = "";
    /// <summary>Key.</summary>
    public string Title { get; init; } = "";
    /// <summary>Value.</summary>
    public string? Parameter { get; init; }
    /// <summary>Quantity (≥ 1).</summary>
    public int Number { get; init; } = 1;
    /// <summary>Position.</summary>
    public int SortNo { get; init; }
}

/// <summary>
/// A lock and, once bought, the rental of <see cref="Count"/> units (table <c>lease_product_order</c>, lease.md §2.2.5)
/// with the lifecycle of §4.2: locked → (order id bound) → rented → expired; locked → released (unlock, timeout).
/// </summary>
public sealed class LeaseOrder : Entity
{
    /// <summary>No lock matched.</summary>
    public const string NoLockMessage = "未找到对应的锁定记录";
    /// <summary>A paid order cannot be released.</summary>
    public const string PaidMessage = "订单已支付,不能释放";

    /// <summary>Record the units came from.</summary>
    public string ServerId { get; init; } = "";
    /// <summary>Catalogue product.</summary>
    public string ProductId { get; init; } = "";
    /// <summary>Units.</summary>
    public int Count { get; private set; }
    /// <summary>Lease start.</summary>
    public DateOnly LeaseStartTime { get; init; }
    /// <summary>Lease end (inclusive).</summary>
    public DateOnly LeaseEndTime { get; init; }
    /// <summary>Platform order id once bound.</summary>
    public string? OrderId { get; private set; }
    /// <summary><see cref="LeaseOrderStatus"/>.</summary>
    public int Status { get; private set; } = LeaseOrderStatus.Locked;
    /// <summary>Buyer.</summary>
    public string UserId { get; init; } = "";
    /// <summary>Buyer org.</summary>
    public string OrgId { get; init; } = "";
    /// <summary>Seller org.</summary>
    public string SellerOrgId { get; init; } = "";
    /// <summary>Price snapshot at lock time.</summary>
    public decimal UnitPrice { get; init; }
    /// <summary>When locked (UTC).</summary>
    public DateTime LockTime { get; init; }
    /// <summary>When a lock is released automatically (UTC).</summary>
    public DateTime ExpireAt { get; private set; }
    /// <summary>When bought.</summary>
    public DateTime? PaidAt { get; private set; }
    /// <summary>When released.</summary>
    public DateTime? ReleasedAt { get; private set; }
    /// <summary><see cref="LeaseReleaseReasons"/>.</summary>
    public string? ReleaseReason { get; private set; }
    /// <summary>Amount charged (元).</summary>
    public decimal Amount { get; private set; }
    /// <summary>The platform BUY bill.</summary>
    public string? FinanceBillId { get; private set; }

    /// <summary>A new lock of <paramref name="count"/> units living <paramref name="ttl"/>.</summary>
    public static LeaseOrder Lock(LeaseDevice device, int count, DateOnly start, DateOnly end, string userId,
        string orgId, DateTime now, TimeSpan ttl) => new()
    {
        ServerId = device.Id, ProductId = device.ProductId, Count = count, LeaseStartTime = start,
        LeaseEndTime = end, UserId = userId, OrgId = orgId, SellerOrgId = device.OrgId, UnitPrice = device.Price,
        LockTime = now, ExpireAt = now + ttl,
    };

    /// <summary>The rule of <see cref="Bind"/> as an expression (the conditional UPDATE against the timeout
    /// job).</summary>
    public static Expression<Func<LeaseOrder, bool>> CanBind =>
        o => o.Status == LeaseOrderStatus.Locked && o.OrderId == null;

    /// <summary>The rule of the timeout release: a lock whose time is up at <paramref name="now"/>.</summary>
    public static Expression<Func<LeaseOrder, bool>> TimedOut(DateTime now) =>
        o => o.Status == LeaseOrderStatus.Locked && o.ExpireAt <= now;

    /// <summary>Binds the platform order; the lock then lives <paramref name="payTimeout"/> from now.</summary>
    public Result Bind(string orderId, DateTime now, TimeSpan payTimeout)
    {
        if (Status != LeaseOrderStatus.Locked || OrderId is not null)
            return new Failure(FailureKind.NotFound, NoLockMessage);
        (OrderId, ExpireAt) = (orderId, now + payTimeout);
        return Result.Done;
    }

    /// <summary>Released → locked again when a payment arrives after a release and the units could be
    /// re-taken.</summary>
    public Result Relock()
    {
        if (Status != LeaseOrderStatus.Released) return new Failure(FailureKind.Conflict, "锁定记录未释放");
        (Status, ReleasedAt, ReleaseReason) = (LeaseOrderStatus.Locked, null, null);
        return Result.Done;
    }

    /// <summary>Locked → rented (paid) with its charge.</summary>
    public Result Buy(DateTime now, decimal amount, string? financeBillId)
    {
        if (Status != LeaseOrderStatus.Locked) return new Failure(FailureKind.Conflict, "锁定记录不是锁定状态");
        (Status, PaidAt, Amount, FinanceBillId) = (LeaseOrderStatus.Rented, now, amount, financeBillId);
        return Result.Done;
    }

    /// <summary>Locked → released; a paid order is refused. Returns the units given back.</summary>
    public Result<int> Release(string reason, DateTime now)
    {
        if (Status == LeaseOrderStatus.Rented) return new Failure(FailureKind.Conflict, PaidMessage);
        if (Status != LeaseOrderStatus.Locked) return 0;
        (Status, ReleasedAt, ReleaseReason) = (LeaseOrderStatus.Released, now, reason);
        return Count;
    }

    /// <summary>
    /// Gives back <paramref name="count"/> units of an unbound lock: fewer than it holds lowers it, all releases it.
    /// </summary>
    public Result ReleasePart(int count, DateTime now)
    {
        if (Status != LeaseOrderStatus.Locked || OrderId is not null)
            return new Failure(FailureKind.Conflict, NoLockMessage);
        if (count < 1 || count > Count) return new Failure(FailureKind.Conflict, "释放数量超过锁定数量");
        if (count < Count)
        {
            Count -= count;
            return Result.Done;
        }
        (Status, ReleasedAt, ReleaseReason) = (LeaseOrderStatus.Released, now, LeaseReleaseReasons.ById);
        return Result.Done;
    }

    /// <summary>Rented → expired once the lease is over on <paramref name="today"/>; the units go back.</summary>
    public Result Expire(DateOnly today, DateTime now)
    {
        if (Status != LeaseOrderStatus.Rented) return new Failure(FailureKind.Conflict, "订单不是租用状态");
        if (!LeaseDates.IsOver(LeaseEndTime, today)) return new Failure(FailureKind.Conflict, "租期未到期");
        (Status, ReleasedAt, ReleaseReason) = (LeaseOrderStatus.Expired, now, LeaseReleaseReasons.LeaseExpired);
        return Result.Done;
    }
}
