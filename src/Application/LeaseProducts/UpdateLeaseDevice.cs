using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Lease;
using Kboss.Domain.Common;
using Kboss.Domain.Lease;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.LeaseProducts;

/// <summary>
/// <c>POST /lease_product/update_server.dspy</c> 修改设备配置: a record of an org the caller manages. The stock moves by
/// one conditional UPDATE (lease.md §3B.6, §4.3 #5): <c>stock</c> and <c>change_stock</c> together apply the change
/// only if it lands on <c>stock</c>; <c>stock</c> alone sets it if nobody changed it since it was read;
/// <c>change_stock</c> alone applies the change. <c>price</c> (future locks only) and <c>parameter</c> (replaces the
/// configuration) are optional; <c>end_date</c> is sent but never changed (只传值,不能修改). Replies the record.
/// Messages: <c>设备不存在</c>, <c>产品id与设备不一致</c>, <c>库存不能小于0</c>, <c>库存已变化,请刷新后重试</c>.
/// spec: 20-lease-productization.md; lease.md §3B.6.
/// </summary>
public sealed record UpdateLeaseDevice : LeaseBodyRequest, ICommand<Reply<LeaseDeviceView>>
{
    /// <summary>serverid.</summary>
    public string? Id { get; init; }
    /// <summary>productid (must be the record's).</summary>
    public string? Productid { get; init; }
    /// <summary>单价 per period, 元 ≥ 0.</summary>
    public string? Price { get; init; }
    /// <summary>新库存 (≥ 0).</summary>
    public string? Stock { get; init; }
    /// <summary>库存变化 (may be negative).</summary>
    public string? ChangeStock { get; init; }
    /// <summary>只传值,不能修改: ignored.</summary>
    public string? EndDate { get; init; }
    /// <summary>New configuration (replaces the old one).</summary>
    public IReadOnlyList<LeaseParameterInput?>? Parameter { get; init; }
}

public sealed class UpdateLeaseDeviceValidator : AbstractValidator<UpdateLeaseDevice>
{
    public UpdateLeaseDeviceValidator()
    {
        RuleFor(x => x.Id).Required().MaxChars(32);
        RuleFor(x => x.Productid).Required().MaxChars(32);
        RuleFor(x => x.Price).OptionalDecimal(0, 2);
        RuleFor(x => x.Stock).OptionalInt(0, 1_000_000);
        RuleFor(x => x.ChangeStock).OptionalInt(-1_000_000, 1_000_000);
        RuleFor(x => x.EndDate).OptionalDate();
        LeaseParameterInput.Rules(this, x => x.Parameter);
    }
}

public sealed class UpdateLeaseDeviceHandler(IKbossDbContext db, LeaseAccess access)
    : ICommandHandler<UpdateLeaseDevice, Reply<LeaseDeviceView>>
{
    /// <summary>The stock moved between read and write.</summary>
    public const string StockMoved = "库存已变化,请刷新后重试";

    public async ValueTask<Reply<LeaseDeviceView>> Handle(UpdateLeaseDevice c, CancellationToken ct)
    {
        var orgs = await access.ManagedOrgsAsync(ct);
        var id = c.Id.Trimmed();
        var device = await db.LeaseDevices.Include(d => d.Parameters)
                         .FirstOrDefaultAsync(d => d.Id == id && (orgs == null || orgs.Contains(d.OrgId)), ct)
                     ?? throw BusinessException.NotFound(LeaseRecords.NoRecord);
        if (device.ProductId != c.Productid.Trimmed()) throw BusinessException.Conflict("产品id与设备不一致");

        await using var tx = await db.BeginTransactionAsync(ct);
        await MoveStockAsync(device, Int(c.Stock), Int(c.ChangeStock), ct);
        if (RuleExtensions.TryDecimal(c.Price, out var price)) device.Price = price;
        if (c.Parameter is not null) device.SetParameters(LeaseParameterInput.Items(c.Parameter));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        var saved = await db.LeaseDevices.AsNoTracking().Include(d => d.Parameters).FirstAsync(d => d.Id == id, ct);
        return Reply.Ok("修改设备配置成功", LeaseDeviceView.From(saved));
    }

    private static int? Int(string? v) => RuleExtensions.TryInt(v, out var n) ? (int)n : null;

    /// <summary>The conditional stock UPDATE of §3B.6 step 2; nothing when neither value is sent.</summary>
    private async Task MoveStockAsync(LeaseDevice device, int? stock, int? change, CancellationToken ct)
    {
        if (stock is null && change is null) return;
        var delta = change ?? stock!.Value - device.Stock;
        var rows = db.LeaseDevices.Where(d => d.Id == device.Id).Where(LeaseDevice.CanAdjust(delta));
        if (stock is { } expected) rows = rows.Where(d => d.Stock + delta == expected);
        if (await rows.ExecuteUpdateAsync(u => u.SetProperty(d => d.Stock, d => d.Stock + delta), ct) == 1) return;
        var now = await db.LeaseDevices.AsNoTracking().Where(d => d.Id == device.Id).Select(d => d.Stock)
            .FirstAsync(ct);
        throw BusinessException.Conflict(now + delta < 0 ? "库存不能小于0" : StockMoved);
    }
}
