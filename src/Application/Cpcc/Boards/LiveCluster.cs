using System.Security.Cryptography;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Domain.Cpcc;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.Boards;

/// <summary>
/// Reaching a cluster's Kubernetes API with its stored (encrypted) admin kubeconfig, for the live boards, node labels
/// and the pcapi endpoints. Failures become clear <c>status:false</c> outcomes, never a 500.
/// </summary>
public static class LiveCluster
{
    /// <summary>Message when a cluster id is unknown or belongs to another centre.</summary>
    public const string ClusterNotFound = "算力集群不存在";
    /// <summary>Message when the cluster is still being installed (<c>ready = 0</c>).</summary>
    public const string Installing = "算力集群正在安装,安装完成后才能查看或操作集群";
    /// <summary>Message when the cluster has no kubeconfig stored.</summary>
    public const string NoKubeconfig = "算力集群缺少集群上下文(kubeconfig),无法连接集群";
    /// <summary>Message when the stored kubeconfig can't be decrypted (keys changed or data damaged).</summary>
    public const string Undecryptable = "算力集群的集群上下文(kubeconfig)无法解密,请重新登记集群";

    /// <summary>Loads alive cluster <paramref name="clusterId"/> of centre <paramref name="cpcid"/>.</summary>
    /// <exception cref="BusinessException">not_found.</exception>
    public static async Task<Cluster> LoadAsync(IKbossDbContext db, string cpcid, string clusterId, CancellationToken ct) =>
        await db.Clusters.AsNoTracking().FirstOrDefaultAsync(k => k.Id == clusterId.Trim() && k.Cpcid == cpcid.Trim(), ct)
        ?? throw BusinessException.NotFound(ClusterNotFound);

    /// <summary>The plaintext kubeconfig of an installed cluster.</summary>
    /// <exception cref="BusinessException">conflict (installing) or not_configured (no or unreadable kubeconfig).</exception>
    public static string Kubeconfig(Cluster cluster, ISecretProtector secrets)
    {
        if (cluster.Ready != ClusterReady.Installed) throw BusinessException.Conflict(Installing);
        if (string.IsNullOrWhiteSpace(cluster.KubeconfigProtected)) throw new BusinessException(NoKubeconfig, ErrorCodes.NotConfigured);
        try
        {
            return secrets.Unprotect(cluster.KubeconfigProtected);
        }
        catch (CryptographicException)
        {
            throw new BusinessException(Undecryptable, ErrorCodes.NotConfigured);
        }
    }

    /// <summary>Runs a gateway call; its failure becomes <c>upstream_failed</c> (<c>not_found</c> for a missing object)
    /// with the gateway's Chinese message.</summary>
    /// <exception cref="BusinessException">The cluster API failed.</exception>
    public static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (KubeGatewayException e)
        {
            throw new BusinessException(e.Message, e.Failure == KubeFailure.NotFound ? ErrorCodes.NotFound : e.Code);
        }
    }

    /// <summary>Waits for every call of a parallel read to end, without throwing; awaiting the tasks afterwards in a fixed
    /// order then reports the first failure deterministically (and no failure goes unobserved).</summary>
    public static async Task SettleAsync(params Task[] tasks)
    {
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (BusinessException)
        {
            // reported by awaiting the tasks in order
        }
    }

    /// <summary>Namespaces of the cluster's own components, never shown on the pod board.</summary>
    public static readonly IReadOnlySet<string> SystemNamespaces =
        new HashSet<string>(["kube-system", "kube-flannel", "kube-public", "kube-node-lease", "tigera-operator", "calico-system"], StringComparer.Ordinal);
}
