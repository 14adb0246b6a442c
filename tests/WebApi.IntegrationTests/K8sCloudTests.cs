using Kboss.Infrastructure.IntegrationTests;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// Module 35 (<c>/k8cloud/*</c>) on a fake Kubernetes API: the configured cluster (<c>K8s:Cluster</c>), a Pod plus a
/// PVC per instance, widget stock taken and released in the same transaction, org isolation, failures as envelopes.
/// </summary>
public sealed class K8sCloudTests(AppFixture app, FakeKubeApi kube) : IClassFixture<AppFixture>, IClassFixture<FakeKubeApi>
{
    private const string Create = "/k8cloud/user_create_pod.dspy";
    private const string Resources = "/k8cloud/get_available_resources.dspy";
    private const string List = "/k8cloud/user_get_instance.dspy";
    private const string Delete = "/k8cloud/cloud_instance_delete.dspy";
    internal const string Image = "docker.io/library/ubuntu:22.04";
    private const string Cpu = "INTEL(R) XEON(R) PLATINUM 8582C";

    private IConfiguration Config => app.Factory.Service<IConfiguration>();

    private Task<SeededCenter> ConfigureAsync(IReadOnlyDictionary<string, long>? stock = null)
        => ConfigureClusterAsync(app, kube, stock);

    /// <summary>A private centre reaching the fake API, configured as the k8s service's cluster.</summary>
    internal static async Task<SeededCenter> ConfigureClusterAsync(AppFixture app, FakeKubeApi kube,
        IReadOnlyDictionary<string, long>? stock = null)
    {
        kube.Seed();
        var c = await Seed.CenterAsync(app.Factory, stock: stock ?? ClusterConfigTests.Plenty, kubeconfig: kube.Kubeconfig);
        var config = app.Factory.Service<IConfiguration>();
        config["K8s:Cluster"] = c.Chaoyang;
        config["K8s:AllowedImages"] = Image + ",docker.io/library/nginx:1.27";
        config["K8s:CpuModel"] = Cpu;
        config["K8s:GpuModel"] = "RTX5090-32G";
        return c;
    }

    private static (string, string?)[] Form(string cpu = "1", string memory = "2", string storage = "10", string? image = Image) =>
        [("cpu", cpu), ("memory", memory), ("storage", storage), ("image", image), ("customer_goods_id", "goods-1")];

    private Task<Dictionary<string, long>> ConsumedAsync(string clusterId) => ConsumedAsync(app.Factory, clusterId);

    /// <summary>Consumed stock of <paramref name="clusterId"/> by <c>type/model</c>.</summary>
    internal static Task<Dictionary<string, long>> ConsumedAsync(KbossFactory f, string clusterId)
        => f.WithDbAsync(db =>
        db.WidgetClusterStocks.AsNoTracking().Where(s => s.ClusterId == clusterId)
            .Join(db.Widgets.AsNoTracking(), s => s.WidgetId, w => w.Id, (s, w) => new { Key = w.Type + "/" + w.Model, s.Consumed })
            .ToDictionaryAsync(x => x.Key, x => x.Consumed));

