using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Kboss.Application.Common.Interfaces;
using Microsoft.Extensions.Logging;

namespace Kboss.Infrastructure.Kubernetes;

/// <summary>
/// <see cref="IKubernetesGateway"/> on the official KubernetesClient: one client per call, built from the cluster's
/// kubeconfig text (never written to disk). Label and cordon changes are JSON merge patches; drain cordons first and
/// then evicts each pod through the Eviction API, so PodDisruptionBudgets are honoured.
/// </summary>
public sealed class KubernetesGateway(ILogger<KubernetesGateway> log) : IKubernetesGateway
{
    /// <summary>Time limit of one API request.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Extended resource name of NVIDIA GPUs.</summary>
    public const string GpuResource = "nvidia.com/gpu";

    public Task<IReadOnlyList<KubeNode>> ListNodesAsync(string kubeconfig, CancellationToken ct) => CallAsync(kubeconfig, "列出节点", async k =>
        (IReadOnlyList<KubeNode>)(await k.CoreV1.ListNodeAsync(cancellationToken: ct)).Items.Select(ToNode).ToList());

    public Task<IReadOnlyList<KubePod>> ListPodsAsync(string kubeconfig, CancellationToken ct) => CallAsync(kubeconfig, "列出资源实例", async k =>
        (IReadOnlyList<KubePod>)(await k.CoreV1.ListPodForAllNamespacesAsync(cancellationToken: ct)).Items.Select(ToPod).ToList());

    public Task SetNodeLabelAsync(string kubeconfig, string node, string key, string? value, CancellationToken ct) =>
        CallAsync(kubeconfig, $"设置节点 {node} 的标签", async k =>
        {
            var patch = new Dictionary<string, object?> { ["metadata"] = new Dictionary<string, object?> { ["labels"] = new Dictionary<string, string?> { [key] = value } } };
            await k.CoreV1.PatchNodeAsync(MergePatch(patch), node, cancellationToken: ct);
            log.LogInformation("Node {Node}: label {Key} {Action}", node, key, value is null ? "removed" : "set");
            return true;
        });

    public Task SetNodeSchedulableAsync(string kubeconfig, string node, bool schedulable, CancellationToken ct) =>
        CallAsync(kubeconfig, schedulable ? $"恢复节点 {node} 调度" : $"停止节点 {node} 调度", async k =>
        {
            await Cordon(k, node, !schedulable, ct);
            return true;
        });

    public Task<int> DrainNodeAsync(string kubeconfig, string node, CancellationToken ct) => CallAsync(kubeconfig, $"排空节点 {node}", async k =>
    {
        await Cordon(k, node, true, ct);
        var pods = await k.CoreV1.ListPodForAllNamespacesAsync(fieldSelector: $"spec.nodeName={node}", cancellationToken: ct);
        var evicted = 0;
        foreach (var pod in pods.Items.Where(p => !IsDaemonSetPod(p) && !IsMirrorPod(p)))
        {
            await k.CoreV1.CreateNamespacedPodEvictionAsync(new V1Eviction
            {
                Metadata = new V1ObjectMeta { Name = pod.Metadata.Name, NamespaceProperty = pod.Metadata.NamespaceProperty },
            }, pod.Metadata.Name, pod.Metadata.NamespaceProperty, cancellationToken: ct);
            evicted++;
        }
        log.LogInformation("Node {Node} drained: {Count} pods evicted", node, evicted);
        return evicted;
    });

    public Task DeleteNodeAsync(string kubeconfig, string node, CancellationToken ct) => CallAsync(kubeconfig, $"删除节点 {node}", async k =>
    {
        await k.CoreV1.DeleteNodeAsync(node, cancellationToken: ct);
        log.LogInformation("Node {Node} deleted", node);
        return true;
    });

    private static Task Cordon(IKubernetes k, string node, bool unschedulable, CancellationToken ct) =>
        k.CoreV1.PatchNodeAsync(MergePatch(new { spec = new { unschedulable } }), node, cancellationToken: ct);

