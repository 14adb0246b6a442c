using Kboss.Application.Common.Models;
using Kboss.Application.Cpcc.Boards;
using Kboss.Application.Cpcc.Clusters;
using Kboss.Application.Cpcc.InstanceConfigs;
using Kboss.Application.Cpcc.Provisioning;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Authorization;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// kboss容器云/算力集群管理 (spec: 40-cpcc-clusters.md), database side: clusters (K1, K2) and instance configs (K6–K9).
/// Writes and cluster reads: operators and admins; the instance-config list (K7) and the live pod board (K4): any
/// logged-in user, scoped by org. Live boards K4/K5 read the cluster's Kubernetes API. Cluster creation (K10) and
/// deletion (K11, behind <c>Cpcc:Features:DeleteCluster</c>) are long operations polled with
/// <c>get_cluster_operation.dspy</c> (ADR 0010).
/// </summary>
[Tags("kboss容器云/算力集群管理")]
public sealed class CpccClustersController(IMediator mediator) : ControllerBase
{
    /// <summary>获取多算力集群信息</summary>
    [LegacyGet("/dev/cpcc/cpccluster/get_cpccluster.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<Paged<ClusterRow>>> List([FromLegacyParams] ListClusters q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>算力集群基础信息更新</summary>
    [LegacyPost("/dev/cpcc/cpccluster/update_cpccluster.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<UpdatedCluster>> Update([FromLegacyParams] UpdateCluster c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>导入已有集群 (kboss addition, ADR 0040; behind Cpcc:Features:ImportCluster)</summary>
    [LegacyPost("/dev/cpcc/cpccluster/import_cluster.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<ImportedCluster>> Import([FromLegacyParams] ImportCluster c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>实时集群资源实例看板</summary>
    [LegacyGet("/dev/cpcc/cpcpod/get_cpcpod.dspy")]
    public ValueTask<Reply<Paged<PodBoardRow>>> PodBoard([FromLegacyParams] GetPodBoard q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>实时集群成员节点看板</summary>
    [LegacyGet("/dev/cpcc/cpcworker/get_cpcworker.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<Paged<NodeBoardRow>>> NodeBoard([FromLegacyParams] GetNodeBoard q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>新增集群资源实例配置</summary>
    [LegacyPost("/dev/cpcc/cpcpodyaml/new_cpcpodyaml.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<NewInstanceConfigEcho>> NewConfig([FromLegacyParams] NewInstanceConfig c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>获取集群资源实例配置</summary>
    [LegacyGet("/dev/cpcc/cpcpodyaml/get_cpcpodyaml.dspy")]
    public ValueTask<Reply<Paged<InstanceConfigRow>>> ListConfigs([FromLegacyParams] ListInstanceConfigs q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>更新集群资源实例配置</summary>
    [LegacyPost("/dev/cpcc/cpcpodyaml/update_cpcpodyaml.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<InstanceConfigEcho>> UpdateConfig([FromLegacyParams] UpdateInstanceConfig c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>删除集群资源实例配置</summary>
    [LegacyPost("/dev/cpcc/cpcpodyaml/delete_cpcpodyaml.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<DeletedInstanceConfig>> DeleteConfig([FromLegacyParams] DeleteInstanceConfig c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>算力中心新建算力集群</summary>
    [LegacyPost("/dev/cpcc/cpccluster/new_cluster.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<ReservedDevice>> NewCluster([FromLegacyParams] NewCluster c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>算力中心移除算力集群</summary>
    [LegacyPost("/computing/cpcluster_delete.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<StartedRemoval>> DeleteCluster([FromLegacyParams] DeleteCluster c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>查询集群长操作(安装/加节点/移除)的状态、进度和日志</summary>
    [LegacyGet("/dev/cpcc/cpccluster/get_cluster_operation.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<OperationView>> GetOperation([FromLegacyParams] GetClusterOperation q, CancellationToken ct) => mediator.Send(q, ct);
}
