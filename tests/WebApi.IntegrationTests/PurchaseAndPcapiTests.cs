using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Kboss.Domain.Cpcc;
using Kboss.Infrastructure.IntegrationTests;
using Kboss.WebApi.IntegrationTests.Infrastructure;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>B2 determine_accommodat (43), pcapi P2 and P9 (36) against the fake Kubernetes API (analysis/cpcc.md §4.4, §3.H).</summary>
public sealed class PurchaseAndPcapiTests(AppFixture app, FakeKubeApi kube) : IClassFixture<AppFixture>, IClassFixture<FakeKubeApi>
{
    private const string B2 = "/dev/cpcc/cpcbuy/determine_accommodat.dspy";
    private const string P2 = "/pcapi/api/v1/cluster/common/determine_accommodat";
    private const string P9 = "/pcapi/api/v1/cluster/common/yaml_apply_delete";

    // The fake's only worker has 2 free cores, 10760 Mi free memory and no GPU; the master is not a candidate.
    private const string Products = """
        [{"id":"p-fits","resources":[{"type":"cpu","model":"INTEL(R) XEON(R) PLATINUM 8582C","amount":2},{"type":"memory","amount":1024},{"type":"disk","model":"DATA","amount":10}]},
         {"id":"p-cpu","resources":[{"type":"cpu","model":"INTEL(R) XEON(R) PLATINUM 8582C","amount":3}]},
         {"id":"p-gpu","resources":[{"type":"gpu","model":"RTX5090-32G","amount":1}]},
         {"id":"p-nostock","resources":[{"type":"gpu","model":"A100-80G","amount":1}]}]
        """;

    private Task<SeededCenter> CenterAsync() => Seed.CenterAsync(app.Factory, stock: ClusterConfigTests.Plenty, kubeconfig: kube.Kubeconfig);

    private static string[] Ids(JsonNode? data) => data!.AsArray().Select(x => x!.GetValue<string>()).ToArray();

    private HttpClient Pcapi(string? user = "ysh", string password = "pcapi-secret")
    {
        var http = app.Factory.CreateClient();
        if (user is not null)
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return http;
    }

    // ---------------- B2 ----------------

    [Fact]
    public async Task B2_greys_out_products_failing_the_static_or_the_dynamic_stage()
    {
        var c = await CenterAsync();
        kube.Seed();
        var r = await app.Customer().GetAsync(B2, ("cpcid", c.Id), ("clusterid", c.Chaoyang), ("resources", Products), ("kyylabels", ""));
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("获取不可部署产品ID成功");
        Ids(r.Data).Should().Equal("p-cpu", "p-gpu", "p-nostock");
        r.Body["reason"]!.GetValue<string>().Should().Be("dynamic");

        var labelled = await app.Customer().GetAsync(B2, ("cpcid", c.Id), ("clusterid", c.Chaoyang), ("resources", Products), ("kyylabels", "kyy-gpu=true"));
        Ids(labelled.Data).Should().Equal("p-fits", "p-cpu", "p-gpu", "p-nostock");
        var matching = await app.Customer().GetAsync(B2, ("cpcid", c.Id), ("clusterid", c.Chaoyang), ("resources", Products), ("kyylabels", "kyy-gpu=false"));
        Ids(matching.Data).Should().Equal("p-cpu", "p-gpu", "p-nostock");
    }

    [Fact]
    public async Task B2_decides_statically_without_the_cluster_when_nothing_is_in_stock()
    {
        var c = await CenterAsync();
        var calls = kube.Calls.Count;
        var r = await app.Customer().GetAsync(B2, ("cpcid", c.Id), ("clusterid", c.Chaoyang),
            ("resources", """[{"id":"a","resources":[{"type":"gpu","model":"A100-80G","amount":1}]},{"id":"b","resources":[{"type":"gpu","model":"H800","amount":1}]}]"""));
        r.Status.Should().BeTrue(r.Raw);
        Ids(r.Data).Should().Equal("a", "b");
        r.Body["reason"]!.GetValue<string>().Should().Be("static");
        kube.Calls.Count.Should().Be(calls);
    }

    [Fact]
    public async Task B2_fails_closed_when_the_cluster_cannot_be_asked()
    {
        var c = await CenterAsync();
        kube.FailWith500 = true;
        try
        {
            var r = await app.Customer().GetAsync(B2, ("cpcid", c.Id), ("clusterid", c.Chaoyang), ("resources", Products));
            r.Http.Should().Be(200);
            r.Status.Should().BeFalse();
            r.Msg.Should().Be("算力中心服务操作失败");
            r.Code.Should().Be("upstream_failed");
            Ids(r.Data).Should().Equal("p-fits", "p-cpu", "p-gpu", "p-nostock");
            r.Body["reason"]!.GetValue<string>().Should().Be("dynamic");
        }
        finally
        {
            kube.FailWith500 = false;
        }
        var noKubeconfig = await Seed.CenterAsync(app.Factory, stock: ClusterConfigTests.Plenty);
        var r2 = await app.Customer().GetAsync(B2, ("cpcid", noKubeconfig.Id), ("clusterid", noKubeconfig.Chaoyang), ("resources", Products));
        r2.Status.Should().BeFalse();
        Ids(r2.Data).Should().HaveCount(4);
    }

