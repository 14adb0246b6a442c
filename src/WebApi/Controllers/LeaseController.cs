using Kboss.Application.Common.Models;
using Kboss.Application.Lease;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// 服务器租赁 (spec: 15-server-lease.md; analysis/lease.md §3A; ADR 0036). Stores, products and devices: operators of
/// the seller org; buy: the customer itself, or its operator or sales; the recycle and warning jobs: admins.
/// </summary>
[Tags("服务器租赁")]
[Authorize]
public sealed class LeaseController(IMediator mediator) : ControllerBase
{
    /// <summary>创建租赁产品</summary>
    [LegacyPost("/lease/create_lease_data.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<CreatedLeaseProduct>> Create([FromLegacyParams] CreateLeaseProduct c,
        CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>查询租赁产品</summary>
    [LegacyPost("/lease/filter_lease_data.dspy")]
    public ValueTask<Reply<Paged<LeaseDeviceRow>>> Filter([FromLegacyParams] FilterLeaseDevices q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>修改产品信息</summary>
    [LegacyPost("/lease/update_product.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<LeaseProductRow>> UpdateProduct([FromLegacyParams] UpdateLeaseProduct c,
        CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>购买自有服务器</summary>
    [LegacyPost("/lease/buy.dspy")]
    public ValueTask<Reply<LeasePurchase>> Buy([FromLegacyParams] BuyLeaseDevices c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>获取产品列表</summary>
    [LegacyPost("/lease/get_product_list.dspy")]
    public ValueTask<Reply<IReadOnlyList<LeaseProductRow>>> Products([FromLegacyParams] ListLeaseProducts q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>到期自动回收设备 (also the daily job LeaseRecycle)</summary>
    [LegacyPost("/lease/update_stock.dspy")]
    [Authorize(Policy = Policies.Admin)]
    public ValueTask<Reply<LeaseRecycleResult>> Recycle([FromLegacyParams] RecycleExpiredLeases c,
        CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>到期警告 (also the daily job LeaseExpiryWarning)</summary>
    [LegacyPost("/lease/expiration_warning.dspy")]
    [Authorize(Policy = Policies.Admin)]
    public ValueTask<Reply<LeaseWarningResult>> Warn([FromLegacyParams] SendLeaseExpiryWarnings c,
        CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>创建仓库</summary>
    [LegacyPost("/lease/create_store.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<LeaseIdData>> CreateStore([FromLegacyParams] CreateStore c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>更新仓库</summary>
    [LegacyPost("/lease/update_store.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<LeaseStoreRow>> UpdateStore([FromLegacyParams] UpdateStore c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>获取仓库列表</summary>
    [LegacyPost("/lease/get_store_list.dspy")]
    [Authorize(Policy = Policies.Sales)]
    public ValueTask<Reply<Paged<LeaseStoreRow>>> Stores([FromLegacyParams] ListStores q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>获取账单列表</summary>
    [LegacyPost("/lease/get_bill_list.dspy")]
    public ValueTask<Reply<Paged<LeaseBillRow>>> Bills([FromLegacyParams] ListLeaseBills q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>获取账单详情</summary>
    [LegacyPost("/lease/get_bill_detail.dspy")]
    public ValueTask<Reply<LeaseBillDetail>> Bill([FromLegacyParams] GetLeaseBillDetail q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>保存合同</summary>
    [LegacyPost("/lease/save_contract.dspy")]
    [Authorize(Policy = Policies.Sales)]
    public ValueTask<Reply<LeaseIdData>> SaveContract([FromLegacyParams] SaveLeaseContract c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>修改合同</summary>
    [LegacyPost("/lease/update_contract.dspy")]
    [Authorize(Policy = Policies.Sales)]
    public ValueTask<Reply<LeaseContractRow>> UpdateContract([FromLegacyParams] UpdateLeaseContract c,
        CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>获取合同</summary>
    [LegacyPost("/lease/get_contract.dspy")]
    public ValueTask<Reply<IReadOnlyList<LeaseContractRow>>> Contracts([FromLegacyParams] ListLeaseContracts q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>统计空闲</summary>
    [LegacyPost("/lease/report_disengaged.dspy")]
    [Authorize(Policy = Policies.Sales)]
    public ValueTask<Reply<LeaseIdleReport>> Idle([FromLegacyParams] ReportIdleDevices q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>获取服务器数据</summary>
    [LegacyPost("/lease/get_server_data.dspy")]
    public ValueTask<Reply<Paged<LeaseServerDataRow>>> ServerData([FromLegacyParams] GetLeaseServerData q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>获取去重后字段信息</summary>
    [LegacyPost("/lease/get_distinct.dspy")]
    public ValueTask<Reply<IReadOnlyDictionary<string, List<string>>>> Distinct([FromLegacyParams] GetLeaseDistinct q,
        CancellationToken ct) => mediator.Send(q, ct);
}
