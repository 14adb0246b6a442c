namespace Kboss.Application.Common.Interfaces;

/// <summary>
/// A node as the Kubernetes API reports it. Quantities: cpu in millicores (m), memory in Mi (1 Mi = 1,048,576 bytes),
/// gpu in cards (<c>nvidia.com/gpu</c>).
/// </summary>
public sealed record KubeNode(string Name, string InternalIp, IReadOnlyList<string> Roles, bool Ready, bool Unschedulable,
    IReadOnlyDictionary<string, string> Labels, long CpuAllocatableMilli, long MemoryAllocatableMi, long GpuAllocatable,
    string KubeletVersion, string OsImage, string KernelVersion, string ContainerRuntime, DateTime? CreatedUtc);

/// <summary>
/// A pod as the Kubernetes API reports it. Requests and limits are summed over its containers: cpu in millicores,
/// memory in Mi, gpu in cards.
/// </summary>
public sealed record KubePod(string Namespace, string Name, string? NodeName, string Phase, string? PodIp, int ReadyContainers,
    int Containers, int Restarts, long CpuRequestMilli, long MemoryRequestMi, long GpuRequest, long CpuLimitMilli,
    long MemoryLimitMi, long GpuLimit, IReadOnlyDictionary<string, string> Labels, DateTime? CreatedUtc, bool OwnedByDaemonSet);

/// <summary>Why a Kubernetes call failed.</summary>
public enum KubeFailure
{
    /// <summary>The kubeconfig can't be parsed or has no usable context.</summary>
    InvalidKubeconfig,
    /// <summary>The kubeconfig asks for something kboss never does (an <c>exec</c> plugin, an auth provider, a file,
    /// a non-http(s) server); the message names the field. Maps to <c>invalid_argument</c>.</summary>
    RefusedKubeconfig,
    /// <summary>The API server could not be reached.</summary>
    Unreachable,
    /// <summary>The named object does not exist (HTTP 404).</summary>
    NotFound,
    /// <summary>The object exists already or changed meanwhile (HTTP 409).</summary>
    Conflict,
    /// <summary>The API refused the request (other 4xx/5xx; e.g. 429 from a PodDisruptionBudget on eviction).</summary>
    Rejected,
    /// <summary>The API answered with a body that can't be read as the expected object.</summary>
    BadAnswer,
    /// <summary>No answer within the time limit: the call may or may not have taken effect.</summary>
    TimedOut,
}

/// <summary>A Kubernetes call failed; <see cref="Exception.Message"/> is Chinese text a person can act on.</summary>
public sealed class KubeGatewayException(KubeFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>What went wrong.</summary>
    public KubeFailure Failure { get; } = failure;

    /// <summary>The envelope code of this failure: <c>invalid_argument</c> for a refused kubeconfig,
    /// <c>upstream_failed</c>
    /// otherwise (an unreadable kubeconfig included).</summary>
    public string Code =>
        Failure == KubeFailure.RefusedKubeconfig ? Models.ErrorCodes.InvalidArgument : Models.ErrorCodes.UpstreamFailed;

    /// <summary>Name of the outside system in messages.</summary>
    public const string System = "算力集群";

    /// <summary>This failure as an outside-call outcome (ADR 0015): <c>{prefix}: 算力集群: {message}</c>; a time-out, a
    /// lost
    /// connection or an unreadable answer (the API may have acted) leaves the outcome unknown.</summary>
    public OutsideCalls.OutsideCallException ToOutsideCall(string prefix) =>
        new($"{prefix}: {System}: {Message}", Code,
            Failure is KubeFailure.TimedOut or KubeFailure.Unreachable or KubeFailure.BadAnswer, this);
}

/// <summary>Checks a kubeconfig without connecting (ADR 0014).</summary>
public interface IKubeconfigPolicy
{
    /// <summary>Returns when <paramref name="kubeconfig"/> may be stored and used.</summary>
    /// <exception cref="KubeGatewayException"><see cref="KubeFailure.RefusedKubeconfig"/> (the message names the field)
    /// or <see cref="KubeFailure.InvalidKubeconfig"/>.</exception>
    void EnsureUsable(string kubeconfig);
}

/// <summary>
/// The Kubernetes API of a cluster, reached with the cluster's stored admin kubeconfig (KubernetesClient in
/// Infrastructure). Used by the live pod and node boards, labels, cordon/drain and node removal
/// (analysis/cpcc.md §4.9, §5.3). Every method throws <see cref="KubeGatewayException"/> on failure.
/// </summary>
public interface IKubernetesGateway
{
    /// <summary>All nodes.</summary>
    Task<IReadOnlyList<KubeNode>> ListNodesAsync(string kubeconfig, CancellationToken ct);

    /// <summary>All pods of all namespaces.</summary>
    Task<IReadOnlyList<KubePod>> ListPodsAsync(string kubeconfig, CancellationToken ct);

