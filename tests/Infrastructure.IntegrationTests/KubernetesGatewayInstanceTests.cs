using k8s;
using Kboss.Application.Common.Interfaces;
using Kboss.Infrastructure.Kubernetes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>Applying and deleting instance objects through the adapter against the fake API server.</summary>
public sealed class KubernetesGatewayInstanceTests(FakeKubeApi api) : IClassFixture<FakeKubeApi>
{
    private readonly KubernetesGateway _gateway = new(NullLogger<KubernetesGateway>.Instance);

    private static string Apps(string ns, string kind, string name) => $"/apis/apps/v1/namespaces/{ns}/{kind}/{name}";

    [Fact]
    public async Task Apply_creates_namespace_account_volume_controller_and_service_with_the_exact_objects()
    {
        var c = InstanceManifestTests.SpecConfig(gpu: 1);
        await _gateway.ApplyAsync(api.Kubeconfig, c, "kyycloud", default);
        var ns = c.NamespaceName;
        api.Object($"/api/v1/namespaces/{ns}").Should().NotBeNull();
        api.Object($"/api/v1/namespaces/{ns}/serviceaccounts/{c.ServiceaccountName}").Should().NotBeNull();
        api.Object($"/api/v1/namespaces/{ns}/persistentvolumeclaims/{c.Id}-pvc")!["spec"]!["resources"]!["requests"]!["storage"]!.GetValue<string>().Should().Be("49Gi");
        var sts = api.Object(Apps(ns, "statefulsets", c.PodcdName))!;
        sts["kind"]!.GetValue<string>().Should().Be("StatefulSet");
        sts["spec"]!["replicas"]!.GetValue<int>().Should().Be(2);
        var limits = sts["spec"]!["template"]!["spec"]!["containers"]![0]!["resources"]!["limits"]!;
        limits["nvidia.com/gpu"]!.GetValue<string>().Should().Be("1");
        limits["cpu"]!.GetValue<string>().Should().Be("1");
        sts["spec"]!["template"]!["spec"]!["nodeSelector"]!["kyy-gpu"]!.GetValue<string>().Should().Be("false");
        var svc = api.Object($"/api/v1/namespaces/{ns}/services/{c.ServiceName}")!;
        svc["spec"]!["type"]!.GetValue<string>().Should().Be("NodePort");
        svc["spec"]!["ports"]![0]!["nodePort"]!.GetValue<int>().Should().Be(30063);
        api.Calls.Where(x => x.Path.Contains(ns)).Should().NotBeEmpty().And.OnlyContain(x => x.Authorization == "Bearer " + FakeKubeApi.Token);
    }

    [Fact]
    public async Task Apply_again_replaces_controller_and_service_and_keeps_shared_objects()
    {
        var c = InstanceManifestTests.SpecConfig("Deployment");
        await _gateway.ApplyAsync(api.Kubeconfig, c, "pw", default);
        c.SourceReplicasetnum = 3;
        await _gateway.ApplyAsync(api.Kubeconfig, c, "pw", default);
        var dep = api.Object(Apps(c.NamespaceName, "deployments", c.PodcdName))!;
        dep["spec"]!["replicas"]!.GetValue<int>().Should().Be(3);
        api.Calls.Should().Contain(x => x.Method == "PUT" && x.Path.EndsWith("/deployments/" + c.PodcdName));
        api.Calls.Should().Contain(x => x.Method == "PUT" && x.Path.EndsWith("/services/" + c.ServiceName));
        api.Calls.Should().NotContain(x => x.Method == "PUT" && x.Path.EndsWith("/namespaces/" + c.NamespaceName));
    }