    [Fact]
    public async Task B2_bad_input_never_500()
    {
        var c = await CenterAsync();
        (await app.Anonymous().GetAsync(B2, ("cpcid", c.Id), ("clusterid", c.Chaoyang), ("resources", Products))).Http.Should().Be(401);
        var bad = await app.Customer().GetAsync(B2, ("cpcid", c.Id), ("clusterid", c.Chaoyang), ("resources", "[{"));
        bad.Http.Should().Be(200);
        bad.Code.Should().Be("invalid_argument");
        bad.Body["errors"]!["resources"]![0]!.GetValue<string>().Should().Be("resources参数格式错误");
        (await app.Customer().GetAsync(B2, ("clusterid", c.Chaoyang), ("resources", Products))).Msg.Should().Be("无算力中心ID");
        (await app.Customer().GetAsync(B2, ("cpcid", c.Id), ("resources", Products))).Msg.Should().Be("缺少必要参数: clusterid");
        (await app.Customer().GetAsync(B2, ("cpcid", c.Id), ("clusterid", c.Chaoyang), ("resources", Products), ("kyylabels", "gpu"))).Code.Should().Be("invalid_argument");
        (await app.Customer().GetAsync(B2, ("cpcid", "nope"), ("clusterid", c.Chaoyang), ("resources", Products))).Msg.Should().Be("算力中心不存在");
        (await app.Customer().GetAsync(B2, ("cpcid", c.Id), ("clusterid", "nope"), ("resources", Products))).Msg.Should().Be("算力集群不存在");
        await app.Factory.WithDbAsync(async db =>
        {
            (await db.Clusters.FindAsync(c.Tongzhou))!.Ready = ClusterReady.Installing;
            await db.SaveChangesAsync();
        });
        (await app.Customer().GetAsync(B2, ("cpcid", c.Id), ("clusterid", c.Tongzhou), ("resources", Products))).Code.Should().Be("conflict");
    }

    // ---------------- P2 ----------------

    [Fact]
    public async Task P2_answers_a_bare_array_and_needs_basic_auth()
    {
        await CenterAsync();
        kube.Seed();
        var url = P2 + "?kubeconfig=" + Uri.EscapeDataString(kube.Kubeconfig) + "&resources=" + Uri.EscapeDataString(Products);
        var ok = await Pcapi().GetAsync(url);
        ((int)ok.StatusCode).Should().Be(200);
        var raw = await ok.Content.ReadAsStringAsync();
        JsonNode.Parse(raw)!.AsArray().Select(x => x!.GetValue<string>()).Should().Equal("p-cpu", "p-gpu", "p-nostock");

        var embedded = P2 + "?kubeconfig=" + Uri.EscapeDataString(kube.Kubeconfig) + "&resources="
                       + Uri.EscapeDataString("""{"labels":["kyy-gpu=true"],"products":[{"id":"x","resources":[{"type":"cpu","amount":1}]}]}""");
        JsonNode.Parse(await (await Pcapi().GetAsync(embedded)).Content.ReadAsStringAsync())!.AsArray().Select(x => x!.GetValue<string>()).Should().Equal("x");

        foreach (var client in new[] { Pcapi(null), Pcapi("ysh", "wrong"), Pcapi("nobody") })
        {
            var refused = await Response.ReadAsync(await client.GetAsync(url));
            refused.Http.Should().Be(401);
            refused.Status.Should().BeFalse();
            refused.Body["info"]!.GetValue<string>().Should().StartWith("认证失败");
        }
        var bad = await Response.ReadAsync(await Pcapi().GetAsync(P2 + "?kubeconfig=x&resources=%5B"));
        bad.Http.Should().Be(200);
        bad.Status.Should().BeFalse();
        bad.Body["info"]!.GetValue<string>().Should().NotBeEmpty();
        var unusable = await Response.ReadAsync(await Pcapi().GetAsync(P2 + "?kubeconfig=garbage&resources=" + Uri.EscapeDataString(Products)));
        unusable.Status.Should().BeFalse();
        unusable.Code.Should().Be("upstream_failed");
        unusable.Body["info"]!.GetValue<string>().Should().Be("集群上下文(kubeconfig)无效,无法连接集群");
    }

    // ---------------- P9 ----------------

