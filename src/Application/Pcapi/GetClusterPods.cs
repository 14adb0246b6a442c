using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Cpcc.Boards;
using Mediator;

namespace Kboss.Application.Pcapi;

/// <summary>A P5 row: the columns of <c>kubectl get pods -A -o wide</c>, <c>&lt;none&gt;</c> as <c>""</c> (analysis/cpcc.md §2.7).</summary>
/// <param name="PodNamespace">NAMESPACE.</param>
/// <param name="PodName">NAME.</param>
/// <param name="PodReady">READY, e.g. <c>0/1</c>.</param>
/// <param name="PodRunning">STATUS (the pod phase).</param>
/// <param name="PodRestart">RESTARTS.</param>
/// <param name="PodAge">AGE.</param>
/// <param name="PodIp">IP.</param>
/// <param name="PodNode">NODE.</param>
/// <param name="PodNominatedNode">NOMINATED NODE (<c>""</c>).</param>
/// <param name="PodReadinessGates">READINESS GATES (<c>""</c>).</param>
public sealed record PcapiPodRow(string PodNamespace, string PodName, string PodReady, string PodRunning, string PodRestart, string PodAge,
    string PodIp, string PodNode, string PodNominatedNode, string PodReadinessGates);

/// <summary>
/// P5 <c>GET /pcapi/api/v1/cluster/common/get_cluster_pods</c> 获取某集群所有资源实例: every pod of every namespace,
/// ordered by namespace and name, <c>{"status": true, "info": "operate success", "data": {"total", "rows"}}</c>; failure
/// <c>operate failed: …</c> with <c>data: ""</c>. spec: 36-cpcc-pcapi.md; analysis/cpcc.md §3.H P5.
/// </summary>
public sealed record GetClusterPods : IQuery<PcapiReply<object>>, IPcapiSshRequest
{
    /// <inheritdoc />
    public string? Host { get; init; }
    /// <inheritdoc />
    public string? Port { get; init; }
    /// <inheritdoc />
    public string? User { get; init; }
    /// <inheritdoc />
    public string? Psssword { get; init; }
}

public sealed class GetClusterPodsValidator : AbstractValidator<GetClusterPods>
{
    public GetClusterPodsValidator() => this.AddSshRules();
}

public sealed class GetClusterPodsHandler(PcapiClusterList list, IKubernetesGateway kube)
    : IQueryHandler<GetClusterPods, PcapiReply<object>>
{
    public ValueTask<PcapiReply<object>> Handle(GetClusterPods q, CancellationToken ct) =>
        list.RunAsync(q, (kubeconfig, now) => ReadAsync(kubeconfig, now, ct), ct);

    private async Task<List<PcapiPodRow>> ReadAsync(string kubeconfig, DateTime now, CancellationToken ct) =>
        (await LiveCluster.CallAsync(() => kube.ListPodsAsync(kubeconfig, ct)))
            .OrderBy(p => p.Namespace, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new PcapiPodRow(p.Namespace, p.Name, $"{p.ReadyContainers}/{p.Containers}", p.Phase,
                p.Restarts.ToString(System.Globalization.CultureInfo.InvariantCulture),
                KubeFormat.Age(p.CreatedUtc, now), p.PodIp ?? "", p.NodeName ?? "", "", ""))
            .ToList();
}
