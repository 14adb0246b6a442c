using Kboss.Domain.Lease;

namespace Kboss.Application.LeaseProducts;

/// <summary>A lock (lease.md §3B.8).</summary>
public sealed record LeaseLock(string LockId, string Productid, int Count, DateOnly LeaseStartTime,
    DateOnly LeaseEndTime, DateTime ExpireAt, decimal UnitPrice)
{
    /// <summary>The lock of <paramref name="o"/>.</summary>
    public static LeaseLock From(LeaseOrder o) =>
        new(o.Id, o.ProductId, o.Count, o.LeaseStartTime, o.LeaseEndTime, o.ExpireAt, o.UnitPrice);
}

/// <summary>An order line (lease.md §3B.13, §3B.15).</summary>
public sealed record LeaseOrderRow(string Id, string? OrderId, string Productid, int Count, DateOnly LeaseStartTime,
    DateOnly LeaseEndTime, int Status, string UserId, string Orgid, decimal UnitPrice, decimal Amount,
    DateTime LockTime, DateTime? PaidAt, DateTime? ReleasedAt, string? ReleaseReason)
{
    /// <summary>The row of <paramref name="o"/>.</summary>
    public static LeaseOrderRow From(LeaseOrder o) => new(o.Id, o.OrderId, o.ProductId, o.Count, o.LeaseStartTime,
        o.LeaseEndTime, o.Status, o.UserId, o.OrgId, o.UnitPrice, o.Amount, o.LockTime, o.PaidAt, o.ReleasedAt,
        o.ReleaseReason);
}

/// <summary>A lease-device record (lease.md §3B.3, §3B.4).</summary>
public sealed record LeaseDeviceView(string Id, string Providerid, string ProviderName, string Productid,
    string ProductName, int Stock, decimal Price, DateOnly EndDate, string? StoreName, string? OtherData, int Status,
    string UserId, DateTime CreateAt, IReadOnlyList<LeaseParameterView> Parameter)
{
    /// <summary>The view of <paramref name="d"/>.</summary>
    public static LeaseDeviceView From(LeaseDevice d) => new(d.Id, d.ProviderId, d.ProviderName, d.ProductId,
        d.ProductName, d.Stock, d.Price, d.EndDate, d.StoreName, d.OtherData, d.Status, d.UserId, d.CreateAt,
        d.Parameters.OrderBy(p => p.SortNo).Select(p => new LeaseParameterView(p.Title, p.Parameter, p.Number))
            .ToList());
}

/// <summary>One configuration entry.</summary>
public sealed record LeaseParameterView(string Title, string? Parameter, int Number);

/// <summary>
/// A record in <c>get_server</c> (lease.md §3B.3) with its units (§4.7) and <c>sellable</c> = status 0, stock &gt; 0
/// and end date not passed.
/// </summary>
public sealed record LeaseDeviceListRow(string Id, string Providerid, string ProviderName, string Productid,
    string ProductName, int Stock, long Locked, long Rented, decimal Price, DateOnly EndDate, string? StoreName,
    string? OtherData, int Status, bool Sellable, string UserId, DateTime CreateAt);

/// <summary>A provider in <c>get_provider</c> (lease.md §3B.1).</summary>
public sealed record LeaseProviderRow(string Providerid, string ProviderName, DateTime CreateAt);

/// <summary>A catalogue product in <c>get_product</c> (lease.md §3B.2): whether it has a lease record, and its
/// id.</summary>
public sealed record LeaseCatalogProductRow(string Productid, string ProductName, bool HasServer, string? ServerId);

/// <summary>Idle, locked and rented units with their rates (lease.md §4.7).</summary>
public sealed record LeaseRateRow(string Productid, string ProductName, long Total, long Idle, long Locked,
    long Rented, decimal IdleRate, decimal RentRate, decimal LockedRate)
{
    /// <summary>The row of <paramref name="c"/>.</summary>
    public static LeaseRateRow From(string productId, string productName, LeaseUnitCounts c) => new(productId,
        productName, c.Total, c.Idle, c.Locked, c.Rented, c.IdleRate, c.RentRate, c.LockedRate);
}
