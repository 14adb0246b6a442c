using Kboss.Application.Common.Interfaces;
using Kboss.Application.Cpcc.Boards;
using Kboss.Application.Cpcc.Labels;

namespace Kboss.Application.UnitTests;

/// <summary>NodeBoardFormatter / PodBoardFormatter / KubeFormat (analysis/cpcc.md §2.7, §4.9).</summary>
public sealed class BoardFormatterTests
{
    private static readonly DateTime Now = new(2025, 6, 17, 6, 0, 0, DateTimeKind.Utc);

    private static KubeNode Node(string name, string ip, bool master, long cpuMilli, long memMi, DateTime created, long gpu = 0, bool ready = true, bool cordoned = false) =>
        new(name, ip, master ? ["control-plane"] : [], ready, cordoned,
            new Dictionary<string, string> { ["kubernetes.io/hostname"] = name, ["kyy-gpu"] = "false", ["node-role.kubernetes.io/control-plane"] = "", ["beta.kubernetes.io/os"] = "linux" },
            cpuMilli, memMi, gpu, "v1.28.2", "Ubuntu 22.04.1 LTS", "5.15.0-91-generic", "containerd://1.7.24", created);

    private static bool Platform(string key, string value) => key.StartsWith("kyy-", StringComparison.Ordinal);

    [Fact]
    public void Reproduces_the_spec_K5_example_from_the_equivalent_cluster_state()
    {
        var master = NodeBoardFormatter.Format(Node("k8s-master", "192.168.0.3", true, 4000, 15892, Now.AddDays(-70)),
            new NodeRequests(850, 225, 0), null, Platform, Now);
        var worker = NodeBoardFormatter.Format(Node("k8s-worker-20250408132243", "192.168.0.2", false, 4000, 15880, Now.AddDays(-65).AddHours(-3)),
            new NodeRequests(2400, 5528, 0), "", Platform, Now);

        master.Should().BeEquivalentTo(new NodeBoardRow
        {
            NodeName = "k8s-master", NodeStatus = "已就绪", NodeRole = "控制节点", NodeAge = "70d", NodeVersion = "v1.28.2",
            NodeInternalip = "192.168.0.3", NodeExternalip = "未分配", NodeOsversion = "Ubuntu 22.04.1 LTS",
            NodeKernelversion = "5.15.0-91-generic", NodeContaineruntime = "containerd://1.7.24", NodeLabels = ["kyy-gpu=false"],
            NodeCpurate = "21.2%", NodeMemrate = "1.4%", NodeGpu = "0%", AvailableCpu = "3.15核", AvailableMemory = "15.30Gi", AvailableGpu = 0,
        });
        (worker.NodeRole, worker.NodeAge, worker.NodeCpurate, worker.AvailableCpu, worker.NodeMemrate, worker.AvailableMemory, worker.NodeGpu, worker.NodeExternalip)
            .Should().Be(("工作节点", "65d", "60.0%", "1.60核", "34.8%", "10.11Gi", "0%", "未分配"));
    }

    [Fact]
    public void Rates_round_half_to_even_and_handle_empty_nodes()
    {
        NodeBoardFormatter.Rate(850, 4000).Should().Be("21.2%");   // 21.25 → 21.2 (Python's format)
        NodeBoardFormatter.Rate(870, 4000).Should().Be("21.8%");   // 21.75 → 21.8
        NodeBoardFormatter.Rate(1, 3).Should().Be("33.3%");
        NodeBoardFormatter.Rate(5, 0).Should().Be("0.0%");
        NodeBoardFormatter.GpuRate(0, 0).Should().Be("0%");
        NodeBoardFormatter.GpuRate(4, 8).Should().Be("50%");
        NodeBoardFormatter.GpuRate(1, 8).Should().Be("12.5%");
        KubeFormat.Fixed(0.0045m, 3).Should().Be("0.004");
        KubeFormat.Fixed(2.5395m, 3).Should().Be("2.540");
    }

    [Fact]
    public void Node_states_gpus_external_ips_and_overcommit()
    {
        var row = NodeBoardFormatter.Format(Node("gpu-1", "10.0.0.9", false, 8000, 32768, Now.AddHours(-21), gpu: 8, ready: false, cordoned: true),
            new NodeRequests(9000, 1024, 2), "1.2.3.4", (k, _) => k == "zone", Now);
        row.NodeStatus.Should().Be("未就绪,停止调度");
        row.NodeExternalip.Should().Be("1.2.3.4");
        row.NodeLabels.Should().BeEmpty();
        row.NodeAge.Should().Be("21h");
        row.AvailableCpu.Should().Be("0.00核");
        row.AvailableMemory.Should().Be("31.00Gi");
        (row.NodeGpu, row.AvailableGpu).Should().Be(("25%", 6L));
    }

