using Kboss.Infrastructure.Kubernetes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>Pod usage (metrics.k8s.io) and node external IPs through the Kubernetes adapter.</summary>
public sealed class KubernetesGatewayUsageTests(FakeKubeApi api) : IClassFixture<FakeKubeApi>
{
    private readonly KubernetesGateway _gateway = new(NullLogger<KubernetesGateway>.Instance);

    [Fact]
    public async Task Pod_usage_is_read_from_metrics_server_in_cores_and_mi()
    {
        var usage = await _gateway.ListPodUsageAsync(api.Kubeconfig, default);
        var pod = usage.Single(u => u.Name == "q2aodptfquogblu5nzblt-statefulset-0");
        pod.Namespace.Should().Be(FakeKubeApi.Namespace);
        (pod.CpuCores, pod.MemoryMi).Should().Be((0.004m, 2.5390625m));
        usage.Single(u => u.Name.StartsWith("kube-proxy")).CpuCores.Should().Be(0.00125m);
        api.Calls.Should().Contain(c => c.Path.StartsWith("/apis/metrics.k8s.io/v1beta1/pods"));
    }

    [Fact]
    public async Task No_metrics_server_means_no_usage_not_an_error()
    {
        api.MetricsServer = false;
        try
        {
            (await _gateway.ListPodUsageAsync(api.Kubeconfig, default)).Should().BeEmpty();
        }
        finally
        {
            api.MetricsServer = true;
        }
    }

    [Fact]
    public async Task Other_failures_of_the_metrics_api_are_errors_and_external_ips_are_listed()
    {
        api.FailWith500 = true;
        try
        {
            await FluentActions.Awaiting(() => _gateway.ListPodUsageAsync(api.Kubeconfig, default)).Should().ThrowAsync<Kboss.Application.Common.Interfaces.KubeGatewayException>();
        }
        finally
        {
            api.FailWith500 = false;
        }
        (await _gateway.ListNodeExternalIpsAsync(api.Kubeconfig, default)).Should().BeEmpty("the fake nodes have no ExternalIP");
    }
}