    [Theory]
    [InlineData("DaemonSet", "Always", "/apis/apps/v1/namespaces/{0}/daemonsets/")]
    [InlineData("Job", "Never", "/apis/batch/v1/namespaces/{0}/jobs/")]
    [InlineData("CronJob", "OnFailure", "/apis/batch/v1/namespaces/{0}/cronjobs/")]
    [InlineData("Standalone", "Always", "/api/v1/namespaces/{0}/pods/")]
    public async Task Apply_and_delete_every_kind(string engine, string policy, string prefix)
    {
        var c = InstanceManifestTests.SpecConfig(engine, policy);
        await _gateway.ApplyAsync(api.Kubeconfig, c, "pw", default);
        var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, prefix, c.NamespaceName) + c.PodcdName;
        api.Object(path).Should().NotBeNull();
        await _gateway.DeleteAsync(api.Kubeconfig, c, default);
        api.Object(path).Should().BeNull();
        api.Object($"/api/v1/namespaces/{c.NamespaceName}/services/{c.ServiceName}").Should().BeNull();
        api.Object($"/api/v1/namespaces/{c.NamespaceName}/persistentvolumeclaims/{c.Id}-pvc").Should().BeNull();
        api.Object($"/api/v1/namespaces/{c.NamespaceName}").Should().NotBeNull("the namespace is shared by the org's instances");
    }

    [Fact]
    public async Task Delete_of_missing_objects_succeeds()
    {
        var c = InstanceManifestTests.SpecConfig();
        await _gateway.DeleteAsync(api.Kubeconfig, c, default);
        api.Calls.Should().Contain(x => x.Method == "DELETE" && x.Path.StartsWith(Apps(c.NamespaceName, "statefulsets", c.PodcdName)));
    }

    [Fact]
    public async Task Server_errors_become_rejected_gateway_failures()
    {
        var c = InstanceManifestTests.SpecConfig();
        api.FailWhen = (m, p) => m == "POST" && p.EndsWith("/statefulsets") ? 500 : null;
        try
        {
            var act = () => _gateway.ApplyAsync(api.Kubeconfig, c, "pw", default);
            (await act.Should().ThrowAsync<KubeGatewayException>()).Which.Failure.Should().Be(KubeFailure.Rejected);
            api.Object($"/api/v1/namespaces/{c.NamespaceName}/services/{c.ServiceName}").Should().BeNull();
        }
        finally
        {
            api.FailWhen = null;
        }
        api.FailWhen = (m, p) => m == "DELETE" && p.Contains("/services/") ? 403 : null;
        try
        {
            var act = () => _gateway.DeleteAsync(api.Kubeconfig, c, default);
            (await act.Should().ThrowAsync<KubeGatewayException>()).Which.Message.Should().Contain("集群凭据无效或权限不足");
        }
        finally
        {
            api.FailWhen = null;
        }
    }

    [Fact]
    public async Task A_status_body_on_a_core_delete_is_success_although_the_typed_client_cannot_read_it()
    {
        var c = InstanceManifestTests.SpecConfig("Deployment");
        c.Id = "statusdelete";
        c.PodcdName = "statusdelete-deployment";
        c.ServiceName = "statusdelete-service";
        await _gateway.ApplyAsync(api.Kubeconfig, c, "pw", default);
        api.DeleteAnswersStatus = true;
        try
        {
            using (var raw = new k8s.Kubernetes(KubeconfigLoader.Load(api.Kubeconfig)))
            {
                await _gateway.ApplyAsync(api.Kubeconfig, c, "pw", default);
                await FluentActions.Awaiting(() => raw.CoreV1.DeleteNamespacedServiceAsync(c.ServiceName,
                    c.NamespaceName))
                    .Should().ThrowAsync<Exception>("the typed client expects a V1Service, the API sent a Status");
            }
            await _gateway.ApplyAsync(api.Kubeconfig, c, "pw", default);
            await _gateway.DeleteAsync(api.Kubeconfig, c, default);
        }
        finally
        {
            api.DeleteAnswersStatus = false;
        }
        api.Object($"/api/v1/namespaces/{c.NamespaceName}/services/{c.ServiceName}").Should().BeNull();
        (await _gateway.InstanceExistsAsync(api.Kubeconfig, c, default)).Should().BeFalse();
    }

    [Fact]
    public async Task An_unreadable_answer_is_a_gateway_failure_and_existence_is_asked_by_reading_the_controller()
    {
        var c = InstanceManifestTests.SpecConfig("Deployment");
        c.Id = "garbled";
        c.PodcdName = "garbled-deployment";
        c.ServiceName = "garbled-service";
        api.GarbleWhen = (m, p) => m == "POST" && p.EndsWith("/deployments", StringComparison.Ordinal);
        try
        {
            var e = await FluentActions.Awaiting(() => _gateway.ApplyAsync(api.Kubeconfig, c, "pw",
                default)).Should().ThrowAsync<KubeGatewayException>();
            e.Which.Failure.Should().Be(KubeFailure.BadAnswer);
            e.Which.ToOutsideCall("x").OutcomeUnknown.Should().BeTrue();
        }
        finally
        {
            api.GarbleWhen = null;
        }
        (await _gateway.InstanceExistsAsync(api.Kubeconfig, c, default)).Should().BeFalse();
        await _gateway.ApplyAsync(api.Kubeconfig, c, "pw", default);
        (await _gateway.InstanceExistsAsync(api.Kubeconfig, c, default)).Should().BeTrue();
    }
}
