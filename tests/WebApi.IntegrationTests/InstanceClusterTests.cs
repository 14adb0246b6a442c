using Kboss.Domain.Cpcc;
using Kboss.Infrastructure.IntegrationTests;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// K6/K8/K9 on the cluster (a fake Kubernetes API) with widget stock per analysis/cpcc.md §4.2: one transaction,
/// cluster failures roll back row and stock (<c>upstream_failed</c>), parallel creates never exceed stock.
/// </summary>
public sealed class InstanceClusterTests(AppFixture app, FakeKubeApi kube) : IClassFixture<AppFixture>, IClassFixture<FakeKubeApi>
{
    private const string New = "/dev/cpcc/cpcpodyaml/new_cpcpodyaml.dspy";
    private const string Update = "/dev/cpcc/cpcpodyaml/update_cpcpodyaml.dspy";
    private const string Delete = "/dev/cpcc/cpcpodyaml/delete_cpcpodyaml.dspy";
    private const string Gpu = "RTX5090-32G";

    private Task<SeededCenter> CenterAsync(IReadOnlyDictionary<string, long>? stock = null) =>
        Seed.CenterAsync(app.Factory, stock: stock ?? ClusterConfigTests.Plenty, kubeconfig: kube.Kubeconfig);

    private static (string, string?)[] With((string, string?)[] form, string key, string? value) =>
        form.Any(f => f.Item1 == key) ? form.Select(f => f.Item1 == key ? (f.Item1, value) : f).ToArray() : [.. form, (key, value)];

    private static (string, string?)[] GpuConfig(string clusterId, string port) =>
        With(With(ClusterConfigTests.Config(clusterId, port), "source_gpu", "1"), "gpu_model", Gpu);

    private Task<Dictionary<string, long>> ConsumedAsync(string clusterId) => app.Factory.WithDbAsync(db =>
        db.WidgetClusterStocks.AsNoTracking().Where(s => s.ClusterId == clusterId)
            .Join(db.Widgets.AsNoTracking(), s => s.WidgetId, w => w.Id, (s, w) => new { Key = w.Type + "/" + w.Model, s.Consumed })
            .ToDictionaryAsync(x => x.Key, x => x.Consumed));

    private static string StatefulSets(InstanceConfig c) => $"/apis/apps/v1/namespaces/{c.NamespaceName}/statefulsets/";

    private Task<InstanceConfig?> ConfigAsync(string id) => app.Factory.WithDbAsync(db => db.InstanceConfigs.AsNoTracking().IgnoreQueryFilters().FirstOrDefaultAsync(x => x.Id == id));

