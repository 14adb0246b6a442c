using System.Text.Json.Nodes;
using Kboss.Application.Common.Interfaces;
using Kboss.Infrastructure.Kubernetes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>The Kubernetes adapter against a local fake API server.</summary>
public sealed class KubernetesGatewayTests(FakeKubeApi api) : IClassFixture<FakeKubeApi>
{
    private readonly KubernetesGateway _gateway = new(NullLogger<KubernetesGateway>.Instance);

    [Fact]
    public async Task Lists_nodes_with_allocatable_quantities_in_milli_and_mi()
    {
        api.Seed();
        var nodes = await _gateway.ListNodesAsync(api.Kubeconfig, default);
        nodes.Select(n => n.Name).Should().Equal("k8s-master", "k8s-worker-20250408132243");
        var master = nodes[0];
        master.InternalIp.Should().Be("192.168.0.3");
        master.Roles.Should().Equal("control-plane");
        master.Ready.Should().BeTrue();
        master.CpuAllocatableMilli.Should().Be(4000);
        master.MemoryAllocatableMi.Should().Be(15892);
        master.Labels["kyy-gpu"].Should().Be("false");
        master.KubeletVersion.Should().Be("v1.28.2");
        master.OsImage.Should().Be("Ubuntu 22.04.1 LTS");
        master.ContainerRuntime.Should().Be("containerd://1.7.24");
        nodes[1].MemoryAllocatableMi.Should().Be(15880);
        nodes[1].Roles.Should().BeEmpty();
        api.Calls.Should().Contain(c => c.Path.StartsWith("/api/v1/nodes") && c.Authorization == "Bearer " + FakeKubeApi.Token);
    }

    [Fact]
    public async Task Lists_pods_with_summed_requests_and_limits()
    {
        var pods = await _gateway.ListPodsAsync(api.Kubeconfig, default);
        var pod = pods.Single(p => p.Name == "q2aodptfquogblu5nzblt-statefulset-0");
        pod.Namespace.Should().Be(FakeKubeApi.Namespace);
        pod.NodeName.Should().Be("k8s-worker-20250408132243");
        pod.PodIp.Should().Be("10.244.5.36");
        pod.Phase.Should().Be("Running");
        (pod.ReadyContainers, pod.Containers, pod.Restarts).Should().Be((1, 1, 1));
        (pod.CpuLimitMilli, pod.MemoryLimitMi, pod.GpuLimit).Should().Be((2000L, 5120L, 0L));
        pod.OwnedByDaemonSet.Should().BeFalse();
        pods.Single(p => p.Name.StartsWith("kube-proxy")).OwnedByDaemonSet.Should().BeTrue();
    }

    [Fact]
    public async Task Labels_are_set_and_removed_with_json_merge_patches()
    {
        api.Seed();
        await _gateway.SetNodeLabelAsync(api.Kubeconfig, "k8s-worker-20250408132243", "kyy-gpu", "true", default);
        var patch = api.Calls.Last(c => c.Method == "PATCH");
        patch.Path.Should().Be("/api/v1/nodes/k8s-worker-20250408132243");
        patch.ContentType.Should().StartWith("application/merge-patch+json");
        JsonNode.DeepEquals(JsonNode.Parse(patch.Body), JsonNode.Parse("""{"metadata":{"labels":{"kyy-gpu":"true"}}}""")).Should().BeTrue(patch.Body);
        api.Nodes["k8s-worker-20250408132243"]["metadata"]!["labels"]!["kyy-gpu"]!.GetValue<string>().Should().Be("true");

        await _gateway.SetNodeLabelAsync(api.Kubeconfig, "k8s-worker-20250408132243", "kyy-gpu", null, default);
        JsonNode.DeepEquals(JsonNode.Parse(api.Calls.Last(c => c.Method == "PATCH").Body), JsonNode.Parse("""{"metadata":{"labels":{"kyy-gpu":null}}}""")).Should().BeTrue();
        api.Nodes["k8s-worker-20250408132243"]["metadata"]!["labels"]!.AsObject().ContainsKey("kyy-gpu").Should().BeFalse();
    }

