using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Lease;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Lease;

/// <summary>
/// <c>POST /lease/filter_lease_data.dspy</c> 查询租赁产品: the devices (with their product's fields) the caller may
/// see, filtered by device <c>status</c>, <c>product_name</c> (contains) and <c>store_name</c> (exact), paged.
/// spec: 15-server-lease.md; lease.md §3A.2.
/// </summary>
public sealed record FilterLeaseDevices : LeaseBodyRequest, IQuery<Reply<Paged<LeaseDeviceRow>>>
{
    /// <summary>Device status 0 idle, 1 rented, 2 retired.</summary>
    public string? Status { get; init; }
    /// <summary>Product name contains.</summary>
    public string? ProductName { get; init; }
    /// <summary>Store name.</summary>
    public string? StoreName { get; init; }
    /// <summary>Page.</summary>
    public string? Page { get; init; }
    /// <summary>Rows (1–100).</summary>
    public string? Rows { get; init; }
    /// <summary>Sort.</summary>
    public string? Sort { get; init; }
}

public sealed class FilterLeaseDevicesValidator : AbstractValidator<FilterLeaseDevices>
{
    /// <summary>Sortable fields.</summary>
    public static readonly SortMap<DeviceWithProduct> Sorts = new SortMap<DeviceWithProduct>()
        .Add("create_at", x => x.Device.CreateAt).Add("update_at", x => x.Device.UpdateTime)
        .Add("product_name", x => x.Product.ProductName).Add("store_name", x => x.Device.StoreName)
        .Add("price", x => x.Device.Price).Add("stock", x => x.Product.Stock).Add("status", x => x.Device.Status)
        .Add("lease_start_time", x => x.Product.LeaseStartTime).Add("lease_end_time", x => x.Product.LeaseEndTime);

    public FilterLeaseDevicesValidator()
    {
        RuleFor(x => x.Status).OptionalInt(0, 2);
        RuleFor(x => x.ProductName).MaxChars(100);
        RuleFor(x => x.StoreName).MaxChars(50);
        LeasePaging.Rules(this, x => x.Page, x => x.Rows, x => x.Sort, Sorts.Fields);
    }
}

/// <summary>A device and its product (query shape).</summary>
public sealed class DeviceWithProduct
{
    /// <summary>Device.</summary>
    public LeaseServer Device { get; init; } = null!;
    /// <summary>Its product.</summary>
    public LeaseProduct Product { get; init; } = null!;
}

public sealed class FilterLeaseDevicesHandler(IKbossDbContext db, LeaseAccess access)
    : IQueryHandler<FilterLeaseDevices, Reply<Paged<LeaseDeviceRow>>>
{
    public async ValueTask<Reply<Paged<LeaseDeviceRow>>> Handle(FilterLeaseDevices q, CancellationToken ct)
    {
        var orgs = await access.VisibleSellersAsync(ct);
        var rows = LeaseDeviceFields.Join(db, orgs);
        if (RuleExtensions.TryInt(q.Status, out var status)) rows = rows.Where(x => x.Device.Status == status);
        if (q.ProductName.TrimmedOrNull() is { } name) rows = rows.Where(x => x.Product.ProductName.Contains(name));
        if (q.StoreName.TrimmedOrNull() is { } store) rows = rows.Where(x => x.Device.StoreName == store);
        var page = LeasePaging.Parse(q.Page, q.Rows, q.Sort);
        var total = await rows.CountAsync(ct);
        var list = await FilterLeaseDevicesValidator.Sorts.Apply(rows, page, x => x.Device.Id).Skip(page.Skip)
            .Take(page.Rows).ToListAsync(ct);
        return Reply.Ok("查询租赁产品成功",
            new Paged<LeaseDeviceRow>(total, list.Select(x => LeaseDeviceRow.From(x.Device, x.Product)).ToList()));
    }
}
