using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Validation;
using Kboss.Application.Cpcc.Labels;
using Kboss.Domain.Common;
using Kboss.Domain.Cpcc;

namespace Kboss.Application.Cpcc.InstanceConfigs;

/// <summary>The workload fields shared by K6 (new) and K8 (update). spec: 40-cpcc-clusters.md; analysis/cpcc.md §2.6, §4.8.</summary>
public interface IInstanceConfigFields
{
    /// <summary>集群唯一标识ID.</summary>
    string? Clusterid { get; }
    /// <summary>资源实例的名称 (≤ 100 chars).</summary>
    string? SourceName { get; }
    /// <summary>初始认证账号.</summary>
    string? SourceAuthuser { get; }
    /// <summary>初始认证密码 (encrypted at rest; on update the mask keeps the stored one).</summary>
    string? SourceAuthpasswd { get; }
    /// <summary>StatefulSet, Deployment, DaemonSet, CronJob, Job or Standalone.</summary>
    string? SourcePodengine { get; }
    /// <summary>Replicas, integer ≥ 1.</summary>
    string? SourceReplicasetnum { get; }
    /// <summary>LinuxOS or RelationalDB.</summary>
    string? InstanceType { get; }
    /// <summary>One of the allowed images.</summary>
    string? PodImagepath { get; }
    /// <summary>Memory limit, a Kubernetes quantity (512Mi).</summary>
    string? SourceMemrate { get; }
    /// <summary>CPU limit, a Kubernetes quantity (1000m).</summary>
    string? SourceCpurate { get; }
    /// <summary>Instance label <c>key:value</c>.</summary>
    string? SourceSelflabel { get; }
    /// <summary>NodePort, Ingress or LoadBalancer.</summary>
    string? SourcePortmode { get; }
    /// <summary>Always, OnFailure or Never (consistent with the controller kind).</summary>
    string? SourceRestartpolicy { get; }
    /// <summary>Service port 1–65535.</summary>
    string? SourceApiport { get; }
    /// <summary>Container port 1–65535.</summary>
    string? SourceInsideport { get; }
    /// <summary>Node port: 30000–32767 and unique in the cluster with NodePort, else 1–65535.</summary>
    string? SourceOutsideport { get; }
    /// <summary>Absolute mount path.</summary>
    string? SourceMountpath { get; }
    /// <summary>Data volume size, a Kubernetes quantity (49Gi).</summary>
    string? SourceStoragelimits { get; }
    /// <summary>Node selector <c>key=value</c>.</summary>
    string? SourceNodeselector { get; }
}

/// <summary>Rules of analysis/cpcc.md §4.8 on <see cref="IInstanceConfigFields"/>.</summary>
public sealed partial class InstanceConfigFieldsValidator : AbstractValidator<IInstanceConfigFields>
{
    /// <summary>Controller kinds.</summary>
    public static readonly string[] Engines = ["StatefulSet", "Deployment", "DaemonSet", "CronJob", "Job", "Standalone"];
    /// <summary>Instance types.</summary>
    public static readonly string[] InstanceTypes = ["LinuxOS", "RelationalDB"];
    /// <summary>Allowed images (the documented drop-down).</summary>
    public static readonly string[] Images = ["docker.io/library/ubuntu:22.04", "docker.io/library/mysql:8.0", "docker.io/jupyter/base-notebook:latest"];
    /// <summary>Port modes.</summary>
    public static readonly string[] PortModes = ["NodePort", "Ingress", "LoadBalancer"];
    /// <summary>Restart policies.</summary>
    public static readonly string[] RestartPolicies = ["Always", "OnFailure", "Never"];
    /// <summary>The NodePort range of a default cluster.</summary>
    public const int NodePortMin = 30000, NodePortMax = 32767;

    /// <summary>True when <paramref name="v"/> is a positive Kubernetes quantity (<c>1000m</c>, <c>512Mi</c>, <c>2</c>).</summary>
    public static bool IsQuantity(string? v) =>
        InstanceStock.Parse(v) > 0m; // a quantity above InstanceStock.MaxQuantity is none