    [Fact]
    public async Task Create_makes_a_pod_and_pvc_takes_stock_and_the_user_lists_and_deletes_it()
    {
        var c = await ConfigureAsync();
        var r = await app.Customer().GetAsync(Create, Form());
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("创建成功");
        var d = r.Data!;
        var id = d["id"]!.GetValue<string>();
        var ns = d["namespace"]!.GetValue<string>();
        ns.Should().Be(("kyy-" + app.CustomerOrgId.ToLowerInvariant().Replace('_', '-')).TrimEnd('-'), "an org id ending in - or _ leaves no trailing dash");
        d["podname"]!.GetValue<string>().Should().Be(id + "-pod");
        d["pvcname"]!.GetValue<string>().Should().Be(id + "-pvc");
        d["status"]!.GetValue<string>().Should().Be("Pending");

        var pod = kube.Object($"/api/v1/namespaces/{ns}/pods/{id}-pod")!;
        var limits = pod["spec"]!["containers"]![0]!["resources"]!["limits"]!;
        limits["cpu"]!.GetValue<string>().Should().Be("1");
        limits["memory"]!.GetValue<string>().Should().Be("2Gi");
        pod["spec"]!["containers"]![0]!["volumeMounts"]![0]!["mountPath"]!.GetValue<string>().Should().Be("/data");
        kube.Object($"/api/v1/namespaces/{ns}/persistentvolumeclaims/{id}-pvc")!["spec"]!["resources"]!["requests"]!["storage"]!.GetValue<string>().Should().Be("10Gi");

        var consumed = await ConsumedAsync(c.Chaoyang);
        consumed["cpu/" + Cpu].Should().Be(1);
        consumed["memory/STANDARD"].Should().Be(2048);
        consumed["disk/DATA"].Should().Be(10);

        var list = await app.Customer().GetAsync(List, ("customer_goods_id", "goods-1"));
        list.Status.Should().BeTrue(list.Raw);
        list.Body["data"]!.AsArray().Select(x => x!["id"]!.GetValue<string>()).Should().Contain(id);
        (await app.Customer().GetAsync(List, ("customer_goods_id", "other"))).Body["data"]!.AsArray().Should().BeEmpty();

        var mismatch = await app.Customer().GetAsync(Delete, ("id", id), ("podname", "kube-proxy-7xk2p"));
        mismatch.Status.Should().BeFalse();
        mismatch.Msg.Should().Be("实例信息不匹配");
        kube.Object($"/api/v1/namespaces/{ns}/pods/{id}-pod").Should().NotBeNull();

        var del = await app.Customer().PostAsync(Delete, ("id", id), ("podname", id + "-pod"), ("pvcname", id + "-pvc"));
        del.Status.Should().BeTrue(del.Raw);
        del.Msg.Should().Be("删除成功");
        kube.Object($"/api/v1/namespaces/{ns}/pods/{id}-pod").Should().BeNull();
        kube.Object($"/api/v1/namespaces/{ns}/persistentvolumeclaims/{id}-pvc").Should().BeNull();
        (await ConsumedAsync(c.Chaoyang)).Values.Should().OnlyContain(v => v == 0);
        var row = await app.Factory.WithDbAsync(db => db.CloudInstances.IgnoreQueryFilters().AsNoTracking().SingleAsync(x => x.Id == id));
        row.Status.Should().Be("Deleted");
        row.DelFlg.Should().Be("1");
        var again = await app.Customer().GetAsync(Delete, ("id", id));
        again.Msg.Should().Be("实例不存在");
        again.Code.Should().Be("not_found");
    }

    [Fact]
    public async Task Another_org_never_sees_or_deletes_the_instances()
    {
        await ConfigureAsync();
        var id = (await app.Customer().GetAsync(Create, Form())).Data!["id"]!.GetValue<string>();
        var other = await app.OtherOperator().GetAsync(List);
        other.Status.Should().BeTrue(other.Raw);
        other.Body["data"]!.AsArray().Select(x => x!["id"]!.GetValue<string>()).Should().NotContain(id);
        (await app.OtherOperator().GetAsync(List, ("orgid", app.CustomerOrgId))).Http.Should().Be(403);
        (await app.OtherOperator().GetAsync(Delete, ("id", id))).Http.Should().Be(403);
        (await app.Customer().GetAsync(Create, [.. Form(), ("orgid", app.OtherOrgId)])).Http.Should().Be(403);
        var mine = await app.Operator().GetAsync(List, ("orgid", app.CustomerOrgId));
        mine.Body["data"]!.AsArray().Select(x => x!["id"]!.GetValue<string>()).Should().Contain(id, "the customer's operator may act for it");
    }

    [Fact]
    public async Task Bad_input_image_capacity_and_stock_are_refused_without_a_500()
    {
        var c = await ConfigureAsync(new Dictionary<string, long>(ClusterConfigTests.Plenty) { ["DATA"] = 5 });
        (await app.Customer().GetAsync(Create, Form(cpu: "abc"))).Msg.Should().Be("cpu 必须是 1 到 128 之间的整数");
        (await app.Customer().GetAsync(Create, Form(cpu: ""))).Msg.Should().Be("缺少必要参数: cpu");
        var gpumem = await app.Customer().GetAsync(Create, [.. Form(), ("gpumem", "1000")]);
        gpumem.Status.Should().BeFalse();
        gpumem.Msg.Should().Be("只有分配GPU时才能指定 gpumem");
        var image = await app.Customer().GetAsync(Create, Form(image: "evil/miner:latest"));
        image.Msg.Should().Be("镜像不在允许列表中");
        image.Code.Should().Be("invalid_argument");
        var big = await app.Customer().GetAsync(Create, Form(cpu: "8"));
        big.Msg.Should().Be("集群资源不足");
        (await app.Customer().GetAsync(Create, [.. Form(), ("gpu", "1")])).Msg.Should().Be("集群资源不足", "the fake nodes have no GPUs");
        var stock = await app.Customer().GetAsync(Create, Form(storage: "10"));
        stock.Code.Should().Be("insufficient_stock");
        stock.Msg.Should().Be("该算力集群的 disk 部件 DATA 库存不足(需要 10)");
        (await ConsumedAsync(c.Chaoyang)).Values.Should().OnlyContain(v => v == 0);
        (await app.Factory.WithDbAsync(db => db.CloudInstances.CountAsync(x => x.ClusterId == c.Chaoyang))).Should().Be(0);
        (await app.Customer().GetAsync(Delete)).Msg.Should().Be("缺少必要参数: id");
    }

