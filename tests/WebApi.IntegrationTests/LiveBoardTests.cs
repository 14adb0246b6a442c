using System.Text.Json.Nodes;
using Kboss.Application.Cpcc.Boards;
using Kboss.Domain.Cpcc;
using Kboss.Infrastructure.IntegrationTests;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>K4 get_cpcpod, K5 get_cpcworker and L4 setup_cpclabel against a fake Kubernetes API (analysis/cpcc.md §2.7, §4.5, §4.9).</summary>
public sealed class LiveBoardTests(AppFixture app, FakeKubeApi kube) : IClassFixture<AppFixture>, IClassFixture<FakeKubeApi>
{
    private const string Pods = "/dev/cpcc/cpcpod/get_cpcpod.dspy";
    private const string Workers = "/dev/cpcc/cpcworker/get_cpcworker.dspy";
    private const string Setup = "/dev/cpcc/cpclabel/setup_cpclabel.dspy";
    private const string Worker = "k8s-worker-20250408132243";
    private static readonly DateTime NodeCreated = new(2025, 4, 8, 5, 22, 43, DateTimeKind.Utc);
    private static readonly DateTime PodCreated = new(2025, 6, 10, 7, 22, 51, DateTimeKind.Utc);

    private Task<LiveCenter> CenterAsync() => LiveClusterSeed.CenterAsync(app.Factory, kube);

    // ---------------- K5 ----------------

    [Fact]
    public async Task Node_board_shows_localised_nodes_with_request_based_rates()
    {
        kube.Seed();
        var c = await CenterAsync();
        var r = await app.Operator().GetAsync(Workers, ("cpcid", c.Center.Id), ("clusterid", c.Center.Chaoyang));
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("获取集群实时成员节点成功");
        r.Data!["total"]!.GetValue<int>().Should().Be(2);
        var rows = r.Data["rows"]!.AsArray();
        var master = rows[0]!.AsObject();
        master.Select(p => p.Key).Should().Equal("node_name", "node_status", "node_role", "node_age", "node_version", "node_internalip",
            "node_externalip", "node_osversion", "node_kernelversion", "node_containeruntime", "node_labels", "node_cpurate", "node_memrate",
            "node_gpu", "available_cpu", "available_memory", "available_gpu");
        var age = KubeFormat.Age(NodeCreated, DateTime.UtcNow);
        // master: nothing requested on 4 cores / 15892Mi; worker: the 2-core / 5Gi StatefulSet pod on 4 cores / 15880Mi
        master.ToJsonString().Should().Be(new JsonObject
        {
            ["node_name"] = "k8s-master", ["node_status"] = "已就绪", ["node_role"] = "控制节点", ["node_age"] = age, ["node_version"] = "v1.28.2",
            ["node_internalip"] = "192.168.0.3", ["node_externalip"] = "未分配", ["node_osversion"] = "Ubuntu 22.04.1 LTS",
            ["node_kernelversion"] = "5.15.0-91-generic", ["node_containeruntime"] = "containerd://1.7.24", ["node_labels"] = new JsonArray("kyy-gpu=false"),
            ["node_cpurate"] = "0.0%", ["node_memrate"] = "0.0%", ["node_gpu"] = "0%", ["available_cpu"] = "4.00核", ["available_memory"] = "15.52Gi", ["available_gpu"] = 0,
        }.ToJsonString());
        var worker = rows[1]!;
        worker["node_name"]!.GetValue<string>().Should().Be(Worker);
        worker["node_role"]!.GetValue<string>().Should().Be("工作节点");
        worker["node_cpurate"]!.GetValue<string>().Should().Be("50.0%");
        worker["available_cpu"]!.GetValue<string>().Should().Be("2.00核");
        worker["node_memrate"]!.GetValue<string>().Should().Be("32.2%");     // 5120 / 15880 = 32.24%
        worker["available_memory"]!.GetValue<string>().Should().Be("10.51Gi"); // 10760 Mi
        (await app.Admin().GetAsync(Workers, ("cpcid", c.Center.Id), ("clusterid", c.Center.Chaoyang))).Status.Should().BeTrue();
    }

