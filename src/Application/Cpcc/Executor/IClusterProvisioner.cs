using Kboss.Domain.Cpcc;

namespace Kboss.Application.Cpcc.Executor;

/// <summary>
/// The provisioning part of a centre's executor (P3 <c>new_cluster</c>, P4 <c>new_worker</c>, node removal):
/// installs Kubernetes on machines. Two adapters in Infrastructure, chosen per centre by configuration
/// (<c>Cpcc:Executor</c>, README): in process over SSH (<c>IRemoteShell</c> + the embedded install scripts) or the
/// centre's remote pcapi over HTTP. Failures are results, never exceptions (except cancellation).
/// </summary>
public interface IClusterProvisioner
{
    /// <summary>Installs a control plane on <paramref name="controller"/>; returns the join command and the admin kubeconfig.</summary>
    /// <param name="center">The centre (pcapi URL and credentials for the remote adapter).</param>
    /// <param name="controller">The machine.</param>
    /// <param name="log">Receives progress lines for the operation log (no secrets).</param>
    /// <param name="ct">Cancellation.</param>
    Task<ExecutorResult<ControlPlaneInfo>> CreateControlPlaneAsync(ComputeCenter center, SshTarget controller, IProvisioningLog log, CancellationToken ct);

    /// <summary>Installs a worker on <paramref name="worker"/> and joins it with <paramref name="joinCommand"/>.</summary>
    Task<ExecutorResult<string>> JoinWorkerAsync(ComputeCenter center, SshTarget worker, string joinCommand, IProvisioningLog log, CancellationToken ct);

    /// <summary>
    /// Removes <paramref name="node"/> from its cluster: deleted from the cluster through <paramref name="controller"/>
    /// (drained first unless <paramref name="force"/>) when a controller is given, then the machine is reset
    /// (<c>kubeadm reset</c>) so it can be reused. With <paramref name="controller"/> equal to <paramref name="node"/>
    /// (a cluster's own control plane) only the reset runs.
    /// </summary>
    Task<ExecutorResult<string>> RemoveNodeAsync(ComputeCenter center, SshTarget? controller, SshTarget node, bool force, IProvisioningLog log, CancellationToken ct);
}

/// <summary>Where a provisioning run reports its output.</summary>
public interface IProvisioningLog
{
    /// <summary>One output line (already free of secrets).</summary>
    void Line(string text);

    /// <summary>Progress 0–100 reached.</summary>
    void Progress(int percent);
}

/// <summary>How long the provisioning steps may take (configuration <c>Cpcc:Executor:*TimeoutMinutes</c>).</summary>
public sealed class ProvisioningTimeouts
{
    /// <summary>Control-plane install (default 15 min; pcapi documents ≈ 5).</summary>
    public TimeSpan ControlPlane { get; init; } = TimeSpan.FromMinutes(15);
    /// <summary>Worker install and join (default 10 min; pcapi documents ≈ 3).</summary>
    public TimeSpan Worker { get; init; } = TimeSpan.FromMinutes(10);
    /// <summary>Node removal and reset (default 5 min; pcapi documents ≈ 1).</summary>
    public TimeSpan Remove { get; init; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Runs provisioning operations in the background as durable scheduler jobs (Quartz in Infrastructure, ADR 0019):
/// any live node may run one, and a node that dies mid-way hands it to another.
/// </summary>
public interface IProvisioningQueue
{
    /// <summary>Schedules committed operation <paramref name="operationId"/>; returns once its job is stored.</summary>
    Task EnqueueAsync(string operationId, CancellationToken ct);

    /// <summary>Whether a job for <paramref name="operationId"/> is stored (waiting, running or handed back).</summary>
    Task<bool> IsScheduledAsync(string operationId, CancellationToken ct);
}
