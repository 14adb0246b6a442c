using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Application.Cpcc.InstanceConfigs;
using Kboss.Domain.K8sCloud;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.K8sCloud;

/// <summary>The cluster of the k8s service with its plaintext kubeconfig.</summary>
/// <param name="Id">Cluster id.</param>
/// <param name="Cpcid">Centre of the cluster (widget stock).</param>
/// <param name="Kubeconfig">Plaintext kubeconfig.</param>
public sealed record CloudClusterAccess(string Id, string Cpcid, string Kubeconfig);

/// <summary>Node capacity left for new pods (E54 logic): allocatable minus requests of non-terminated pods.</summary>
/// <param name="Name">Node name.</param>
/// <param name="CpuMilli">Allocatable cpu in millicores.</param>
/// <param name="CpuUsedMilli">Requested cpu in millicores.</param>
/// <param name="MemoryMi">Allocatable memory in Mi.</param>
/// <param name="MemoryUsedMi">Requested memory in Mi.</param>
/// <param name="Gpu">Allocatable GPU cards.</param>
/// <param name="GpuUsed">Requested GPU cards.</param>
/// <param name="GpuModel">Value of the node's <c>nvidia.com/gpu.product</c> label, or "".</param>
public sealed record NodeCapacity(string Name, long CpuMilli, long CpuUsedMilli, long MemoryMi, long MemoryUsedMi, long Gpu, long GpuUsed, string GpuModel)
{
    /// <summary>True when a pod of <paramref name="cpu"/> cores, <paramref name="memoryGi"/> Gi and <paramref name="gpu"/> cards fits on this node.</summary>
    public bool Fits(int cpu, int memoryGi, int gpu) =>
        CpuMilli - CpuUsedMilli >= cpu * 1000L && MemoryMi - MemoryUsedMi >= memoryGi * 1024L && Gpu - GpuUsed >= gpu;
}