    [Fact]
    public async Task Node_board_refuses_customers_and_other_orgs_and_bad_input()
    {
        var c = await CenterAsync();
        (await app.Anonymous().GetAsync(Workers, ("cpcid", c.Center.Id), ("clusterid", c.Center.Chaoyang))).Http.Should().Be(401);
        (await app.Customer().GetAsync(Workers, ("cpcid", c.Center.Id), ("clusterid", c.Center.Chaoyang))).Http.Should().Be(403);
        (await app.OtherOperator().GetAsync(Workers, ("cpcid", c.Center.Id), ("clusterid", c.Center.Chaoyang))).Http.Should().Be(403);
        var missing = await app.Operator().GetAsync(Workers);
        (missing.Http, missing.Status, missing.Code).Should().Be((200, false, "invalid_argument"));
        missing.Msg.Should().Be("无算力中心ID");
        (await app.Operator().GetAsync(Workers, ("cpcid", c.Center.Id))).Msg.Should().Be("缺少必要参数: clusterid");
        (await app.Operator().GetAsync(Workers, ("cpcid", "nope"), ("clusterid", c.Center.Chaoyang))).Msg.Should().Be("算力中心不存在");
        var foreign = await app.Operator().GetAsync(Workers, ("cpcid", c.Center.Id), ("clusterid", DemoData.ClusterChaoyang));
        (foreign.Code, foreign.Msg).Should().Be(("not_found", "算力集群不存在"));
    }

    [Fact]
    public async Task Clusters_without_kubeconfig_installing_or_unreachable_are_clear_failures()
    {
        var c = await CenterAsync();
        var none = await app.Operator().GetAsync(Workers, ("cpcid", c.Center.Id), ("clusterid", c.Center.Tongzhou));
        (none.Http, none.Status, none.Code, none.Msg).Should().Be((200, false, "not_configured", LiveCluster.NoKubeconfig));

        await LiveClusterSeed.SetAsync(app.Factory, c.Center.Chaoyang, ready: 0);
        var installing = await app.Operator().GetAsync(Pods, ("cpcid", c.Center.Id), ("clusterid", c.Center.Chaoyang));
        (installing.Status, installing.Code, installing.Msg).Should().Be((false, "conflict", LiveCluster.Installing));
        await LiveClusterSeed.SetAsync(app.Factory, c.Center.Chaoyang, ready: 1);

        kube.FailWith500 = true;
        try
        {
            var r = await app.Operator().GetAsync(Workers, ("cpcid", c.Center.Id), ("clusterid", c.Center.Chaoyang));
            (r.Http, r.Status, r.Code).Should().Be((200, false, "upstream_failed"));
            r.Msg.Should().Be("列出节点失败: 集群 API 返回 500");
            var p = await app.Operator().GetAsync(Pods, ("cpcid", c.Center.Id), ("clusterid", c.Center.Chaoyang));
            (p.Http, p.Code, p.Msg).Should().Be((200, "upstream_failed", "列出资源实例失败: 集群 API 返回 500"));
        }
        finally
        {
            kube.FailWith500 = false;
        }

        await LiveClusterSeed.SetAsync(app.Factory, c.Center.Chaoyang, kubeconfig: "not: [a kubeconfig");
        var bad = await app.Operator().GetAsync(Workers, ("cpcid", c.Center.Id), ("clusterid", c.Center.Chaoyang));
        (bad.Http, bad.Code, bad.Msg).Should().Be((200, "upstream_failed", "集群上下文(kubeconfig)无效,无法连接集群"));

        var dead = kube.Kubeconfig.Replace($"127.0.0.1:{kube.Port}", "127.0.0.1:1");
        await LiveClusterSeed.SetAsync(app.Factory, c.Center.Chaoyang, kubeconfig: dead);
        var down = await app.Operator().GetAsync(Pods, ("cpcid", c.Center.Id), ("clusterid", c.Center.Chaoyang));
        (down.Http, down.Code).Should().Be((200, "upstream_failed"));
        down.Msg.Should().StartWith("列出资源实例失败: 无法连接集群 API");
    }

    // ---------------- K4 ----------------

