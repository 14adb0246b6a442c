using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Cpcc.Boards;
using Mediator;

namespace Kboss.Application.Pcapi;

/// <summary>A P6 row: the columns of <c>kubectl get nodes -o wide</c>, <c>&lt;none&gt;</c> as <c>""</c> (analysis/cpcc.md §2.7).</summary>
/// <param name="NodeName">NAME.</param>
/// <param name="NodeStatus">STATUS: <c>Ready</c> / <c>NotReady</c>, plus <c>,SchedulingDisabled</c> when cordoned.</param>
/// <param name="NodeRole">ROLES, comma-separated (<c>control-plane</c>), <c>""</c> for none.</param>
/// <param name="NodeAge">AGE.</param>
/// <param name="NodeVersion">VERSION.</param>
/// <param name="NodeInternalip">INTERNAL-IP.</param>
/// <param name="NodeExternalip">EXTERNAL-IP.</param>
/// <param name="NodeOsversion">OS-IMAGE.</param>
/// <param name="NodeKernelversion">KERNEL-VERSION.</param>
/// <param name="NodeContaineruntime">CONTAINER-RUNTIME.</param>
public sealed record PcapiNodeRow(string NodeName, string NodeStatus, string NodeRole, string NodeAge, string NodeVersion, string NodeInternalip,
    string NodeExternalip, string NodeOsversion, string NodeKernelversion, string NodeContaineruntime);

/// <summary>
/// P6 <c>GET /pcapi/api/v1/cluster/common/get_cluster_nodes</c> 获取某集群所有计算节点: every node ordered by name,
/// <c>{"status": true, "info": "operate success", "data": {"total", "rows"}}</c>; failure <c>operate failed: …</c> with
/// <c>data: ""</c>. spec: 36-cpcc-pcapi.md (the example, not the copied schema); analysis/cpcc.md §3.H P6.
/// </summary>
public sealed record GetClusterNodes : IQuery<PcapiReply<object>>, IPcapiSshRequest
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

public sealed class GetClusterNodesValidator : AbstractValidator<GetClusterNodes>
{
    public GetClusterNodesValidator() => this.AddSshRules();
}

public sealed class GetClusterNodesHandler(PcapiClusterList list, IKubernetesGateway kube)
    : IQueryHandler<GetClusterNodes, PcapiReply<object>>
{
    public ValueTask<PcapiReply<object>> Handle(GetClusterNodes q, CancellationToken ct) =>
        list.RunAsync(q, (kubeconfig, now) => ReadAsync(kubeconfig, now, ct), ct);

    private async Task<List<PcapiNodeRow>> ReadAsync(string kubeconfig, DateTime now, CancellationToken ct)
    {
        var nodesTask = LiveCluster.CallAsync(() => kube.ListNodesAsync(kubeconfig, ct));
        var ipsTask = LiveCluster.CallAsync(() => kube.ListNodeExternalIpsAsync(kubeconfig, ct));
        await LiveCluster.SettleAsync(nodesTask, ipsTask);
        var ips = await ipsTask;
        return (await nodesTask).OrderBy(n => n.Name, StringComparer.Ordinal)
            .Select(n => new PcapiNodeRow(n.Name,
                (n.Ready ? "Ready" : "NotReady") + (n.Unschedulable ? ",SchedulingDisabled" : ""),
                string.Join(",", n.Roles), KubeFormat.Age(n.CreatedUtc, now), n.KubeletVersion, n.InternalIp,
                ips.GetValueOrDefault(n.Name) ?? "", n.OsImage, n.KernelVersion, n.ContainerRuntime))
            .ToList();
    }
}
