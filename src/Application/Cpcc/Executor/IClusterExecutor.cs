using Kboss.Domain.Cpcc;

namespace Kboss.Application.Cpcc.Executor;

/// <summary>
/// The port to a centre's executor (pcapi over HTTP with Basic auth from the centre's <c>api_user</c>/<c>api_pwd</c>,
/// which reaches machines over SSH and clusters through the Kubernetes API). Operations of analysis/cpcc.md §5.3.
/// <para><b>Superseded in practice:</b> the operations are served by narrower ports — provisioning by
/// <see cref="IClusterProvisioner"/> (K10, N1, N2, K11; ADR 0010), the live boards, labels and node operations (K4, K5,
/// L4, P1, P5–P8) and instance apply/delete (K6, K8, K9, P9) by <see cref="Common.Interfaces.IKubernetesGateway"/>
/// (ADR 0009). This interface is kept as the documented shape of the remote pcapi surface.</para>
/// Every method decrypts secrets only inside the adapter and reports failures as a <see cref="ExecutorResult{T}"/>
/// (never throws for an executor-side failure); callers map a failure to <c>算力中心服务操作失败</c>.
/// </summary>
public interface IClusterExecutor
{
    /// <summary>
    /// P3 <c>new_cluster</c>: installs a Kubernetes control plane on <paramref name="controller"/> (≈ 5 min; timeout ≥ 10
    /// min). On success returns the <c>kubeadm join …</c> command and the admin kubeconfig (pcapi's <c>data</c> split at
    /// the first newline, both trimmed).
    /// </summary>
    Task<ExecutorResult<ControlPlaneInfo>> CreateControlPlaneAsync(ComputeCenter center, SshTarget controller, CancellationToken ct);

    /// <summary>P4 <c>new_worker</c>: joins <paramref name="worker"/> to a cluster with <paramref name="joinCommand"/> (≈ 3 min).</summary>
    Task<ExecutorResult<string>> JoinWorkerAsync(ComputeCenter center, SshTarget worker, string joinCommand, CancellationToken ct);

    /// <summary>P5 <c>get_cluster_pods</c> (+ metrics): the live pods of the cluster for the K4 board.</summary>
    Task<ExecutorResult<IReadOnlyList<PodInfo>>> GetClusterPodsAsync(ComputeCenter center, SshTarget controller, CancellationToken ct);

    /// <summary>P6 <c>get_cluster_nodes</c> (+ allocations): the live nodes of the cluster for the K5 board.</summary>
    Task<ExecutorResult<IReadOnlyList<NodeInfo>>> GetClusterNodesAsync(ComputeCenter center, SshTarget controller, CancellationToken ct);

    /// <summary>P1 <c>node_label_opt</c>: binds (<see cref="LabelOperation.Label"/>, <c>key=value</c>) or removes
    /// (<see cref="LabelOperation.Unlabel"/>, by key) one label on node <paramref name="workerNode"/>.</summary>
    Task<ExecutorResult<string>> SetNodeLabelAsync(ComputeCenter center, SshTarget controller, string workerNode, string label,
        LabelOperation operation, CancellationToken ct);

    /// <summary>P7 <c>delete_cluster_node</c>: removes node <paramref name="nodeName"/> from the cluster (drained first unless <paramref name="force"/>).</summary>
    Task<ExecutorResult<string>> DeleteClusterNodeAsync(ComputeCenter center, SshTarget controller, string nodeName, bool force, CancellationToken ct);

    /// <summary>P8 <c>node_state_switch</c>: cordons or uncordons <paramref name="nodeName"/>, optionally draining it (wire name <c>darin</c>).</summary>
    Task<ExecutorResult<string>> SwitchNodeStateAsync(ComputeCenter center, SshTarget controller, string nodeName, bool cordon, bool drain, CancellationToken ct);

    /// <summary>
    /// P9 <c>yaml_apply_delete</c>: applies (namespace, service account, controller, PVC, service) or deletes (controller,
    /// service, PVCs; the namespace only with its last config) the workload of <paramref name="config"/>, with the
    /// cluster's decrypted <paramref name="kubeconfig"/> and the controller's SSH target.
    /// </summary>
    Task<ExecutorResult<string>> ApplyOrDeleteInstanceAsync(ComputeCenter center, SshTarget controller, string kubeconfig,
        InstanceAction action, InstanceConfig config, CancellationToken ct);

    /// <summary>P2 <c>determine_accommodat</c>: the product ids whose resources (<paramref name="resourcesJson"/>) no node of the cluster can hold.</summary>
    Task<ExecutorResult<IReadOnlyList<string>>> DetermineAccommodationAsync(ComputeCenter center, string kubeconfig, string resourcesJson, CancellationToken ct);
}