    [Fact]
    public async Task A_failing_cluster_answers_upstream_failed_and_keeps_nothing()
    {
        var c = await ConfigureAsync();
        var before = kube.ObjectPaths();
        kube.FailWhen = (m, p) => m == "POST" && p.EndsWith("/pods", StringComparison.Ordinal) ? 500 : null;
        try
        {
            var r = await app.Customer().GetAsync(Create, Form());
            r.Http.Should().Be(200);
            r.Status.Should().BeFalse();
            r.Code.Should().Be("upstream_failed");
            r.Msg.Should().StartWith("创建实例失败: ");
        }
        finally
        {
            kube.FailWhen = null;
        }
        (await ConsumedAsync(c.Chaoyang)).Values.Should().OnlyContain(v => v == 0);
        kube.ObjectPaths().Except(before).Should().OnlyContain(p => !p.Contains("/pods/") && !p.Contains("/persistentvolumeclaims/"),
            "the PVC is deleted again when the pod fails");
        var failed = await app.Factory.WithDbAsync(db => db.CloudInstances.AsNoTracking().SingleAsync(x
            => x.ClusterId == c.Chaoyang));
        (failed.State, failed.Status).Should().Be(("failed", "Failed"),
            "a failed create is kept with its reason (ADR 0015)");
        var listed = (await app.Customer().GetAsync(List)).Body["data"]!.AsArray().Single(x
            => x!["id"]!.GetValue<string>() == failed.Id)!;
        listed["status"]!.GetValue<string>().Should().Be("Failed");
        listed["failure_reason"]!.GetValue<string>().Should().StartWith("创建实例失败: 算力集群: ");

        var id = (await app.Customer().GetAsync(Create, Form())).Data!["id"]!.GetValue<string>();
        kube.FailWhen = (m, _) => m == "DELETE" ? 500 : null;
        try
        {
            var d = await app.Customer().GetAsync(Delete, ("id", id));
            d.Status.Should().BeFalse();
            d.Code.Should().Be("upstream_failed");
        }
        finally
        {
            kube.FailWhen = null;
        }
        (await ConsumedAsync(c.Chaoyang))["cpu/" + Cpu].Should().Be(1);

        kube.FailWith500 = true;
        try
        {
            var list = await app.Customer().GetAsync(List);
            list.Status.Should().BeFalse();
            list.Code.Should().Be("upstream_failed");
            (await app.Operator().GetAsync(Resources)).Code.Should().Be("upstream_failed");
        }
        finally
        {
            kube.FailWith500 = false;
        }
        (await app.Customer().GetAsync(Delete, ("id", id))).Status.Should().BeTrue();
    }

    [Fact]
    public async Task Resources_are_for_operators_and_sum_the_schedulable_nodes()
    {
        await ConfigureAsync();
        var r = await app.Operator().GetAsync(Resources);
        r.Status.Should().BeTrue(r.Raw);
        var cpu = r.Data!["cpu"]!;
        cpu["total"]!.GetValue<decimal>().Should().Be(8);
        cpu["used"]!.GetValue<decimal>().Should().Be(2);
        cpu["available"]!.GetValue<decimal>().Should().Be(6);
        r.Data["nodes"]!.AsArray().Should().HaveCount(2);
        (await app.Customer().GetAsync(Resources)).Http.Should().Be(403);
        (await app.Anonymous().GetAsync(Resources)).Http.Should().Be(401);
        (await app.Anonymous().GetAsync(Create, Form())).Http.Should().Be(401);
        (await app.Anonymous().GetAsync(List)).Http.Should().Be(401);
    }

    [Fact]
    public async Task Sixteen_parallel_creates_against_disk_stock_for_three_give_exactly_three()
    {
        var c = await ConfigureAsync(new Dictionary<string, long>(ClusterConfigTests.Plenty) { ["DATA"] = 30 });
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => app.Customer().GetAsync(Create, Form(storage: "10"))));
        results.Should().OnlyContain(r => r.Http == 200);
        results.Count(r => r.Status).Should().Be(3);
        results.Where(r => !r.Status).Should().OnlyContain(r => r.Code == "insufficient_stock");
        (await ConsumedAsync(c.Chaoyang))["disk/DATA"].Should().Be(30);
        (await app.Factory.WithDbAsync(db => db.CloudInstances.CountAsync(x => x.ClusterId == c.Chaoyang))).Should().Be(3);
    }

    [Fact]
    public async Task Without_a_configured_cluster_the_answer_is_not_configured()
    {
        await ConfigureAsync();
        Config["K8s:Cluster"] = "";
        try
        {
            var r = await app.Customer().GetAsync(Create, Form());
            r.Status.Should().BeFalse();
            r.Code.Should().Be("not_configured");
            (await app.Operator().GetAsync(Resources)).Code.Should().Be("not_configured");
        }
        finally
        {
            Config["K8s:Cluster"] = null;
        }
    }
}
