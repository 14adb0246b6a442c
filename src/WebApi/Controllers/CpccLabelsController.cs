using Kboss.Application.Common.Models;
using Kboss.Application.Cpcc.Labels;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// kboss容器云/标签管理 (spec: 39-cpcc-labels.md). Operators and admins only. <c>setup_cpclabel</c> labels a node
/// through the cluster's Kubernetes API.
/// </summary>
[Authorize(Policy = Policies.Operator)]
[Tags("kboss容器云/标签管理")]
public sealed class CpccLabelsController(IMediator mediator) : ControllerBase
{
    /// <summary>获取资源标签</summary>
    [LegacyGet("/dev/cpcc/cpclabel/get_cpclabel.dspy")]
    public ValueTask<Reply<Paged<LabelDto>>> List([FromLegacyParams] ListLabels q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>新增资源标签</summary>
    [LegacyPost("/dev/cpcc/cpclabel/add_cpclabel.dspy")]
    public ValueTask<Reply<LabelDto>> Add([FromLegacyParams] AddLabel c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>删除资源标签</summary>
    [LegacyPost("/dev/cpcc/cpclabel/delete_cpclabel.dspy")]
    public ValueTask<Reply<DeletedLabel>> Delete([FromLegacyParams] DeleteLabel c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>集群节点绑定/解绑标签</summary>
    [LegacyPost("/dev/cpcc/cpclabel/setup_cpclabel.dspy")]
    public ValueTask<Reply<NodeLabelEcho>> Setup([FromLegacyParams] SetupNodeLabel c, CancellationToken ct) => mediator.Send(c, ct);
}