    private (string, string?)[] P9Form(string action, string id, string engine = "Deployment") =>
    [
        ("action", action), ("kubeconfig", kube.Kubeconfig), ("cluster_type", "0"), ("host", "192.168.0.3"), ("port", "22"), ("user", "root"),
        ("psssword", "x"), ("namespace_name", "p9-ns"), ("serviceaccount_name", "p9-ns-serviceaccount"),
        ("podcd_name", $"{id}-{engine.ToLowerInvariant()}"), ("service_name", id + "-service"), ("clusterid", "c1"), ("cpcid", "x"),
        ("source_name", "p9"), ("instance_type", "LinuxOS"), ("source_replicasetnum", "2"), ("source_authuser", "root"),
        ("source_authpasswd", "kyycloud"), ("source_podengine", engine), ("pod_imagepath", "docker.io/library/ubuntu:22.04"),
        ("source_memrate", "512Mi"), ("source_cpurate", "1000m"), ("source_selflabel", "app:p9"), ("source_portmode", "NodePort"),
        ("source_restartpolicy", "Always"), ("source_apiport", "6035"), ("source_insideport", "22"), ("source_outsideport", "30999"),
        ("source_mountpath", "/data"), ("source_storagelimits", "5Gi"), ("source_nodeselector", "kyy-gpu=false"), ("source_gpu", "0"),
    ];

    private async Task<Response> PostP9((string, string?)[] form, HttpClient? client = null) =>
        await Response.ReadAsync(await (client ?? Pcapi()).PostAsync(P9, new FormUrlEncodedContent(form.Where(f => f.Item2 is not null)
            .Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2!)))));

    [Fact]
    public async Task P9_applies_and_deletes_with_the_documented_answers()
    {
        await CenterAsync();
        var apply = await PostP9(P9Form("apply", "p9app"));
        apply.Raw.Should().Be("""{"status":true,"info":"operate success","data":null}""");
        var dep = kube.Object("/apis/apps/v1/namespaces/p9-ns/deployments/p9app-deployment")!;
        dep["spec"]!["replicas"]!.GetValue<int>().Should().Be(2);
        dep["spec"]!["template"]!["metadata"]!["labels"]!["app"]!.GetValue<string>().Should().Be("p9");
        kube.Object("/api/v1/namespaces/p9-ns/services/p9app-service")!["spec"]!["ports"]![0]!["nodePort"]!.GetValue<int>().Should().Be(30999);
        kube.Object("/api/v1/namespaces/p9-ns/serviceaccounts/p9-ns-serviceaccount").Should().NotBeNull();

        var delete = await PostP9(P9Form("delete", "p9app"));
        delete.Raw.Should().Be("""{"status":true,"info":"operate success","data":null}""");
        kube.Object("/apis/apps/v1/namespaces/p9-ns/deployments/p9app-deployment").Should().BeNull();
        kube.Object("/api/v1/namespaces/p9-ns/services/p9app-service").Should().BeNull();
    }

    [Fact]
    public async Task P9_failures_and_bad_input_answer_in_the_pcapi_envelope()
    {
        await CenterAsync();
        kube.FailWhen = (m, p) => m == "POST" && p.EndsWith("/deployments", StringComparison.Ordinal) ? 500 : null;
        try
        {
            var failed = await PostP9(P9Form("apply", "p9fail"));
            failed.Http.Should().Be(200);
            failed.Status.Should().BeFalse();
            failed.Body["info"]!.GetValue<string>().Should().Be("operate failed");
            failed.Body["data"].Should().BeNull();
            failed.Code.Should().Be("upstream_failed");
        }
        finally
        {
            kube.FailWhen = null;
        }
        var form = P9Form("apply", "p9bad");
        (await PostP9(form.Select(f => f.Item1 == "action" ? (f.Item1, (string?)"patch") : f).ToArray())).Code.Should().Be("invalid_argument");
        (await PostP9(form.Select(f => f.Item1 == "podcd_name" ? (f.Item1, (string?)"p9bad-statefulset") : f).ToArray())).Body["info"]!.GetValue<string>()
            .Should().Be("podcd_name 必须是 资源实例id-控制器类型(小写)");
        (await PostP9(form.Select(f => f.Item1 == "service_name" ? (f.Item1, (string?)"other-service") : f).ToArray())).Status.Should().BeFalse();
        (await PostP9(form.Select(f => f.Item1 == "namespace_name" ? (f.Item1, (string?)"Bad_NS") : f).ToArray())).Status.Should().BeFalse();
        (await PostP9(form.Select(f => f.Item1 == "source_cpurate" ? (f.Item1, (string?)"fast") : f).ToArray())).Body["info"]!.GetValue<string>()
            .Should().NotBeEmpty();
        (await PostP9(form, Pcapi(null))).Http.Should().Be(401);
        kube.Object("/apis/apps/v1/namespaces/p9-ns/deployments/p9bad-deployment").Should().BeNull();
    }
}
