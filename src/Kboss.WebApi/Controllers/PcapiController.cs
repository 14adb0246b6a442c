using Kboss.Application.Pcapi;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// kboss容器云/算力中心服务核心API (pcapi, spec: 36-cpcc-pcapi.md) served by kboss itself on the clusters' Kubernetes API:
/// P1 node labels, P5 pods, P6 nodes, P7 node removal, P8 cordon/uncordon. HTTP Basic auth with a centre's
/// <c>api_user</c>/<c>api_pwd</c> (no kboss login); the cluster is the one whose controller device has IP <c>host</c>.
/// Envelope <c>{status, info, data}</c>. P2, P3, P4 and P9 are not served yet.
/// </summary>
[AllowAnonymous]
[PcapiBasicAuth]
[PcapiEnvelope]
[Tags("kboss容器云/算力中心服务核心API")]
public sealed class PcapiController(IMediator mediator) : ControllerBase
{
    /// <summary>集群节点绑定/解绑标签</summary>
    [LegacyPost("/pcapi/api/v1/cluster/common/node_label_opt")]
    public ValueTask<PcapiReply<object>> NodeLabelOpt([FromLegacyParams] NodeLabelOpt c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>获取某集群所有资源实例</summary>
    [LegacyGet("/pcapi/api/v1/cluster/common/get_cluster_pods")]
    public ValueTask<PcapiReply<object>> Pods([FromLegacyParams] GetClusterPods q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>获取某集群所有计算节点</summary>
    [LegacyGet("/pcapi/api/v1/cluster/common/get_cluster_nodes")]
    public ValueTask<PcapiReply<object>> Nodes([FromLegacyParams] GetClusterNodes q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>开发中-删除指定集群某工作节点</summary>
    [LegacyPost("/pcapi/api/v1/cluster/common/delete_cluster_node")]
    public ValueTask<PcapiReply<DeletedNode>> DeleteNode([FromLegacyParams] DeleteClusterNode c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>开发中-切换某集群某工作节点状态</summary>
    [LegacyPost("/pcapi/api/v1/cluster/common/node_state_switch")]
    public ValueTask<PcapiReply<SwitchedNode>> SwitchNode([FromLegacyParams] NodeStateSwitch c, CancellationToken ct) => mediator.Send(c, ct);
}