/// <summary>SSH coordinates of a device (<c>ip</c>, <c>sshport</c>, <c>adminuser</c>, decrypted <c>adminpwd</c>).</summary>
/// <param name="Host">Host or IP.</param>
/// <param name="Port">SSH port.</param>
/// <param name="User">SSH user.</param>
/// <param name="ProtectedPassword">The password as stored (encrypted); the adapter decrypts it.</param>
public sealed record SshTarget(string Host, int Port, string User, string ProtectedPassword)
{
    /// <summary>The target of <paramref name="device"/>.</summary>
    public static SshTarget Of(Device device) => new(device.Ip, device.SshPort, device.AdminUser, device.AdminPwdProtected);
}

/// <summary>What a finished control-plane install returns.</summary>
/// <param name="JoinCommand"><c>kubeadm join …</c> for workers.</param>
/// <param name="Kubeconfig">Admin kubeconfig YAML.</param>
public sealed record ControlPlaneInfo(string JoinCommand, string Kubeconfig);

/// <summary>A live pod (K4 row source).</summary>
/// <param name="Namespace">Namespace.</param>
/// <param name="Name">Pod name.</param>
/// <param name="Ready">e.g. <c>1/1</c>.</param>
/// <param name="Phase">e.g. <c>Running</c>.</param>
/// <param name="Restarts">Restart count.</param>
/// <param name="Age">Age, e.g. <c>16h</c>.</param>
/// <param name="Ip">Pod IP.</param>
/// <param name="Node">Node name.</param>
/// <param name="CpuUsage">Live CPU usage in cores.</param>
/// <param name="MemoryUsageMi">Live memory usage in Mi.</param>
/// <param name="CpuLimit">CPU limit quantity.</param>
/// <param name="MemoryLimit">Memory limit quantity.</param>
/// <param name="GpuLimit">GPU limit.</param>
public sealed record PodInfo(string Namespace, string Name, string Ready, string Phase, int Restarts, string Age, string Ip,
    string Node, decimal CpuUsage, decimal MemoryUsageMi, string CpuLimit, string MemoryLimit, int GpuLimit);

/// <summary>A live node (K5 row source).</summary>
/// <param name="Name">Node name.</param>
/// <param name="Ready">Ready condition.</param>
/// <param name="IsControlPlane">Control-plane role.</param>
/// <param name="Age">Age, e.g. <c>70d</c>.</param>
/// <param name="KubeletVersion">Kubernetes version.</param>
/// <param name="InternalIp">Internal IP.</param>
/// <param name="ExternalIp">External IP or null.</param>
/// <param name="OsImage">OS version.</param>
/// <param name="KernelVersion">Kernel version.</param>
/// <param name="ContainerRuntime">Container runtime.</param>
/// <param name="Labels">Node labels <c>key=value</c>.</param>
/// <param name="AllocatableCpuMilli">Allocatable CPU (m).</param>
/// <param name="RequestedCpuMilli">Requested CPU (m).</param>
/// <param name="AllocatableMemoryMi">Allocatable memory (Mi).</param>
/// <param name="RequestedMemoryMi">Requested memory (Mi).</param>
/// <param name="AllocatableGpu">Allocatable GPUs.</param>
/// <param name="RequestedGpu">Requested GPUs.</param>
public sealed record NodeInfo(string Name, bool Ready, bool IsControlPlane, string Age, string KubeletVersion, string InternalIp,
    string? ExternalIp, string OsImage, string KernelVersion, string ContainerRuntime, IReadOnlyList<string> Labels,
    long AllocatableCpuMilli, long RequestedCpuMilli, long AllocatableMemoryMi, long RequestedMemoryMi, int AllocatableGpu, int RequestedGpu);

/// <summary>L4/P1 operations.</summary>
public enum LabelOperation
{
    /// <summary>Bind (add or overwrite) <c>key=value</c>.</summary>
    Label,
    /// <summary>Remove the key.</summary>
    Unlabel,
}

/// <summary>P9 actions.</summary>
public enum InstanceAction
{
    /// <summary>Create or update the workload.</summary>
    Apply,
    /// <summary>Delete the workload.</summary>
    Delete,
}

/// <summary>How an executor call failed.</summary>
public enum ExecutorFailure
{
    /// <summary>The executor answered <c>status:false</c>.</summary>
    Rejected,
    /// <summary>Wrong pcapi credentials.</summary>
    Unauthorized,
    /// <summary>No answer in time (the machine may be half configured).</summary>
    Timeout,
    /// <summary>Connection failed.</summary>
    Transport,
    /// <summary>The answer was not the documented shape.</summary>
    BadResponse,
}

/// <summary>Outcome of an executor call: <c>{status, info, data}</c> plus a failure kind.</summary>
/// <typeparam name="T">Data on success.</typeparam>
/// <param name="Status">True on success.</param>
/// <param name="Info">The executor's message.</param>
/// <param name="Data">Data on success.</param>
/// <param name="Failure">Failure kind, null on success.</param>
public sealed record ExecutorResult<T>(bool Status, string Info, T? Data, ExecutorFailure? Failure);