/// <summary>
/// The cluster of the k8s service (analysis/platform.md §6.4 #54: one configured cluster <c>K8s:Cluster</c>) and the
/// gateway calls on it. Not configured (no setting, unknown cluster, no kubeconfig) → <c>not_configured</c>; any gateway
/// failure → <c>status:false</c>, <c>upstream_failed</c> with the gateway's reason. Never a 500.
/// </summary>
public sealed class CloudCluster(IKbossDbContext db, IKubernetesGateway gateway, ISecretProtector secrets,
    IK8sCloudSettings settings, IKubeconfigPolicy kubeconfigs)
{
    /// <summary>Message when the k8s service has no usable cluster.</summary>
    public const string NotConfigured = "k8s服务未配置集群";

    /// <summary>The configured cluster.</summary>
    /// <exception cref="BusinessException"><c>not_configured</c>.</exception>
    public Task<CloudClusterAccess> ConfiguredAsync(CancellationToken ct) =>
        ByIdAsync(settings.ClusterId ?? throw new BusinessException($"{NotConfigured}(K8s:Cluster)", ErrorCodes.NotConfigured), ct);

    /// <summary>Cluster <paramref name="clusterId"/> (the one an instance was created in).</summary>
    /// <exception cref="BusinessException"><c>not_configured</c>; <c>invalid_argument</c> for a refused
    /// kubeconfig.</exception>
    public async Task<CloudClusterAccess> ByIdAsync(string clusterId, CancellationToken ct)
    {
        var cluster = await db.Clusters.AsNoTracking().Where(k => k.Id == clusterId)
                          .Select(k => new { k.Id, k.Cpcid, k.KubeconfigProtected }).FirstOrDefaultAsync(ct)
                      ?? throw new BusinessException($"{NotConfigured}: 集群 {clusterId} 不存在", ErrorCodes.NotConfigured);
        if (string.IsNullOrEmpty(cluster.KubeconfigProtected))
            throw new BusinessException($"{NotConfigured}: 算力集群没有保存集群上下文(kubeconfig)", ErrorCodes.NotConfigured);
        string kubeconfig;
        try
        {
            kubeconfig = secrets.Unprotect(cluster.KubeconfigProtected);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new BusinessException($"{NotConfigured}: 集群上下文(kubeconfig)无法解密", ErrorCodes.NotConfigured);
        }
        try
        {
            kubeconfigs.EnsureUsable(kubeconfig); // before anything is reserved (ADR 0014)
        }
        catch (KubeGatewayException e)
        {
            throw new BusinessException($"{NotConfigured}: {e.Message}", e.Code);
        }
        return new CloudClusterAccess(cluster.Id, cluster.Cpcid, kubeconfig);
    }

    /// <summary>Capacity of every schedulable Ready node (E54).</summary>
    public async Task<IReadOnlyList<NodeCapacity>> CapacityAsync(CloudClusterAccess cluster, CancellationToken ct)
    {
        var nodes = await Guard("获取集群资源失败", () => gateway.ListNodesAsync(cluster.Kubeconfig, ct));
        var pods = await Guard("获取集群资源失败", () => gateway.ListPodsAsync(cluster.Kubeconfig, ct));
        var live = pods.Where(p => p.NodeName is not null && p.Phase is not ("Succeeded" or "Failed")).ToLookup(p => p.NodeName!);
        return nodes.Where(n => n.Ready && !n.Unschedulable).OrderBy(n => n.Name, StringComparer.Ordinal)
            .Select(n => new NodeCapacity(n.Name, n.CpuAllocatableMilli, live[n.Name].Sum(p => p.CpuRequestMilli),
                n.MemoryAllocatableMi, live[n.Name].Sum(p => p.MemoryRequestMi), n.GpuAllocatable, live[n.Name].Sum(p => p.GpuRequest),
                n.Labels.TryGetValue("nvidia.com/gpu.product", out var model) ? model : ""))
            .ToList();
    }

    /// <summary>Pod phases of the cluster by (namespace, name).</summary>
    public async Task<IReadOnlyDictionary<(string, string), string>> PhasesAsync(CloudClusterAccess cluster, CancellationToken ct)
    {
        var pods = await Guard("获取实例状态失败", () => gateway.ListPodsAsync(cluster.Kubeconfig, ct));
        return pods.GroupBy(p => (p.Namespace, p.Name)).ToDictionary(g => g.Key, g => g.First().Phase);
    }

    /// <summary>Creates the PVC and Pod of <paramref name="instance"/>.</summary>
    /// <exception cref="OutsideCallException">The cluster failed (<c>创建实例失败: 算力集群: …</c>).</exception>
    public Task CreateAsync(CloudClusterAccess cluster, CloudInstance instance, CancellationToken ct) =>
        Outside("创建实例失败", () => gateway.CreateCloudInstanceAsync(cluster.Kubeconfig, instance,
            new CloudInstanceOptions(settings.DataMountPath, settings.GpuMemResourceName, settings.StorageClass), ct));

    /// <summary>Deletes the Pod and PVC of <paramref name="instance"/> (missing ones count as deleted).</summary>
    /// <exception cref="OutsideCallException">The cluster failed (<c>删除实例失败: 算力集群: …</c>).</exception>
    public Task DeleteAsync(CloudClusterAccess cluster, CloudInstance instance, CancellationToken ct) =>
        Outside("删除实例失败", () => gateway.DeleteCloudInstanceAsync(cluster.Kubeconfig, instance, ct));

    /// <summary>True when the Pod of <paramref name="instance"/> exists (the reconciler's question).</summary>
    /// <exception cref="OutsideCallException">The cluster can't be asked.</exception>
    public async Task<bool> ExistsAsync(CloudClusterAccess cluster, CloudInstance instance, CancellationToken ct)
    {
        var exists = false;
        await Outside("查询实例失败",
            async () => exists = await gateway.CloudInstanceExistsAsync(cluster.Kubeconfig, instance, ct));
        return exists;
    }

    private static async Task Outside(string what, Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (KubeGatewayException e)
        {
            throw e.ToOutsideCall(what);
        }
    }

    /// <summary>
    /// Sets the widget models of a new instance from <c>K8s:CpuModel</c> and (with GPUs) <c>K8s:GpuModel</c>.
    /// </summary> <exception cref="BusinessException"><c>not_configured</c> when a needed model is not set.</exception>
    public void AssignModels(CloudInstance i)
    {
        i.CpuModel = settings.CpuModel ?? throw new BusinessException($"{NotConfigured}(K8s:CpuModel)", ErrorCodes.NotConfigured);
        i.GpuModel = i.Gpu == 0 ? "" : settings.GpuModel ?? throw new BusinessException($"{NotConfigured}(K8s:GpuModel)", ErrorCodes.NotConfigured);
    }

    /// <summary>What an instance takes from the widget stock (§4.2 units): cpu cores, memory Mi, data disk Gi, gpu cards.</summary>
    public static IReadOnlyList<StockNeed> Needs(CloudInstance i)
    {
        var needs = new List<StockNeed>
        {
            new(Domain.Cpcc.WidgetTypes.Cpu, i.CpuModel, i.Cpu),
            new(Domain.Cpcc.WidgetTypes.Memory, InstanceStock.MemoryModel, i.Memory * 1024L),
            new(Domain.Cpcc.WidgetTypes.Disk, InstanceStock.DataDiskModel, i.Storage),
            new(Domain.Cpcc.WidgetTypes.Gpu, i.GpuModel, i.Gpu),
        };
        return needs.Where(n => n.Amount > 0).ToList();
    }

    private static async Task<T> Guard<T>(string what, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (KubeGatewayException e)
        {
            throw new BusinessException($"{what}: {e.Message}", e.Code);
        }
    }
}
