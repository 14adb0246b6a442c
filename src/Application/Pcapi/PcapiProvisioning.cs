using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Serialization;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Cpcc.Executor;
using Kboss.Domain.Cpcc;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kboss.Application.Pcapi;

/// <summary>The SSH parameters every pcapi provisioning call carries.</summary>
public interface IPcapiSshParams
{
    /// <summary>集群类型: only <c>kubernetes</c> (default).</summary>
    string? ClusterType { get; }
    /// <summary>Machine IP or host name.</summary>
    string? Host { get; }
    /// <summary>SSH port.</summary>
    string? Port { get; }
    /// <summary>SSH user.</summary>
    string? User { get; }
    /// <summary>SSH password (wire name <c>psssword</c>, sic).</summary>
    string? Psssword { get; }
    /// <summary>Node role.</summary>
    string? Role { get; }
}

/// <summary>Keys of the keyed <see cref="IClusterProvisioner"/> registrations.</summary>
public static class ProvisionerKeys
{
    /// <summary>The in-process (SSH) provisioner, used by kboss's own pcapi endpoints.</summary>
    public const string InProcess = "in-process";
}

/// <summary>
/// P3 <c>POST /pcapi/api/v1/cluster/common/new_cluster</c>: installs a control plane on <c>host</c> over SSH with the
/// in-process executor and answers <c>data = join command + "\n" + kubeconfig</c>. Synchronous as documented (≈ 5 min).
/// Basic auth is checked before (centre api_user/api_pwd). spec: 36-cpcc-pcapi.md; analysis/cpcc.md §3.H P3.
/// </summary>
public sealed record PcapiNewCluster : ICommand<PcapiReply>, IPcapiSshParams
{
    /// <inheritdoc />
    public string? ClusterType { get; init; }
    /// <inheritdoc />
    public string? Host { get; init; }
    /// <inheritdoc />
    public string? Port { get; init; }
    /// <inheritdoc />
    public string? User { get; init; }
    /// <inheritdoc />
    [JsonPropertyName("psssword")]
    public string? Psssword { get; init; }
    /// <inheritdoc />
    public string? Role { get; init; }
}

/// <summary>
/// P4 <c>POST /pcapi/api/v1/cluster/common/new_worker</c>: installs a worker on <c>host</c> over SSH and runs
/// <c>join_command</c>. Synchronous as documented (≈ 3 min). spec: 36-cpcc-pcapi.md; analysis/cpcc.md §3.H P4.
/// </summary>
public sealed record PcapiNewWorker : ICommand<PcapiReply>, IPcapiSshParams
{
    /// <inheritdoc />
    public string? ClusterType { get; init; }
    /// <inheritdoc />
    public string? Host { get; init; }
    /// <inheritdoc />
    public string? Port { get; init; }
    /// <inheritdoc />
    public string? User { get; init; }
    /// <inheritdoc />
    [JsonPropertyName("psssword")]
    public string? Psssword { get; init; }
    /// <inheritdoc />
    public string? Role { get; init; }
    /// <summary>加入集群指令 (<c>kubeadm join …</c>).</summary>
    public string? JoinCommand { get; init; }
}

/// <summary>Handles P3 and P4 with the in-process provisioner; every failure is a pcapi envelope, never an exception.</summary>
public sealed class PcapiProvisioningHandler(
    [FromKeyedServices(ProvisionerKeys.InProcess)] IClusterProvisioner provisioner, ISecretProtector secrets, ILogger<PcapiProvisioningHandler> logger)
    : ICommandHandler<PcapiNewCluster, PcapiReply>, ICommandHandler<PcapiNewWorker, PcapiReply>
{
    /// <summary>The documented failure info (followed by the reason).</summary>
    public const string Failed = "operate failed";

    public async ValueTask<PcapiReply> Handle(PcapiNewCluster c, CancellationToken ct)
    {
        if (Check(c, DeviceRoles.Master) is { } bad) return bad;
        var log = new Collector();
        var r = await provisioner.CreateControlPlaneAsync(Caller, Target(c), log, ct);
        logger.LogInformation("pcapi new_cluster on {Host}: {Status} {Info}", c.Host, r.Status, r.Info);
        return r is { Status: true, Data: { } d } ? new(true, "operate success", d.JoinCommand + "\n" + d.Kubeconfig) : new(false, $"{Failed}: {r.Info}", "");
    }

    public async ValueTask<PcapiReply> Handle(PcapiNewWorker c, CancellationToken ct)
    {
        if (Check(c, DeviceRoles.Worker) is { } bad) return bad;
        if (string.IsNullOrWhiteSpace(c.JoinCommand)) return new(false, $"{Failed}: 缺少参数 join_command", "");
        if (!c.JoinCommand.Trim().StartsWith("kubeadm join ", StringComparison.Ordinal)) return new(false, $"{Failed}: join_command 必须是 kubeadm join 命令", "");
        var r = await provisioner.JoinWorkerAsync(Caller, Target(c), c.JoinCommand.Trim(), new Collector(), ct);
        logger.LogInformation("pcapi new_worker on {Host}: {Status} {Info}", c.Host, r.Status, r.Info);
        return r.Status ? new(true, "operate success", "") : new(false, $"{Failed}: {r.Info}", "");
    }

    private static readonly ComputeCenter Caller = new() { Name = "pcapi" };

    private SshTarget Target(IPcapiSshParams p) =>
        new(p.Host!.Trim(), int.Parse(p.Port!.Trim(), CultureInfo.InvariantCulture), p.User!.Trim(), secrets.Protect(p.Psssword!));

    private static PcapiReply? Check(IPcapiSshParams p, string role)
    {
        foreach (var (name, value) in new[] { ("host", p.Host), ("port", p.Port), ("user", p.User), ("psssword", p.Psssword), ("role", p.Role) })
            if (string.IsNullOrWhiteSpace(value)) return new(false, $"{Failed}: 缺少参数 {name}", "");
        if (!int.TryParse(p.Port!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            return new(false, $"{Failed}: port 必须是 1-65535 之间的整数", "");
        if (p.Host!.Trim().Length > 253 || Uri.CheckHostName(p.Host.Trim()) == UriHostNameType.Unknown) return new(false, $"{Failed}: host 格式错误", "");
        if (!string.Equals(p.Role!.Trim(), role, StringComparison.OrdinalIgnoreCase)) return new(false, $"{Failed}: role 必须是 {role}", "");
        if (!string.IsNullOrWhiteSpace(p.ClusterType) && !p.ClusterType.Trim().Equals("kubernetes", StringComparison.OrdinalIgnoreCase))
            return new(false, $"{Failed}: 目前只支持 kubernetes 集群", "");
        return null;
    }

    private sealed class Collector : IProvisioningLog
    {
        private readonly ConcurrentQueue<string> _lines = new();
        public void Line(string text) => _lines.Enqueue(text);
        public void Progress(int percent) { }
    }
}
