using Kboss.Application.Common.Models;
using Kboss.Application.Lease;
using Kboss.Application.LeaseProducts;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// 租赁设备产品化 (spec: 20-lease-productization.md; analysis/lease.md §3B; ADR 0036). Records: operators of the
/// provider's org; the checkout (lock, order id, buy, unlock): any signed-in buyer on its own locks; the expiry job:
/// admins.
/// </summary>
[Tags("租赁设备产品化")]
[Authorize]
public sealed class LeaseProductsController(IMediator mediator) : ControllerBase
{
    /// <summary>根据产品添加设备</summary>
    [LegacyPost("/lease_product/create_server.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<LeaseIdData>> CreateServer([FromLegacyParams] CreateLeaseServer c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>锁定设备</summary>
    [LegacyPost("/lease_product/lock_server.dspy")]
    public ValueTask<Reply<LeaseLock>> Lock([FromLegacyParams] LockLeaseUnits c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>保存订单id</summary>
    [LegacyPost("/lease_product/save_order_id.dspy")]
    public ValueTask<Reply<LeaseOrderBinding>> SaveOrderId([FromLegacyParams] SaveLeaseOrderId c,
        CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>释放锁定商品by_order id</summary>
    [LegacyPost("/lease_product/unlock_server_by_orderid.dspy")]
    public ValueTask<Reply<LeaseReleased>> UnlockByOrderId([FromLegacyParams] UnlockLeaseByOrderId c,
        CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>释放锁定商品by_id</summary>
    [LegacyPost("/lease_product/unlock_server_by_id.dspy")]
    public ValueTask<Reply<LeaseReleased>> UnlockById([FromLegacyParams] UnlockLeaseById c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>租赁到期自动释放设备 (also the daily job LeaseOrderExpiry)</summary>
    [LegacyPost("/lease_product/update_order.dspy")]
    [Authorize(Policy = Policies.Admin)]
    public ValueTask<Reply<LeaseExpiryResult>> Expire([FromLegacyParams] ExpireLeaseOrders c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>购买设备</summary>
    [LegacyPost("/lease_product/buy_server.dspy")]
    public ValueTask<Reply<LeaseOrderPurchase>> Buy([FromLegacyParams] BuyLeaseUnits c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>根据产品id获取价格</summary>
    [LegacyPost("/lease_product/get_price.dspy")]
    public ValueTask<Reply<LeasePrice>> Price([FromLegacyParams] GetLeasePrice q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>获取供应商list</summary>
    [LegacyPost("/lease_product/get_provider.dspy")]
    [Authorize(Policy = Policies.Sales)]
    public ValueTask<Reply<Paged<LeaseProviderRow>>> Providers([FromLegacyParams] ListLeaseProviders q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>获取产品list</summary>
    [LegacyPost("/lease_product/get_product.dspy")]
    [Authorize(Policy = Policies.Sales)]
    public ValueTask<Reply<Paged<LeaseCatalogProductRow>>> Products([FromLegacyParams] ListLeaseCatalogProducts q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>获取设备list</summary>
    [LegacyPost("/lease_product/get_server.dspy")]
    [Authorize(Policy = Policies.Sales)]
    public ValueTask<Reply<Paged<LeaseDeviceListRow>>> Servers([FromLegacyParams] ListLeaseDevices q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>获取设备详情</summary>
    [LegacyPost("/lease_product/get_server_detail.dspy")]
    public ValueTask<Reply<LeaseDeviceView>> Server([FromLegacyParams] GetLeaseDeviceDetail q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>修改设备配置</summary>
    [LegacyPost("/lease_product/update_server.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<LeaseDeviceView>> UpdateServer([FromLegacyParams] UpdateLeaseDevice c,
        CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>获取设备的订单 list</summary>
    [LegacyPost("/lease_product/get_order_list.dspy")]
    public ValueTask<Reply<Paged<LeaseOrderProductRow>>> Orders([FromLegacyParams] ListLeaseOrderProducts q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>获取设备的订单详情</summary>
    [LegacyPost("/lease_product/get_order_detail.dspy")]
    public ValueTask<Reply<LeaseOrderDetail>> Order([FromLegacyParams] GetLeaseOrderDetail q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>供应商-空闲率-租售率</summary>
    [LegacyPost("/lease_product/provider_rate.dspy")]
    [Authorize(Policy = Policies.Sales)]
    public ValueTask<Reply<LeaseProviderRate>> ProviderRate([FromLegacyParams] GetProviderRate q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>商品-空闲率-租售率</summary>
    [LegacyPost("/lease_product/product_rate.dspy")]
    [Authorize(Policy = Policies.Sales)]
    public ValueTask<Reply<LeaseRateRow>> ProductRate([FromLegacyParams] GetProductRate q, CancellationToken ct) =>
        mediator.Send(q, ct);
}
