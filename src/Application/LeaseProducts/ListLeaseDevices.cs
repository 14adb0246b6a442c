using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Lease;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.LeaseProducts;

/// <summary>
/// <c>POST /lease_product/get_server.dspy</c> 获取设备list: the lease records of a provider the caller manages (else
/// <c>供应商不存在</c>), optionally of one <c>productid</c> and one <c>status</c> (0 可售, 1 停售), newest first, paged;
/// each with its locked and rented units (one GROUP BY for the page) and <c>sellable</c>.
/// spec: 20-lease-productization.md; lease.md §3B.3.
/// </summary>
public sealed record ListLeaseDevices : LeaseBodyRequest, IQuery<Reply<Paged<LeaseDeviceListRow>>>
{
    /// <summary>供应商id.</summary>
    public string? Providerid { get; init; }
    /// <summary>可选参数 产品id.</summary>
    public string? Productid { get; init; }
    /// <summary>可选 设备状态 0:可售, 1:停售.</summary>
    public string? Status { get; init; }
    /// <summary>Page.</summary>
    public string? Page { get; init; }
    /// <summary>Rows (1–100).</summary>
    public string? Rows { get; init; }
}

public sealed class ListLeaseDevicesValidator : AbstractValidator<ListLeaseDevices>
{
    public ListLeaseDevicesValidator()
    {
        RuleFor(x => x.Providerid).Required().MaxChars(32);
        RuleFor(x => x.Productid).MaxChars(32);
        RuleFor(x => x.Status).OptionalInt(0, 1);
        LeasePaging.Rules(this, x => x.Page, x => x.Rows);
    }
}

public sealed class ListLeaseDevicesHandler(LeaseRecords records, LeaseClock clock)
    : IQueryHandler<ListLeaseDevices, Reply<Paged<LeaseDeviceListRow>>>
{
    public async ValueTask<Reply<Paged<LeaseDeviceListRow>>> Handle(ListLeaseDevices q, CancellationToken ct)
    {
        var provider = await records.ProviderAsync(q.Providerid!.Trim(), ct);
        var rows = (await records.ManagedAsync(ct)).Where(d => d.ProviderId == provider.Id);
        if (q.Productid.TrimmedOrNull() is { } product) rows = rows.Where(d => d.ProductId == product);
        if (RuleExtensions.TryInt(q.Status, out var status)) rows = rows.Where(d => d.Status == status);
        var page = LeasePaging.Parse(q.Page, q.Rows, null);
        var total = await rows.CountAsync(ct);
        var pageRows = rows.OrderByDescending(d => d.CreateAt).ThenBy(d => d.Id).Skip(page.Skip).Take(page.Rows);
        var list = await pageRows.ToListAsync(ct);
        var held = await records.HeldAsync(pageRows, ct);
        var today = clock.Today;
        return Reply.Ok("获取设备成功", new Paged<LeaseDeviceListRow>(total, list.Select(d =>
        {
            var units = LeaseRecords.Counts(d.Id, d.Stock, held);
            return new LeaseDeviceListRow(d.Id, d.ProviderId, d.ProviderName, d.ProductId, d.ProductName, d.Stock,
                units.Locked, units.Rented, d.Price, d.EndDate, d.StoreName, d.OtherData, d.Status,
                d.Stock > 0 && d.IsSellable(today), d.UserId, d.CreateAt);
        }).ToList()));
    }
}
