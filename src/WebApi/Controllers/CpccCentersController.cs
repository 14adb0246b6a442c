using Kboss.Application.Common.Models;
using Kboss.Application.Cpcc.Centers;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>kboss容器云/算力中心管理 (spec: 37-cpcc-centers.md). Operators and admins only.</summary>
[Authorize(Policy = Policies.Operator)]
[Tags("kboss容器云/算力中心管理")]
public sealed class CpccCentersController(IMediator mediator) : ControllerBase
{
    /// <summary>算力中心展示</summary>
    [LegacyGet("/dev/cpcc/cpclist/get_cpclist.dspy")]
    public ValueTask<Reply<Paged<CenterDto>>> List([FromLegacyParams] ListCenters q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>算力中心添加</summary>
    [LegacyPost("/dev/cpcc/cpclist/add_cpclist.dspy")]
    public ValueTask<Reply<CenterDto>> Add([FromLegacyParams] AddCenter c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>算力中心更新</summary>
    [LegacyPost("/dev/cpcc/cpclist/update_cpclist.dspy")]
    public ValueTask<Reply<CenterDto>> Update([FromLegacyParams] UpdateCenter c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>算力中心删除</summary>
    [LegacyPost("/dev/cpcc/cpclist/delete_cpclist.dspy")]
    public ValueTask<Reply<DeletedCenter>> Delete([FromLegacyParams] DeleteCenter c, CancellationToken ct) => mediator.Send(c, ct);
}