    private static V1Patch MergePatch(object body) => new(JsonSerializer.Serialize(body), V1Patch.PatchType.MergePatch);

    private async Task<T> CallAsync<T>(string kubeconfig, string what, Func<IKubernetes, Task<T>> call)
    {
        using var client = Connect(kubeconfig);
        try
        {
            return await call(client);
        }
        catch (HttpOperationException e)
        {
            var status = e.Response.StatusCode;
            var (failure, reason) = status switch
            {
                HttpStatusCode.NotFound => (KubeFailure.NotFound, "对象不存在"),
                HttpStatusCode.Conflict => (KubeFailure.Conflict, "对象已存在或已被修改"),
                HttpStatusCode.TooManyRequests => (KubeFailure.Rejected, "被中断预算(PodDisruptionBudget)拒绝,请稍后重试"),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => (KubeFailure.Rejected, "集群凭据无效或权限不足"),
                _ => (KubeFailure.Rejected, $"集群 API 返回 {(int)status}"),
            };
            log.LogWarning("Kubernetes call '{What}' failed with HTTP {Status}", what, (int)status);
            throw new KubeGatewayException(failure, $"{what}失败: {reason}", e);
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
        {
            throw new KubeGatewayException(KubeFailure.TimedOut, $"{what}失败: 集群 API 未在时限内答复", e);
        }
        catch (HttpRequestException e)
        {
            throw new KubeGatewayException(KubeFailure.Unreachable, $"{what}失败: 无法连接集群 API ({e.Message})", e);
        }
        catch (Exception e) when (IsUnreadableBody(e))
        {
            log.LogWarning("Kubernetes call '{What}' got an answer that is not the expected object", what);
            throw new KubeGatewayException(KubeFailure.BadAnswer, $"{what}失败: 集群 API 的答复无法解析", e);
        }
    }

    private static bool IsUnreadableBody(Exception e) => e is JsonException || e.InnerException is JsonException;

    private static k8s.Kubernetes Connect(string kubeconfig)
    {
        var config = KubeconfigLoader.Load(kubeconfig);
        config.HttpClientTimeout = RequestTimeout;
        return new k8s.Kubernetes(config);
    }

    private static KubeNode ToNode(V1Node n)
    {
        var labels = (IReadOnlyDictionary<string, string>?)n.Metadata.Labels?.ToDictionary() ?? new Dictionary<string, string>();
        var roles = labels.Keys.Where(k => k.StartsWith("node-role.kubernetes.io/", StringComparison.Ordinal))
            .Select(k => k["node-role.kubernetes.io/".Length..]).Where(r => r.Length > 0).Order(StringComparer.Ordinal).ToList();
        var alloc = n.Status?.Allocatable;
        var info = n.Status?.NodeInfo;
        return new KubeNode(
            n.Metadata.Name,
            n.Status?.Addresses?.FirstOrDefault(a => a.Type == "InternalIP")?.Address ?? "",
            roles,
            n.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true,
            n.Spec?.Unschedulable == true,
            labels,
            Milli(alloc, "cpu"), Mi(alloc, "memory"), Count(alloc, GpuResource),
            info?.KubeletVersion ?? "", info?.OsImage ?? "", info?.KernelVersion ?? "", info?.ContainerRuntimeVersion ?? "",
            n.Metadata.CreationTimestamp?.ToUniversalTime());
    }

    private static KubePod ToPod(V1Pod p)
    {
        var containers = p.Spec?.Containers ?? [];
        var statuses = p.Status?.ContainerStatuses ?? [];
        return new KubePod(
            p.Metadata.NamespaceProperty, p.Metadata.Name, p.Spec?.NodeName, p.Status?.Phase ?? "", p.Status?.PodIP,
            statuses.Count(s => s.Ready), containers.Count, statuses.Sum(s => s.RestartCount),
            containers.Sum(c => Milli(c.Resources?.Requests, "cpu")), containers.Sum(c => Mi(c.Resources?.Requests, "memory")),
            containers.Sum(c => Count(c.Resources?.Requests, GpuResource)),
            containers.Sum(c => Milli(c.Resources?.Limits, "cpu")), containers.Sum(c => Mi(c.Resources?.Limits, "memory")),
            containers.Sum(c => Count(c.Resources?.Limits, GpuResource)),
            (IReadOnlyDictionary<string, string>?)p.Metadata.Labels?.ToDictionary() ?? new Dictionary<string, string>(),
            p.Metadata.CreationTimestamp?.ToUniversalTime(), IsDaemonSetPod(p));
    }

    private static bool IsDaemonSetPod(V1Pod p) => p.Metadata.OwnerReferences?.Any(o => o.Kind == "DaemonSet") == true;

    private static bool IsMirrorPod(V1Pod p) => p.Metadata.Annotations?.ContainsKey("kubernetes.io/config.mirror") == true;

    private static long Milli(IDictionary<string, ResourceQuantity>? q, string name) =>
        q is not null && q.TryGetValue(name, out var v) ? (long)Math.Ceiling(v.ToDecimal() * 1000m) : 0;

    private static long Mi(IDictionary<string, ResourceQuantity>? q, string name) =>
        q is not null && q.TryGetValue(name, out var v) ? (long)Math.Floor(v.ToDecimal() / 1_048_576m) : 0;

    private static long Count(IDictionary<string, ResourceQuantity>? q, string name) =>
        q is not null && q.TryGetValue(name, out var v) ? (long)v.ToDecimal() : 0;

    public Task ApplyAsync(string kubeconfig, Kboss.Domain.Cpcc.InstanceConfig config, string password, CancellationToken ct) =>
        CallAsync(kubeconfig, $"创建资源实例 {config.PodcdName}", async k =>
        {
            var o = InstanceManifests.Build(config, password);
            var ns = config.NamespaceName;
            await CreateIfMissing(() => k.CoreV1.CreateNamespaceAsync(o.Namespace, cancellationToken: ct));
            await CreateIfMissing(() => k.CoreV1.CreateNamespacedServiceAccountAsync(o.ServiceAccount, ns, cancellationToken: ct));
            await CreateIfMissing(() => k.CoreV1.CreateNamespacedPersistentVolumeClaimAsync(o.Volume, ns, cancellationToken: ct));
            var name = o.Controller.Metadata.Name;
            switch (o.Controller)
            {
                case V1StatefulSet x:
                    await CreateOrReplace(x, () => k.AppsV1.CreateNamespacedStatefulSetAsync(x, ns, cancellationToken: ct),
                        async () => (await k.AppsV1.ReadNamespacedStatefulSetAsync(name, ns, cancellationToken: ct)).Metadata,
                        () => k.AppsV1.ReplaceNamespacedStatefulSetAsync(x, name, ns, cancellationToken: ct));
                    break;
                case V1Deployment x:
                    await CreateOrReplace(x, () => k.AppsV1.CreateNamespacedDeploymentAsync(x, ns, cancellationToken: ct),
                        async () => (await k.AppsV1.ReadNamespacedDeploymentAsync(name, ns, cancellationToken: ct)).Metadata,
                        () => k.AppsV1.ReplaceNamespacedDeploymentAsync(x, name, ns, cancellationToken: ct));
                    break;
                case V1DaemonSet x:
                    await CreateOrReplace(x, () => k.AppsV1.CreateNamespacedDaemonSetAsync(x, ns, cancellationToken: ct),
                        async () => (await k.AppsV1.ReadNamespacedDaemonSetAsync(name, ns, cancellationToken: ct)).Metadata,
                        () => k.AppsV1.ReplaceNamespacedDaemonSetAsync(x, name, ns, cancellationToken: ct));
                    break;
                case V1Job x:
                    await CreateOrReplace(x, () => k.BatchV1.CreateNamespacedJobAsync(x, ns, cancellationToken: ct),
                        async () => (await k.BatchV1.ReadNamespacedJobAsync(name, ns, cancellationToken: ct)).Metadata,
                        () => k.BatchV1.ReplaceNamespacedJobAsync(x, name, ns, cancellationToken: ct));
                    break;
                case V1CronJob x:
                    await CreateOrReplace(x, () => k.BatchV1.CreateNamespacedCronJobAsync(x, ns, cancellationToken: ct),
                        async () => (await k.BatchV1.ReadNamespacedCronJobAsync(name, ns, cancellationToken: ct)).Metadata,
                        () => k.BatchV1.ReplaceNamespacedCronJobAsync(x, name, ns, cancellationToken: ct));
                    break;
                case V1Pod x:
                    await CreateOrReplace(x, () => k.CoreV1.CreateNamespacedPodAsync(x, ns, cancellationToken: ct),
                        async () => (await k.CoreV1.ReadNamespacedPodAsync(name, ns, cancellationToken: ct)).Metadata,
                        () => k.CoreV1.ReplaceNamespacedPodAsync(x, name, ns, cancellationToken: ct));
                    break;
            }
            var svc = o.Service;
            await CreateOrReplace(svc, () => k.CoreV1.CreateNamespacedServiceAsync(svc, ns, cancellationToken: ct),
                async () =>
                {
                    var current = await k.CoreV1.ReadNamespacedServiceAsync(svc.Metadata.Name, ns, cancellationToken: ct);
                    svc.Spec.ClusterIP = current.Spec?.ClusterIP; // immutable: keep the allocated address
                    svc.Spec.ClusterIPs = current.Spec?.ClusterIPs;
                    return current.Metadata;
                },
                () => k.CoreV1.ReplaceNamespacedServiceAsync(svc, svc.Metadata.Name, ns, cancellationToken: ct));
            log.LogInformation("Instance {Controller} applied in {Namespace}", name, ns);
            return true;
        });

    public Task DeleteAsync(string kubeconfig, Kboss.Domain.Cpcc.InstanceConfig config, CancellationToken ct) =>
        CallAsync(kubeconfig, $"删除资源实例 {config.PodcdName}", async k =>
        {
            var ns = config.NamespaceName;
            var name = config.PodcdName;
            const string policy = "Background";
            await IgnoreNotFound(config.SourcePodengine switch
            {
                "StatefulSet" => () => k.AppsV1.DeleteNamespacedStatefulSetAsync(name, ns, propagationPolicy: policy, cancellationToken: ct),
                "Deployment" => () => k.AppsV1.DeleteNamespacedDeploymentAsync(name, ns, propagationPolicy: policy, cancellationToken: ct),
                "DaemonSet" => () => k.AppsV1.DeleteNamespacedDaemonSetAsync(name, ns, propagationPolicy: policy, cancellationToken: ct),
                "Job" => () => k.BatchV1.DeleteNamespacedJobAsync(name, ns, propagationPolicy: policy, cancellationToken: ct),
                "CronJob" => () => k.BatchV1.DeleteNamespacedCronJobAsync(name, ns, propagationPolicy: policy, cancellationToken: ct),
                _ => (Func<Task>)(() => k.CoreV1.DeleteNamespacedPodAsync(name, ns, cancellationToken: ct)),
            });
            await IgnoreNotFound(() => k.CoreV1.DeleteNamespacedServiceAsync(config.ServiceName, ns, cancellationToken: ct));
            await IgnoreNotFound(() => k.CoreV1.DeleteNamespacedPersistentVolumeClaimAsync(InstanceManifests.VolumeName(config), ns, cancellationToken: ct));
            log.LogInformation("Instance {Controller} deleted from {Namespace}", name, ns);
            return true;
        });

    public Task CreateCloudInstanceAsync(string kubeconfig, Kboss.Domain.K8sCloud.CloudInstance instance, CloudInstanceOptions options, CancellationToken ct) =>
        CallAsync(kubeconfig, $"创建实例 {instance.Podname}", async k =>
        {
            var o = InstanceManifests.BuildCloud(instance, options);
            var ns = instance.NamespaceName;
            await CreateIfMissing(() => k.CoreV1.CreateNamespaceAsync(o.Namespace, cancellationToken: ct));
            await k.CoreV1.CreateNamespacedPersistentVolumeClaimAsync(o.Volume, ns, cancellationToken: ct);
            try
            {
                await k.CoreV1.CreateNamespacedPodAsync(o.Pod, ns, cancellationToken: ct);
            }
            catch
            {
                await IgnoreNotFound(() => k.CoreV1.DeleteNamespacedPersistentVolumeClaimAsync(instance.Pvcname, ns, cancellationToken: CancellationToken.None));
                throw;
            }
            log.LogInformation("Cloud instance {Pod} created in {Namespace}", instance.Podname, ns);
            return true;
        });

    public Task DeleteCloudInstanceAsync(string kubeconfig, Kboss.Domain.K8sCloud.CloudInstance instance, CancellationToken ct) =>
        CallAsync(kubeconfig, $"删除实例 {instance.Podname}", async k =>
        {
            var ns = instance.NamespaceName;
            await IgnoreNotFound(() => k.CoreV1.DeleteNamespacedPodAsync(instance.Podname, ns, cancellationToken: ct));
            await IgnoreNotFound(() => k.CoreV1.DeleteNamespacedPersistentVolumeClaimAsync(instance.Pvcname, ns, cancellationToken: ct));
            log.LogInformation("Cloud instance {Pod} deleted from {Namespace}", instance.Podname, ns);
            return true;
        });

    public Task<bool> InstanceExistsAsync(string kubeconfig, Kboss.Domain.Cpcc.InstanceConfig config,
        CancellationToken ct) =>
        CallAsync(kubeconfig, $"查询资源实例 {config.PodcdName}", k =>
        {
            var (ns, name) = (config.NamespaceName, config.PodcdName);
            return Exists(config.SourcePodengine switch
            {
                "StatefulSet" => () => k.AppsV1.ReadNamespacedStatefulSetAsync(name, ns, cancellationToken: ct),
                "Deployment" => () => k.AppsV1.ReadNamespacedDeploymentAsync(name, ns, cancellationToken: ct),
                "DaemonSet" => () => k.AppsV1.ReadNamespacedDaemonSetAsync(name, ns, cancellationToken: ct),
                "Job" => () => k.BatchV1.ReadNamespacedJobAsync(name, ns, cancellationToken: ct),
                "CronJob" => () => k.BatchV1.ReadNamespacedCronJobAsync(name, ns, cancellationToken: ct),
                _ => (Func<Task>)(() => k.CoreV1.ReadNamespacedPodAsync(name, ns, cancellationToken: ct)),
            });
        });

    public Task<bool> CloudInstanceExistsAsync(string kubeconfig, Kboss.Domain.K8sCloud.CloudInstance instance,
        CancellationToken ct) =>
        CallAsync(kubeconfig, $"查询实例 {instance.Podname}", k => Exists(() =>
            k.CoreV1.ReadNamespacedPodAsync(instance.Podname, instance.NamespaceName, cancellationToken: ct)));

    private static async Task<bool> Exists(Func<Task> read)
    {
        try
        {
            await read();
            return true;
        }
        catch (HttpOperationException e) when (Is(e, HttpStatusCode.NotFound))
        {
            return false;
        }
    }

    private static bool Is(HttpOperationException e, HttpStatusCode code) => e.Response.StatusCode == code;

    private static async Task CreateIfMissing(Func<Task> create)
    {
        try { await create(); }
        catch (HttpOperationException e) when (Is(e, HttpStatusCode.Conflict)) { /* exists: shared object, keep it */ }
    }

    private static async Task CreateOrReplace<T>(T obj, Func<Task> create, Func<Task<V1ObjectMeta>> read, Func<Task> replace)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        try
        {
            await create();
        }
        catch (HttpOperationException e) when (Is(e, HttpStatusCode.Conflict))
        {
            obj.Metadata.ResourceVersion = (await read()).ResourceVersion;
            await replace();
        }
    }

