using Kboss.Application.Common.Interfaces;

namespace Kboss.Application.Cpcc.Boards;

/// <summary>
/// A K4 row <c>get_cpcpod</c> (spec: 40-cpcc-clusters.md; analysis/cpcc.md §2.7): the kubectl pod columns plus live
/// usage and limits. <c>pod_readiness_gates</c> is left out, as in the spec's example (§6.3 #20).
/// </summary>
public sealed record PodBoardRow
{
    /// <summary>命名空间.</summary>
    public string PodNamespace { get; init; } = "";
    /// <summary>资源实例名称.</summary>
    public string PodName { get; init; } = "";
    /// <summary>就绪状态, e.g. <c>1/1</c>.</summary>
    public string PodReady { get; init; } = "";
    /// <summary>运行状态 (the pod phase, e.g. <c>Running</c>).</summary>
    public string PodRunning { get; init; } = "";
    /// <summary>重启次数.</summary>
    public string PodRestart { get; init; } = "";
    /// <summary>运行时长 (kubectl age: d, h, m, s).</summary>
    public string PodAge { get; init; } = "";
    /// <summary>集群内部IP.</summary>
    public string PodIp { get; init; } = "";
    /// <summary>Pod节点主机名.</summary>
    public string PodNode { get; init; } = "";
    /// <summary>指定节点/调度模式: <c>无</c> (scheduled by the scheduler).</summary>
    public string PodNominatedNode { get; init; } = "";
    /// <summary>cpu使用数, e.g. <c>0.004核</c>; <c>""</c> when the cluster has no metrics-server.</summary>
    public string PodCpurate { get; init; } = "";
    /// <summary>内存使用数, e.g. <c>2.539Mi</c>; <c>""</c> when the cluster has no metrics-server.</summary>
    public string PodMemrate { get; init; } = "";
    /// <summary>GPU使用数 (cards allocated).</summary>
    public string PodGpu { get; init; } = "";
    /// <summary>CPU限制, e.g. <c>2</c>; <c>无</c> when unlimited.</summary>
    public string PodCpuLimit { get; init; } = "";
    /// <summary>内存限制, e.g. <c>5Gi</c>; <c>无</c> when unlimited.</summary>
    public string PodMemoryLimit { get; init; } = "";
    /// <summary>GPU限制.</summary>
    public string PodGpuLimit { get; init; } = "";
}

/// <summary>
/// Pure formatting of the K4 pod board (analysis/cpcc.md §2.7, §4.9): <c>ready/containers</c>, the phase, kubectl ages,
/// <c>""</c> → <c>无</c> for the nominated node, usage as cores with 3 decimals + <c>核</c> and Mi with 3 decimals +
/// <c>Mi</c> (half to even), limits as Kubernetes quantities (<c>2</c>, <c>500m</c>, <c>5Gi</c>, <c>512Mi</c>).
/// When the usage is null (no metrics-server in the cluster) <c>pod_cpurate</c>/<c>pod_memrate</c> are
/// <c>""</c>: unknown usage is shown as empty, never as a made-up 0.
/// </summary>
public static class PodBoardFormatter
{
    /// <summary>Text of "nothing" (no nominated node, no limit).</summary>
    public const string None = "无";

    /// <summary>The row of <paramref name="pod"/> with its live <paramref name="usage"/> (null when unknown).</summary>
    public static PodBoardRow Format(KubePod pod, KubePodUsage? usage, DateTime nowUtc) => new()
    {
        PodNamespace = pod.Namespace,
        PodName = pod.Name,
        PodReady = $"{pod.ReadyContainers}/{pod.Containers}",
        PodRunning = pod.Phase,
        PodRestart = pod.Restarts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        PodAge = KubeFormat.Age(pod.CreatedUtc, nowUtc),
        PodIp = pod.PodIp ?? "",
        PodNode = pod.NodeName ?? "",
        PodNominatedNode = None,
        PodCpurate = usage is null ? "" : KubeFormat.Fixed(usage.CpuCores, 3) + "核",
        PodMemrate = usage is null ? "" : KubeFormat.Fixed(usage.MemoryMi, 3) + "Mi",
        PodGpu = Math.Max(pod.GpuRequest, pod.GpuLimit).ToString(System.Globalization.CultureInfo.InvariantCulture),
        PodCpuLimit = pod.CpuLimitMilli > 0 ? KubeFormat.Cpu(pod.CpuLimitMilli) : None,
        PodMemoryLimit = pod.MemoryLimitMi > 0 ? KubeFormat.Memory(pod.MemoryLimitMi) : None,
        PodGpuLimit = pod.GpuLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
