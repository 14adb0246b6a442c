using System.Linq.Expressions;
using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Lease;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Lease;

/// <summary>
/// <c>POST /lease/report_disengaged.dspy</c> 统计空闲: the idle statistics of <c>select_date</c> D (default the
/// platform's today) over the devices of the orgs the caller manages (lease.md §4.6): the universe is the live devices
/// whose live product's window holds D; a device is rented on D when a line of a live bill (active or recycled) holds
/// D, else idle; <c>idle_rate</c> = round(100 × idle / total, 2), 0 without devices. Counted in SQL (GROUP BY store
/// and product, EXISTS on the lines' (device_id, start_date, end_date) index), so past and future dates work; totals,
/// per store, per product, and the idle devices paged. spec: 15-server-lease.md; lease.md §3A.8.
/// </summary>
public sealed record ReportIdleDevices : LeaseBodyRequest, IQuery<Reply<LeaseIdleReport>>
{
    /// <summary>Date (yyyy-MM-dd, default today).</summary>
    public string? SelectDate { get; init; }
    /// <summary>Page of idle devices.</summary>
    public string? Page { get; init; }
    /// <summary>Rows (1–100).</summary>
    public string? Rows { get; init; }
}

/// <summary>Counts of one group (all devices, a store or a product).</summary>
public sealed record LeaseIdleCounts(string? StoreName, string? ProductId, string? ProductName, int Total, int Idle,
    int Rented, decimal IdleRate)
{
    /// <summary>The counts with their rate.</summary>
    public static LeaseIdleCounts Of(string? store, string? productId, string? productName, int total, int rented) =>
        new(store, productId, productName, total, total - rented, rented, LeaseRates.Percent(total - rented, total));
}

/// <summary>The report of one date.</summary>
public sealed record LeaseIdleReport(DateOnly SelectDate, int Total, int Idle, int Rented, decimal IdleRate,
    IReadOnlyList<LeaseIdleCounts> ByStore, IReadOnlyList<LeaseIdleCounts> ByProduct,
    Paged<LeaseDeviceRow> IdleDevices);

public sealed class ReportIdleDevicesValidator : AbstractValidator<ReportIdleDevices>
{
    public ReportIdleDevicesValidator()
    {
        RuleFor(x => x.SelectDate).OptionalDate().WithMessage("日期格式错误: select_date");
        LeasePaging.Rules(this, x => x.Page, x => x.Rows);
    }
}

public sealed class ReportIdleDevicesHandler(IKbossDbContext db, LeaseAccess access, LeaseClock clock)
    : IQueryHandler<ReportIdleDevices, Reply<LeaseIdleReport>>
{
    public async ValueTask<Reply<LeaseIdleReport>> Handle(ReportIdleDevices q, CancellationToken ct)
    {
        var day = RuleExtensions.ToDate(q.SelectDate) ?? clock.Today;
        var universe = LeaseDeviceFields.Join(db, await access.ManagedOrgsAsync(ct))
            .Where(x => x.Product.LeaseStartTime <= day && day <= x.Product.LeaseEndTime);
        var rentedOn = RentedOn(db, day);
        var rented = universe.Where(rentedOn);
        var idle = universe.Where(Expression.Lambda<Func<DeviceWithProduct, bool>>(Expression.Not(rentedOn.Body),
            rentedOn.Parameters));
        var all = await CountAsync(universe, ct);
        var busy = (await CountAsync(rented, ct)).ToDictionary(g => (g.StoreName, g.ProductId), g => g.Devices);
        int Rented(string store, string product) => busy.GetValueOrDefault((store, product));

        var byStore = all.GroupBy(g => g.StoreName).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => LeaseIdleCounts.Of(g.Key, null, null, g.Sum(x => x.Devices),
                g.Sum(x => Rented(x.StoreName, x.ProductId)))).ToList();
        var byProduct = all.GroupBy(g => (g.ProductId, g.ProductName))
            .OrderBy(g => g.Key.ProductName, StringComparer.Ordinal)
            .ThenBy(g => g.Key.ProductId, StringComparer.Ordinal)
            .Select(g => LeaseIdleCounts.Of(null, g.Key.ProductId, g.Key.ProductName, g.Sum(x => x.Devices),
                g.Sum(x => Rented(x.StoreName, x.ProductId)))).ToList();
        var sum = LeaseIdleCounts.Of(null, null, null, all.Sum(g => g.Devices), busy.Values.Sum());

        var page = LeasePaging.Parse(q.Page, q.Rows, null);
        var idleTotal = await idle.CountAsync(ct);
        var idleRows = await idle.OrderBy(x => x.Device.StoreName).ThenBy(x => x.Device.Id).Skip(page.Skip)
            .Take(page.Rows).ToListAsync(ct);
        return Reply.Ok("统计空闲成功", new LeaseIdleReport(day, sum.Total, sum.Idle, sum.Rented, sum.IdleRate,
            byStore, byProduct, new Paged<LeaseDeviceRow>(idleTotal,
                idleRows.Select(x => LeaseDeviceRow.From(x.Device, x.Product)).ToList())));
    }

    /// <summary>A line of a live bill holds the device on <paramref name="day"/>.</summary>
    private static Expression<Func<DeviceWithProduct, bool>> RentedOn(IKbossDbContext db, DateOnly day) =>
        x => db.LeaseBillDevices.Any(l => l.DeviceId == x.Device.Id && l.StartDate <= day && day <= l.EndDate
            && db.LeaseBills.Any(b => b.Id == l.BillId));

    private sealed record Group(string StoreName, string ProductId, string ProductName, int Devices);

    /// <summary>Devices per (store, product) in one GROUP BY.</summary>
    private static Task<List<Group>> CountAsync(IQueryable<DeviceWithProduct> devices, CancellationToken ct) =>
        devices.GroupBy(x => new { x.Device.StoreName, x.Product.Id, x.Product.ProductName })
            .Select(g => new Group(g.Key.StoreName, g.Key.Id, g.Key.ProductName, g.Count())).ToListAsync(ct);
}