    /// <summary>
    /// Runs a DELETE: a 404 means already gone, and a 2xx whose body is not the deleted object (a <c>Status</c>, which
    /// the API may send for any kind; the typed client can't read it) is a success too.
    /// </summary>
    private static async Task IgnoreNotFound(Func<Task> delete)
    {
        try { await delete(); }
        catch (HttpOperationException e) when (Is(e, HttpStatusCode.NotFound)) { /* already gone */ }
        catch (Exception e) when (IsUnreadableBody(e)) { /* 2xx with a Status body: deleted */ }
    }

    public async Task<IReadOnlyList<KubePodUsage>> ListPodUsageAsync(string kubeconfig, CancellationToken ct)
    {
        try
        {
            return await CallAsync(kubeconfig, "读取资源实例用量", async k =>
            {
                var list = await k.CustomObjects.ListClusterCustomObjectAsync("metrics.k8s.io", "v1beta1", "pods", cancellationToken: ct);
                var json = list is JsonElement e ? e : JsonSerializer.SerializeToElement(list);
                return (IReadOnlyList<KubePodUsage>)ToUsage(json);
            });
        }
        catch (KubeGatewayException e) when (e.InnerException is HttpOperationException { Response.StatusCode: HttpStatusCode.NotFound or HttpStatusCode.ServiceUnavailable })
        {
            log.LogInformation("metrics.k8s.io is not served by the cluster (no metrics-server): pod usage left empty");
            return [];
        }
    }