    [Fact]
    public async Task Create_applies_the_objects_and_takes_stock_per_widget()
    {
        var c = await CenterAsync();
        var r = await app.Operator().PostAsync(New, GpuConfig(c.Chaoyang, "30100"));
        r.Status.Should().BeTrue(r.Raw);
        var config = (await ConfigAsync(r.Data!["id"]!.GetValue<string>()))!;
        var sts = kube.Object(StatefulSets(config) + config.PodcdName)!;
        var limits = sts["spec"]!["template"]!["spec"]!["containers"]![0]!["resources"]!["limits"]!;
        limits["cpu"]!.GetValue<string>().Should().Be("1");
        limits["memory"]!.GetValue<string>().Should().Be("512Mi");
        limits["nvidia.com/gpu"]!.GetValue<string>().Should().Be("1");
        kube.Object($"/api/v1/namespaces/{config.NamespaceName}/services/{config.ServiceName}")!["spec"]!["ports"]![0]!["nodePort"]!.GetValue<int>().Should().Be(30100);
        kube.Object($"/api/v1/namespaces/{config.NamespaceName}/persistentvolumeclaims/{config.Id}-pvc").Should().NotBeNull();
        sts["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.ToJsonString().Should().Contain("kyycloud", "the initial password reaches the container");

        var consumed = await ConsumedAsync(c.Chaoyang);
        consumed["cpu/INTEL(R) XEON(R) PLATINUM 8582C"].Should().Be(1);
        consumed["memory/STANDARD"].Should().Be(512);
        consumed["disk/SYS"].Should().Be(20);
        consumed["disk/DATA"].Should().Be(49);
        consumed["gpu/" + Gpu].Should().Be(1);
    }

    [Fact]
    public async Task A_failing_cluster_rolls_back_row_and_stock_and_answers_upstream_failed()
    {
        var c = await CenterAsync();
        kube.FailWhen = (m, p) => m == "POST" && p.EndsWith("/statefulsets", StringComparison.Ordinal) ? 500 : null;
        try
        {
            var r = await app.Operator().PostAsync(New, GpuConfig(c.Chaoyang, "30110"));
            r.Http.Should().Be(200);
            r.Status.Should().BeFalse();
            r.Code.Should().Be("upstream_failed");
            r.Msg.Should().StartWith("算力中心服务操作失败");
        }
        finally
        {
            kube.FailWhen = null;
        }
        (await ConsumedAsync(c.Chaoyang)).Values.Should().OnlyContain(v => v == 0);
        var failed = await app.Factory.WithDbAsync(db => db.InstanceConfigs.AsNoTracking().SingleAsync(x
            => x.ClusterId == c.Chaoyang));
        failed.State.Should().Be("failed", "a failed create is kept with its reason, never shown as live (ADR 0015)");
        failed.FailureReason.Should().Contain("算力集群").And.Contain("500");
        var list = await app.Operator().GetAsync("/dev/cpcc/cpcpodyaml/get_cpcpodyaml.dspy", ("cpcid", c.Id),
            ("clusterid", c.Chaoyang));
        list.Data!["rows"]![0]!["state"]!.GetValue<string>().Should().Be("failed");
        (await app.Operator().PostAsync(New, GpuConfig(c.Chaoyang, "30110"))).Status.Should().BeTrue("the node port was never taken");
    }

    [Fact]
    public async Task A_cluster_without_kubeconfig_answers_upstream_failed()
    {
        var c = await Seed.CenterAsync(app.Factory, stock: ClusterConfigTests.Plenty);
        var r = await app.Operator().PostAsync(New, ClusterConfigTests.Config(c.Chaoyang, "30120"));
        r.Status.Should().BeFalse();
        r.Code.Should().Be("upstream_failed");
        r.Msg.Should().Be("算力中心服务操作失败: 算力集群没有保存集群上下文(kubeconfig)");
        (await ConsumedAsync(c.Chaoyang)).Values.Should().OnlyContain(v => v == 0);
    }

    [Fact]
    public async Task Missing_or_short_stock_is_refused_without_touching_the_cluster()
    {
        var c = await CenterAsync(new Dictionary<string, long>(ClusterConfigTests.Plenty) { [Gpu] = 0 });
        var calls = kube.Calls.Count;
        var r = await app.Operator().PostAsync(New, GpuConfig(c.Chaoyang, "30130"));
        r.Status.Should().BeFalse();
        r.Code.Should().Be("insufficient_stock");
        r.Msg.Should().Be($"该算力集群的 gpu 部件 {Gpu} 库存不足(需要 1)");
        var unknown = await app.Operator().PostAsync(New, With(GpuConfig(c.Chaoyang, "30131"), "gpu_model", "H800"));
        unknown.Code.Should().Be("insufficient_stock");
        unknown.Msg.Should().Be("该算力中心没有 gpu 部件 H800,无法创建资源实例");
        kube.Calls.Count.Should().Be(calls);
        (await ConsumedAsync(c.Chaoyang)).Values.Should().OnlyContain(v => v == 0);
    }

    [Fact]
    public async Task Thirty_two_parallel_creates_against_gpu_stock_for_ten_give_exactly_ten()
    {
        var c = await CenterAsync(new Dictionary<string, long>(ClusterConfigTests.Plenty) { [Gpu] = 10 });
        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => app.Operator().PostAsync(New, GpuConfig(c.Chaoyang, (31200 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)))));
        results.Should().OnlyContain(r => r.Http == 200);
        results.Count(r => r.Status).Should().Be(10);
        results.Where(r => !r.Status).Should().OnlyContain(r => r.Code == "insufficient_stock");
        (await ConsumedAsync(c.Chaoyang))["gpu/" + Gpu].Should().Be(10);
        var ids = results.Where(r => r.Status).Select(r => r.Data!["id"]!.GetValue<string>()).ToList();
        (await app.Factory.WithDbAsync(db => db.InstanceConfigs.CountAsync(x => x.ClusterId == c.Chaoyang))).Should().Be(10);
        ids.Should().OnlyContain(id => kube.Objects.Keys.Any(k => k.EndsWith("/statefulsets/" + id + "-statefulset", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Update_moves_stock_and_replaces_the_controller_and_a_failure_rolls_back()
    {
        var c = await CenterAsync();
        var r = await app.Operator().PostAsync(New, GpuConfig(c.Chaoyang, "30140"));
        var id = r.Data!["id"]!.GetValue<string>();
        var form = With(With(ClusterConfigTests.Config(c.Chaoyang, "30140").Where(f => f.Item1 is not ("source_gpu" or "cpu_model" or "gpu_model" or "disk_sys_limit" or "orgid")).ToArray(),
            "cpcid", c.Id), "id", id);
        var up = await app.Operator().PostAsync(Update, With(form, "source_replicasetnum", "2"));
        up.Status.Should().BeTrue(up.Raw);
        var config = (await ConfigAsync(id))!;
        kube.Object(StatefulSets(config) + config.PodcdName)!["spec"]!["replicas"]!.GetValue<int>().Should().Be(2);
        kube.Calls.Should().Contain(x => x.Method == "PUT" && x.Path.EndsWith("/statefulsets/" + config.PodcdName, StringComparison.Ordinal));
        var consumed = await ConsumedAsync(c.Chaoyang);
        consumed["memory/STANDARD"].Should().Be(1024);
        consumed["gpu/" + Gpu].Should().Be(2);
        consumed["disk/DATA"].Should().Be(98);

        kube.FailWhen = (m, p) => m == "PUT" ? 500 : null;
        try
        {
            var failed = await app.Operator().PostAsync(Update, With(form, "source_replicasetnum", "3"));
            failed.Status.Should().BeFalse();
            failed.Code.Should().Be("upstream_failed");
        }
        finally
        {
            kube.FailWhen = null;
        }
        (await ConfigAsync(id))!.SourceReplicasetnum.Should().Be(2);
        (await ConsumedAsync(c.Chaoyang))["gpu/" + Gpu].Should().Be(2);
    }

    [Fact]
    public async Task Delete_removes_the_objects_and_releases_the_stock_and_a_failure_keeps_both()
    {
        var c = await CenterAsync();
        var id = (await app.Operator().PostAsync(New, GpuConfig(c.Chaoyang, "30150"))).Data!["id"]!.GetValue<string>();
        var config = (await ConfigAsync(id))!;

        kube.FailWhen = (m, p) => m == "DELETE" ? 500 : null;
        try
        {
            var failed = await app.Operator().PostAsync(Delete, ("id", id));
            failed.Status.Should().BeFalse();
            failed.Code.Should().Be("upstream_failed");
        }
        finally
        {
            kube.FailWhen = null;
        }
        (await ConfigAsync(id))!.DelFlg.Should().Be("0");
        (await ConsumedAsync(c.Chaoyang))["gpu/" + Gpu].Should().Be(1);

        var r = await app.Operator().PostAsync(Delete, ("id", id));
        r.Status.Should().BeTrue(r.Raw);
        kube.Object(StatefulSets(config) + config.PodcdName).Should().BeNull();
        kube.Object($"/api/v1/namespaces/{config.NamespaceName}/services/{config.ServiceName}").Should().BeNull();
        kube.Object($"/api/v1/namespaces/{config.NamespaceName}/persistentvolumeclaims/{id}-pvc").Should().BeNull();
        (await ConsumedAsync(c.Chaoyang)).Values.Should().OnlyContain(v => v == 0);
    }
}
