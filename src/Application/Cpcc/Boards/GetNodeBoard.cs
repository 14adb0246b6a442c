using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Cpcc;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.Boards;

/// <summary>
/// K5 <c>GET /dev/cpcc/cpcworker/get_cpcworker.dspy</c> 实时集群成员节点看板: the live nodes of a cluster, read from its
/// Kubernetes API with the stored kubeconfig, formatted by <see cref="NodeBoardFormatter"/>. <c>node_labels</c> shows
/// platform labels only: keys of node labels in the centre org's catalogue, or starting with <c>kyy-</c> (§4.5).
/// Operators of the centre's org (and admins). spec: 40-cpcc-clusters.md; analysis/cpcc.md §3.D K5, §4.9.
/// </summary>
public sealed record GetNodeBoard : IQuery<Reply<Paged<NodeBoardRow>>>
{
    /// <summary>算力中心ID.</summary>
    public string? Cpcid { get; init; }
    /// <summary>算力集群ID.</summary>
    public string? Clusterid { get; init; }
}

public sealed class GetNodeBoardValidator : AbstractValidator<GetNodeBoard>
{
    public GetNodeBoardValidator()
    {
        RuleFor(x => x.Cpcid).Required("无算力中心ID");
        RuleFor(x => x.Clusterid).Required();
    }
}

/// <summary>Handles <see cref="GetNodeBoard"/>: nodes, pods (for requests) and external IPs, in parallel.</summary>
public sealed class GetNodeBoardHandler(IKbossDbContext db, CenterGuard guard, ISecretProtector secrets, IKubernetesGateway kube, TimeProvider clock)
    : IQueryHandler<GetNodeBoard, Reply<Paged<NodeBoardRow>>>
{
    public async ValueTask<Reply<Paged<NodeBoardRow>>> Handle(GetNodeBoard q, CancellationToken ct)
    {
        var center = await guard.LoadManageableAsync(q.Cpcid!, track: false, ct);
        var cluster = await LiveCluster.LoadAsync(db, center.Id, q.Clusterid!, ct);
        var kubeconfig = LiveCluster.Kubeconfig(cluster, secrets);
        var catalogue = (await db.Labels.AsNoTracking().Where(l => l.OrgId == center.OrgId && l.LabelType == LabelTypes.Node)
            .Select(l => l.LabelKey).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

        var nodesTask = LiveCluster.CallAsync(() => kube.ListNodesAsync(kubeconfig, ct));
        var podsTask = LiveCluster.CallAsync(() => kube.ListPodsAsync(kubeconfig, ct));
        var ipsTask = LiveCluster.CallAsync(() => kube.ListNodeExternalIpsAsync(kubeconfig, ct));
        await LiveCluster.SettleAsync(nodesTask, podsTask, ipsTask);

        var nodes = await nodesTask;
        var requests = NodeRequests.Of(await podsTask);
        var ips = await ipsTask;
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = nodes.OrderBy(n => NodeBoardFormatter.IsControlPlane(n) ? 0 : 1).ThenBy(n => n.Name, StringComparer.Ordinal)
            .Select(n => NodeBoardFormatter.Format(n, requests.GetValueOrDefault(n.Name), ips.GetValueOrDefault(n.Name),
                (key, _) => catalogue.Contains(key) || key.StartsWith("kyy-", StringComparison.Ordinal), now))
            .ToList();
        return Reply.Ok("获取集群实时成员节点成功", new Paged<NodeBoardRow>(rows.Count, rows));
    }
}
