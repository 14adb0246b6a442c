using Kboss.Domain.Common;

namespace Kboss.Domain.Cpcc;

/// <summary>
/// 算力集群 (legacy table <c>cpccluster</c>): a Kubernetes cluster of a centre, installed on a controller device.
/// Lifecycle (analysis/cpcc.md §4.7): created installing (<see cref="Ready"/> 0), installed (1) once the executor
/// returned the join command and kubeconfig. Both are secrets, encrypted at rest. spec: 40-cpcc-clusters.md; §2.3.
/// </summary>
public sealed class Cluster : Entity, ISoftDeletable
{
    /// <summary>集群名称.</summary>
    public string Name { get; set; } = "";
    /// <summary>Owning centre id.</summary>
    public string Cpcid { get; set; } = "";
    /// <summary>集群类型: <c>"0"</c> kubernetes, <c>"1"</c> slurm (see <see cref="ClusterTypes"/>).</summary>
    public string ClusterType { get; set; } = ClusterTypes.Kubernetes;
    /// <summary>Device id of the control-plane node; null for clusters registered without one.</summary>
    public string? ControllerId { get; set; }
    /// <summary>启用日期.</summary>
    public DateOnly? EnableDate { get; set; }
    /// <summary>停止日期.</summary>
    public DateOnly? ExportDate { get; set; }
    /// <summary><c>kubeadm join …</c> command, encrypted at rest; empty when unknown.</summary>
    public string ClusterJoinProtected { get; set; } = "";
    /// <summary>Admin kubeconfig (YAML), encrypted at rest; empty when unknown.</summary>
    public string KubeconfigProtected { get; set; } = "";
    /// <summary>0 正在安装 (installing), 1 安装完成 (installed); see <see cref="ClusterReady"/>.</summary>
    public int Ready { get; set; } = ClusterReady.Installing;
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;

    /// <summary>
    /// installing → installed: stores the encrypted join command and kubeconfig of the finished install.
    /// </summary>
    public void CompleteInstall(string joinProtected, string kubeconfigProtected)
    {
        ClusterJoinProtected = joinProtected;
        KubeconfigProtected = kubeconfigProtected;
        Ready = ClusterReady.Installed;
    }

    /// <summary>
    /// A failed install is rolled back: the cluster is deleted while still installing; true when it was.
    /// </summary>
    public bool AbandonInstall()
    {
        if (Ready != ClusterReady.Installing) return false;
        DelFlg = DelFlag.Deleted;
        return true;
    }
}

/// <summary>Values of <see cref="Cluster.ClusterType"/>.</summary>
public static class ClusterTypes
{
    /// <summary>kubernetes.</summary>
    public const string Kubernetes = "0";
    /// <summary>slurm (not supported by the executor).</summary>
    public const string Slurm = "1";

    /// <summary>Display text: kubernetes / slurm.</summary>
    public static string Text(string type) => type == Slurm ? "slurm" : "kubernetes";
}

/// <summary>Values of <see cref="Cluster.Ready"/>.</summary>
public static class ClusterReady
{
    /// <summary>正在安装.</summary>
    public const int Installing = 0;
    /// <summary>安装完成.</summary>
    public const int Installed = 1;
}
