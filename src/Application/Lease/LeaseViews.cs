using Kboss.Domain.Lease;

namespace Kboss.Application.Lease;

/// <summary><c>{"id"}</c> of a created row.</summary>
/// <param name="Id">Id.</param>
public sealed record LeaseIdData(string Id);

/// <summary>A store row (lease.md §3A.17).</summary>
public sealed record LeaseStoreRow(string Id, string Name, string? Location, string? Address, decimal BandwidthPrice,
    decimal StoredPrice, decimal IpPrice, string UserId, DateTime CreateAt)
{
    /// <summary>The row of <paramref name="s"/>.</summary>
    public static LeaseStoreRow From(LeaseStore s) => new(s.Id, s.Name, s.Location, s.Address, s.BandwidthPrice,
        s.StoredPrice, s.IpPrice, s.UserId, s.CreateAt);
}

/// <summary>A lease product (lease.md §3A.9).</summary>
public sealed record LeaseProductRow(string Id, string ProductName, int Stock, decimal Price,
    DateOnly LeaseStartTime, DateOnly LeaseEndTime, string UserId, DateTime CreateAt)
{
    /// <summary>The row of <paramref name="p"/>.</summary>
    public static LeaseProductRow From(LeaseProduct p) => new(p.Id, p.ProductName, p.Stock, p.Price,
        p.LeaseStartTime, p.LeaseEndTime, p.UserId, p.CreateAt);
}

/// <summary><c>create_lease_data</c>'s reply: the product and its devices (§3A.1).</summary>
public sealed record CreatedLeaseProduct(string Id, IReadOnlyList<string> ServerIds);

/// <summary>A device row with its product's fields (lease.md §3A.2).</summary>
public sealed record LeaseDeviceRow(string Id, string ProductId, string ProductName, decimal ProductPrice, int Stock,
    DateOnly LeaseStartTime, DateOnly LeaseEndTime, string StoreName, string? DeviceType, string? DeviceBrand,
    string? ResourceType, string? CardType, string? CardInterface, string? Cpu, string? Memory, string? SystemDisk,
    string? DataDisk, string? NetCard1, string? NetCard2, string? OtherData, decimal Price, int Status,
    string? BillId, DateTime CreateAt)
{
    /// <summary>The row of <paramref name="s"/> of <paramref name="p"/>.</summary>
    public static LeaseDeviceRow From(LeaseServer s, LeaseProduct p) => new(s.Id, p.Id, p.ProductName, p.Price,
        p.Stock, p.LeaseStartTime, p.LeaseEndTime, s.StoreName, s.DeviceType, s.DeviceBrand, s.ResourceType,
        s.CardType, s.CardInterface, s.Cpu, s.Memory, s.SystemDisk, s.DataDisk, s.NetCard1, s.NetCard2,
        s.OtherData, s.Price, s.Status, s.BillId, s.CreateAt);
}

/// <summary>A bill row (lease.md §3A.10).</summary>
public sealed record LeaseBillRow(string Id, string UserId, string? DeviceType, int DeviceNum, decimal Bandwidth,
    decimal Stored, int IpNum, int TestType, decimal TestPrice, int TestDay, DateOnly StartDate, DateOnly EndDate,
    int Status, decimal Amount, string? FinanceBillId, DateTime CreateAt)
{
    /// <summary>The row of <paramref name="b"/>.</summary>
    public static LeaseBillRow From(LeaseBill b) => new(b.Id, b.UserId, b.DeviceType, b.DeviceNum, b.Bandwidth,
        b.Stored, b.IpNum, b.TestType, b.TestPrice, b.TestDay, b.StartDate, b.EndDate, b.Status, b.Amount,
        b.FinanceBillId, b.CreateAt);
}

/// <summary>A contract (lease.md §3A.6).</summary>
public sealed record LeaseContractRow(string Id, string BillId, string Title, string UserId, DateOnly StartDate,
    DateOnly EndDate, string? Salesman, string? Client, string Status, string? Remark, DateTime CreateAt)
{
    /// <summary>The row of <paramref name="c"/>.</summary>
    public static LeaseContractRow From(LeaseContract c) => new(c.Id, c.BillId, c.Title, c.UserId, c.StartDate,
        c.EndDate, c.Salesman, c.Client, c.Status, c.Remark, c.CreateAt);
}

/// <summary>Base of every lease request: the spec documents each endpoint's parameters as one object <c>body</c>.</summary>
public abstract record LeaseBodyRequest
{
    /// <summary>The documented body object (its fields are the other parameters).</summary>
    public string? Body { get; init; }
}
