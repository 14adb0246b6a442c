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