    [Fact]
    public async Task Pod_board_shows_user_pods_with_usage_and_limits_to_operators()
    {
        kube.Seed();
        var c = await CenterAsync();
        var r = await app.Operator().GetAsync(Pods, ("cpcid", c.Center.Id), ("clusterid", c.Center.Chaoyang));
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("获取集群实时资源实例成功");
        r.Data!["total"]!.GetValue<int>().Should().Be(1, "kube-system pods are not shown");
        r.Data["rows"]![0]!.ToJsonString().Should().Be(new JsonObject
        {
            ["pod_namespace"] = FakeKubeApi.Namespace, ["pod_name"] = "q2aodptfquogblu5nzblt-statefulset-0", ["pod_ready"] = "1/1",
            ["pod_running"] = "Running", ["pod_restart"] = "1", ["pod_age"] = KubeFormat.Age(PodCreated, DateTime.UtcNow), ["pod_ip"] = "10.244.5.36",
            ["pod_node"] = Worker, ["pod_nominated_node"] = "无", ["pod_cpurate"] = "0.004核", ["pod_memrate"] = "2.539Mi", ["pod_gpu"] = "0",
            ["pod_cpu_limit"] = "2", ["pod_memory_limit"] = "5Gi", ["pod_gpu_limit"] = "0",
        }.ToJsonString());

        kube.MetricsServer = false;
        try
        {
            var noMetrics = await app.Operator().GetAsync(Pods, ("cpcid", c.Center.Id), ("clusterid", c.Center.Chaoyang));
            noMetrics.Status.Should().BeTrue(noMetrics.Raw);
            var row = noMetrics.Data!["rows"]![0]!;
            (row["pod_cpurate"]!.GetValue<string>(), row["pod_memrate"]!.GetValue<string>()).Should().Be(("", ""));
            row["pod_cpu_limit"]!.GetValue<string>().Should().Be("2");
        }
        finally
        {
            kube.MetricsServer = true;
        }
    }

    [Fact]
    public async Task Customers_see_only_the_pods_of_their_org_namespace()
    {
        kube.Seed();
        var c = await CenterAsync();
        kube.TenantNamespace = InstanceNaming.Derive(c.Center.Chaoyang, app.CustomerOrgId, "x", "StatefulSet").Namespace;
        try
        {
            (string, string?)[] q = [("cpcid", c.Center.Id), ("clusterid", c.Center.Chaoyang)];
            var own = await app.Customer().GetAsync(Pods, q);
            own.Status.Should().BeTrue(own.Raw);
            var rows = own.Data!["rows"]!.AsArray();
            rows.Select(x => x!["pod_name"]!.GetValue<string>()).Should().Equal("tenant-app-0");
            (rows[0]!["pod_namespace"]!.GetValue<string>(), rows[0]!["pod_cpu_limit"]!.GetValue<string>(), rows[0]!["pod_memory_limit"]!.GetValue<string>())
                .Should().Be((kube.TenantNamespace, "500m", "512Mi"));

            var op = await app.Operator().GetAsync(Pods, q);
            op.Data!["rows"]!.AsArray().Select(x => x!["pod_name"]!.GetValue<string>()).Should().BeEquivalentTo(["q2aodptfquogblu5nzblt-statefulset-0", "tenant-app-0"]);
            var otherOp = await app.OtherOperator().GetAsync(Pods, q);
            (otherOp.Status, otherOp.Data!["total"]!.GetValue<int>()).Should().Be((true, 0));
            (await app.Anonymous().GetAsync(Pods, q)).Http.Should().Be(401);
            (await app.Customer().GetAsync(Pods, ("cpcid", c.Center.Id), ("clusterid", "x"))).Code.Should().Be("not_found");
            (await app.Customer().GetAsync(Pods, ("clusterid", "x"))).Msg.Should().Be("无算力中心ID");
            (await app.Customer().GetAsync(Pods, ("cpcid", "nope"), ("clusterid", "x"))).Msg.Should().Be("算力中心不存在");
        }
        finally
        {
            kube.TenantNamespace = null;
        }
    }

    // ---------------- L4 ----------------