    /// <summary>Rules; <paramref name="nodeSelectorRequired"/> is false on update (K8 documents it optional).</summary>
    public InstanceConfigFieldsValidator(bool nodeSelectorRequired)
    {
        RuleFor(x => x.Clusterid).Required();
        RuleFor(x => x.SourceName).Required().MaxChars(100);
        RuleFor(x => x.SourceAuthuser).Required().MaxChars(64);
        RuleFor(x => x.SourceAuthpasswd).Required().MaxChars(200);
        RuleFor(x => x.SourcePodengine).Required().OneOf(Engines);
        RuleFor(x => x.SourceReplicasetnum).Required().OptionalInt(1, 1000);
        RuleFor(x => x.InstanceType).Required().OneOf(InstanceTypes);
        RuleFor(x => x.PodImagepath).Required().OneOf(Images);
        RuleFor(x => x.SourceMemrate).Required().Must(v => string.IsNullOrWhiteSpace(v) || IsQuantity(v)).WithMessage("source_memrate 必须是合法的资源数量,如 512Mi");
        RuleFor(x => x.SourceCpurate).Required().Must(v => string.IsNullOrWhiteSpace(v) || IsQuantity(v)).WithMessage("source_cpurate 必须是合法的资源数量,如 1000m");
        RuleFor(x => x.SourceStoragelimits).Required().Must(v => string.IsNullOrWhiteSpace(v) || IsQuantity(v)).WithMessage("source_storagelimits 必须是合法的资源数量,如 49Gi");
        RuleFor(x => x.SourceSelflabel).Required().Must(v => string.IsNullOrWhiteSpace(v) || KubeLabelSyntax.IsRendered(v.Trim(), ':'))
            .WithMessage("source_selflabel 格式应为 key:value");
        if (nodeSelectorRequired) RuleFor(x => x.SourceNodeselector).Required();
        RuleFor(x => x.SourceNodeselector).Must(v => string.IsNullOrWhiteSpace(v) || KubeLabelSyntax.IsRendered(v.Trim(), '='))
            .WithMessage("source_nodeselector 格式应为 key=value");
        RuleFor(x => x.SourcePortmode).Required().OneOf(PortModes);
        RuleFor(x => x.SourceRestartpolicy).Required().OneOf(RestartPolicies);
        RuleFor(x => x.SourceRestartpolicy)
            .Must((x, p) => RestartPolicyFits(x.SourcePodengine, p))
            .WithMessage("重启策略与资源实例控制器不匹配: StatefulSet/Deployment/DaemonSet 只能用 Always,Job/CronJob 只能用 OnFailure 或 Never");
        RuleFor(x => x.SourceApiport).Required().Must(Port).WithMessage("source_apiport 必须是 1-65535 之间的整数");
        RuleFor(x => x.SourceInsideport).Required().Must(Port).WithMessage("source_insideport 必须是 1-65535 之间的整数");
        RuleFor(x => x.SourceOutsideport).Required().Must(Port).WithMessage("source_outsideport 必须是 1-65535 之间的整数");
        RuleFor(x => x.SourceOutsideport)
            .Must((x, p) => x.SourcePortmode?.Trim() != "NodePort" || !RuleExtensions.TryInt(p, out var n) || n is >= NodePortMin and <= NodePortMax)
            .WithMessage($"NodePort 模式下 source_outsideport 必须在 {NodePortMin}-{NodePortMax} 之间");
        RuleFor(x => x.SourceMountpath).Required().MaxChars(300)
            .Must(v => string.IsNullOrWhiteSpace(v) || v.Trim().StartsWith('/')).WithMessage("source_mountpath 必须是以 / 开头的绝对路径");
    }

    private static bool Port(string? v) => string.IsNullOrWhiteSpace(v) || (RuleExtensions.TryInt(v, out var n) && n is >= 1 and <= 65535);

    /// <summary>Kubernetes consistency of controller kind and restart policy (§4.8).</summary>
    public static bool RestartPolicyFits(string? engine, string? policy) => (engine?.Trim(), policy?.Trim()) switch
    {
        (null or "", _) or (_, null or "") => true,
        ("StatefulSet" or "Deployment" or "DaemonSet", var p) => p == "Always",
        ("Job" or "CronJob", var p) => p is "OnFailure" or "Never",
        _ => true,
    };

    /// <summary>Parsed validated integer.</summary>
    public static int Int(string? v) => RuleExtensions.TryInt(v, out var n) ? (int)n : 0;

