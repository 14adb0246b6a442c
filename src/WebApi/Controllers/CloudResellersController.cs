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

    /// <summary>订单交互处理 (pays the order from the customer's balance)</summary>
    [LegacyGet("/baiducloud/get_baidu_orderlist.dspy")]
    public ValueTask<Reply<BaiduPayment>> Pay([FromLegacyParams] PayBaiduOrder c, CancellationToken ct) =>
        mediator.Send(c, ct);

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

/// <summary>
/// 京东云 JD Cloud (spec: 25-jd-cloud.md; analysis/vendors.md §3.4; ADR 0045): a customer's JD Cloud account through
/// the operating org's JD partner key — mobile check, SMS code, account creation, console login.
/// </summary>
[Tags("京东云")]
[Authorize]
public sealed class JdCloudController(IMediator mediator) : ControllerBase
{
    /// <summary>检验手机号是否已经同步</summary>
    [LegacyGet("/jdcloud/check_user_info.dspy")]
    public ValueTask<Reply<Application.Vendors.JdCloud.JdSyncState>> Check(
        [FromLegacyParams] Application.Vendors.JdCloud.CheckJdUser q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>发送短信到指定手机号</summary>
    [LegacyGet("/jdcloud/send_verify_code.dspy")]
    public ValueTask<Reply<object?>> SendCode([FromLegacyParams] Application.Vendors.JdCloud.SendJdVerifyCode c,
        CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>创建京东用户</summary>
    [LegacyGet("/jdcloud/create_user.dspy")]
    public ValueTask<Reply<Application.Vendors.JdCloud.JdAccountData>> Create(
        [FromLegacyParams] Application.Vendors.JdCloud.CreateJdUser c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>用户登录</summary>
    [LegacyGet("/jdcloud/jdcloud_auth.dspy")]
    public ValueTask<Reply<Application.Vendors.JdCloud.JdLogin>> Login(
        [FromLegacyParams] Application.Vendors.JdCloud.GetJdLogin c, CancellationToken ct) => mediator.Send(c, ct);
}

/// <summary>
/// 阿里云接口 Alibaba Cloud through 佳杰 Jiajie (spec: 14-aliyun.md; analysis/vendors.md §3.2; ADR 0045): ECS regions
/// with the operator's Aliyun key, the user's Jiajie account and console redirect with its Jiajie key.
/// </summary>
[Tags("阿里云接口")]
[Authorize]
public sealed class AliyunController(IMediator mediator) : ControllerBase
{
    /// <summary>查询可用地域</summary>
    [LegacyGet("/ali/DescribeRegions.dspy")]
    public ValueTask<Reply<System.Text.Json.Nodes.JsonArray>> Regions(
        [FromLegacyParams] Application.Vendors.Jiajie.DescribeAliyunRegions q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>佳杰用户同步</summary>
    [LegacyGet("/ali/jiajie_sync_user.dspy")]
    public ValueTask<Reply<Application.Vendors.Jiajie.JiajieAccountData>> SyncUser(
        [FromLegacyParams] Application.Vendors.Jiajie.SyncJiajieUser c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>佳杰获取跳转链接</summary>
    [LegacyGet("/ali/jiajie_get_token_redirect.dspy")]
    public ValueTask<Reply<string>> Redirect([FromLegacyParams] Application.Vendors.Jiajie.GetJiajieRedirect c,
        CancellationToken ct) => mediator.Send(c, ct);
}

/// <summary>互联云 Casdao (spec: 29-casdao.md; analysis/vendors.md §3.5; ADR 0045).</summary>
[Tags("互联云")]
[Authorize]
public sealed class CasdaoController(IMediator mediator) : ControllerBase
{
    /// <summary>检测账号是否存在</summary>
    [LegacyPost("/casdao/register_existence.dspy")]
    public ValueTask<Reply<bool?>> Exists([FromLegacyParams] Application.Vendors.Casdao.CheckCasdaoUsername q,
        CancellationToken ct) => mediator.Send(q, ct);
}