    [Fact]
    public async Task Setup_label_binds_and_unbinds_a_catalogue_label_on_the_node_and_audits()
    {
        kube.Seed();
        var c = await CenterAsync();
        (await app.Operator().PostAsync("/dev/cpcc/cpclabel/add_cpclabel.dspy", ("name", "A100节点"), ("labeltype", "1"), ("label_key", "gpu-type"), ("label_value", "a100"))).Status.Should().BeTrue();
        var r = await app.Operator().PostAsync(Setup, ("cpcid", c.Center.Id), ("clusterid", c.Center.Chaoyang), ("label", "gpu-type=a100"), ("worker_node", Worker), ("opt", "label"));
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("设置节点标签成功");
        r.Data!.ToJsonString().Should().Be(new JsonObject
        {
            ["clusterid"] = c.Center.Chaoyang, ["cpcid"] = c.Center.Id, ["label"] = "gpu-type=a100", ["opt"] = "label",
            ["orgid"] = DemoData.OrgId, ["worker_node"] = Worker,
        }.ToJsonString());
        kube.Nodes[Worker]["metadata"]!["labels"]!["gpu-type"]!.GetValue<string>().Should().Be("a100");
        var board = await app.Operator().GetAsync(Workers, ("cpcid", c.Center.Id), ("clusterid", c.Center.Chaoyang));
        board.Data!["rows"]![1]!["node_labels"]!.AsArray().Select(x => x!.GetValue<string>()).Should().Equal("gpu-type=a100", "kyy-gpu=false");

        var un = await app.Operator().PostAsync(Setup, ("cpcid", c.Center.Id), ("clusterid", c.Center.Chaoyang), ("label", "gpu-type"), ("worker_node", Worker), ("opt", "unlabel"));
        un.Status.Should().BeTrue(un.Raw);
        kube.Nodes[Worker]["metadata"]!["labels"]!.AsObject().ContainsKey("gpu-type").Should().BeFalse();
        await app.Factory.WithDbAsync(async db =>
        {
            var actions = await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == c.Center.Chaoyang).Select(a => a.Action).ToListAsync();
            actions.Should().Contain(["cpcc.node.labeled", "cpcc.node.unlabeled"]);
        });
    }

    [Theory]
    [InlineData("label", "kyy-gpu", "label", "标签格式错误,应为 key=value (解绑时可只写 key)")]
    [InlineData("label", "-x=1", "label", "标签格式错误,应为 key=value (解绑时可只写 key)")]
    [InlineData("opt", "bind", "opt", "无效的标签操作: bind")]
    [InlineData("opt", "", "opt", "缺少必要参数: opt")]
    [InlineData("worker_node", "", "worker_node", "缺少必要参数: worker_node")]
    [InlineData("cpcid", "", "cpcid", "无算力中心ID")]
    [InlineData("clusterid", "", "clusterid", "缺少必要参数: clusterid")]
    public async Task Setup_label_rejects_bad_input(string field, string value, string param, string msg)
    {
        (string, string?)[] form = [("cpcid", "c"), ("clusterid", "k"), ("label", "kyy-gpu=true"), ("worker_node", Worker), ("opt", "label")];
        var r = await app.Operator().PostAsync(Setup, form.Select(f => f.Item1 == field ? (f.Item1, (string?)value) : f).ToArray());
        (r.Http, r.Status, r.Code).Should().Be((200, false, "invalid_argument"));
        r.Body["errors"]![param]!.AsArray().Select(m => m!.GetValue<string>()).Should().Contain(msg);
    }

    [Fact]
    public async Task Setup_label_failures_and_rights()
    {
        kube.Seed();
        var c = await CenterAsync();
        (string, string?)[] Form(string label, string node, string opt = "label") =>
            [("cpcid", c.Center.Id), ("clusterid", c.Center.Chaoyang), ("label", label), ("worker_node", node), ("opt", opt)];
        var notInCatalogue = await app.Operator().PostAsync(Setup, Form("kyy-unknown=1", Worker));
        (notInCatalogue.Status, notInCatalogue.Code).Should().Be((false, "not_found"));
        notInCatalogue.Msg.Should().Be("该节点标签不在组织的标签库中,请先新增资源标签(节点标签)");

        (await app.Operator().PostAsync("/dev/cpcc/cpclabel/add_cpclabel.dspy", ("name", "非GPU设备"), ("labeltype", "1"), ("label_key", "kyy-gpu"), ("label_value", "true"))).Status.Should().BeTrue();
        var ghost = await app.Operator().PostAsync(Setup, Form("kyy-gpu=true", "ghost"));
        (ghost.Http, ghost.Status, ghost.Code, ghost.Msg).Should().Be((200, false, "not_found", "设置节点 ghost 的标签失败: 对象不存在"));

        (await app.Customer().PostAsync(Setup, Form("kyy-gpu=true", Worker))).Http.Should().Be(403);
        (await app.OtherOperator().PostAsync(Setup, Form("kyy-gpu=true", Worker))).Http.Should().Be(403);
        (await app.Anonymous().PostAsync(Setup, Form("kyy-gpu=true", Worker))).Http.Should().Be(401);
        (await app.Operator().GetAsync(Setup, Form("kyy-gpu=true", Worker))).Http.Should().Be(404, "documented as POST");

        kube.FailWith500 = true;
        try
        {
            var r = await app.Operator().PostAsync(Setup, Form("kyy-gpu=true", Worker));
            (r.Http, r.Code, r.Msg).Should().Be((200, "upstream_failed", $"设置节点 {Worker} 的标签失败: 集群 API 返回 500"));
        }
        finally
        {
            kube.FailWith500 = false;
        }

        // parallel binds of the same label all succeed (a merge patch is idempotent)
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.Operator().PostAsync(Setup, Form("kyy-gpu=true", Worker))));
        results.Should().OnlyContain(x => x.Status);
        kube.Nodes[Worker]["metadata"]!["labels"]!["kyy-gpu"]!.GetValue<string>().Should().Be("true");
        kube.Seed();
    }
}