    [Fact]
    public async Task Cordon_uncordon_and_drain_skip_daemonset_pods()
    {
        api.Seed();
        await _gateway.SetNodeSchedulableAsync(api.Kubeconfig, "k8s-master", false, default);
        api.Nodes["k8s-master"]["spec"]!["unschedulable"]!.GetValue<bool>().Should().BeTrue();
        await _gateway.SetNodeSchedulableAsync(api.Kubeconfig, "k8s-master", true, default);
        api.Nodes["k8s-master"]["spec"]!["unschedulable"]!.GetValue<bool>().Should().BeFalse();

        var evicted = await _gateway.DrainNodeAsync(api.Kubeconfig, "k8s-worker-20250408132243", default);
        evicted.Should().Be(1);
        var eviction = api.Calls.Last(c => c.Path.EndsWith("/eviction"));
        eviction.Path.Should().Be($"/api/v1/namespaces/{FakeKubeApi.Namespace}/pods/q2aodptfquogblu5nzblt-statefulset-0/eviction");
        var body = JsonNode.Parse(eviction.Body)!;
        body["metadata"]!["name"]!.GetValue<string>().Should().Be("q2aodptfquogblu5nzblt-statefulset-0");
        api.Calls.Should().NotContain(c => c.Path.Contains("kube-proxy"));
        api.Nodes["k8s-worker-20250408132243"]["spec"]!["unschedulable"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task A_pod_disruption_budget_refusal_is_reported()
    {
        api.Seed();
        api.ExtraPdbPod = true;
        try
        {
            var e = await FluentActions.Awaiting(() => _gateway.DrainNodeAsync(api.Kubeconfig, "k8s-worker-20250408132243", default)).Should().ThrowAsync<KubeGatewayException>();
            e.Which.Failure.Should().Be(KubeFailure.Rejected);
            e.Which.Message.Should().Contain("PodDisruptionBudget");
        }
        finally
        {
            api.ExtraPdbPod = false;
        }
    }

    [Fact]
    public async Task Deleting_nodes_and_unknown_nodes()
    {
        api.Seed();
        await _gateway.DeleteNodeAsync(api.Kubeconfig, "k8s-worker-20250408132243", default);
        api.Nodes.Keys.Should().Equal("k8s-master");
        var e = await FluentActions.Awaiting(() => _gateway.DeleteNodeAsync(api.Kubeconfig, "no-such-node", default)).Should().ThrowAsync<KubeGatewayException>();
        e.Which.Failure.Should().Be(KubeFailure.NotFound);
        e.Which.Message.Should().Be("删除节点 no-such-node失败: 对象不存在");
        var l = await FluentActions.Awaiting(() => _gateway.SetNodeLabelAsync(api.Kubeconfig, "ghost", "a", "b", default)).Should().ThrowAsync<KubeGatewayException>();
        l.Which.Failure.Should().Be(KubeFailure.NotFound);
        api.Seed();
    }

    [Fact]
    public async Task Server_errors_bad_credentials_bad_kubeconfigs_and_dead_servers_are_clear_failures()
    {
        api.FailWith500 = true;
        try
        {
            (await FluentActions.Awaiting(() => _gateway.ListNodesAsync(api.Kubeconfig, default)).Should().ThrowAsync<KubeGatewayException>())
                .Which.Message.Should().Be("列出节点失败: 集群 API 返回 500");
        }
        finally
        {
            api.FailWith500 = false;
        }
        var wrongToken = api.Kubeconfig.Replace(FakeKubeApi.Token, "stolen");
        (await FluentActions.Awaiting(() => _gateway.ListPodsAsync(wrongToken, default)).Should().ThrowAsync<KubeGatewayException>())
            .Which.Message.Should().Contain("集群凭据无效");
        (await FluentActions.Awaiting(() => _gateway.ListNodesAsync("not: [a kubeconfig", default)).Should().ThrowAsync<KubeGatewayException>())
            .Which.Failure.Should().Be(KubeFailure.InvalidKubeconfig);
        var dead = api.Kubeconfig.Replace($"127.0.0.1:{api.Port}", $"127.0.0.1:{SshServerFixture.FreePort()}");
        (await FluentActions.Awaiting(() => _gateway.ListNodesAsync(dead, default)).Should().ThrowAsync<KubeGatewayException>())
            .Which.Failure.Should().Be(KubeFailure.Unreachable);
    }
}
