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

/// <summary><c>products</c> of create_lease_data (one object despite the plural).</summary>
public sealed record LeaseProductInput
{
    /// <summary>Name (≤ 100).</summary>
    public string? ProductName { get; init; }
    /// <summary>Devices to create, ≥ 1.</summary>
    public string? Stock { get; init; }
    /// <summary>Owner; defaults to the caller.</summary>
    public string? UserId { get; init; }
    /// <summary>List price per period, 元 ≥ 0.</summary>
    public string? Price { get; init; }
    /// <summary>First leasable day.</summary>
    public string? LeaseStartTime { get; init; }
    /// <summary>Last leasable day, ≥ start.</summary>
    public string? LeaseEndTime { get; init; }
}

/// <summary><c>servers</c> of create_lease_data: the configuration every device gets (stored verbatim).</summary>
public sealed record LeaseServerInput
{
    /// <summary>An existing store of the caller's org.</summary>
    public string? StoreName { get; init; }
    /// <summary>设备类型.</summary>
    public string? DeviceType { get; init; }
    /// <summary>设备品牌.</summary>
    public string? DeviceBrand { get; init; }
    /// <summary>资源类型.</summary>
    public string? ResourceType { get; init; }
    /// <summary>卡型号.</summary>
    public string? CardType { get; init; }
    /// <summary>卡接口.</summary>
    public string? CardInterface { get; init; }
    /// <summary>CPU.</summary>
    public string? Cpu { get; init; }
    /// <summary>内存.</summary>
    public string? Memory { get; init; }
    /// <summary>系统盘.</summary>
    public string? SystemDisk { get; init; }
    /// <summary>数据盘.</summary>
    public string? DataDisk { get; init; }
    /// <summary>网卡1.</summary>
    public string? NetCard1 { get; init; }
    /// <summary>网卡2.</summary>
    public string? NetCard2 { get; init; }
    /// <summary>其他.</summary>
    public string? OtherData { get; init; }
    /// <summary>Device price, 元 ≥ 0; defaults to the product price.</summary>
    public string? Price { get; init; }
}

/// <summary>
/// <c>POST /lease/create_lease_data.dspy</c> 创建租赁产品: a product of the caller's org and <c>products.stock</c> idle
/// devices of the <c>servers</c> configuration, in one save. Replies <c>{"id", "server_ids"}</c>. Messages:
/// <c>参数错误</c> (field), <c>租赁结束时间不能早于开始时间</c>, <c>仓库不存在: x</c>.
/// spec: 15-server-lease.md; lease.md §3A.1.
/// </summary>
public sealed record CreateLeaseProduct : LeaseBodyRequest, ICommand<Reply<CreatedLeaseProduct>>
{
    /// <summary>The product.</summary>
    public LeaseProductInput? Products { get; init; }
    /// <summary>The device configuration.</summary>
    public LeaseServerInput? Servers { get; init; }
}

public sealed class CreateLeaseProductValidator : AbstractValidator<CreateLeaseProduct>
{
    /// <summary>Most devices one call creates.</summary>
    public const int MaxStock = 1000;

    public CreateLeaseProductValidator()
    {
        RuleFor(x => x.Products).NotNull().WithMessage("缺少必要参数: products");
        RuleFor(x => x.Servers).NotNull().WithMessage("缺少必要参数: servers");
        RuleFor(x => x.Products!).ChildRules(p =>
        {
            p.RuleFor(x => x.ProductName).Required().MaxChars(100);
            p.RuleFor(x => x.Stock).Required().OptionalInt(1, MaxStock);
            p.RuleFor(x => x.Price).Required().OptionalDecimal(0, 2);
            p.RuleFor(x => x.LeaseStartTime).Required().OptionalDate();
            p.RuleFor(x => x.LeaseEndTime).Required().OptionalDate();
        }).When(x => x.Products is not null);
        RuleFor(x => x.Servers!).ChildRules(s =>
        {
            s.RuleFor(x => x.StoreName).Required().MaxChars(50);
            s.RuleFor(x => x.Price).OptionalDecimal(0, 2);
            foreach (var text in LeaseServerMapper.Texts) s.RuleFor(text).MaxChars(200);
        }).When(x => x.Servers is not null);
    }
}

public sealed class CreateLeaseProductHandler(IKbossDbContext db, LeaseAccess access)
    : ICommandHandler<CreateLeaseProduct, Reply<CreatedLeaseProduct>>
{
    public async ValueTask<Reply<CreatedLeaseProduct>> Handle(CreateLeaseProduct c, CancellationToken ct)
    {
        var p = c.Products!;
        var storeName = c.Servers!.StoreName.Trimmed();
        var org = access.OrgId;
        var store = await db.LeaseStores.AsNoTracking().FirstOrDefaultAsync(s => s.OrgId == org
            && s.Name == storeName, ct)
                    ?? throw BusinessException.NotFound($"仓库不存在: {storeName}");
        var product = new LeaseProduct
        {
            OrgId = org, ProductName = p.ProductName.Trimmed(), UserId = access.UserId,
            Price = RuleExtensions.TryDecimal(p.Price, out var price) ? price : 0,
        };
        product.SetWindow(RuleExtensions.ToDate(p.LeaseStartTime)!.Value, RuleExtensions.ToDate(p.LeaseEndTime)!.Value)
            .OrThrow();
        var template = LeaseServerMapper.Device(c.Servers, product, store);
        var devices = Enumerable.Range(0, int.Parse(p.Stock!.Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .Select(i => i == 0 ? template : template.CloneFor(product)).ToList();
        product.AdjustStock(devices.Count);
        db.LeaseProducts.Add(product);
        db.LeaseServers.AddRange(devices);
        await db.SaveChangesAsync(ct);
        return Reply.Ok("创建租赁产品成功", new CreatedLeaseProduct(product.Id, devices.Select(d => d.Id).ToList()));
    }
}

/// <summary>The <c>servers</c> → device copy (values verbatim, never trimmed, §6 A-20).</summary>
public static class LeaseServerMapper
{
    /// <summary>The free-text configuration fields.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<LeaseServerInput, string?>>[] Texts =
    [
        x => x.DeviceType, x => x.DeviceBrand, x => x.ResourceType, x => x.CardType, x => x.CardInterface,
        x => x.Cpu, x => x.Memory, x => x.SystemDisk, x => x.DataDisk, x => x.NetCard1, x => x.NetCard2,
        x => x.OtherData,
    ];

    /// <summary>An idle device of <paramref name="product"/> in <paramref name="store"/>.</summary>
    public static LeaseServer Device(LeaseServerInput s, LeaseProduct product, LeaseStore store) => new()
    {
        OrgId = product.OrgId, ProductId = product.Id, StoreId = store.Id, StoreName = store.Name,
        DeviceType = s.DeviceType, DeviceBrand = s.DeviceBrand, ResourceType = s.ResourceType, CardType = s.CardType,
        CardInterface = s.CardInterface, Cpu = s.Cpu, Memory = s.Memory, SystemDisk = s.SystemDisk,
        DataDisk = s.DataDisk, NetCard1 = s.NetCard1, NetCard2 = s.NetCard2, OtherData = s.OtherData,
        Price = RuleExtensions.TryDecimal(s.Price, out var price) ? price : product.Price,
    };
}
