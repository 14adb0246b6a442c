using Kboss.Application.Common.Models;
using Mediator;

namespace Kboss.Application.K8sCloud;

/// <summary>Total, requested and available amount of one resource.</summary>
/// <param name="Total">Allocatable on the schedulable Ready nodes.</param>
/// <param name="Used">Requested by non-terminated pods.</param>
/// <param name="Available">Total − used.</param>
public sealed record ResourceAmount(decimal Total, decimal Used, decimal Available);

/// <summary>One node of E54.</summary>
/// <param name="Name">Node name.</param>
/// <param name="CpuAvailable">Cores left.</param>
/// <param name="MemoryAvailableGi">GiB left (two decimals, rounded down).</param>
/// <param name="GpuAvailable">GPU cards left.</param>
/// <param name="GpuModel">The node's <c>nvidia.com/gpu.product</c> label, or "".</param>
public sealed record NodeResources(string Name, decimal CpuAvailable, decimal MemoryAvailableGi, long GpuAvailable, string GpuModel);

/// <summary>Reply data of E54.</summary>
/// <param name="Cpu">Cores.</param>
/// <param name="MemoryGi">Memory in GiB.</param>
/// <param name="Gpu">GPU cards.</param>
/// <param name="Nodes">Per node.</param>
public sealed record ClusterResources(ResourceAmount Cpu, ResourceAmount MemoryGi, ResourceAmount Gpu, IReadOnlyList<NodeResources> Nodes);

/// <summary>
/// E54 <c>GET /k8cloud/get_available_resources.dspy</c>: 运营获取集群资源 (operator/admin). For each schedulable Ready
/// node of the configured cluster, allocatable minus the requests of non-terminated pods, and the sums. GPU memory and
/// storage are not reported: the node API carries neither. spec: 35-k8s-service.md; analysis/platform.md §3.7 E54.
/// </summary>
public sealed record GetAvailableResources : IQuery<Reply<ClusterResources>>;

public sealed class GetAvailableResourcesHandler(CloudCluster cloud) : IQueryHandler<GetAvailableResources, Reply<ClusterResources>>
{
    public async ValueTask<Reply<ClusterResources>> Handle(GetAvailableResources q, CancellationToken ct)
    {
        var nodes = await cloud.CapacityAsync(await cloud.ConfiguredAsync(ct), ct);
        static decimal Cores(long milli) => milli / 1000m;
        static decimal Gi(long mi) => Math.Floor(mi * 100m / 1024m) / 100m;
        ResourceAmount Sum(Func<NodeCapacity, long> total, Func<NodeCapacity, long> used, Func<long, decimal> unit)
        {
            var t = nodes.Sum(total);
            var u = nodes.Sum(used);
            return new ResourceAmount(unit(t), unit(u), unit(t - u));
        }
        var data = new ClusterResources(
            Sum(n => n.CpuMilli, n => n.CpuUsedMilli, Cores),
            Sum(n => n.MemoryMi, n => n.MemoryUsedMi, Gi),
            Sum(n => n.Gpu, n => n.GpuUsed, g => g),
            nodes.Select(n => new NodeResources(n.Name, Cores(n.CpuMilli - n.CpuUsedMilli), Gi(n.MemoryMi - n.MemoryUsedMi), n.Gpu - n.GpuUsed, n.GpuModel)).ToList());
        return Reply.Ok("查询成功", data);
    }
}
