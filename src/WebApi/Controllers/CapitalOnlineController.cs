using System.Text.Json.Nodes;
using Kboss.Application.Common.Models;
using Kboss.Application.Vendors;
using Kboss.Application.Vendors.CapitalOnline.Network;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// 首都云 Capital Online (spec: 26–28; analysis/vendors.md §3.6–§3.8; ADR 0037): any logged-in user on the resources
/// of the orgs it may act on; CDS is called with the operating org's key (<c>not_configured</c> without one).
/// </summary>
[Tags("首都云")]
[Authorize]
public sealed class CapitalOnlineController(IMediator mediator) : ControllerBase
{
    /// <summary>查询VPC信息</summary>
    [LegacyGet("/capital/describe_vpc.dspy")]
    public ValueTask<Reply<JsonObject>> DescribeVpc([FromLegacyParams] DescribeVpc q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>创建一个VPC</summary>
    [LegacyGet("/capital/create_vpc.dspy")]
    public ValueTask<Reply<JsonObject>> CreateVpc([FromLegacyParams] CreateVpc c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>删除一个VPC</summary>
    [LegacyGet("/capital/delete_vpc.dspy")]
    public ValueTask<Reply<JsonObject>> DeleteVpc([FromLegacyParams] DeleteVpc c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>查询子网信息</summary>
    [LegacyGet("/capital/describe_subnet.dspy")]
    public ValueTask<Reply<JsonObject>> DescribeSubnet([FromLegacyParams] DescribeSubnet q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>创建一个子网</summary>
    [LegacyGet("/capital/create_subnet.dspy")]
    public ValueTask<Reply<JsonObject>> CreateSubnet([FromLegacyParams] CreateSubnet c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>删除一个子网</summary>
    [LegacyGet("/capital/delete_subnet.dspy")]
    public ValueTask<Reply<JsonObject>> DeleteSubnet([FromLegacyParams] DeleteSubnet c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>查询虚拟出网网关</summary>
    [LegacyGet("/capital/describe_virtual_gateway.dspy")]
    public ValueTask<Reply<JsonObject>> DescribeVirtualGateway([FromLegacyParams] DescribeVirtualGateway q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>创建一个虚拟出网网关</summary>
    [LegacyGet("/capital/create_virtual_gateway.dspy")]
    public ValueTask<Reply<JsonObject>> CreateVirtualGateway([FromLegacyParams] CreateVirtualGateway c,
        CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>删除一个虚拟出网网关</summary>
    [LegacyGet("/capital/delete_virtual_gateway.dspy")]
    public ValueTask<Reply<JsonObject>> DeleteVirtualGateway([FromLegacyParams] DeleteVirtualGateway c,
        CancellationToken ct) => mediator.Send(c, ct);

    // Capital Online network, EIPs and bandwidth (issue 14)
    /// <summary>查询EIP</summary>
    [LegacyGet("/capital/describe_eip.dspy")]
    public ValueTask<Reply<JsonObject>> DescribeEip([FromLegacyParams] DescribeEip q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>创建一个EIP</summary>
    [LegacyGet("/capital/create_eip.dspy")]
    public ValueTask<Reply<JsonObject>> CreateEip([FromLegacyParams] CreateEip c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>变更EIP</summary>
    [LegacyGet("/capital/update_eip.dspy")]
    public ValueTask<Reply<JsonObject>> UpdateEip([FromLegacyParams] UpdateEip c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>删除一个EIP</summary>
    [LegacyGet("/capital/delete_eip.dspy")]
    public ValueTask<Reply<JsonObject>> DeleteEip([FromLegacyParams] DeleteEip c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>绑定EIP到子网IP</summary>
    [LegacyGet("/capital/bind_eip.dspy")]
    public ValueTask<Reply<JsonObject>> BindEip([FromLegacyParams] BindEip c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>EIP从子网IP解绑</summary>
    [LegacyGet("/capital/unbind_eip.dspy")]
    public ValueTask<Reply<JsonObject>> UnbindEip([FromLegacyParams] UnbindEip c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>查询共享带宽</summary>
    [LegacyGet("/capital/describe_bandwidth.dspy")]
    public ValueTask<Reply<JsonObject>> DescribeBandwidth([FromLegacyParams] DescribeBandwidth q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>创建一个共享带宽</summary>
    [LegacyGet("/capital/create_bandwidth.dspy")]
    public ValueTask<Reply<JsonObject>> CreateBandwidth([FromLegacyParams] CreateBandwidth c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>变更共享带宽</summary>
    [LegacyGet("/capital/update_bandwidth.dspy")]
    public ValueTask<Reply<JsonObject>> UpdateBandwidth([FromLegacyParams] UpdateBandwidth c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>删除一个共享带宽</summary>
    [LegacyGet("/capital/delete_bandwidth.dspy")]
    public ValueTask<Reply<JsonObject>> DeleteBandwidth([FromLegacyParams] DeleteBandwidth c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>共享带宽添加EIP</summary>
    [LegacyGet("/capital/bandwidth_add_eip.dspy")]
    public ValueTask<Reply<JsonObject>> BandwidthAddEip([FromLegacyParams] BandwidthAddEip c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>共享带宽移除EIP</summary>
    [LegacyGet("/capital/bandwidth_remove_eip.dspy")]
    public ValueTask<Reply<JsonObject>> BandwidthRemoveEip([FromLegacyParams] BandwidthRemoveEip c,
        CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>查询子网/虚拟出网网关/公网 IP 信息</summary>
    [LegacyGet("/capital/ip_list.dspy")]
    public ValueTask<Reply<JsonObject>> IpList([FromLegacyParams] IpList q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>查询子网/虚拟出网网关 下的EIP</summary>
    [LegacyGet("/capital/net_eip_info.dspy")]
    public ValueTask<Reply<JsonObject>> NetEipInfo([FromLegacyParams] NetEipInfo q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>保留IP并绑定EIP</summary>
    [LegacyGet("/capital/eip_batch_bind_and_reserve_ip.dspy")]
    public ValueTask<Reply<JsonObject>> EipBatchBindAndReserveIp([FromLegacyParams] EipBatchBindAndReserveIp c,
        CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>查询子网IP使用信息</summary>
    [LegacyGet("/capital/ip_usage.dspy")]
    public ValueTask<Reply<JsonObject>> IpUsage([FromLegacyParams] IpUsage q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>获取线路类型</summary>
    [LegacyGet("/capital/get_vpc_band_width.dspy")]
    public ValueTask<Reply<JsonObject>> GetVpcBandWidth([FromLegacyParams] GetVpcBandWidth q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>获取EIP价格</summary>
    [LegacyGet("/capital/get_eip_price.dspy")]
    public ValueTask<Reply<JsonObject>> GetEipPrice([FromLegacyParams] GetEipPrice q, CancellationToken ct) =>
        mediator.Send(q, ct);
}

/// <summary>Vendor keys of operator orgs (not in the spec; ADR 0037): operators and admins.</summary>
[Tags("供应商密钥")]
[Authorize(Policy = Policies.Operator)]
public sealed class VendorCredentialsController(IMediator mediator) : ControllerBase
{
    /// <summary>保存供应商接口密钥</summary>
    [LegacyPost("/vendor/save_credential.dspy")]
    public ValueTask<Reply<VendorCredentialView>> Save([FromLegacyParams] SaveVendorCredential c,
        CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>查看供应商接口密钥 (secret masked)</summary>
    [LegacyGet("/vendor/get_credential.dspy")]
    public ValueTask<Reply<VendorCredentialView?>> Get([FromLegacyParams] GetVendorCredential q,
        CancellationToken ct) => mediator.Send(q, ct);
}
