using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Lease;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.LeaseProducts;

/// <summary>
/// <c>POST /lease_product/get_order_detail.dspy</c> 获取设备的订单详情: the record of product <c>productid</c> (a
/// product id, §6 A-19) the caller may see, and its orders, latest lock first, paged: staff managing the record see
/// all of them, anyone else only those of its own org. Message: <c>设备不存在</c>.
/// spec: 20-lease-productization.md; lease.md §3B.13.
/// </summary>
public sealed record GetLeaseOrderDetail : LeaseBodyRequest, IQuery<Reply<LeaseOrderDetail>>
{
    /// <summary>产品id.</summary>
    public string? Productid { get; init; }
    /// <summary>Page of orders.</summary>
    public string? Page { get; init; }
    /// <summary>Rows (1–100).</summary>
    public string? Rows { get; init; }
}

/// <summary>A record and a page of its orders.</summary>
public sealed record LeaseOrderDetail(LeaseDeviceView Product, Paged<LeaseOrderRow> Orders);

public sealed class GetLeaseOrderDetailValidator : AbstractValidator<GetLeaseOrderDetail>
{
    public GetLeaseOrderDetailValidator()
    {
        RuleFor(x => x.Productid).Required().MaxChars(32);
        LeasePaging.Rules(this, x => x.Page, x => x.Rows);
    }
}

public sealed class GetLeaseOrderDetailHandler(IKbossDbContext db, LeaseAccess access, LeaseRecords records)
    : IQueryHandler<GetLeaseOrderDetail, Reply<LeaseOrderDetail>>
{
    public async ValueTask<Reply<LeaseOrderDetail>> Handle(GetLeaseOrderDetail q, CancellationToken ct)
    {
        var product = q.Productid.Trimmed();
        var device = await (await records.VisibleAsync(ct)).Include(d => d.Parameters)
                         .FirstOrDefaultAsync(d => d.ProductId == product, ct)
                     ?? throw BusinessException.NotFound(LeaseRecords.NoRecord);
        var orders = db.LeaseOrders.AsNoTracking().Where(o => o.ServerId == device.Id);
        if (!await access.ManagesAsync(device.OrgId, ct))
        {
            var mine = access.OrgId;
            orders = orders.Where(o => o.OrgId == mine);
        }
        var page = LeasePaging.Parse(q.Page, q.Rows, null);
        var total = await orders.CountAsync(ct);
        var list = await orders.OrderByDescending(o => o.LockTime).ThenBy(o => o.Id).Skip(page.Skip).Take(page.Rows)
            .ToListAsync(ct);
        return Reply.Ok("获取订单详情成功", new LeaseOrderDetail(LeaseDeviceView.From(device),
            new Paged<LeaseOrderRow>(total, list.Select(LeaseOrderRow.From).ToList())));
    }
}
