using k8s;
using k8s.Models;
using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Cpcc;
using Kboss.Domain.K8sCloud;

namespace Kboss.Infrastructure.Kubernetes;

/// <summary>The Kubernetes objects of one instance config, in creation order.</summary>
/// <param name="Namespace">The namespace shared by the org's instances in the cluster.</param>
/// <param name="ServiceAccount">The namespace's service account.</param>
/// <param name="Volume">The data volume (<c>id-pvc</c>, ReadWriteOnce, <c>source_storagelimits</c>).</param>
/// <param name="Controller">The controller: V1StatefulSet, V1Deployment, V1DaemonSet, V1Job, V1CronJob or V1Pod (Standalone).</param>
/// <param name="Service">The service exposing the instance.</param>
public sealed record InstanceObjects(V1Namespace Namespace, V1ServiceAccount ServiceAccount, V1PersistentVolumeClaim Volume,
    IKubernetesObject<V1ObjectMeta> Controller, V1Service Service);

/// <summary>The Kubernetes objects of a user's container instance (module 35), in creation order.</summary>
/// <param name="Namespace">The org's namespace (shared, never deleted by an instance).</param>
/// <param name="Volume">The PVC (ReadWriteOnce, <c>storage</c> Gi).</param>
/// <param name="Pod">The bare pod mounting the PVC.</param>
public sealed record CloudInstanceObjects(V1Namespace Namespace, V1PersistentVolumeClaim Volume, V1Pod Pod);

/// <summary>
/// Turns an instance config into Kubernetes objects (analysis/cpcc.md §4.8, §6.4 #36): names as stored on the config
/// (<c>namespace_name</c>, <c>serviceaccount_name</c>, <c>podcd_name</c>, <c>service_name</c>; the volume <c>id-pvc</c>),
/// <c>source_podengine</c> → controller kind (<c>Standalone</c> = bare pod), replicas, limits = requests for cpu,
/// memory and <c>nvidia.com/gpu</c> (when <c>source_gpu</c> &gt; 0), <c>source_selflabel</c> <c>k:v</c> → pod label,
/// <c>source_nodeselector</c> <c>k=v</c> → nodeSelector, the restart policy, the volume mounted at
/// <c>source_mountpath</c>, the initial credentials as environment variables, and a service of type
/// <c>source_portmode</c> (<c>Ingress</c> → ClusterIP) with <c>port = source_apiport</c>,
/// <c>targetPort = source_insideport</c>, <c>nodePort = source_outsideport</c>. Pure: no I/O.
/// </summary>
public static class InstanceManifests
{
    /// <summary>Label carrying the config id on every object; the controller's selector.</summary>
    public const string InstanceLabel = "kboss.io/instance";
    /// <summary>Label marking objects managed by kboss.</summary>
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";
    /// <summary>Extended resource name of NVIDIA GPUs.</summary>
    public const string GpuResource = "nvidia.com/gpu";
    /// <summary>Schedule of CronJob instances (the config has no schedule field): daily at 00:00.</summary>
    public const string CronSchedule = "0 0 * * *";
    /// <summary>Name of the main container.</summary>
    public const string ContainerName = "main";

    /// <summary>Name of the data volume claim of <paramref name="c"/>.</summary>
    public static string VolumeName(InstanceConfig c) => c.Id + "-pvc";

