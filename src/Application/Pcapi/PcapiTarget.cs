using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Cpcc.Boards;
using Kboss.Domain.Cpcc;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Pcapi;

/// <summary>The SSH parameters every pcapi endpoint takes (<c>host</c>, <c>port</c>, <c>user</c>, <c>psssword</c> sic).</summary>
public interface IPcapiSshRequest
{
    /// <summary>SSH host of the cluster's controller.</summary>
    string? Host { get; }
    /// <summary>SSH port.</summary>
    string? Port { get; }
    /// <summary>SSH user.</summary>
    string? User { get; }
    /// <summary>SSH password (wire name <c>psssword</c>, sic).</summary>
    string? Psssword { get; }
}

/// <summary>Validation of <see cref="IPcapiSshRequest"/>.</summary>
public static class PcapiSshRules
{
    /// <summary>host, port (1–65535), user and psssword are required.</summary>
    public static void AddSshRules<T>(this AbstractValidator<T> v) where T : IPcapiSshRequest
    {
        v.RuleFor(x => x.Host).Required().MaxChars(255);
        v.RuleFor(x => x.Port).Required().OptionalInt(1, 65535);
        v.RuleFor(x => x.User).Required().MaxChars(100);
        v.RuleFor(x => x.Psssword).Required();
    }

    /// <summary>Empty or a boolean (<c>true</c>/<c>false</c>/<c>1</c>/<c>0</c>).</summary>
    public static IRuleBuilderOptions<T, string?> OptionalBool<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(b => string.IsNullOrWhiteSpace(b) || ParseBool(b) is not null).WithMessage("{PropertyName} 必须是 true 或 false");

    /// <summary>Parses true/false/1/0 (case-insensitive); null otherwise; false when empty.</summary>
    public static bool? ParseBool(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "false" or "0" => false,
        "true" or "1" => true,
        _ => null,
    };
}

/// <summary>The cluster a pcapi call acts on and its plaintext kubeconfig.</summary>
/// <param name="Cluster">The cluster.</param>
/// <param name="Kubeconfig">Its decrypted admin kubeconfig.</param>
public sealed record PcapiCluster(Cluster Cluster, string Kubeconfig);

/// <summary>
/// Finds the cluster of a pcapi call: among the caller's centres, the alive cluster whose controller device has IP
/// <c>host</c>; the SSH account (<c>port</c>, <c>user</c>, <c>psssword</c>) must be the device's (the real pcapi logs in
/// with it; kboss reaches the cluster through its stored kubeconfig instead). Outcomes are <see cref="BusinessException"/>s.
/// </summary>
public static class PcapiTarget
{
    /// <summary>Message when no cluster of the caller's centres is controlled by <c>host</c>.</summary>
    public static string NoCluster(string host) => $"未找到控制节点为 {host} 的算力集群";
    /// <summary>Message when the SSH account does not match the controller device.</summary>
    public const string SshRefused = "SSH 登录失败: 端口、账号或密码与控制节点不符";

    /// <summary>Resolves the cluster for <paramref name="r"/>.</summary>
    /// <exception cref="BusinessException">not_found, invalid_credentials, conflict or not_configured.</exception>
    public static async Task<PcapiCluster> ResolveAsync(IKbossDbContext db, ISecretProtector secrets, PcapiCaller caller, IPcapiSshRequest r, CancellationToken ct)
    {
        var host = r.Host!.Trim();
        var centers = caller.CenterIds;
        var candidates = await db.Devices.AsNoTracking()
            .Where(d => d.Ip == host && centers.Contains(d.Cpcid))
            .Join(db.Clusters.AsNoTracking(), d => d.Id, k => k.ControllerId, (d, k) => new { Device = d, Cluster = k })
            .Where(x => x.Cluster.Cpcid == x.Device.Cpcid)
            .OrderBy(x => x.Cluster.Id).ToListAsync(ct);
        if (candidates.Count == 0) throw BusinessException.NotFound(NoCluster(host));
        var port = RuleExtensions.TryInt(r.Port, out var p) ? p : -1;
        var sshUser = r.User!.Trim();
        var match = default(PcapiCluster);
        var matched = await caller.CheckSshAccountAsync(host, _ =>
        {
            var found = candidates.FirstOrDefault(x => x.Device.SshPort == port && x.Device.AdminUser == sshUser
                && SamePassword(secrets, x.Device.AdminPwdProtected, r.Psssword!));
            if (found is not null) match = new PcapiCluster(found.Cluster, "");
            return Task.FromResult(found is not null);
        }, ct);
        if (!matched || match is null) throw new BusinessException(SshRefused, ErrorCodes.InvalidCredentials);
        return new PcapiCluster(match.Cluster, LiveCluster.Kubeconfig(match.Cluster, secrets));
    }

    private static bool SamePassword(ISecretProtector secrets, string stored, string given)
    {
        try
        {
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secrets.Unprotect(stored)), Encoding.UTF8.GetBytes(given));
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
