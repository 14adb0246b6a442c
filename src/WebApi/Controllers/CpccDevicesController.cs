using Kboss.Application.Common.Models;
using Kboss.Application.Cpcc.Devices;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>kboss容器云/算力设备管理 (spec: 38-cpcc-devices.md) and the idle-device list of 40. Operators and admins only.</summary>
[Authorize(Policy = Policies.Operator)]
[Tags("kboss容器云/算力设备管理")]
public sealed class CpccDevicesController(IMediator mediator) : ControllerBase
{
    /// <summary>算力设备展示</summary>
    [LegacyGet("/dev/cpcc/cpcnode/get_cpcnode.dspy")]
    public ValueTask<Reply<Paged<DeviceRow>>> List([FromLegacyParams] ListDevices q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>算力设备添加</summary>
    [LegacyPost("/dev/cpcc/cpcnode/add_cpcnode.dspy")]
    public ValueTask<Reply<DeviceEcho>> Add([FromLegacyParams] AddDevice c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>算力设备更新</summary>
    [LegacyPost("/dev/cpcc/cpcnode/update_cpcnode.dspy")]
    public ValueTask<Reply<DeviceEcho>> Update([FromLegacyParams] UpdateDevice c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>算力设备移除</summary>
    [LegacyPost("/dev/cpcc/cpcnode/delete_cpcnode.dspy")]
    public ValueTask<Reply<DeletedDevice>> Delete([FromLegacyParams] DeleteDevice c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>获取空闲的算力设备</summary>
    [LegacyGet("/dev/cpcc/cpcnode/get_cpcidle_device.dspy")]
    [Tags("kboss容器云/算力集群管理")]
    public ValueTask<Reply<IReadOnlyList<IdleDevice>>> Idle([FromLegacyParams] ListIdleDevices q, CancellationToken ct) => mediator.Send(q, ct);
}
