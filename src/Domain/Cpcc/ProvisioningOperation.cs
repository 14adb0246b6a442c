using Kboss.Domain.Common;

namespace Kboss.Domain.Cpcc;

/// <summary>
/// A long machine operation of the container cloud (install a control plane, join a worker, remove a worker, delete a
/// cluster), run in the background and polled by clients (ADR 0010). Lifecycle: <see cref="OperationStatus.Running"/>
/// → <see cref="OperationStatus.Succeeded"/> or <see cref="OperationStatus.Failed"/>; the captured install log is kept
/// in both cases (secrets are never written to it). spec: analysis/cpcc.md §4.7, §5.2.
/// </summary>
public sealed class ProvisioningOperation : Entity
{
    /// <summary>What the operation does (see <see cref="OperationKinds"/>).</summary>
    public string Kind { get; set; } = OperationKinds.CreateCluster;
    /// <summary>Centre id.</summary>
    public string Cpcid { get; set; } = "";
    /// <summary>Cluster id.</summary>
    public string ClusterId { get; set; } = "";
    /// <summary>Device the operation installs or removes (the controller for a cluster deletion).</summary>
    public string DeviceId { get; set; } = "";
    /// <summary><c>running</c> / <c>succeeded</c> / <c>failed</c>.</summary>
    public string Status { get; set; } = OperationStatus.Running;
    /// <summary>Progress 0–100.</summary>
    public int Progress { get; set; }
    /// <summary>Outcome message a person can act on (Chinese); empty while running.</summary>
    public string Message { get; set; } = "";
    /// <summary>The captured script output, line by line (bounded; secrets redacted).</summary>
    public string Log { get; set; } = "";
    /// <summary>Removal without draining the node first (N2 <c>force</c>; always true for K11).</summary>
    public bool Force { get; set; }
    /// <summary>User who started it.</summary>
    public string? UserId { get; set; }
    /// <summary>Start instant, UTC.</summary>
    public DateTime StartedAt { get; set; }
    /// <summary>End instant, UTC; null while running.</summary>
    public DateTime? FinishedAt { get; set; }

    /// <summary>Longest log kept (characters); older lines are dropped first.</summary>
    public const int MaxLogLength = 200_000;

    /// <summary>Appends one log line, dropping the oldest text beyond <see cref="MaxLogLength"/>.</summary>
    public void AppendLog(string line)
    {
        var text = Log + line + "\n";
        Log = text.Length > MaxLogLength ? text[^MaxLogLength..] : text;
    }

    /// <summary>running → succeeded.</summary>
    public void Succeed(string message, DateTime nowUtc)
    {
        if (Status != OperationStatus.Running) throw new InvalidOperationException("operation is not running");
        Status = OperationStatus.Succeeded;
        Progress = 100;
        Message = message;
        FinishedAt = nowUtc;
    }

    /// <summary>running → failed.</summary>
    public void Fail(string message, DateTime nowUtc)
    {
        if (Status != OperationStatus.Running) throw new InvalidOperationException("operation is not running");
        Status = OperationStatus.Failed;
        Message = message;
        FinishedAt = nowUtc;
    }
}

/// <summary>Values of <see cref="ProvisioningOperation.Status"/>.</summary>
public static class OperationStatus
{
    /// <summary>Still running.</summary>
    public const string Running = "running";
    /// <summary>Finished successfully.</summary>
    public const string Succeeded = "succeeded";
    /// <summary>Finished with a failure (rolled back).</summary>
    public const string Failed = "failed";
}

/// <summary>Values of <see cref="ProvisioningOperation.Kind"/>.</summary>
public static class OperationKinds
{
    /// <summary>K10: install a control plane.</summary>
    public const string CreateCluster = "create_cluster";
    /// <summary>N1: join a worker.</summary>
    public const string AddWorker = "add_worker";
    /// <summary>N2: remove a worker.</summary>
    public const string RemoveWorker = "remove_worker";
    /// <summary>K11: delete a cluster.</summary>
    public const string DeleteCluster = "delete_cluster";
}
