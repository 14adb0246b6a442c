using System.Text.Json.Nodes;
using Kboss.Application.Common.Models;
using Kboss.Application.Vendors.CapitalOnline.Ecs;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// 首都云 ECS/GPU 云主机 (spec 28; analysis/vendors.md §3.8; ADR 0043): any logged-in user on the hosts and images of
/// the orgs it may act on; CDS is called with the operating org's key (<c>not_configured</c> without one).
/// </summary>
[Tags("首都云")]
[Authorize]
public sealed class CapitalOnlineEcsController(IMediator mediator) : ControllerBase
{
    /// <summary>获取地区可用区信息</summary>
    [LegacyGet("/capital/region_az_info.dspy")]
    public ValueTask<Reply<JsonNode>> DescribeRegionAz(CancellationToken ct) =>
        mediator.Send(new DescribeRegionAz(), ct);

    /// <summary>获取计算类型族</summary>
    [LegacyGet("/capital/ecs_family_info.dspy")]
    public ValueTask<Reply<JsonNode>> DescribeEcsFamilies([FromLegacyParams] DescribeEcsFamilies q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>获取镜像信息</summary>
    [LegacyGet("/capital/image_info.dspy")]
    public ValueTask<Reply<JsonNode>> DescribeImages([FromLegacyParams] DescribeImages q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>获取云盘配额</summary>
    [LegacyGet("/capital/describe_disk_quota.dspy")]
    public ValueTask<Reply<JsonNode>> DescribeDiskQuota([FromLegacyParams] DescribeDiskQuota q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>获取云服务器列表</summary>
    [LegacyGet("/capital/ecs_list.dspy")]
    public ValueTask<Reply<JsonNode>> ListEcs([FromLegacyParams] ListEcs q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>获取云服务器价格 (DescribePrice and the customer's sale price)</summary>
    [LegacyGet("/capital/get_ecs_price.dspy")]
    public ValueTask<Reply<JsonNode>> GetEcsPrice([FromLegacyParams] GetEcsPrice q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>获取云服务器配置详情</summary>
    [LegacyGet("/capital/get_ecs_detail.dspy")]
    public ValueTask<Reply<JsonNode>> GetEcsDetail([FromLegacyParams] GetEcsDetail q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>批量获取云服务器状态</summary>
    [LegacyGet("/capital/get_ecs_status.dspy")]
    public ValueTask<Reply<JsonNode>> GetEcsStatus([FromLegacyParams] GetEcsStatus q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>获取事件信息</summary>
    [LegacyGet("/capital/describe_event.dspy")]
    public ValueTask<Reply<JsonNode>> DescribeEcsEvent([FromLegacyParams] DescribeEcsEvent q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>云服务器监控信息</summary>
    [LegacyGet("/capital/instance_monitor.dspy")]
    public ValueTask<Reply<JsonNode>> GetInstanceMonitor([FromLegacyParams] GetInstanceMonitor q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>获取客户测试账户 (operators)</summary>
    [Authorize(Policy = Policies.Operator)]
    [LegacyGet("/capital/describe_account_subject.dspy")]
    public ValueTask<Reply<JsonNode>> DescribeAccountSubject(CancellationToken ct) =>
        mediator.Send(new DescribeAccountSubject(), ct);

    /// <summary>创建云服务器</summary>
    [LegacyGet("/capital/create_ecs.dspy")]
    public ValueTask<Reply<JsonNode>> CreateEcs([FromLegacyParams] CreateEcs c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>批量操作云服务器开、关机、重启</summary>
    [LegacyGet("/capital/operate_ecs.dspy")]
    public ValueTask<Reply<JsonNode>> OperateEcs([FromLegacyParams] OperateEcs c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>删除云服务器</summary>
    [LegacyGet("/capital/delete_ecs.dspy")]
    public ValueTask<Reply<JsonNode>> DeleteEcs([FromLegacyParams] DeleteEcs c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>修改实例管理员用户密码 (Password also in a POST form body)</summary>
    [LegacyGet("/capital/ecs_reset_password.dspy")]
    public ValueTask<Reply<JsonNode>> ResetEcsPassword([FromLegacyParams] ResetEcsPassword c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>修改云服务器名称</summary>
    [LegacyGet("/capital/change_ecs_name.dspy")]
    public ValueTask<Reply<JsonNode>> ChangeEcsName([FromLegacyParams] ChangeEcsName c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>创建私有镜像</summary>
    [LegacyGet("/capital/create_image.dspy")]
    public ValueTask<Reply<JsonNode>> CreateImage([FromLegacyParams] CreateImage c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>删除节点镜像 (AvailableZoneCode required)</summary>
    [LegacyGet("/capital/delete_image.dspy")]
    public ValueTask<Reply<JsonNode>> DeleteImage([FromLegacyParams] DeleteImage c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>同步镜像到目标节点</summary>
    [LegacyGet("/capital/sync_image.dspy")]
    public ValueTask<Reply<JsonNode>> SyncImage([FromLegacyParams] SyncImage c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>获取云服务器远程连接地址</summary>
    [LegacyGet("/capital/describe_instance_vnc_url.dspy")]
    public ValueTask<Reply<JsonNode>> GetVncUrl([FromLegacyParams] GetVncUrl q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>获取弹性云服务器ECS计算类型规格及其销售状况</summary>
    [LegacyGet("/capital/describe_zone_instance_type.dspy")]
    public ValueTask<Reply<JsonNode>> DescribeZoneInstanceType([FromLegacyParams] DescribeZoneInstanceType q,
        CancellationToken ct) => mediator.Send(q, ct);
}
