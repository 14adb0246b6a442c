using Kboss.Application.Common.Models;
using Kboss.Application.K8sCloud;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// k8s服务 (spec: 35-k8s-service.md; analysis/platform.md §3.7): users create, list and delete their org's container
/// instances (a Pod plus a PVC) in the configured cluster (<c>K8s:Cluster</c>); operators view its free resources.
/// The documented GETs that change state also accept POST and are covered by the CSRF rule for commands.
/// </summary>
[Tags("k8s服务")]
public sealed class K8sCloudController(IMediator mediator) : ControllerBase
{
    /// <summary>用户创建实例</summary>
    [LegacyGet("/k8cloud/user_create_pod.dspy")]
    [Authorize]
    public ValueTask<Reply<CloudInstanceDto>> Create([FromLegacyParams] CreateCloudInstance c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>运营获取集群资源</summary>
    [LegacyGet("/k8cloud/get_available_resources.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<ClusterResources>> Resources(CancellationToken ct) => mediator.Send(new GetAvailableResources(), ct);

    /// <summary>用户获取实例</summary>
    [LegacyGet("/k8cloud/user_get_instance.dspy")]
    [Authorize]
    public ValueTask<Reply<IReadOnlyList<CloudInstanceDto>>> List([FromLegacyParams] ListCloudInstances q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>用户删除实例</summary>
    [LegacyGet("/k8cloud/cloud_instance_delete.dspy")]
    [Authorize]
    public ValueTask<Reply<DeletedCloudInstance>> Delete([FromLegacyParams] DeleteCloudInstance c, CancellationToken ct) => mediator.Send(c, ct);
}
