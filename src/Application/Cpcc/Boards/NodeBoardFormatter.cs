using Kboss.Application.Common.Interfaces;

namespace Kboss.Application.Cpcc.Boards;

/// <summary>
/// A K5 row <c>get_cpcworker</c> (spec: 40-cpcc-clusters.md; analysis/cpcc.md §2.7): the kubectl node columns localised,
/// the node's platform labels, and request-based rates and availability (§4.9).
/// </summary>
public sealed record NodeBoardRow
{
    /// <summary>主机名.</summary>
    public string NodeName { get; init; } = "";
    /// <summary>运行状态: 已就绪 / 未就绪 (plus <c>,停止调度</c> when cordoned).</summary>
    public string NodeStatus { get; init; } = "";
    /// <summary>节点角色: 控制节点 / 工作节点.</summary>
    public string NodeRole { get; init; } = "";
    /// <summary>运行时长 (kubectl age).</summary>
    public string NodeAge { get; init; } = "";
    /// <summary>kubernetes版本.</summary>
    public string NodeVersion { get; init; } = "";
    /// <summary>内网IP.</summary>
    public string NodeInternalip { get; init; } = "";
    /// <summary>外网IP, <c>未分配</c> when none.</summary>
    public string NodeExternalip { get; init; } = "";
    /// <summary>操作系统版本.</summary>
    public string NodeOsversion { get; init; } = "";
    /// <summary>内核版本.</summary>
    public string NodeKernelversion { get; init; } = "";
    /// <summary>容器运行时版本.</summary>
    public string NodeContaineruntime { get; init; } = "";
    /// <summary>节点标签: platform labels <c>key=value</c> only.</summary>
    public IReadOnlyList<string> NodeLabels { get; init; } = [];
    /// <summary>CPU利用率: requests / allocatable, one decimal, e.g. <c>21.2%</c>.</summary>
    public string NodeCpurate { get; init; } = "";
    /// <summary>内存利用率, e.g. <c>1.4%</c>.</summary>
    public string NodeMemrate { get; init; } = "";
    /// <summary>GPU利用率, e.g. <c>0%</c>, <c>12.5%</c>.</summary>
    public string NodeGpu { get; init; } = "";
    /// <summary>可用CPU: allocatable − requests, e.g. <c>3.15核</c>.</summary>
    public string AvailableCpu { get; init; } = "";
    /// <summary>可用内存, e.g. <c>15.30Gi</c>.</summary>
    public string AvailableMemory { get; init; } = "";
    /// <summary>可用GPU (cards).</summary>
    public long AvailableGpu { get; init; }
}

/// <summary>What is requested on a node: the sums of the requests of its pods that still hold resources.</summary>
/// <param name="CpuMilli">CPU requested (m).</param>
/// <param name="MemoryMi">Memory requested (Mi).</param>
/// <param name="Gpu">GPUs requested.</param>
public sealed record NodeRequests(long CpuMilli, long MemoryMi, long Gpu)
{
    /// <summary>Sums the requests of <paramref name="pods"/> per node, skipping finished pods (<c>Succeeded</c>/<c>Failed</c>), as
    /// <c>kubectl describe node</c> does.</summary>
    public static IReadOnlyDictionary<string, NodeRequests> Of(IEnumerable<KubePod> pods) => pods
        .Where(p => p.NodeName is { Length: > 0 } && p.Phase is not ("Succeeded" or "Failed"))
        .GroupBy(p => p.NodeName!)
        .ToDictionary(g => g.Key, g => new NodeRequests(g.Sum(p => p.CpuRequestMilli), g.Sum(p => p.MemoryRequestMi), g.Sum(p => Math.Max(p.GpuRequest, p.GpuLimit))));
}

