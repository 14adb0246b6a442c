using Kboss.Fakes;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>The app with <c>Cpcc:Features:ImportCluster</c> on and a <see cref="FakeKubernetes"/> to import.</summary>
public sealed class ImportClusterFixture() : AppFixture(new Dictionary<string, string>
{
    ["Cpcc:Features:ImportCluster"] = "true",
})
{
    public FakeKubernetes Kubernetes { get; } = new();

    public override async Task InitializeAsync()
    {
        await Kubernetes.InitializeAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Kubernetes.DisposeAsync();
    }
}

/// <summary><c>import_cluster.dspy</c> (ADR 0040): a running cluster registered by its kubeconfig.</summary>
public sealed class ImportClusterTests(ImportClusterFixture app) : IClassFixture<ImportClusterFixture>
{
    private const string Import = "/dev/cpcc/cpccluster/import_cluster.dspy";

    private async Task<string> CenterAsync()
    {
        var r = await app.Operator().PostAsync("/dev/cpcc/cpclist/add_cpclist.dspy",
            ("name", "导入中心" + Guid.NewGuid().ToString("N")[..6]), ("pcapi_url", "http://127.0.0.1:9"),
            ("api_user", "pcapi" + Guid.NewGuid().ToString("N")[..6]), ("api_pwd", "Pcapi-pass-1"),
            ("contactname", "李四"), ("contactphone", "13900000000"));
        r.Status.Should().BeTrue(r.Raw);
        return r.Data!["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task A_reachable_kubeconfig_gives_a_ready_cluster_refused_ones_store_nothing()
    {
        var cpcid = await CenterAsync();
        var ok = await app.Operator().PostAsync(Import, ("cpcid", cpcid), ("cluster_name", "导入集群"),
            ("kubeconfig", app.Kubernetes.Kubeconfig));
        ok.Status.Should().BeTrue(ok.Raw);
        (ok.Data!["ready"]!.GetValue<int>(), ok.Data!["nodes"]!.GetValue<int>()).Should().Be((1, 1));
        app.Kubernetes.Calls.Should().Contain(c => c.Method == "GET" && c.Path == "/api/v1/nodes" && c.Status == 200);
        var listed = await app.Operator().GetAsync("/dev/cpcc/cpccluster/get_cpccluster.dspy", ("cpcid", cpcid));
        listed.Raw.Should().Contain(ok.Data!["id"]!.GetValue<string>()).And.NotContain(FakeKubernetes.Token);

        var exec = app.Kubernetes.Kubeconfig.Replace($"token: {FakeKubernetes.Token}",
            "exec:\n      command: /bin/sh\n      apiVersion: client.authentication.k8s.io/v1");
        var refused = await app.Operator().PostAsync(Import, ("cpcid", cpcid), ("cluster_name", "坏集群"),
            ("kubeconfig", exec));
        (refused.Status, refused.Code).Should().Be((false, "invalid_argument"));
        refused.Msg.Should().Contain("exec");
        var closed = app.Kubernetes.Kubeconfig.Replace(app.Kubernetes.Root, "http://127.0.0.1:9");
        var unreachable = await app.Operator().PostAsync(Import, ("cpcid", cpcid), ("cluster_name", "坏集群"),
            ("kubeconfig", closed));
        (unreachable.Status, unreachable.Code).Should().Be((false, "upstream_failed"));
        var wrongToken = await app.Operator().PostAsync(Import, ("cpcid", cpcid), ("cluster_name", "坏集群"),
            ("kubeconfig", app.Kubernetes.Kubeconfig.Replace(FakeKubernetes.Token, "wrong")));
        wrongToken.Status.Should().BeFalse(wrongToken.Raw);
        (await app.Operator().GetAsync("/dev/cpcc/cpccluster/get_cpccluster.dspy", ("cpcid", cpcid))).Raw
            .Should().NotContain("坏集群");
    }

    [Fact]
    public async Task Other_orgs_customers_anonymous_and_a_switched_off_flag_are_refused()
    {
        var cpcid = await CenterAsync();
        (string, string?)[] form = [("cpcid", cpcid), ("cluster_name", "x"), ("kubeconfig", app.Kubernetes.Kubeconfig)];
        (await app.OtherOperator().PostAsync(Import, form)).Http.Should().Be(403);
        (await app.Customer().PostAsync(Import, form)).Http.Should().Be(403);
        (await app.Anonymous().PostAsync(Import, form)).Http.Should().Be(401);
        var missing = await app.Operator().PostAsync(Import, ("cpcid", cpcid), ("cluster_name", "x"));
        (missing.Status, missing.Code).Should().Be((false, "invalid_argument"));

        using var off = app.Factory.WithWebHostBuilder(b => b.UseSetting("Cpcc:Features:ImportCluster", "false"));
        var r = await new Api(off.CreateClient()).WithToken(app.OperatorToken).PostAsync(Import, form);
        (r.Status, r.Msg, r.Code).Should().Be((false, "功能开发中", "not_implemented"));
    }
}
