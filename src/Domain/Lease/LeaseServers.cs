using System.Linq.Expressions;
using Kboss.Domain.Common;

namespace Kboss.Domain.Lease;

/// <summary><c>lease_server.status</c> (lease.md §2.4).</summary>
public static class LeaseServerStatus
{
    /// <summary>空闲: idle, may be rented.</summary>
    public const int Idle = 0;
    /// <summary>已租: on an active bill.</summary>
    public const int Rented = 1;
    /// <summary>已回收/下架: the product's window ended (terminal).</summary>
    public const int Retired = 2;
}

/// <summary>仓库 (table <c>lease_store</c>, lease.md §2.1.3). Prices in 元; owned by the operator org that created
/// it.</summary>
public sealed class LeaseStore : Entity, ISoftDeletable
{
    /// <summary>Owning (operator) org.</summary>
    public string OrgId { get; init; } = "";
    /// <summary>Name, unique among the org's live stores; devices keep a snapshot of it.</summary>
    public string Name { get; set; } = "";
    /// <summary>位置.</summary>
    public string? Location { get; set; }
    /// <summary>地址.</summary>
    public string? Address { get; set; }
    /// <summary>Bandwidth unit price (per Mbps per billing period).</summary>
    public decimal BandwidthPrice { get; set; }
    /// <summary>Storage unit price (per unit per billing period).</summary>
    public decimal StoredPrice { get; set; }
    /// <summary>Price per public IP per billing period.</summary>
    public decimal IpPrice { get; set; }
    /// <summary>Creator.</summary>
    public string UserId { get; set; } = "";
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;
}

/// <summary>
/// 租赁产品 (table <c>lease_product</c>, lease.md §2.1.1). <see cref="Stock"/> is the number of idle live devices
/// (invariant §4.4); it moves only with a device transition.
/// </summary>
public sealed class LeaseProduct : Entity, ISoftDeletable
{
    /// <summary>The window end is before its start.</summary>
    public const string BadWindowMessage = "租赁结束时间不能早于开始时间";

    /// <summary>Owning (operator) org.</summary>
    public string OrgId { get; init; } = "";
    /// <summary>Name.</summary>
    public string ProductName { get; set; } = "";
    /// <summary>Idle devices (§2.1.1).</summary>
    public int Stock { get; private set; }
    /// <summary>Owner/creator user.</summary>
    public string UserId { get; set; } = "";
    /// <summary>List price per billing period.</summary>
    public decimal Price { get; set; }
    /// <summary>First leasable day.</summary>
    public DateOnly LeaseStartTime { get; private set; }
    /// <summary>Last leasable day (inclusive).</summary>
    public DateOnly LeaseEndTime { get; private set; }
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;

    /// <summary>Sets the leasable window; end before start is refused.</summary>
    public Result SetWindow(DateOnly start, DateOnly end)
    {
        if (end < start) return new Failure(FailureKind.InvalidArgument, BadWindowMessage, "lease_end_time");
        (LeaseStartTime, LeaseEndTime) = (start, end);
        return Result.Done;
    }

    /// <summary>True when [start, end] lies inside the window.</summary>
    public bool Covers(DateOnly start, DateOnly end) => LeaseStartTime <= start && end <= LeaseEndTime;

    /// <summary>Applies a change of the idle count made by device transitions (never below 0).</summary>
    public void AdjustStock(int delta) => Stock = Math.Max(0, Stock + delta);

    /// <summary>Re-establishes the §4.4 invariant from a counted value.</summary>
    public void Reconcile(int idle) => Stock = idle;
}

/// <summary>
/// One physical device (table <c>lease_server</c>, lease.md §2.1.2) with the lifecycle of §4.1:
/// idle → rented (buy) → idle (lease ended); idle → retired (window ended, terminal); idle → deleted (stock lowered).
/// </summary>
public sealed class LeaseServer : Entity, ISoftDeletable
{
    /// <summary>Refusal of a device that is not idle.</summary>
    public static string NotAvailable(string id) => $"设备不可用: {id}";