    [Fact]
    public void Node_requests_skip_finished_and_unscheduled_pods()
    {
        KubePod Pod(string? node, string phase, long cpu) => new("ns", "p" + cpu, node, phase, null, 0, 1, 0, cpu, cpu, 0, cpu, cpu, 0,
            new Dictionary<string, string>(), Now, false);
        var sums = NodeRequests.Of([Pod("a", "Running", 100), Pod("a", "Pending", 200), Pod("a", "Succeeded", 400), Pod(null, "Pending", 800), Pod("b", "Failed", 50)]);
        sums.Keys.Should().Equal("a");
        sums["a"].Should().Be(new NodeRequests(300, 300, 0));
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(119, "119s")]
    [InlineData(330, "5m30s")]
    [InlineData(600, "10m")]
    [InlineData(3 * 3600 + 120, "3h2m")]
    [InlineData(16 * 3600 + 59 * 60, "16h")]
    [InlineData(5 * 86400 + 18 * 3600 + 7, "5d18h")]
    [InlineData(70 * 86400 + 5, "70d")]
    [InlineData(800 * 86400, "2y70d")]
    [InlineData(10 * 365 * 86400, "10y")]
    public void Ages_are_kubectl_human_durations(long seconds, string expected) =>
        KubeFormat.Age(Now.AddSeconds(-seconds), Now).Should().Be(expected);

    [Fact]
    public void Reproduces_the_spec_K4_example_row()
    {
        var pod = new KubePod("4hbm8atruisou2bs24t-n-miwuhbeedm8mwafpiq8ps", "q2aodptfquogblu5nzblt-statefulset-0", "k8s-worker-20250408132243",
            "Running", "10.244.5.36", 1, 1, 0, 2000, 5120, 0, 2000, 5120, 0, new Dictionary<string, string>(), Now.AddHours(-16).AddMinutes(-20), false);
        var row = PodBoardFormatter.Format(pod, new KubePodUsage(pod.Namespace, pod.Name, 0.004m, 2.5390625m), Now);
        row.Should().BeEquivalentTo(new PodBoardRow
        {
            PodNamespace = "4hbm8atruisou2bs24t-n-miwuhbeedm8mwafpiq8ps", PodName = "q2aodptfquogblu5nzblt-statefulset-0", PodReady = "1/1",
            PodRunning = "Running", PodRestart = "0", PodAge = "16h", PodIp = "10.244.5.36", PodNode = "k8s-worker-20250408132243",
            PodNominatedNode = "无", PodCpurate = "0.004核", PodMemrate = "2.539Mi", PodGpu = "0", PodCpuLimit = "2", PodMemoryLimit = "5Gi", PodGpuLimit = "0",
        });
    }

    [Fact]
    public void Pods_without_metrics_limits_or_a_node()
    {
        var pod = new KubePod("ns", "pending-0", null, "Pending", null, 0, 2, 3, 250, 512, 1, 0, 0, 1, new Dictionary<string, string>(), null, false);
        var row = PodBoardFormatter.Format(pod, null, Now);
        (row.PodCpurate, row.PodMemrate).Should().Be(("", ""));
        (row.PodReady, row.PodRestart, row.PodAge, row.PodIp, row.PodNode).Should().Be(("0/2", "3", "", "", ""));
        (row.PodCpuLimit, row.PodMemoryLimit, row.PodGpu, row.PodGpuLimit).Should().Be(("无", "无", "1", "1"));
        KubeFormat.Cpu(1500).Should().Be("1500m");
        KubeFormat.Cpu(250).Should().Be("250m");
        KubeFormat.Memory(512).Should().Be("512Mi");
    }

    [Theory]
    [InlineData("kyy-gpu=true", "label", "kyy-gpu", "true")]
    [InlineData("kyy-gpu=", "label", "kyy-gpu", "")]
    [InlineData("kyy-gpu", "unlabel", "kyy-gpu", null)]
    [InlineData("kyy-gpu=true", "unlabel", "kyy-gpu", null)]
    [InlineData("kyy-gpu-", "unlabel", "kyy-gpu", null)]
    public void Node_label_text_parses(string label, string opt, string key, string? value) =>
        NodeLabelText.Parse(label, opt).Should().Be((key, value));

    [Theory]
    [InlineData("kyy-gpu", "label")]
    [InlineData("=x", "label")]
    [InlineData("a b=c", "label")]
    [InlineData("k=v v", "label")]
    [InlineData("", "unlabel")]
    [InlineData("-bad", "unlabel")]
    public void Malformed_node_labels_are_refused(string label, string opt) => NodeLabelText.Parse(label, opt).Should().BeNull();
}