    /// <summary>Sets label <paramref name="key"/>=<paramref name="value"/> on a node, or removes it when <paramref name="value"/> is null.</summary>
    Task SetNodeLabelAsync(string kubeconfig, string node, string key, string? value, CancellationToken ct);

    /// <summary>Cordons (<paramref name="schedulable"/> false) or uncordons a node.</summary>
    Task SetNodeSchedulableAsync(string kubeconfig, string node, bool schedulable, CancellationToken ct);

    /// <summary>Cordons a node and evicts its pods (DaemonSet pods excepted); returns how many were evicted.</summary>
    Task<int> DrainNodeAsync(string kubeconfig, string node, CancellationToken ct);

    /// <summary>Deletes a node object.</summary>
    Task DeleteNodeAsync(string kubeconfig, string node, CancellationToken ct);

    /// <summary>
    /// Creates the Kubernetes objects of instance config <paramref name="config"/> (namespace, service account,
    /// controller, service, data volume; analysis/cpcc.md §4.8), replacing the controller and service when they exist
    /// (HTTP 409). The shared namespace and service account and an existing volume are kept as they are.
    /// <paramref name="password"/> is the plaintext initial password.
    /// </summary>
    Task ApplyAsync(string kubeconfig, Kboss.Domain.Cpcc.InstanceConfig config, string password, CancellationToken ct);

    /// <summary>
    /// Deletes the controller, service and data volume of <paramref name="config"/>; objects already gone count as
    /// deleted. The namespace and service account (shared by the org's instances in the cluster) are kept.
    /// </summary>
    Task DeleteAsync(string kubeconfig, Kboss.Domain.Cpcc.InstanceConfig config, CancellationToken ct);

    /// <summary>
    /// Live usage of every pod (<c>GET /apis/metrics.k8s.io/v1beta1/pods</c>). Returns <b>an empty list, not an
    /// error,</b> when the cluster has no metrics-server (the API answers 404 or 503), so boards can still be shown.
    /// </summary>
    Task<IReadOnlyList<KubePodUsage>> ListPodUsageAsync(string kubeconfig, CancellationToken ct);

    /// <summary>
    /// Creates the namespace (when missing), the PVC and the Pod of a user's container instance (analysis/platform.md
    /// §3.7 E53, §4.9). When the Pod can't be created the PVC is deleted again before the failure is thrown.
    /// </summary>
    Task CreateCloudInstanceAsync(string kubeconfig, Kboss.Domain.K8sCloud.CloudInstance instance, CloudInstanceOptions options, CancellationToken ct);

    /// <summary>Deletes the Pod, then the PVC of a user's container instance (E56); objects already gone count as deleted.</summary>
    Task DeleteCloudInstanceAsync(string kubeconfig, Kboss.Domain.K8sCloud.CloudInstance instance, CancellationToken ct);

    /// <summary>True when the controller of <paramref name="config"/> exists on its cluster (the reconciler's
    /// question).</summary>
    Task<bool> InstanceExistsAsync(string kubeconfig, Kboss.Domain.Cpcc.InstanceConfig config, CancellationToken ct);

    /// <summary>True when the Pod of <paramref name="instance"/> exists on its cluster (the reconciler's
    /// question).</summary>
    Task<bool> CloudInstanceExistsAsync(string kubeconfig, Kboss.Domain.K8sCloud.CloudInstance instance,
        CancellationToken ct);

    /// <summary>The <c>ExternalIP</c> address of every node that has one (node name → address).</summary>
    Task<IReadOnlyDictionary<string, string>> ListNodeExternalIpsAsync(string kubeconfig, CancellationToken ct);
}

/// <summary>
/// Live usage of a pod from metrics-server (<c>metrics.k8s.io/v1beta1</c>), summed over its containers: cpu in cores,
/// memory in Mi (1 Mi = 1,048,576 bytes), both exact decimals.
/// </summary> <param name="Namespace">Namespace.</param>
/// <param name="Name">Pod name.</param>
/// <param name="CpuCores">CPU in use, in cores (e.g. 0.004).</param>
/// <param name="MemoryMi">Memory in use, in Mi (e.g. 2.539).</param>
public sealed record KubePodUsage(string Namespace, string Name, decimal CpuCores, decimal MemoryMi);

/// <summary>Cluster-side settings of users' container instances (analysis/platform.md §4.9).</summary>
/// <param name="DataMountPath">Where the PVC is mounted in the container.</param>
/// <param name="GpuMemResourceName">Extended resource of GPU memory per card (MiB).</param>
/// <param name="StorageClass">Storage class of the PVC; null for the cluster's default.</param>
public sealed record CloudInstanceOptions(string DataMountPath, string GpuMemResourceName, string? StorageClass);