/// <summary>
/// Pure formatting of the K5 node board (analysis/cpcc.md §2.7, §4.9): <c>Ready</c> → 已就绪 (else 未就绪),
/// control-plane → 控制节点 (else 工作节点), no external IP → 未分配, rates = requests / allocatable as a percentage with
/// one decimal rounded half to even (850m / 4000m = 21.25 → <c>21.2%</c>), available CPU in cores and memory in Gi
/// with two decimals (<c>3.15核</c>, <c>15.30Gi</c>), GPU rate <c>0%</c> without decimals when whole.
/// </summary>
public static class NodeBoardFormatter
{
    /// <summary>Text of a ready node.</summary>
    public const string Ready = "已就绪";
    /// <summary>Text of a node that is not ready.</summary>
    public const string NotReady = "未就绪";
    /// <summary>Text of an unassigned external IP.</summary>
    public const string Unassigned = "未分配";

    /// <summary>The row of <paramref name="node"/>.</summary>
    /// <param name="node">The node.</param>
    /// <param name="requested">Requests on the node (null: none).</param>
    /// <param name="externalIp">The node's external IP, or null.</param>
    /// <param name="isPlatformLabel">Which label keys are platform labels (shown in <c>node_labels</c>).</param>
    /// <param name="nowUtc">Now, for the age.</param>
    public static NodeBoardRow Format(KubeNode node, NodeRequests? requested, string? externalIp, Func<string, string, bool> isPlatformLabel, DateTime nowUtc)
    {
        requested ??= new NodeRequests(0, 0, 0);
        return new NodeBoardRow
        {
            NodeName = node.Name,
            NodeStatus = (node.Ready ? Ready : NotReady) + (node.Unschedulable ? ",停止调度" : ""),
            NodeRole = IsControlPlane(node) ? "控制节点" : "工作节点",
            NodeAge = KubeFormat.Age(node.CreatedUtc, nowUtc),
            NodeVersion = node.KubeletVersion,
            NodeInternalip = node.InternalIp,
            NodeExternalip = string.IsNullOrEmpty(externalIp) ? Unassigned : externalIp,
            NodeOsversion = node.OsImage,
            NodeKernelversion = node.KernelVersion,
            NodeContaineruntime = node.ContainerRuntime,
            NodeLabels = node.Labels.Where(l => isPlatformLabel(l.Key, l.Value)).OrderBy(l => l.Key, StringComparer.Ordinal)
                .Select(l => l.Key + "=" + l.Value).ToList(),
            NodeCpurate = Rate(requested.CpuMilli, node.CpuAllocatableMilli),
            NodeMemrate = Rate(requested.MemoryMi, node.MemoryAllocatableMi),
            NodeGpu = GpuRate(requested.Gpu, node.GpuAllocatable),
            AvailableCpu = KubeFormat.Fixed(Math.Max(0, node.CpuAllocatableMilli - requested.CpuMilli) / 1000m, 2) + "核",
            AvailableMemory = KubeFormat.Fixed(Math.Max(0, node.MemoryAllocatableMi - requested.MemoryMi) / 1024m, 2) + "Gi",
            AvailableGpu = Math.Max(0, node.GpuAllocatable - requested.Gpu),
        };
    }

    /// <summary>True for a control-plane (or legacy <c>master</c>) node.</summary>
    public static bool IsControlPlane(KubeNode node) => node.Roles.Contains("control-plane") || node.Roles.Contains("master");

    /// <summary><paramref name="used"/> / <paramref name="total"/> as a percentage with one decimal (half to even); <c>0.0%</c> when total is 0.</summary>
    public static string Rate(long used, long total) =>
        KubeFormat.Fixed(total <= 0 ? 0 : used * 100m / total, 1) + "%";

    /// <summary>GPU rate: like <see cref="Rate"/> but without a trailing <c>.0</c> (<c>0%</c>, <c>50%</c>, <c>12.5%</c>).</summary>
    public static string GpuRate(long used, long total)
    {
        var text = KubeFormat.Fixed(total <= 0 ? 0 : used * 100m / total, 1);
        return (text.EndsWith(".0", StringComparison.Ordinal) ? text[..^2] : text) + "%";
    }
}
