using System.Text.RegularExpressions;
using Kboss.Domain.Common;

namespace Kboss.Domain.Cpcc;

/// <summary>
/// 集群资源实例配置 (legacy table <c>cpcpodyaml</c>): the stored parameters of a workload an org runs in a cluster.
/// The id is a lowercase Kubernetes name (<see cref="NanoId.NewKubernetesName"/>) because the controller and service
/// names derive from it (<see cref="InstanceNaming"/>). The initial password is encrypted at rest.
/// spec: 40-cpcc-clusters.md K6–K9; analysis/cpcc.md §2.6, §4.8.
/// </summary>
public sealed class InstanceConfig : OutsideEffectEntity
{
    /// <summary>A new config with a lowercase Kubernetes-name id.</summary>
    public InstanceConfig() => Id = NanoId.NewKubernetesName();

    /// <summary>Centre id (from the cluster).</summary>
    public string Cpcid { get; set; } = "";
    /// <summary>Cluster id.</summary>
    public string ClusterId { get; set; } = "";
    /// <summary>Owning org (the customer).</summary>
    public string OrgId { get; set; } = "";
    /// <summary>Owning user.</summary>
    public string? UserId { get; set; }
    /// <summary>Kubernetes namespace (per cluster and org).</summary>
    public string NamespaceName { get; set; } = "";
    /// <summary>Service account of the namespace.</summary>
    public string ServiceaccountName { get; set; } = "";
    /// <summary>Controller name: <c>id-engine</c>.</summary>
    public string PodcdName { get; set; } = "";
    /// <summary>Service name: <c>id-service</c>.</summary>
    public string ServiceName { get; set; } = "";
    /// <summary>资源实例的名称.</summary>
    public string SourceName { get; set; } = "";
    /// <summary>初始认证账号.</summary>
    public string SourceAuthuser { get; set; } = "";
    /// <summary>初始认证密码, encrypted at rest; never returned.</summary>
    public string SourceAuthpasswdProtected { get; set; } = "";
    /// <summary>Controller kind: StatefulSet, Deployment, DaemonSet, CronJob, Job, Standalone.</summary>
    public string SourcePodengine { get; set; } = "";
    /// <summary>Replicas (≥ 1).</summary>
    public int SourceReplicasetnum { get; set; } = 1;
    /// <summary>LinuxOS or RelationalDB.</summary>
    public string InstanceType { get; set; } = "";
    /// <summary>Base image.</summary>
    public string PodImagepath { get; set; } = "";
    /// <summary>Memory limit (Kubernetes quantity).</summary>
    public string SourceMemrate { get; set; } = "";
    /// <summary>CPU limit (Kubernetes quantity).</summary>
    public string SourceCpurate { get; set; } = "";
    /// <summary>Instance label <c>key:value</c>.</summary>
    public string SourceSelflabel { get; set; } = "";
    /// <summary>GPUs to allocate.</summary>
    public int SourceGpu { get; set; }
    /// <summary>NodePort, Ingress or LoadBalancer.</summary>
    public string SourcePortmode { get; set; } = "";
    /// <summary>Always, OnFailure or Never.</summary>
    public string SourceRestartpolicy { get; set; } = "";
    /// <summary>Service port.</summary>
    public int SourceApiport { get; set; }
    /// <summary>Container port.</summary>
    public int SourceInsideport { get; set; }
    /// <summary>Node port.</summary>
    public int SourceOutsideport { get; set; }
    /// <summary>Mount path in the container.</summary>
    public string SourceMountpath { get; set; } = "";
    /// <summary>Data volume size (Kubernetes quantity).</summary>
    public string SourceStoragelimits { get; set; } = "";
    /// <summary>Node selector <c>key=value</c>; empty for none.</summary>
    public string SourceNodeselector { get; set; } = "";
    /// <summary>CPU widget model.</summary>
    public string CpuModel { get; set; } = "";
    /// <summary>GPU widget model (empty for CPU-only instances).</summary>
    public string GpuModel { get; set; } = "";
    /// <summary>System-disk size (Kubernetes quantity).</summary>
    public string DiskSysLimit { get; set; } = "";
}

/// <summary>The Kubernetes names derived for an instance config (analysis/cpcc.md §4.8).</summary>
/// <param name="Namespace">namespace_name.</param>
/// <param name="ServiceAccount">serviceaccount_name.</param>
/// <param name="Controller">podcd_name.</param>
/// <param name="Service">service_name.</param>
public sealed record InstanceNames(string Namespace, string ServiceAccount, string Controller, string Service);

/// <summary>Derives the Kubernetes object names of an instance config (analysis/cpcc.md §4.8).</summary>
public static partial class InstanceNaming
{
    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Rfc1123();

    /// <summary>
    /// <c>namespace = lower(clusterid)/_→- + "-" + lower(orgid)/_→-</c> (a leading non-alphanumeric gets a <c>c</c>
    /// prefix, a trailing one a <c>0</c> suffix, so the name stays RFC 1123); service account <c>namespace-serviceaccount</c>;
    /// controller <c>id-lower(engine)</c>; service <c>id-service</c>.
    /// Example: <c>4hBm8atruISOU2bs24t_N</c> + <c>mIWUHBeeDM8mwAFPIQ8pS</c> → <c>4hbm8atruisou2bs24t-n-miwuhbeedm8mwafpiq8ps</c>.
    /// </summary>
    public static InstanceNames Derive(string clusterId, string orgId, string id, string engine)
    {
        var ns = Kube(clusterId) + "-" + Kube(orgId);
        if (!char.IsAsciiLetterOrDigit(ns[0])) ns = "c" + ns;
        if (!char.IsAsciiLetterOrDigit(ns[^1])) ns += "0";
        if (!Rfc1123().IsMatch(ns)) throw new ArgumentException($"cannot derive a namespace from {clusterId}/{orgId}");
        return new InstanceNames(ns, ns + "-serviceaccount", id + "-" + engine.ToLowerInvariant(), id + "-service");
    }

    private static string Kube(string id) => id.Trim().ToLowerInvariant().Replace('_', '-');
}
