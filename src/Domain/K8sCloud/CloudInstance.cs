using System.Text;
using Kboss.Domain.Common;

namespace Kboss.Domain.K8sCloud;

/// <summary>Values of <see cref="CloudInstance.Status"/> (the pod phase, then <c>Deleted</c>).</summary>
public static class CloudInstanceStatus
{
    /// <summary>Created, not running yet.</summary>
    public const string Pending = "Pending";
    /// <summary>Deleted by its user.</summary>
    public const string Deleted = "Deleted";
    /// <summary>The create failed on the cluster (never ran).</summary>
    public const string Failed = "Failed";
    /// <summary>The delete is in flight.</summary>
    public const string Terminating = "Terminating";
}

/// <summary>
/// A user's container instance (legacy table <c>k8s_instance</c>): one Pod plus one PVC in the org's namespace of the
/// configured cluster. The id is a lowercase Kubernetes name so the Pod and PVC names derive from it.
/// spec: 35-k8s-service.md; analysis/platform.md §2.7, §4.9.
/// </summary>
public sealed class CloudInstance : OutsideEffectEntity
{
    /// <summary>A new instance with a lowercase Kubernetes-name id.</summary>
    public CloudInstance() => Id = NanoId.NewKubernetesName();

    /// <summary>Owning org.</summary>
    public string OrgId { get; set; } = "";
    /// <summary>Creator.</summary>
    public string? UserId { get; set; }
    /// <summary>资源ID: the purchased resource the instance belongs to (a filter only).</summary>
    public string? CustomerGoodsId { get; set; }
    /// <summary>Centre of the cluster (for the widget stock).</summary>
    public string Cpcid { get; set; } = "";
    /// <summary>Cluster the instance runs in.</summary>
    public string ClusterId { get; set; } = "";
    /// <summary>cpu widget model whose stock the instance took.</summary>
    public string CpuModel { get; set; } = "";
    /// <summary>gpu widget model whose stock the instance took ("" without GPUs).</summary>
    public string GpuModel { get; set; } = "";
    /// <summary>Kubernetes namespace: <c>kyy-</c> + sanitised org id.</summary>
    public string NamespaceName { get; set; } = "";
    /// <summary>Pod name: sanitised id + <c>-pod</c>.</summary>
    public string Podname { get; set; } = "";
    /// <summary>PVC name: sanitised id + <c>-pvc</c>.</summary>
    public string Pvcname { get; set; } = "";
    /// <summary>Container image.</summary>
    public string Image { get; set; } = "";
    /// <summary>CPU cores.</summary>
    public int Cpu { get; set; }
    /// <summary>Memory in GiB.</summary>
    public int Memory { get; set; }
    /// <summary>GPU cards.</summary>
    public int Gpu { get; set; }
    /// <summary>GPU memory per card in MiB (null: whole cards).</summary>
    public int? Gpumem { get; set; }
    /// <summary>Persistent storage in GiB.</summary>
    public int Storage { get; set; }
    /// <summary>Pending, Running, Succeeded, Failed, Unknown or Deleted.</summary>
    public string Status { get; set; } = CloudInstanceStatus.Pending;

    /// <summary>The status a user sees while the row is not live (ADR 0015): pending and unknown outcomes show Pending,
    /// a failed create Failed, a delete in flight Terminating, a deleted row Deleted; null when live (the pod
    /// phase).</summary>
    public string? SettledStatus => State switch
    {
        OutsideStates.Live or OutsideStates.Updating => null,
        OutsideStates.Failed => CloudInstanceStatus.Failed,
        OutsideStates.Deleted => CloudInstanceStatus.Deleted,
        OutsideStates.Deleting => CloudInstanceStatus.Terminating,
        OutsideStates.PendingReconcile when Operation == OutsideOperations.Delete => CloudInstanceStatus.Terminating,
        _ => CloudInstanceStatus.Pending,
    };

    /// <inheritdoc />
    protected override void OnStateChanged()
    {
        if (State is OutsideStates.Failed or OutsideStates.Deleted) Status = SettledStatus!;
    }

    /// <summary>
    /// DNS-1123 form of <paramref name="value"/> (§4.9): lowercase, every character outside <c>[a-z0-9-]</c> → <c>-</c>,
    /// no leading or trailing <c>-</c>, at most 63 characters.
    /// </summary>
    public static string Sanitize(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var ch in value.ToLowerInvariant()) sb.Append(ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' ? ch : '-');
        var s = sb.ToString().Trim('-');
        return s.Length > 63 ? s[..63].TrimEnd('-') : s;
    }

    /// <summary>Sets the namespace, pod and PVC names from the org and id (§4.9).</summary>
    public void DeriveNames()
    {
        NamespaceName = Sanitize("kyy-" + OrgId);
        var id = Sanitize(Id);
        Podname = id + "-pod";
        Pvcname = id + "-pvc";
    }
}