    /// <summary>Owning (operator) org (the product's).</summary>
    public string OrgId { get; init; } = "";
    /// <summary>Product (商品id).</summary>
    public string ProductId { get; init; } = "";
    /// <summary>Store.</summary>
    public string StoreId { get; set; } = "";
    /// <summary>Store name snapshot (the wire's <c>store_name</c>); follows store renames.</summary>
    public string StoreName { get; set; } = "";
    /// <summary>设备类型.</summary>
    public string? DeviceType { get; set; }
    /// <summary>设备品牌.</summary>
    public string? DeviceBrand { get; set; }
    /// <summary>资源类型 (stored verbatim, never trimmed, §6 A-20).</summary>
    public string? ResourceType { get; set; }
    /// <summary>卡型号.</summary>
    public string? CardType { get; set; }
    /// <summary>卡接口.</summary>
    public string? CardInterface { get; set; }
    /// <summary>CPU.</summary>
    public string? Cpu { get; set; }
    /// <summary>内存.</summary>
    public string? Memory { get; set; }
    /// <summary>系统盘.</summary>
    public string? SystemDisk { get; set; }
    /// <summary>数据盘.</summary>
    public string? DataDisk { get; set; }
    /// <summary>网卡1.</summary>
    public string? NetCard1 { get; set; }
    /// <summary>网卡2.</summary>
    public string? NetCard2 { get; set; }
    /// <summary>其他.</summary>
    public string? OtherData { get; set; }
    /// <summary>Billable price per period (defaults to the product price, §6 A-4).</summary>
    public decimal Price { get; set; }
    /// <summary><see cref="LeaseServerStatus"/>.</summary>
    public int Status { get; private set; } = LeaseServerStatus.Idle;
    /// <summary>The bill renting it.</summary>
    public string? BillId { get; private set; }
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;

    /// <summary>The rule of <see cref="Rent"/>, shared with the conditional UPDATE that takes devices (§4.3
    /// #2).</summary>
    public static Expression<Func<LeaseServer, bool>> CanRent => s => s.Status == LeaseServerStatus.Idle;

    /// <summary>Idle → rented by <paramref name="billId"/>.</summary>
    public Result Rent(string billId)
    {
        if (Status != LeaseServerStatus.Idle) return new Failure(FailureKind.Conflict, NotAvailable(Id));
        (Status, BillId) = (LeaseServerStatus.Rented, billId);
        return Result.Done;
    }

    /// <summary>Rented → idle when its bill ended.</summary>
    public Result Recycle()
    {
        if (Status != LeaseServerStatus.Rented) return new Failure(FailureKind.Conflict, "设备未出租,无需回收");
        (Status, BillId) = (LeaseServerStatus.Idle, null);
        return Result.Done;
    }

    /// <summary>Idle → retired once its product's window ended (terminal).</summary>
    public Result Retire()
    {
        if (Status != LeaseServerStatus.Idle) return new Failure(FailureKind.Conflict, "只有空闲设备可以下架");
        Status = LeaseServerStatus.Retired;
        return Result.Done;
    }

    /// <summary>Soft-deletes an idle device (stock lowered); a rented or retired device stays.</summary>
    public Result Remove()
    {
        if (Status != LeaseServerStatus.Idle) return new Failure(FailureKind.Conflict, "只能删除空闲设备");
        this.MarkDeleted();
        return Result.Done;
    }

    /// <summary>A new idle device of <paramref name="product"/> with this device's configuration.</summary>
    public LeaseServer CloneFor(LeaseProduct product) => new()
    {
        OrgId = product.OrgId, ProductId = product.Id, StoreId = StoreId, StoreName = StoreName,
        DeviceType = DeviceType, DeviceBrand = DeviceBrand, ResourceType = ResourceType, CardType = CardType,
        CardInterface = CardInterface, Cpu = Cpu, Memory = Memory, SystemDisk = SystemDisk, DataDisk = DataDisk,
        NetCard1 = NetCard1, NetCard2 = NetCard2, OtherData = OtherData, Price = Price,
    };
}