    /// <summary>Invariant text of an integer.</summary>
    public static string Text(int v) => v.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// The one mapping from <see cref="IInstanceConfigFields"/> onto a configuration (new and update share it).
/// </summary>
public static class InstanceConfigMapper
{
    /// <summary>Copies the validated fields onto <paramref name="config"/>; encrypts a new password.</summary>
    public static void Apply(IInstanceConfigFields f, InstanceConfig config, ISecretProtector secrets)
    {
        config.SourceName = f.SourceName.Trimmed();
        config.SourceAuthuser = f.SourceAuthuser.Trimmed();
        if (!SecretMask.MeansKeep(f.SourceAuthpasswd)) config.SourceAuthpasswdProtected = secrets.Protect(f.SourceAuthpasswd!);
        config.SourcePodengine = f.SourcePodengine.Trimmed();
        config.SourceReplicasetnum = InstanceConfigFieldsValidator.Int(f.SourceReplicasetnum);
        config.InstanceType = f.InstanceType.Trimmed();
        config.PodImagepath = f.PodImagepath.Trimmed();
        config.SourceMemrate = f.SourceMemrate.Trimmed();
        config.SourceCpurate = f.SourceCpurate.Trimmed();
        config.SourceSelflabel = f.SourceSelflabel.Trimmed();
        if (f.SourceNodeselector is not null) config.SourceNodeselector = f.SourceNodeselector.Trim();
        config.SourcePortmode = f.SourcePortmode.Trimmed();
        config.SourceRestartpolicy = f.SourceRestartpolicy.Trimmed();
        config.SourceApiport = InstanceConfigFieldsValidator.Int(f.SourceApiport);
        config.SourceInsideport = InstanceConfigFieldsValidator.Int(f.SourceInsideport);
        config.SourceOutsideport = InstanceConfigFieldsValidator.Int(f.SourceOutsideport);
        config.SourceMountpath = f.SourceMountpath.Trimmed();
        config.SourceStoragelimits = f.SourceStoragelimits.Trimmed();
    }
}

/// <summary>
/// The wire fields of <see cref="IInstanceConfigFields"/>, shared by the new and update requests. The fields from
/// <c>source_portmode</c> on carry <see cref="JsonPropertyOrderAttribute"/> only so the documented parameter order
/// survives the base (new documents <c>source_gpu</c> after <c>source_selflabel</c>).
/// </summary>
public abstract record InstanceConfigFieldsRequest : IInstanceConfigFields
{
    /// <summary>Order of the fields documented after <c>source_selflabel</c> (see the type's summary).</summary>
    protected const int AfterSelflabel = 2;

    /// <inheritdoc />
    public abstract string? Clusterid { get; init; }
    /// <inheritdoc />
    public string? SourceName { get; init; }
    /// <inheritdoc />
    public string? SourceAuthuser { get; init; }
    /// <inheritdoc />
    public string? SourceAuthpasswd { get; init; }
    /// <inheritdoc />
    public string? SourcePodengine { get; init; }
    /// <inheritdoc />
    public string? SourceReplicasetnum { get; init; }
    /// <inheritdoc />
    public string? InstanceType { get; init; }
    /// <inheritdoc />
    public string? PodImagepath { get; init; }
    /// <inheritdoc />
    public string? SourceMemrate { get; init; }
    /// <inheritdoc />
    public string? SourceCpurate { get; init; }
    /// <inheritdoc />
    public string? SourceSelflabel { get; init; }
    /// <inheritdoc />
    [JsonPropertyOrder(AfterSelflabel)]
    public string? SourcePortmode { get; init; }
    /// <inheritdoc />
    [JsonPropertyOrder(AfterSelflabel)]
    public string? SourceRestartpolicy { get; init; }
    /// <inheritdoc />
    [JsonPropertyOrder(AfterSelflabel)]
    public string? SourceApiport { get; init; }
    /// <inheritdoc />
    [JsonPropertyOrder(AfterSelflabel)]
    public string? SourceInsideport { get; init; }
    /// <inheritdoc />
    [JsonPropertyOrder(AfterSelflabel)]
    public string? SourceOutsideport { get; init; }
    /// <inheritdoc />
    [JsonPropertyOrder(AfterSelflabel)]
    public string? SourceMountpath { get; init; }
    /// <inheritdoc />
    [JsonPropertyOrder(AfterSelflabel)]
    public string? SourceStoragelimits { get; init; }
    /// <inheritdoc />
    [JsonPropertyOrder(AfterSelflabel)]
    public string? SourceNodeselector { get; init; }
}