    /// <summary>Builds the objects of <paramref name="c"/>; <paramref name="password"/> is the plaintext initial password.</summary>
    public static InstanceObjects Build(InstanceConfig c, string password)
    {
        var ns = c.NamespaceName;
        var common = new Dictionary<string, string> { [ManagedByLabel] = "kboss" };
        var own = new Dictionary<string, string>(common) { [InstanceLabel] = c.Id };

        var nsObj = new V1Namespace { ApiVersion = "v1", Kind = "Namespace", Metadata = new V1ObjectMeta { Name = ns, Labels = new Dictionary<string, string>(common) } };
        var sa = new V1ServiceAccount
        {
            ApiVersion = "v1", Kind = "ServiceAccount",
            Metadata = new V1ObjectMeta { Name = c.ServiceaccountName, NamespaceProperty = ns, Labels = new Dictionary<string, string>(common) },
        };
        var pvc = new V1PersistentVolumeClaim
        {
            ApiVersion = "v1", Kind = "PersistentVolumeClaim",
            Metadata = Meta(VolumeName(c), ns, own),
            Spec = new V1PersistentVolumeClaimSpec
            {
                AccessModes = ["ReadWriteOnce"],
                Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new(c.SourceStoragelimits) } },
            },
        };
        var service = new V1Service
        {
            ApiVersion = "v1", Kind = "Service",
            Metadata = Meta(c.ServiceName, ns, own),
            Spec = new V1ServiceSpec
            {
                Type = c.SourcePortmode is "NodePort" or "LoadBalancer" ? c.SourcePortmode : "ClusterIP",
                Selector = new Dictionary<string, string> { [InstanceLabel] = c.Id },
                Ports =
                [
                    new V1ServicePort
                    {
                        Name = "api", Protocol = "TCP", Port = c.SourceApiport, TargetPort = c.SourceInsideport,
                        NodePort = c.SourcePortmode is "NodePort" or "LoadBalancer" ? c.SourceOutsideport : null,
                    },
                ],
            },
        };
        return new InstanceObjects(nsObj, sa, pvc, Controller(c, own, password), service);
    }

    /// <summary>
    /// Builds the objects of a user's container instance (analysis/platform.md §3.7 E53, §4.9): namespace, a
    /// ReadWriteOnce PVC of <c>storage</c> Gi (storage class when configured) and a bare pod with requests = limits
    /// <c>cpu</c> cores, <c>memory</c> Gi, <c>nvidia.com/gpu</c> cards and GPU memory per card (when given), the PVC
    /// mounted at the configured path. Same labels as instance configs.
    /// </summary>
    public static CloudInstanceObjects BuildCloud(CloudInstance i, CloudInstanceOptions options)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var common = new Dictionary<string, string> { [ManagedByLabel] = "kboss" };
        var own = new Dictionary<string, string>(common) { [InstanceLabel] = i.Id };
        var ns = new V1Namespace { ApiVersion = "v1", Kind = "Namespace", Metadata = new V1ObjectMeta { Name = i.NamespaceName, Labels = new Dictionary<string, string>(common) } };
        var pvc = new V1PersistentVolumeClaim
        {
            ApiVersion = "v1", Kind = "PersistentVolumeClaim",
            Metadata = Meta(i.Pvcname, i.NamespaceName, own),
            Spec = new V1PersistentVolumeClaimSpec
            {
                AccessModes = ["ReadWriteOnce"],
                StorageClassName = options.StorageClass,
                Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new(i.Storage.ToString(inv) + "Gi") } },
            },
        };
        var resources = new Dictionary<string, ResourceQuantity>
        {
            ["cpu"] = new(i.Cpu.ToString(inv)),
            ["memory"] = new(i.Memory.ToString(inv) + "Gi"),
        };
        if (i.Gpu > 0)
        {
            resources[GpuResource] = new(i.Gpu.ToString(inv));
            if (i.Gpumem is { } mem) resources[options.GpuMemResourceName] = new(mem.ToString(inv));
        }
        var pod = new V1Pod
        {
            ApiVersion = "v1", Kind = "Pod", Metadata = Meta(i.Podname, i.NamespaceName, own),
            Spec = new V1PodSpec
            {
                RestartPolicy = "Always",
                Containers =
                [
                    new V1Container
                    {
                        Name = ContainerName, Image = i.Image, ImagePullPolicy = "IfNotPresent",
                        Resources = new V1ResourceRequirements
                        {
                            Limits = new Dictionary<string, ResourceQuantity>(resources),
                            Requests = new Dictionary<string, ResourceQuantity>(resources),
                        },
                        VolumeMounts = [new V1VolumeMount { Name = "data", MountPath = options.DataMountPath }],
                    },
                ],
                Volumes = [new V1Volume { Name = "data", PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = i.Pvcname } }],
            },
        };
        return new CloudInstanceObjects(ns, pvc, pod);
    }

    private static IKubernetesObject<V1ObjectMeta> Controller(InstanceConfig c, Dictionary<string, string> own, string password)
    {
        var ns = c.NamespaceName;
        var selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { [InstanceLabel] = c.Id } };
        switch (c.SourcePodengine)
        {
            case "StatefulSet":
                return new V1StatefulSet
                {
                    ApiVersion = "apps/v1", Kind = "StatefulSet", Metadata = Meta(c.PodcdName, ns, own),
                    Spec = new V1StatefulSetSpec { Replicas = c.SourceReplicasetnum, ServiceName = c.ServiceName, Selector = selector, Template = Template(c, own, password) },
                };
            case "Deployment":
                return new V1Deployment
                {
                    ApiVersion = "apps/v1", Kind = "Deployment", Metadata = Meta(c.PodcdName, ns, own),
                    Spec = new V1DeploymentSpec { Replicas = c.SourceReplicasetnum, Selector = selector, Template = Template(c, own, password) },
                };
            case "DaemonSet":
                return new V1DaemonSet
                {
                    ApiVersion = "apps/v1", Kind = "DaemonSet", Metadata = Meta(c.PodcdName, ns, own),
                    Spec = new V1DaemonSetSpec { Selector = selector, Template = Template(c, own, password) },
                };
            case "Job":
                return new V1Job
                {
                    ApiVersion = "batch/v1", Kind = "Job", Metadata = Meta(c.PodcdName, ns, own),
                    Spec = new V1JobSpec { Parallelism = c.SourceReplicasetnum, Completions = c.SourceReplicasetnum, Template = Template(c, own, password) },
                };
            case "CronJob":
                return new V1CronJob
                {
                    ApiVersion = "batch/v1", Kind = "CronJob", Metadata = Meta(c.PodcdName, ns, own),
                    Spec = new V1CronJobSpec
                    {
                        Schedule = CronSchedule, ConcurrencyPolicy = "Forbid",
                        JobTemplate = new V1JobTemplateSpec
                        {
                            Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string>(own) },
                            Spec = new V1JobSpec { Parallelism = c.SourceReplicasetnum, Completions = c.SourceReplicasetnum, Template = Template(c, own, password) },
                        },
                    },
                };
            case "Standalone":
                var t = Template(c, own, password);
                return new V1Pod { ApiVersion = "v1", Kind = "Pod", Metadata = Meta(c.PodcdName, ns, t.Metadata.Labels), Spec = t.Spec };
            default:
                throw new ArgumentException($"Unknown controller kind '{c.SourcePodengine}'", nameof(c));
        }
    }

    private static V1ObjectMeta Meta(string name, string ns, IDictionary<string, string> labels) =>
        new() { Name = name, NamespaceProperty = ns, Labels = new Dictionary<string, string>(labels) };

    private static V1PodTemplateSpec Template(InstanceConfig c, Dictionary<string, string> own, string password)
    {
        var labels = new Dictionary<string, string>(own);
        var self = Split(c.SourceSelflabel, ':');
        if (self is { } l && l.Key != InstanceLabel) labels[l.Key] = l.Value;
        var resources = new Dictionary<string, ResourceQuantity>
        {
            ["cpu"] = new(c.SourceCpurate),
            ["memory"] = new(c.SourceMemrate),
        };
        if (c.SourceGpu > 0) resources[GpuResource] = new(c.SourceGpu.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var nodeSelector = Split(c.SourceNodeselector, '=') is { } s ? new Dictionary<string, string> { [s.Key] = s.Value } : null;
        var isMysql = c.PodImagepath.Contains("mysql", StringComparison.OrdinalIgnoreCase);
        var env = new List<V1EnvVar> { Env("KBOSS_AUTH_USER", c.SourceAuthuser), Env("KBOSS_AUTH_PASSWORD", password) };
        if (isMysql) env.Add(Env("MYSQL_ROOT_PASSWORD", password));
        var container = new V1Container
        {
            Name = ContainerName, Image = c.PodImagepath, ImagePullPolicy = "IfNotPresent",
            Ports = [new V1ContainerPort { Name = "api", ContainerPort = c.SourceInsideport, Protocol = "TCP" }],
            Resources = new V1ResourceRequirements
            {
                Limits = new Dictionary<string, ResourceQuantity>(resources),
                Requests = new Dictionary<string, ResourceQuantity>(resources),
            },
            Env = env,
            VolumeMounts = [new V1VolumeMount { Name = "data", MountPath = c.SourceMountpath }],
            // An OS image has no long-running process of its own: keep the container alive.
            Command = c.InstanceType == "LinuxOS" && !isMysql ? ["/bin/sh", "-c", "sleep infinity"] : null,
        };
        return new V1PodTemplateSpec
        {
            Metadata = new V1ObjectMeta { Labels = labels },
            Spec = new V1PodSpec
            {
                ServiceAccountName = c.ServiceaccountName,
                RestartPolicy = c.SourceRestartpolicy,
                NodeSelector = nodeSelector,
                Containers = [container],
                Volumes = [new V1Volume { Name = "data", PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = VolumeName(c) } }],
            },
        };
    }

    private static V1EnvVar Env(string name, string value) => new() { Name = name, Value = value };

    private static KeyValuePair<string, string>? Split(string? rendered, char symbol)
    {
        if (string.IsNullOrWhiteSpace(rendered)) return null;
        var i = rendered.IndexOf(symbol, StringComparison.Ordinal);
        return i <= 0 ? null : new KeyValuePair<string, string>(rendered[..i].Trim(), rendered[(i + 1)..].Trim());
    }
}
