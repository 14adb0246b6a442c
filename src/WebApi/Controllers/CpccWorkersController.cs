using Kboss.Application.Common.Models;
using Kboss.Application.Cpcc.Provisioning;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// kboss容器云/算力集群节点管理 (spec: 42-cpcc-cluster-workers.md): add a worker (N1) and remove one (N2, proposed path,
/// behind <c>Cpcc:Features:DeleteWorker</c>). Long operations: the answer carries <c>operation_id</c> (ADR 0010).
/// </summary>
[Authorize(Policy = Policies.Operator)]
[Tags("kboss容器云/算力集群节点管理")]
public sealed class CpccWorkersController(IMediator mediator) : ControllerBase
{
    /// <summary>算力集群新增工作节点</summary>
    [LegacyPost("/dev/cpcc/cpcworker/new_cpcworker.dspy")]
    public ValueTask<Reply<ReservedDevice>> NewWorker([FromLegacyParams] NewWorker c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>算力集群移除工作节点</summary>
    [LegacyPost("/dev/cpcc/cpcworker/delete_cpcworker.dspy")]
    public ValueTask<Reply<StartedRemoval>> DeleteWorker([FromLegacyParams] DeleteWorker c, CancellationToken ct) => mediator.Send(c, ct);
}
