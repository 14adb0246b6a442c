using Kboss.Application.Cpcc.Executor;
using Kboss.Application.Cpcc.Provisioning;
using Microsoft.Extensions.Configuration;

namespace Kboss.Infrastructure.Provisioning;

/// <summary>
/// Configuration of the container-cloud executor (README, "Configuration"):
/// <c>Cpcc:Executor:Mode</c> <c>InProcess</c> (default: kboss installs over SSH itself) or <c>Pcapi</c> (calls the
/// centre's remote pcapi at its <c>pcapi_url</c>); <c>Cpcc:Executor:Centers:&lt;cpcid&gt;</c> overrides the mode for
/// one centre; <c>Cpcc:Executor:ControlPlaneTimeoutMinutes</c> / <c>WorkerTimeoutMinutes</c> /
/// <c>RemoveTimeoutMinutes</c>; <c>Cpcc:Features:DeleteCluster</c> / <c>DeleteWorker</c> switch K11/N2 on.
/// </summary>
public sealed class ProvisioningOptions
{
    /// <summary>Mode value: kboss runs the install scripts over SSH.</summary>
    public const string InProcess = "InProcess";
    /// <summary>Mode value: the centre's remote pcapi does the work.</summary>
    public const string Pcapi = "Pcapi";

    /// <summary>Default mode.</summary>
    public string Mode { get; init; } = InProcess;
    /// <summary>Mode per centre id.</summary>
    public IReadOnlyDictionary<string, string> Centers { get; init; } = new Dictionary<string, string>();
    /// <summary>Time limits.</summary>
    public ProvisioningTimeouts Timeouts { get; init; } = new();
    /// <summary>Feature flags.</summary>
    public CpccFeatures Features { get; init; } = new();

    /// <summary>The mode of centre <paramref name="cpcid"/>.</summary>
    public bool UsesPcapi(string cpcid) =>
        (Centers.TryGetValue(cpcid, out var m) ? m : Mode).Equals(Pcapi, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the options.</summary>
    public static ProvisioningOptions From(IConfiguration c)
    {
        static TimeSpan Minutes(string? v, TimeSpan fallback) =>
            double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var m) && m > 0
                ? TimeSpan.FromMinutes(m) : fallback;
        var defaults = new ProvisioningTimeouts();
        var mode = c["Cpcc:Executor:Mode"];
        if (!string.IsNullOrWhiteSpace(mode) && !mode.Equals(InProcess, StringComparison.OrdinalIgnoreCase) && !mode.Equals(Pcapi, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Cpcc:Executor:Mode must be {InProcess} or {Pcapi}, not '{mode}'");
        return new ProvisioningOptions
        {
            Mode = string.IsNullOrWhiteSpace(mode) ? InProcess : mode,
            Centers = c.GetSection("Cpcc:Executor:Centers").GetChildren().Where(x => x.Value is not null).ToDictionary(x => x.Key, x => x.Value!),
            Timeouts = new ProvisioningTimeouts
            {
                ControlPlane = Minutes(c["Cpcc:Executor:ControlPlaneTimeoutMinutes"], defaults.ControlPlane),
                Worker = Minutes(c["Cpcc:Executor:WorkerTimeoutMinutes"], defaults.Worker),
                Remove = Minutes(c["Cpcc:Executor:RemoveTimeoutMinutes"], defaults.Remove),
            },
            Features = new CpccFeatures
            {
                DeleteCluster = bool.TryParse(c["Cpcc:Features:DeleteCluster"], out var dc) && dc,
                DeleteWorker = !bool.TryParse(c["Cpcc:Features:DeleteWorker"], out var dw) || dw, // on unless switched off
                ImportCluster = bool.TryParse(c["Cpcc:Features:ImportCluster"], out var ic) && ic, // Money (issue 11)
            },
        };
    }
}

/// <summary>The <see cref="IClusterProvisioner"/> the app uses: per centre, in process or the remote pcapi.</summary>
public sealed class ClusterProvisionerSelector(ProvisioningOptions options, SshClusterProvisioner inProcess, PcapiClusterProvisioner pcapi)
    : IClusterProvisioner
{
    private IClusterProvisioner For(Domain.Cpcc.ComputeCenter c) => options.UsesPcapi(c.Id) ? pcapi : inProcess;

    public Task<ExecutorResult<ControlPlaneInfo>> CreateControlPlaneAsync(Domain.Cpcc.ComputeCenter center, SshTarget controller, IProvisioningLog log, CancellationToken ct) =>
        For(center).CreateControlPlaneAsync(center, controller, log, ct);

    public Task<ExecutorResult<string>> JoinWorkerAsync(Domain.Cpcc.ComputeCenter center, SshTarget worker, string joinCommand, IProvisioningLog log, CancellationToken ct) =>
        For(center).JoinWorkerAsync(center, worker, joinCommand, log, ct);

    public Task<ExecutorResult<string>> RemoveNodeAsync(Domain.Cpcc.ComputeCenter center, SshTarget? controller, SshTarget node, bool force, IProvisioningLog log, CancellationToken ct) =>
        For(center).RemoveNodeAsync(center, controller, node, force, log, ct);
}
