using System.Text;
using k8s;
using Kboss.Application.Common.Interfaces;
using Kboss.Infrastructure.Kubernetes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>Kubeconfigs are data, never code (ADR 0014): the loader refuses every forbidden form before a client
/// exists.</summary>
public sealed class KubeconfigLoaderTests(FakeKubeApi api) : IClassFixture<FakeKubeApi>, IDisposable
{
    private readonly string _marker = Path.Combine(Path.GetTempPath(), "kboss-marker-" + Guid.NewGuid().ToString("N"));
    private readonly KubernetesGateway _gateway = new(NullLogger<KubernetesGateway>.Instance);

    public void Dispose() => File.Delete(_marker);

    public static TheoryData<string> Names() => [.. ForbiddenKubeconfigs.All("m", 1).Select(c => c.Name)];

    private ForbiddenKubeconfigs.Case Case(string name) => ForbiddenKubeconfigs.All(_marker, api.Port).Single(c
        => c.Name == name);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Every_forbidden_form_is_refused_naming_the_field_and_runs_nothing(string name)
    {
        var c = Case(name);
        FluentActions.Invoking(() => new KubeconfigLoader().EnsureUsable(c.Yaml)).Should().Throw<KubeGatewayException>()
            .Which.Message.Should().Contain(c.Field);
        var calls = api.Calls.Count;
        var e = await FluentActions.Awaiting(() => _gateway.ListNodesAsync(c.Yaml,
            default)).Should().ThrowAsync<KubeGatewayException>();
        e.Which.Failure.Should().Be(KubeFailure.RefusedKubeconfig);
        e.Which.Code.Should().Be("invalid_argument");
        e.Which.Message.Should().Contain(c.Field);
        await Task.Delay(200);
        File.Exists(_marker).Should().BeFalse("the exec plugin or auth provider must never run");
        api.Calls.Count.Should().Be(calls, "no request leaves with a refused kubeconfig");
    }

    [Fact]
    public async Task The_marker_would_be_created_by_the_unguarded_client_so_the_tests_can_fail()
    {
        var c = Case("exec");
        try
        {
            using var s = new MemoryStream(Encoding.UTF8.GetBytes(c.Yaml));
            var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(s);
            using var client = new k8s.Kubernetes(config);
            await client.CoreV1.ListNodeAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // only the side effect matters
        }
        File.Exists(_marker).Should().BeTrue();
    }

    [Fact]
    public void Inline_credentials_are_accepted()
    {
        var loader = new KubeconfigLoader();
        loader.EnsureUsable(api.Kubeconfig);
        loader.EnsureUsable(api.Kubeconfig.Replace($"token: {FakeKubeApi.Token}", "username: a\n    password: b",
            StringComparison.Ordinal));
        FluentActions.Invoking(() => loader.EnsureUsable("not: [a kubeconfig")).Should().Throw<KubeGatewayException>()
            .Which.Failure.Should().Be(KubeFailure.InvalidKubeconfig);
        KubeconfigLoader.Load(api.Kubeconfig).Host.Should().Be($"http://127.0.0.1:{api.Port}");
    }
}
