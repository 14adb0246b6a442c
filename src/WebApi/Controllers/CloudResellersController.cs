using Kboss.Application.Common.Models;
using Kboss.Application.Vendors.Baidu;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// 百度云 Baidu Cloud (spec: 18-baidu-cloud.md; analysis/vendors.md §3.3; ADR 0045): customers' Baidu sub-accounts,
/// their synced orders, refunds and cancels, called with the operating org's Baidu key (<c>not_configured</c>
/// without one). Refund confirmation is for operators.
/// </summary>
[Tags("百度云")]
[Authorize]
public sealed class BaiduCloudController(IMediator mediator) : ControllerBase
{
    /// <summary>获取tokenid</summary>
    [LegacyGet("/baiduc/get_tokenid.dspy")]
    public ValueTask<Reply<BaiduToken>> GetToken([FromLegacyParams] GetBaiduToken c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>同步用户订单</summary>
    [LegacyGet("/baiduc/update_baidu_order_list.dspy")]
    public ValueTask<Reply<BaiduSyncCounts>> SyncOrders([FromLegacyParams] SyncBaiduOrders c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>获取百度用户列表</summary>
    [LegacyGet("/baiduc/get_baidu_users_base_org.dspy")]
    public ValueTask<Reply<IReadOnlyList<BaiduUser>>> Users([FromLegacyParams] ListBaiduUsers q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>查询百度订单</summary>
    [LegacyGet("/baiduc/get_local_baidu_orders.dspy")]
    public ValueTask<BaiduOrderPage> LocalOrders([FromLegacyParams] ListLocalBaiduOrders q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>百度订单退款</summary>
    [LegacyGet("/baiduc/baidu_confirm_refund_order.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<BaiduRefund>> ConfirmRefund([FromLegacyParams] ConfirmBaiduRefund c,
        CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>资源查询</summary>
    [LegacyGet("/baiduc/baidu_resource_query.dspy")]
    public ValueTask<Reply<BaiduResources>> Resources([FromLegacyParams] QueryBaiduResources q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>取消退款 (cancelOrders)</summary>
    [LegacyGet("/baiduc/baidu_order_cancel.dspy")]
    public ValueTask<Reply<BaiduCancelResult>> Cancel([FromLegacyParams] CancelBaiduOrder c, CancellationToken ct) =>
        mediator.Send(c, ct);
}
