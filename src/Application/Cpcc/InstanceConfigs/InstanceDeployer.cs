using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Domain.Cpcc;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.InstanceConfigs;

/// <summary>
/// Applies and deletes instance configs on their cluster (analysis/cpcc.md §3.H P9) with the cluster's stored
/// kubeconfig. Every failure becomes <c>status:false</c>, <c>code: upstream_failed</c> with the reason, so the caller's
/// transaction rolls back the row and the stock.
/// </summary>
public sealed class InstanceDeployer(IKbossDbContext db, IKubernetesGateway gateway, ISecretProtector secrets)
{
    /// <summary>Message of a failed cluster call (the legacy text), followed by the reason.</summary>
    public const string Failed = "算力中心服务操作失败";

    /// <summary>The plaintext kubeconfig of cluster <paramref name="clusterId"/>.</summary>
    /// <exception cref="BusinessException"><c>upstream_failed</c> when the cluster has none.</exception>
    public async Task<string> KubeconfigAsync(string clusterId, CancellationToken ct)
    {
        var stored = await db.Clusters.AsNoTracking().Where(k => k.Id == clusterId).Select(k => k.KubeconfigProtected).FirstOrDefaultAsync(ct);
        if (string.IsNullOrEmpty(stored)) throw new BusinessException($"{Failed}: 算力集群没有保存集群上下文(kubeconfig)", ErrorCodes.UpstreamFailed);
        return secrets.Unprotect(stored);
    }

    /// <summary>Creates or replaces the objects of <paramref name="config"/> on its cluster.</summary>
    public async Task ApplyAsync(InstanceConfig config, CancellationToken ct)
    {
        var kubeconfig = await KubeconfigAsync(config.ClusterId, ct);
        var password = string.IsNullOrEmpty(config.SourceAuthpasswdProtected) ? "" : secrets.Unprotect(config.SourceAuthpasswdProtected);
        await Guard(() => gateway.ApplyAsync(kubeconfig, config, password, ct));
    }

    /// <summary>Deletes the objects of <paramref name="config"/> from its cluster (missing ones count as deleted).</summary>
    public async Task DeleteAsync(InstanceConfig config, CancellationToken ct)
    {
        var kubeconfig = await KubeconfigAsync(config.ClusterId, ct);
        await Guard(() => gateway.DeleteAsync(kubeconfig, config, ct));
    }

    private static async Task Guard(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (KubeGatewayException e)
        {
            throw new BusinessException($"{Failed}: {e.Message}", e.Code);
        }
    }
}
