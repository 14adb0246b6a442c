using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Lease;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Lease;

/// <summary><c>product</c> of update_product: <c>id</c> and the fields to change.</summary>
public sealed record LeaseProductChange
{
    /// <summary>Product id.</summary>
    public string? Id { get; init; }
    /// <summary>New name.</summary>
    public string? ProductName { get; init; }
    /// <summary>New price (future bills only).</summary>
    public string? Price { get; init; }
    /// <summary>New idle stock: more adds devices like the newest one, fewer removes idle ones (newest
    /// first).</summary>
    public string? Stock { get; init; }
    /// <summary>Owner (ignored: the creator stays).</summary>
    public string? UserId { get; init; }
    /// <summary>New window start.</summary>
    public string? LeaseStartTime { get; init; }
    /// <summary>New window end.</summary>
    public string? LeaseEndTime { get; init; }
}

/// <summary>
/// <c>POST /lease/update_product.dspy</c> 修改产品信息: partial update; the window must still cover every active
/// lease of the product; <c>stock</c> adds or removes idle devices so stock = idle devices (§4.4). Messages:
/// <c>产品不存在</c>, <c>租赁时间不能小于已出租设备的租期</c>, <c>该产品没有设备可复制</c>.
/// spec: 15-server-lease.md; lease.md §3A.3.
/// </summary>
public sealed record UpdateLeaseProduct : LeaseBodyRequest, ICommand<Reply<LeaseProductRow>>
{
    /// <summary>The change.</summary>
    public LeaseProductChange? Product { get; init; }
}

public sealed class UpdateLeaseProductValidator : AbstractValidator<UpdateLeaseProduct>
{
    public UpdateLeaseProductValidator()
    {
        RuleFor(x => x.Product).NotNull().WithMessage("缺少必要参数: product");
        RuleFor(x => x.Product!).ChildRules(p =>
        {
            p.RuleFor(x => x.Id).Required().MaxChars(32);
            p.RuleFor(x => x.ProductName).MaxChars(100);
            p.RuleFor(x => x.Stock).OptionalInt(0, CreateLeaseProductValidator.MaxStock);
            p.RuleFor(x => x.Price).OptionalDecimal(0, 2);
            p.RuleFor(x => x.LeaseStartTime).OptionalDate();
            p.RuleFor(x => x.LeaseEndTime).OptionalDate();
        }).When(x => x.Product is not null);
    }
}

public sealed class UpdateLeaseProductHandler(IKbossDbContext db, LeaseAccess access)
    : ICommandHandler<UpdateLeaseProduct, Reply<LeaseProductRow>>
{
    /// <summary>Unknown or foreign product.</summary>
    public const string NotFound = "产品不存在";
    /// <summary>The new window would cut an active lease.</summary>
    public const string WindowTooShort = "租赁时间不能小于已出租设备的租期";

    public async ValueTask<Reply<LeaseProductRow>> Handle(UpdateLeaseProduct c, CancellationToken ct)
    {
        var p = c.Product!;
        await using var tx = await db.BeginTransactionAsync(ct);
        var product = await db.LeaseProducts.FirstOrDefaultAsync(x => x.Id == p.Id.Trimmed(), ct);
        if (product is null || !await access.ManagesAsync(product.OrgId, ct)) throw BusinessException
            .NotFound(NotFound);
        if (p.ProductName.TrimmedOrNull() is { } name) product.ProductName = name;
        if (RuleExtensions.TryDecimal(p.Price, out var price)) product.Price = price;
        await ChangeWindowAsync(product, RuleExtensions.ToDate(p.LeaseStartTime), RuleExtensions.ToDate(p.LeaseEndTime),
            ct);
        if (RuleExtensions.TryInt(p.Stock, out var stock)) await SetStockAsync(product, (int)stock, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Reply.Ok("修改产品信息成功", LeaseProductRow.From(product));
    }

    private async Task ChangeWindowAsync(LeaseProduct product, DateOnly? start, DateOnly? end, CancellationToken ct)
    {
        if (start is null && end is null) return;
        var (s, e) = (start ?? product.LeaseStartTime, end ?? product.LeaseEndTime);
        product.SetWindow(s, e).OrThrow();
        var cut = await db.LeaseBillDevices.AnyAsync(l => l.ProductId == product.Id
            && l.Status == LeaseBillStatus.Active && (l.StartDate < s || l.EndDate > e), ct);
        if (cut) throw BusinessException.Conflict(WindowTooShort);
    }

    private async Task SetStockAsync(LeaseProduct product, int wanted, CancellationToken ct)
    {
        var idle = await db.LeaseServers.Where(s => s.ProductId == product.Id && s.Status == LeaseServerStatus.Idle)
            .OrderByDescending(s => s.CreateAt).ThenByDescending(s => s.Id).ToListAsync(ct);
        product.Reconcile(idle.Count);
        var delta = wanted - idle.Count;
        if (delta < 0)
            foreach (var device in idle.Take(-delta)) device.Remove().OrThrow();
        else if (delta > 0)
        {
            var model = idle.FirstOrDefault() ?? await db.LeaseServers.AsNoTracking()
                .Where(s => s.ProductId == product.Id).OrderByDescending(s => s.CreateAt).FirstOrDefaultAsync(ct)
                ?? throw BusinessException.Conflict("该产品没有设备可复制");
            db.LeaseServers.AddRange(Enumerable.Range(0, delta).Select(_ => model.CloneFor(product)));
        }
        product.AdjustStock(delta);
    }
}
