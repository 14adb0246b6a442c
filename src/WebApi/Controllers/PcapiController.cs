using Kboss.Application.Pcapi;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// kboss容器云/算力中心服务核心API (pcapi, spec: 36-cpcc-pcapi.md), all 9 endpoints served by kboss itself: the node
/// operations and boards on the clusters' Kubernetes API (P1, P5–P8; the cluster is the one whose controller device
/// has IP <c>host</c>), installs over SSH (P3, P4), the capacity check (P2) and instance manifests (P9). HTTP Basic
/// with a centre's <c>api_user</c>/<c>api_pwd</c> (no kboss login); envelope <c>{status, info, data}</c>.
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

    /// <summary>集群节点库存检测接口: a bare array of the product ids no node can host.</summary>
    [LegacyGet("/pcapi/api/v1/cluster/common/determine_accommodat")]
    public ValueTask<IReadOnlyList<string>> DetermineAccommodation([FromLegacyParams] PcapiDetermineAccommodation q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>创建k8s集群(master)</summary>
    [LegacyPost("/pcapi/api/v1/cluster/common/new_cluster")]
    public ValueTask<PcapiReply> NewCluster([FromLegacyParams] PcapiNewCluster c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>新增工作节点(worker)</summary>
    [LegacyPost("/pcapi/api/v1/cluster/common/new_worker")]
    public ValueTask<PcapiReply> NewWorker([FromLegacyParams] PcapiNewWorker c, CancellationToken ct) => mediator.Send(c, ct);

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

    /// <summary>通过YAML实例化资源实例</summary>
    [LegacyPost("/pcapi/api/v1/cluster/common/yaml_apply_delete")]
    public ValueTask<PcapiReply> YamlApplyDelete([FromLegacyParams] YamlApplyDelete c, CancellationToken ct) => mediator.Send(c, ct);
}
