using System.Net.Http.Headers;
using System.Text;
using Kboss.Infrastructure.IntegrationTests;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// Issue 7 §1 / ADR 0014: every forbidden kubeconfig form through every HTTP entry point that takes or uses one — a
/// stored kubeconfig (K5 node board, K4 pod board, the K6 and E53 writes), pcapi P2 <c>determine_accommodat</c> and
/// P9 <c>yaml_apply_delete</c> — answers <c>invalid_argument</c> naming the field, and the command in it never runs
/// (the marker file stays absent).
/// </summary>
public sealed class KubeconfigEntryPointTests(AppFixture app, FakeKubeApi kube)
    : IClassFixture<AppFixture>, IClassFixture<FakeKubeApi>, IDisposable
{
    private const string Workers = "/dev/cpcc/cpcworker/get_cpcworker.dspy";
    private const string Pods = "/dev/cpcc/cpcpod/get_cpcpod.dspy";
    private const string P2 = "/pcapi/api/v1/cluster/common/determine_accommodat";
    private const string P9 = "/pcapi/api/v1/cluster/common/yaml_apply_delete";
    private readonly string _marker = Path.Combine(Path.GetTempPath(), "kboss-marker-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => File.Delete(_marker);

    public static TheoryData<string> Names() => [.. ForbiddenKubeconfigs.All("m", 1).Select(c => c.Name)];

    private ForbiddenKubeconfigs.Case Case(string name) => ForbiddenKubeconfigs.All(_marker, kube.Port).Single(c
        => c.Name == name);

    private HttpClient Pcapi()
    {
        var http = app.Factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes("ysh:pcapi-secret")));
        return http;
    }

    private async Task NothingRanAsync()
    {
        await Task.Delay(200);
        File.Exists(_marker).Should().BeFalse("a kubeconfig is data, never code");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_stored_kubeconfig_is_refused_on_the_live_boards(string name)
    {
        var c = Case(name);
        var live = await LiveClusterSeed.CenterAsync(app.Factory, kube);
        await LiveClusterSeed.SetAsync(app.Factory, live.Center.Chaoyang, kubeconfig: c.Yaml);
        foreach (var path in new[] { Workers, Pods })
        {
            var r = await app.Operator().GetAsync(path, ("cpcid", live.Center.Id), ("clusterid", live.Center.Chaoyang));
            (r.Http, r.Status, r.Code).Should().Be((200, false, "invalid_argument"), r.Raw);
            r.Msg.Should().Contain(c.Field);
        }
        await NothingRanAsync();
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Pcapi_determine_accommodat_refuses_a_caller_supplied_kubeconfig(string name)
    {
        var c = Case(name);
        await Seed.CenterAsync(app.Factory);
        var url = P2 + "?kubeconfig=" + Uri.EscapeDataString(c.Yaml) + "&resources="
                  + Uri.EscapeDataString("""[{"id":"x","resources":[{"type":"cpu","amount":1}]}]""");
        var r = await Response.ReadAsync(await Pcapi().GetAsync(url));
        (r.Http, r.Status, r.Code).Should().Be((200, false, "invalid_argument"), r.Raw);
        r.Body["info"]!.GetValue<string>().Should().Contain(c.Field);
        await NothingRanAsync();
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Pcapi_yaml_apply_delete_refuses_a_caller_supplied_kubeconfig(string name)
    {
        var c = Case(name);
        await Seed.CenterAsync(app.Factory);
        foreach (var action in new[] { "apply", "delete" })
        {
            (string, string)[] form =
            [
                ("action", action), ("kubeconfig", c.Yaml), ("cluster_type", "0"), ("host", "192.168.0.3"), ("port",
                    "22"),
                ("user", "root"), ("psssword", "x"), ("namespace_name", "p9-ns"), ("serviceaccount_name",
                    "p9-ns-serviceaccount"),
                ("podcd_name", "evil-deployment"), ("service_name", "evil-service"), ("clusterid", "c1"), ("cpcid",
                    "x"),
                ("source_name", "p9"), ("instance_type", "LinuxOS"), ("source_replicasetnum", "1"), ("source_authuser",
                    "root"),
                ("source_authpasswd", "kyycloud"), ("source_podengine", "Deployment"), ("pod_imagepath",
                    "docker.io/library/ubuntu:22.04"),
                ("source_memrate", "512Mi"), ("source_cpurate", "1000m"), ("source_selflabel", "app:p9"),
                    ("source_portmode", "NodePort"),
                ("source_restartpolicy", "Always"), ("source_apiport", "6035"), ("source_insideport", "22"),
                    ("source_outsideport", "30998"),
                ("source_mountpath", "/data"), ("source_storagelimits", "5Gi"), ("source_nodeselector",
                    "kyy-gpu=false"), ("source_gpu", "0"),
            ];
            var r = await Response.ReadAsync(await Pcapi().PostAsync(P9, new FormUrlEncodedContent(
                form.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)))));
            (r.Http, r.Status, r.Code).Should().Be((200, false, "invalid_argument"), r.Raw);
            r.Body["reason"]!.GetValue<string>().Should().Contain(c.Field);
        }
        await NothingRanAsync();
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Writes_on_a_cluster_with_a_stored_forbidden_kubeconfig_reserve_nothing(string name)
    {
        var c = Case(name);
        var center = await K8sCloudTests.ConfigureClusterAsync(app, kube);
        await LiveClusterSeed.SetAsync(app.Factory, center.Chaoyang, kubeconfig: c.Yaml);
        var config = await app.Operator().PostAsync("/dev/cpcc/cpcpodyaml/new_cpcpodyaml.dspy",
            ClusterConfigTests.Config(center.Chaoyang, "30900"));
        var pod = await app.Customer().GetAsync("/k8cloud/user_create_pod.dspy", ("cpu", "1"), ("memory", "2"),
            ("storage", "10"), ("image", K8sCloudTests.Image));
        foreach (var r in new[] { config, pod })
        {
            (r.Http, r.Status, r.Code).Should().Be((200, false, "invalid_argument"), r.Raw);
            r.Msg.Should().Contain(c.Field);
        }
        (await K8sCloudTests.ConsumedAsync(app.Factory, center.Chaoyang)).Values.Should().OnlyContain(v => v == 0);
        var k = center.Chaoyang;
        (await app.Factory.WithDbAsync(async db => await db.InstanceConfigs.CountAsync(x => x.ClusterId == k)
                                                   + await db.CloudInstances.CountAsync(x => x.ClusterId == k)))
            .Should().Be(0, "nothing is reserved for a cluster whose kubeconfig is refused");
        await NothingRanAsync();
    }
}
