using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Lease;

/// <summary>
/// <c>POST /lease/get_bill_detail.dspy</c> 获取账单详情: the bill, its devices, its contract and its store's prices.
/// A bill the caller may not read is <c>账单不存在</c> like a missing one. spec: 15-server-lease.md; lease.md §3A.11.
/// </summary>
public sealed record GetLeaseBillDetail : LeaseBodyRequest, IQuery<Reply<LeaseBillDetail>>
{
    /// <summary>账单id.</summary>
    public string? BillId { get; init; }
}

/// <summary>Bill detail.</summary>
public sealed record LeaseBillDetail(LeaseBillRow Bill, IReadOnlyList<LeaseDeviceRow> Devices,
    LeaseContractRow? Contract, LeaseStoreRow? Store);

public sealed class GetLeaseBillDetailValidator : AbstractValidator<GetLeaseBillDetail>
{
    public GetLeaseBillDetailValidator() => RuleFor(x => x.BillId).Required().MaxChars(32);
}

public sealed class GetLeaseBillDetailHandler(IKbossDbContext db, LeaseAccess access)
    : IQueryHandler<GetLeaseBillDetail, Reply<LeaseBillDetail>>
{
    /// <summary>Missing or not visible.</summary>
    public const string NotFound = "账单不存在";

    public async ValueTask<Reply<LeaseBillDetail>> Handle(GetLeaseBillDetail q, CancellationToken ct)
    {
        var id = q.BillId.Trimmed();
        var bill = await (await LeaseBillScope.VisibleAsync(db, access, ct)).FirstOrDefaultAsync(b => b.Id == id, ct)
                   ?? throw BusinessException.NotFound(NotFound);
        var devices = await db.LeaseBillDevices.AsNoTracking().Where(l => l.BillId == id)
            .Join(db.LeaseServers.IgnoreQueryFilters().AsNoTracking(), l => l.DeviceId, s => s.Id, (l, s) => s)
            .Join(db.LeaseProducts.IgnoreQueryFilters().AsNoTracking(), s => s.ProductId, p => p.Id,
                (s, p) => new DeviceWithProduct { Device = s, Product = p })
            .ToListAsync(ct);
        var contract = await db.LeaseContracts.AsNoTracking().FirstOrDefaultAsync(c => c.BillId == id, ct);
        var store = await db.LeaseStores.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(s => s.Id == bill.StoreId, ct);
        return Reply.Ok("获取账单详情成功", new LeaseBillDetail(LeaseBillRow.From(bill),
            devices.Select(d => LeaseDeviceRow.From(d.Device, d.Product)).ToList(),
            contract is null ? null : LeaseContractRow.From(contract), store is null ? null : LeaseStoreRow
                .From(store)));
    }
}
