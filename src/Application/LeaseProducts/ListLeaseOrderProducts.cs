using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Application.Lease;
using Kboss.Domain.Lease;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.LeaseProducts;

/// <summary>
/// <c>POST /lease_product/get_order_list.dspy</c> 获取设备的订单 list: the lease orders of <c>orgid</c> (default the
/// caller's org; another only if the caller may act on it, else 403) grouped by record in SQL: staff see the orders
/// the org sold or bought, a customer those its org bought (§6 A-31). Each group: the product, its provider, the
/// record's sellable stock, locked and rented units and the number of orders; latest order first, paged.
/// spec: 20-lease-productization.md; lease.md §3B.12.
/// </summary>
public sealed record ListLeaseOrderProducts : LeaseBodyRequest, IQuery<Reply<Paged<LeaseOrderProductRow>>>
{
    /// <summary>机构id (default the caller's).</summary>
    public string? Orgid { get; init; }
    /// <summary>Page.</summary>
    public string? Page { get; init; }
    /// <summary>Rows (1–100).</summary>
    public string? Rows { get; init; }
}

/// <summary>A product's orders in one row (lease.md §3B.12).</summary>
public sealed record LeaseOrderProductRow(string Productid, string ProductName, string Providerid,
    string ProviderName, string ServerId, int Stock, long Locked, long Rented, int OrderCount);

public sealed class ListLeaseOrderProductsValidator : AbstractValidator<ListLeaseOrderProducts>
{
    public ListLeaseOrderProductsValidator()
    {
        RuleFor(x => x.Orgid).MaxChars(32);
        LeasePaging.Rules(this, x => x.Page, x => x.Rows);
    }
}

public sealed class ListLeaseOrderProductsHandler(IKbossDbContext db, LeaseAccess access, OrgAccess orgs)
    : IQueryHandler<ListLeaseOrderProducts, Reply<Paged<LeaseOrderProductRow>>>
{
    public async ValueTask<Reply<Paged<LeaseOrderProductRow>>> Handle(ListLeaseOrderProducts q, CancellationToken ct)
    {
        var org = await orgs.ResolveAsync(q.Orgid, ct);
        var orders = access.IsStaff
            ? db.LeaseOrders.AsNoTracking().Where(o => o.SellerOrgId == org || o.OrgId == org)
            : db.LeaseOrders.AsNoTracking().Where(o => o.OrgId == org);
        var groups = orders.GroupBy(o => o.ServerId).Select(g => new
        {
            ServerId = g.Key, Latest = g.Max(o => o.LockTime), Orders = g.Count(),
            Locked = g.Sum(o => o.Status == LeaseOrderStatus.Locked ? (long)o.Count : 0L),
            Rented = g.Sum(o => o.Status == LeaseOrderStatus.Rented ? (long)o.Count : 0L),
        });
        var page = LeasePaging.Parse(q.Page, q.Rows, null);
        var total = await groups.CountAsync(ct);
        var list = await groups.OrderByDescending(g => g.Latest).ThenBy(g => g.ServerId).Skip(page.Skip)
            .Take(page.Rows).ToListAsync(ct);
        var ids = list.Select(g => g.ServerId).ToList();
        var records = await db.LeaseDevices.AsNoTracking().IgnoreQueryFilters().Where(d => ids.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, ct);
        return Reply.Ok("获取订单列表成功", new Paged<LeaseOrderProductRow>(total, list.Select(g =>
        {
            var d = records[g.ServerId];
            return new LeaseOrderProductRow(d.ProductId, d.ProductName, d.ProviderId, d.ProviderName, d.Id, d.Stock,
                g.Locked, g.Rented, g.Orders);
        }).ToList()));
    }
}