    public Task<IReadOnlyDictionary<string, string>> ListNodeExternalIpsAsync(string kubeconfig, CancellationToken ct) =>
        CallAsync(kubeconfig, "列出节点地址", async k =>
            (IReadOnlyDictionary<string, string>)(await k.CoreV1.ListNodeAsync(cancellationToken: ct)).Items
                .Select(n => (n.Metadata.Name, Ip: n.Status?.Addresses?.FirstOrDefault(a => a.Type == "ExternalIP")?.Address))
                .Where(x => !string.IsNullOrEmpty(x.Ip)).ToDictionary(x => x.Name, x => x.Ip!));

    private static List<KubePodUsage> ToUsage(JsonElement list)
    {
        var result = new List<KubePodUsage>();
        if (list.ValueKind != JsonValueKind.Object || !list.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array) return result;
        foreach (var item in items.EnumerateArray())
        {
            if (!item.TryGetProperty("metadata", out var meta)) continue;
            var ns = meta.TryGetProperty("namespace", out var n) ? n.GetString() ?? "" : "";
            var name = meta.TryGetProperty("name", out var nm) ? nm.GetString() ?? "" : "";
            decimal cpu = 0, memory = 0;
            if (item.TryGetProperty("containers", out var containers) && containers.ValueKind == JsonValueKind.Array)
                foreach (var c in containers.EnumerateArray())
                {
                    if (!c.TryGetProperty("usage", out var usage)) continue;
                    cpu += Quantity(usage, "cpu");
                    memory += Quantity(usage, "memory") / 1_048_576m;
                }
            result.Add(new KubePodUsage(ns, name, cpu, memory));
        }
        return result;
    }

    private static decimal Quantity(JsonElement usage, string name)
    {
        if (!usage.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.String) return 0;
        try
        {
            return new ResourceQuantity(v.GetString()).ToDecimal();
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            return 0;
        }
    }
}
