using System.Text.Json.Nodes;
using Kboss.Application.Common.Models;
using Kboss.Application.Vendors.UCloud.Eips;
using Kboss.Application.Vendors.UCloud.Firewalls;
using Kboss.Application.Vendors.UCloud.Hosts;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// 优刻得 UCloud hosts, firewalls and EIPs (spec: 30–32; analysis/vendors.md §3.9–§3.11; ADR 0044): any logged-in user
/// on the objects of the orgs it may act on; UCloud is called with the operating org's key (<c>not_configured</c>
/// without one).
/// </summary>
[Tags("优刻得")]
[Authorize]
public sealed class UCloudController(IMediator mediator) : ControllerBase
{

    /// <summary>获取主机列表</summary>
    [LegacyGet("/ucloud/describe_uhost_instance.dspy")]
    public ValueTask<Reply<JsonObject>> DescribeUHostInstance([FromLegacyParams] DescribeUHostInstance q,
        CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>同步用户</summary>
    [LegacyGet("/ucloud/ucloud_create_user.dspy")]
    public ValueTask<Reply<JsonObject>> UCloudCreateUser([FromLegacyParams] UCloudCreateUser c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>获取某个地域下可售/售罄机型</summary>
    [LegacyPost("/ucloud/describe_available_instance_types.dspy")]
    public ValueTask<Reply<JsonObject>> DescribeAvailableInstanceTypes([FromLegacyParams] DescribeAvailableInstanceTypes q,
        CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>获取镜像</summary>
    [LegacyGet("/ucloud/describe_image.dspy")]
    public ValueTask<Reply<JsonObject>> DescribeImage([FromLegacyParams] DescribeImage q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>获取地域可用区</summary>
    [LegacyGet("/ucloud/get_local_regions.dspy")]
    public ValueTask<Reply<JsonArray>> GetLocalRegions(CancellationToken ct) => mediator.Send(new GetLocalRegions(), ct);

    /// <summary>获取eip价格</summary>
    [LegacyGet("/ucloud/get_eip_price.dspy")]
    public ValueTask<Reply<JsonObject>> GetEipPrice([FromLegacyParams] UCloudGetEipPrice q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>获取主机和硬盘价格</summary>
    [LegacyGet("/ucloud/get_uhost_instance_price.dspy")]
    public ValueTask<Reply<JsonObject>> GetUHostInstancePrice([FromLegacyParams] GetUHostInstancePrice q,
        CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>创建云主机</summary>
    [LegacyPost("/ucloud/create_uhost_instance.dspy")]
    public ValueTask<Reply<JsonObject>> CreateUHostInstance([FromLegacyParams] CreateUHostInstance c,
        CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>关闭主机</summary>
    [LegacyGet("/ucloud/stop_uhost_instance.dspy")]
    public ValueTask<Reply<JsonObject>> StopUHostInstance([FromLegacyParams] StopUHostInstance c,
        CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>启动主机</summary>
    [LegacyGet("/ucloud/start_uhost_instance.dspy")]
    public ValueTask<Reply<JsonObject>> StartUHostInstance([FromLegacyParams] StartUHostInstance c,
        CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>重启主机</summary>
    [LegacyGet("/ucloud/reboot_uhost_instance.dspy")]
    public ValueTask<Reply<JsonObject>> RebootUHostInstance([FromLegacyParams] RebootUHostInstance c,
        CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>获取登录VNC信息</summary>
    [LegacyGet("/ucloud/get_uhost_instance_vnc_info.dspy")]
    public ValueTask<Reply<JsonObject>> GetUHostInstanceVncInfo([FromLegacyParams] GetUHostInstanceVncInfo q,
        CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>删除主机</summary>
    [LegacyGet("/ucloud/terminate_uhost_instance.dspy")]
    public ValueTask<Reply<JsonObject>> TerminateUHostInstance([FromLegacyParams] TerminateUHostInstance c,
        CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>重置密码</summary>
    [LegacyGet("/ucloud/reset_uhost_instance_password.dspy")]
    public ValueTask<Reply<JsonObject>> ResetUHostInstancePassword([FromLegacyParams] ResetUHostInstancePassword c,
        CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>获取防火墙基本协议</summary>
    [LegacyGet("/ucloud/get_firewall_protocol.dspy")]
    public ValueTask<Reply<JsonObject>> GetFirewallProtocol(CancellationToken ct) =>
        mediator.Send(new GetFirewallProtocol(), ct);

    /// <summary>创建防火墙</summary>
    [LegacyPost("/ucloud/create_firewall.dspy")]
    public ValueTask<Reply<JsonObject>> CreateFirewall([FromLegacyParams] CreateFirewall c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>获取防火墙信息</summary>
    [LegacyGet("/ucloud/describe_firewall.dspy")]
    public ValueTask<Reply<JsonObject>> DescribeFirewall([FromLegacyParams] DescribeFirewall q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>删除防火墙</summary>
    [LegacyGet("/ucloud/delete_firewall.dspy")]
    public ValueTask<Reply<JsonObject>> DeleteFirewall([FromLegacyParams] DeleteFirewall c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>更新防火墙规则</summary>
    [LegacyGet("/ucloud/update_firewall.dspy")]
    public ValueTask<Reply<JsonObject>> UpdateFirewall([FromLegacyParams] UpdateFirewall c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>更新防火墙属性</summary>
    [LegacyGet("/ucloud/update_firewall_attribute.dspy")]
    public ValueTask<Reply<JsonObject>> UpdateFirewallAttribute([FromLegacyParams] UpdateFirewallAttribute c,
        CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>获取防火墙绑定资源</summary>
    [LegacyGet("/ucloud/describe_firewall_resource.dspy")]
    public ValueTask<Reply<JsonObject>> DescribeFirewallResource([FromLegacyParams] DescribeFirewallResource q,
        CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>绑定到资源上</summary>
    [LegacyGet("/ucloud/grant_firewall.dspy")]
    public ValueTask<Reply<JsonObject>> GrantFirewall([FromLegacyParams] GrantFirewall c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>解绑资源</summary>
    [LegacyGet("/ucloud/disassociate_firewall.dspy")]
    public ValueTask<Reply<JsonObject>> DisassociateFirewall([FromLegacyParams] DisassociateFirewall c,
        CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>创建弹性IP</summary>
    [LegacyGet("/ucloud/allocate_eip.dspy")]
    public ValueTask<Reply<JsonObject>> AllocateEip([FromLegacyParams] AllocateEip c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>绑定EIP</summary>
    [LegacyGet("/ucloud/bind_eip.dspy")]
    public ValueTask<Reply<JsonObject>> BindEip([FromLegacyParams] UCloudBindEip c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>获取EIP信息</summary>
    [LegacyGet("/ucloud/describe_eip.dspy")]
    public ValueTask<Reply<JsonObject>> DescribeEip([FromLegacyParams] UCloudDescribeEip q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>解绑EIP</summary>
    [LegacyGet("/ucloud/un_bind_eip.dspy")]
    public ValueTask<Reply<JsonObject>> UnBindEip([FromLegacyParams] UnBindEip c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>删除释放EIP</summary>
    [LegacyGet("/ucloud/release_eip.dspy")]
    public ValueTask<Reply<JsonObject>> ReleaseEip([FromLegacyParams] ReleaseEip c, CancellationToken ct) =>
        mediator.Send(c, ct);
}
