using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Cpcc;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.Boards;

/// <summary>
/// K4 <c>GET /dev/cpcc/cpcpod/get_cpcpod.dspy</c> 实时集群资源实例看板: the live pods of a cluster with their usage
/// (metrics-server; <c>""</c> when the cluster has none) and limits, formatted by <see cref="PodBoardFormatter"/>.
/// Whoever may act on the centre's org sees every pod outside the system namespaces; any other logged-in user only the
/// pods of their org's namespace in that cluster (§4.8: namespace = cluster id + org id). Rows are ordered by namespace
/// and name. spec: 40-cpcc-clusters.md; analysis/cpcc.md §3.D K4.
/// </summary>
public sealed record GetPodBoard : IQuery<Reply<Paged<PodBoardRow>>>
{
    /// <summary>算力中心ID.</summary>
    public string? Cpcid { get; init; }
    /// <summary>算力集群ID.</summary>
    public string? Clusterid { get; init; }
}

public sealed class GetPodBoardValidator : AbstractValidator<GetPodBoard>
{
    public GetPodBoardValidator()
    {
        RuleFor(x => x.Cpcid).Required("无算力中心ID");
        RuleFor(x => x.Clusterid).Required();
    }
}

/// <summary>Handles <see cref="GetPodBoard"/>: pods and their usage, in parallel.</summary>
public sealed class GetPodBoardHandler(IKbossDbContext db, OrgAccess access, ICurrentUser user, ISecretProtector secrets,
    IKubernetesGateway kube, TimeProvider clock) : IQueryHandler<GetPodBoard, Reply<Paged<PodBoardRow>>>
{
    public async ValueTask<Reply<Paged<PodBoardRow>>> Handle(GetPodBoard q, CancellationToken ct)
    {
        var center = await db.ComputeCenters.AsNoTracking().FirstOrDefaultAsync(c => c.Id == q.Cpcid!.Trim(), ct)
                     ?? throw BusinessException.NotFound(CenterGuard.NotFoundMessage);
        var cluster = await LiveCluster.LoadAsync(db, center.Id, q.Clusterid!, ct);
        string? onlyNamespace = null;
        if (!await access.CanActOnAsync(center.OrgId, ct))
            onlyNamespace = InstanceNaming.Derive(cluster.Id, user.OrgId ?? throw new UnauthenticatedException(), "x", "pod").Namespace;
        var kubeconfig = LiveCluster.Kubeconfig(cluster, secrets);

        var podsTask = LiveCluster.CallAsync(() => kube.ListPodsAsync(kubeconfig, ct));
        var usageTask = LiveCluster.CallAsync(() => kube.ListPodUsageAsync(kubeconfig, ct));
        await LiveCluster.SettleAsync(podsTask, usageTask);

        var pods = await podsTask;
        var usage = (await usageTask).GroupBy(u => (u.Namespace, u.Name)).ToDictionary(g => g.Key, g => g.First());
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = pods
            .Where(p => onlyNamespace is null ? !LiveCluster.SystemNamespaces.Contains(p.Namespace) : p.Namespace == onlyNamespace)
            .OrderBy(p => p.Namespace, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => PodBoardFormatter.Format(p, usage.GetValueOrDefault((p.Namespace, p.Name)), now))
            .ToList();
        return Reply.Ok("获取集群实时资源实例成功", new Paged<PodBoardRow>(rows.Count, rows));
    }
}
