using System.Security.Cryptography;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Domain.Cpcc;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.InstanceConfigs;

/// <summary>
/// Applies, deletes and looks up instance configs on their cluster (analysis/cpcc.md §3.H P9) with the cluster's stored
/// kubeconfig, for the outside-call pattern (ADR 0015): the kubeconfig is read before anything is reserved, and every
/// cluster failure is an <see cref="OutsideCallException"/> (<c>算力中心服务操作失败: 算力集群: …</c>).
/// </summary>
public sealed class InstanceDeployer(IKbossDbContext db, IKubernetesGateway gateway, ISecretProtector secrets,
    IKubeconfigPolicy kubeconfigs)
{
    /// <summary>Message of a failed cluster call (the legacy text), followed by the reason.</summary>
    public const string Failed = "算力中心服务操作失败";

    /// <summary>The plaintext kubeconfig of cluster <paramref name="clusterId"/>, checked by the loader (ADR 0014) so
    /// that
    /// nothing is reserved for a cluster that can't be reached.</summary>
    /// <exception cref="BusinessException"><c>upstream_failed</c> when the cluster has none or it can't be decrypted or
    /// read; <c>invalid_argument</c> naming the field when the loader refuses it.</exception>
    public async Task<string> KubeconfigAsync(string clusterId, CancellationToken ct)
    {
        var stored = await db.Clusters.AsNoTracking().Where(k => k.Id == clusterId).Select(k => k.KubeconfigProtected).FirstOrDefaultAsync(ct);
        if (string.IsNullOrEmpty(stored)) throw new BusinessException($"{Failed}: 算力集群没有保存集群上下文(kubeconfig)", ErrorCodes.UpstreamFailed);
        string kubeconfig;
        try
        {
            kubeconfig = secrets.Unprotect(stored);
        }
        catch (CryptographicException)
        {
            throw new BusinessException($"{Failed}: 算力集群的集群上下文(kubeconfig)无法解密", ErrorCodes.UpstreamFailed);
        }
        try
        {
            kubeconfigs.EnsureUsable(kubeconfig);
        }
        catch (KubeGatewayException e)
        {
            throw new BusinessException($"{Failed}: {e.Message}", e.Code);
        }
        return kubeconfig;
    }

    /// <summary>Creates or replaces the objects of <paramref name="config"/> on its cluster.</summary>
    public Task ApplyAsync(string kubeconfig, InstanceConfig config, CancellationToken ct)
    {
        var password = string.IsNullOrEmpty(config.SourceAuthpasswdProtected) ? "" : secrets.Unprotect(config.SourceAuthpasswdProtected);
        return Guard(() => gateway.ApplyAsync(kubeconfig, config, password, ct));
    }

    /// <summary>Deletes the objects of <paramref name="config"/> from its cluster (missing ones count as deleted).</summary>
    public Task DeleteAsync(string kubeconfig, InstanceConfig config, CancellationToken ct) =>
        Guard(() => gateway.DeleteAsync(kubeconfig, config, ct));

    /// <summary>True when the controller of <paramref name="config"/> exists on its cluster.</summary>
    public async Task<bool> ExistsAsync(InstanceConfig config, CancellationToken ct)
    {
        var kubeconfig = await KubeconfigAsync(config.ClusterId, ct);
        var exists = false;
        await Guard(async () => exists = await gateway.InstanceExistsAsync(kubeconfig, config, ct));
        return exists;
    }

    private static async Task Guard(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (KubeGatewayException e)
        {
            throw e.ToOutsideCall(Failed);
        }
    }
}
