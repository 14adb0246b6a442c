using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Common;
using Kboss.Domain.Cpcc;
using Kboss.Infrastructure.IntegrationTests;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>K1, K2 and K6–K9 (spec: 40-cpcc-clusters.md; analysis/cpcc.md §3.D, §4.8).</summary>
public sealed class ClusterConfigTests(AppFixture app, FakeKubeApi kube) : IClassFixture<AppFixture>, IClassFixture<FakeKubeApi>
{
    private const string ListClusters = "/dev/cpcc/cpccluster/get_cpccluster.dspy";
    private const string UpdateCluster = "/dev/cpcc/cpccluster/update_cpccluster.dspy";
    private const string New = "/dev/cpcc/cpcpodyaml/new_cpcpodyaml.dspy";
    private const string Get = "/dev/cpcc/cpcpodyaml/get_cpcpodyaml.dspy";
    private const string Update = "/dev/cpcc/cpcpodyaml/update_cpcpodyaml.dspy";
    private const string Delete = "/dev/cpcc/cpcpodyaml/delete_cpcpodyaml.dspy";

    /// <summary>The spec's K6 request (kyy-new5090gpu-ubuntu2204) in cluster <paramref name="clusterId"/>.</summary>
    internal static (string, string?)[] Config(string clusterId, string nodePort = "30063", string? orgid = null, string nodeSelector = "kyy-gpu=false") =>
    [
        ("clusterid", clusterId), ("source_name", "kyy-new5090gpu-ubuntu2204"), ("source_authuser", "root"), ("source_authpasswd", "kyycloud"),
        ("source_podengine", "StatefulSet"), ("source_replicasetnum", "1"), ("instance_type", "LinuxOS"),
        ("pod_imagepath", "docker.io/library/ubuntu:22.04"), ("source_memrate", "512Mi"), ("source_cpurate", "1000m"),
        ("source_selflabel", "app:ubuntu3"), ("source_gpu", "0"), ("source_portmode", "NodePort"), ("source_restartpolicy", "Always"),
        ("source_apiport", "6035"), ("source_insideport", "3306"), ("source_outsideport", nodePort), ("source_mountpath", "/mnt/data"),
        ("source_storagelimits", "49Gi"), ("source_nodeselector", nodeSelector), ("cpu_model", "INTEL(R) XEON(R) PLATINUM 8582C"),
        ("gpu_model", ""), ("disk_sys_limit", "20Gi"), ("orgid", orgid),
    ];

    private static (string, string?)[] With((string, string?)[] form, string key, string? value) =>
        form.Any(f => f.Item1 == key) ? form.Select(f => f.Item1 == key ? (f.Item1, value) : f).ToArray() : [.. form, (key, value)];

    private static (string, string?)[] UpdateForm(string cpcid, string clusterId, string id, string nodePort) =>
        With(With(Config(clusterId, nodePort).Where(f => f.Item1 is not ("source_gpu" or "cpu_model" or "gpu_model" or "disk_sys_limit" or "orgid")).ToArray(),
            "cpcid", cpcid), "id", id);

    private async Task<string> NewAsync(Api api, string clusterId, string port, string? orgid = null)
    {
        var r = await api.PostAsync(New, Config(clusterId, port, orgid));
        r.Status.Should().BeTrue(r.Raw);
        return r.Data!["id"]!.GetValue<string>();
    }

    /// <summary>Stock (in 朝阳区) that any test instance fits: the §4.2 widgets of the spec's K6 request.</summary>
    internal static readonly IReadOnlyDictionary<string, long> Plenty = new Dictionary<string, long>
    {
        ["INTEL(R) XEON(R) PLATINUM 8582C"] = 10_000, ["STANDARD"] = 10_000_000, ["SYS"] = 1_000_000, ["DATA"] = 1_000_000, ["RTX5090-32G"] = 1_000,
    };

    /// <summary>A private centre whose clusters reach the fake API server, with plenty of stock.</summary>
    private Task<SeededCenter> CenterAsync() => Seed.CenterAsync(app.Factory, stock: Plenty, kubeconfig: kube.Kubeconfig);

    /// <summary>Points the demo centre's 朝阳区 cluster at the fake API server and gives it memory and system-disk stock.</summary>
    private Task PrepareDemoAsync() => app.Factory.WithDbAsync(async db =>
    {
        var cluster = await db.Clusters.SingleAsync(k => k.Id == DemoData.ClusterChaoyang);
        cluster.KubeconfigProtected = app.Factory.Service<ISecretProtector>().Protect(kube.Kubeconfig);
        foreach (var model in new[] { "STANDARD", "SYS" })
            await db.WidgetClusterStocks.Where(s => s.ClusterId == DemoData.ClusterChaoyang && db.Widgets.Any(w => w.Id == s.WidgetId && w.Model == model))
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Stock, 1_000_000L));
        await db.SaveChangesAsync();
    });

    // ---------------- K1 / K2 ----------------

    [Fact]
    public async Task List_clusters_masks_credentials_and_names_the_controller()
    {
        var c = await Seed.CenterAsync(app.Factory, withWidgets: false);
        var secrets = app.Factory.Service<ISecretProtector>();
        await app.Factory.WithDbAsync(async db =>
        {
            var master = new Device { Cpcid = c.Id, Name = "3-虚拟机ubuntu2204", Ip = "192.168.0.3", AdminUser = "root", AdminPwdProtected = secrets.Protect("pw") };
            master.Occupy(c.Chaoyang, DeviceRoles.Master).Ok.Should().BeTrue();
            db.Devices.Add(master);
            var k = await db.Clusters.SingleAsync(x => x.Id == c.Chaoyang);
            k.ControllerId = master.Id;
            k.EnableDate = new DateOnly(2025, 4, 3);
            k.ExportDate = new DateOnly(2025, 5, 10);
            k.ClusterJoinProtected = secrets.Protect("kubeadm join 192.168.0.3:6443 --token nt80u6.gzpj9dxsrw79270c");
            k.KubeconfigProtected = secrets.Protect("apiVersion: v1\nkind: Config\n");
            await db.SaveChangesAsync();
        });
        var r = await app.Operator().GetAsync(ListClusters, ("cpcid", c.Id));
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("获取算力集群成功");
        r.Data!["total"]!.GetValue<int>().Should().Be(2);
        var rows = r.Data["rows"]!.AsArray();
        rows.Select(x => x!["id"]!.GetValue<string>()).Should().BeInAscendingOrder(StringComparer.Ordinal);
        var k = rows.Single(x => x!["id"]!.GetValue<string>() == c.Chaoyang)!.AsObject();
        k.Select(p => p.Key).Should().Equal("id", "name", "cpcid", "clustertype", "controllerid", "enable_date", "export_date",
            "clusterjoin", "kubeconfig", "clustertype_text", "controllerid_text", "ready", "row_num_");
        k["clustertype"]!.GetValue<string>().Should().Be("0");
        k["clustertype_text"]!.GetValue<string>().Should().Be("kubernetes");
        k["controllerid_text"]!.GetValue<string>().Should().Be("192.168.0.3");
        k["enable_date"]!.GetValue<string>().Should().Be("2025-04-03");
        k["export_date"]!.GetValue<string>().Should().Be("2025-05-10");
        k["clusterjoin"]!.GetValue<string>().Should().Be("******");
        k["kubeconfig"]!.GetValue<string>().Should().Be("******");
        k["ready"]!.GetValue<int>().Should().Be(1);
        r.Raw.Should().NotContain("kubeadm").And.NotContain("apiVersion");
        var t = rows.Single(x => x!["id"]!.GetValue<string>() == c.Tongzhou)!;
        t["clusterjoin"]!.GetValue<string>().Should().Be("");
        t["controllerid_text"]!.GetValue<string>().Should().Be("");

        (await app.Operator().GetAsync(ListClusters)).Msg.Should().Be("无算力中心ID");
        (await app.Operator().GetAsync(ListClusters, ("cpcid", "nope"))).Msg.Should().Be("算力中心不存在");
    }

    [Fact]
    public async Task Update_cluster_changes_only_name_and_dates()
    {
        var c = await Seed.CenterAsync(app.Factory, withWidgets: false);
        var secrets = app.Factory.Service<ISecretProtector>();
        await app.Factory.WithDbAsync(async db =>
        {
            (await db.Clusters.SingleAsync(x => x.Id == c.Chaoyang)).ClusterJoinProtected = secrets.Protect("kubeadm join x");
            await db.SaveChangesAsync();
        });
        var r = await app.Operator().PostAsync(UpdateCluster, ("cpcid", c.Id), ("id", c.Chaoyang), ("name", "测试离线安装控制节点"),
            ("enable_date", "2025-04-03"), ("export_date", "2025-05-10"), ("cluster_type", "0"), ("clusterjoin", "******"), ("controllerid", ""));
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("更新算力集群成功");
        System.Text.Json.Nodes.JsonNode.DeepEquals(r.Data, System.Text.Json.Nodes.JsonNode.Parse(
            $$"""{"id":"{{c.Chaoyang}}","cpcid":"{{c.Id}}","name":"测试离线安装控制节点","enable_date":"2025-04-03","export_date":"2025-05-10"}""")).Should().BeTrue(r.Raw);
        var partial = await app.Operator().PostAsync(UpdateCluster, ("cpcid", c.Id), ("id", c.Chaoyang), ("export_date", "2026-01-01"));
        partial.Data!["name"]!.GetValue<string>().Should().Be("测试离线安装控制节点");
        partial.Data["export_date"]!.GetValue<string>().Should().Be("2026-01-01");
        (await app.Operator().PostAsync(UpdateCluster, ("cpcid", c.Id), ("id", c.Chaoyang), ("clusterjoin", "kubeadm join x"))).Status.Should().BeTrue("unchanged");

        foreach (var (key, value) in new[] { ("controllerid", "someone"), ("cluster_type", "1"), ("clusterjoin", "kubeadm join other") })
        {
            var refused = await app.Operator().PostAsync(UpdateCluster, ("cpcid", c.Id), ("id", c.Chaoyang), (key, value));
            refused.Status.Should().BeFalse(key);
            refused.Code.Should().Be("conflict");
            refused.Msg.Should().Be("只能修改集群名称和启停时间");
        }
        (await app.Operator().PostAsync(UpdateCluster, ("cpcid", c.Id), ("id", c.Chaoyang), ("export_date", "2020-01-01"))).Msg.Should().Be("停止日期不能早于启用日期");
        (await app.Operator().PostAsync(UpdateCluster, ("cpcid", c.Id), ("id", c.Chaoyang), ("enable_date", "2025/1/1"))).Code.Should().Be("invalid_argument");
        (await app.Operator().PostAsync(UpdateCluster, ("cpcid", c.Id), ("id", c.Chaoyang), ("cluster_type", "9"))).Code.Should().Be("invalid_argument");
        (await app.Operator().PostAsync(UpdateCluster, ("cpcid", c.Id), ("id", "nope"))).Msg.Should().Be("算力集群不存在");
        (await app.Operator().PostAsync(UpdateCluster, ("cpcid", c.Id))).Msg.Should().Be("缺少必要参数: id");
        (await app.Operator().PostAsync(UpdateCluster, ("id", c.Chaoyang))).Msg.Should().Be("无算力中心ID");
        (await app.Operator().PostAsync(UpdateCluster, ("cpcid", DemoData.CenterId), ("id", c.Chaoyang))).Msg.Should().Be("算力集群不存在");
        (await app.OtherOperator().PostAsync(UpdateCluster, ("cpcid", c.Id), ("id", c.Chaoyang), ("name", "x"))).Http.Should().Be(403);
        await app.Factory.WithDbAsync(async db =>
            (await db.AuditEntries.AsNoTracking().AnyAsync(a => a.EntityId == c.Chaoyang && a.Action == "cpcc.cluster.updated")).Should().BeTrue());
    }

    // ---------------- K6 ----------------

    [Fact]
    public async Task New_config_echoes_the_spec_shape_with_the_spec_namespace()
    {
        await PrepareDemoAsync();
        var r = await app.Operator().PostAsync(New, Config(DemoData.ClusterChaoyang));
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("新增资源实例参数成功,请10秒后查看实时资源实例面板");
        var d = r.Data!.AsObject();
        var id = d["id"]!.GetValue<string>();
        id.Should().MatchRegex("^[a-z][a-z0-9]{20}$");
        d["action"]!.GetValue<string>().Should().Be("apply");
        d["namespace_name"]!.GetValue<string>().Should().Be("4hbm8atruisou2bs24t-n-miwuhbeedm8mwafpiq8ps");
        d["serviceaccount_name"]!.GetValue<string>().Should().Be("4hbm8atruisou2bs24t-n-miwuhbeedm8mwafpiq8ps-serviceaccount");
        d["podcd_name"]!.GetValue<string>().Should().Be(id + "-statefulset");
        d["service_name"]!.GetValue<string>().Should().Be(id + "-service");
        d["clusterid"]!.GetValue<string>().Should().Be(DemoData.ClusterChaoyang);
        d["cpcid"]!.GetValue<string>().Should().Be(DemoData.CenterId);
        d["orgid"]!.GetValue<string>().Should().Be(DemoData.OrgId);
        d["source_apiport"]!.GetValue<string>().Should().Be("6035");
        d["source_insideport"]!.GetValue<string>().Should().Be("3306");
        d["source_outsideport"]!.GetValue<string>().Should().Be("30063");
        d["source_replicasetnum"]!.GetValue<string>().Should().Be("1");
        d["source_authpasswd"]!.GetValue<string>().Should().Be("******");
        d["source_selflabel"]!.GetValue<string>().Should().Be("app:ubuntu3");
        d["source_nodeselector"]!.GetValue<string>().Should().Be("kyy-gpu=false");
        d["source_storagelimits"]!.GetValue<string>().Should().Be("49Gi");
        d.Select(p => p.Key).Should().Contain(["action", "namespace_name", "serviceaccount_name", "podcd_name", "service_name",
            "instance_type", "clusterid", "orgid", "pod_imagepath", "source_apiport", "source_authpasswd", "source_authuser",
            "source_cpurate", "source_insideport", "source_memrate", "source_mountpath", "source_name", "source_outsideport",
            "source_podengine", "source_portmode", "source_replicasetnum", "source_restartpolicy", "source_selflabel",
            "source_storagelimits", "source_nodeselector", "id", "cpcid"]);
        r.Raw.Should().NotContain("kyycloud");
        await app.Factory.WithDbAsync(async db =>
        {
            var stored = await db.InstanceConfigs.AsNoTracking().SingleAsync(x => x.Id == id);
            app.Factory.Service<ISecretProtector>().Unprotect(stored.SourceAuthpasswdProtected).Should().Be("kyycloud");
            stored.DiskSysLimit.Should().Be("20Gi");
            stored.CpuModel.Should().Be("INTEL(R) XEON(R) PLATINUM 8582C");
            stored.UserId.Should().NotBeNullOrEmpty();
            (await db.AuditEntries.AsNoTracking().AnyAsync(a => a.EntityId == id && a.Action == "cpcc.instance_config.created")).Should().BeTrue();
        });
    }

    [Theory]
    [InlineData("clusterid", "", "缺少必要参数: clusterid")]
    [InlineData("source_name", "", "缺少必要参数: source_name")]
    [InlineData("source_authpasswd", "", "缺少必要参数: source_authpasswd")]
    [InlineData("source_podengine", "ReplicaSet", "source_podengine 取值无效,可选: StatefulSet/Deployment/DaemonSet/CronJob/Job/Standalone")]
    [InlineData("source_restartpolicy", "Never", "重启策略与资源实例控制器不匹配: StatefulSet/Deployment/DaemonSet 只能用 Always,Job/CronJob 只能用 OnFailure 或 Never")]
    [InlineData("source_replicasetnum", "0", "source_replicasetnum 必须是 1 到 1000 之间的整数")]
    [InlineData("instance_type", "Windows", "instance_type 取值无效,可选: LinuxOS/RelationalDB")]
    [InlineData("pod_imagepath", "docker.io/library/alpine:3", "pod_imagepath 取值无效,可选: docker.io/library/ubuntu:22.04/docker.io/library/mysql:8.0/docker.io/jupyter/base-notebook:latest")]
    [InlineData("source_memrate", "lots", "source_memrate 必须是合法的资源数量,如 512Mi")]
    [InlineData("source_cpurate", "0", "source_cpurate 必须是合法的资源数量,如 1000m")]
    [InlineData("source_storagelimits", "49GB", "source_storagelimits 必须是合法的资源数量,如 49Gi")]
    [InlineData("disk_sys_limit", "-1Gi", "disk_sys_limit 必须是合法的资源数量,如 20Gi")]
    [InlineData("source_selflabel", "app=ubuntu3", "source_selflabel 格式应为 key:value")]
    [InlineData("source_nodeselector", "kyy-gpu:false", "source_nodeselector 格式应为 key=value")]
    [InlineData("source_nodeselector", "", "缺少必要参数: source_nodeselector")]
    [InlineData("source_portmode", "HostPort", "source_portmode 取值无效,可选: NodePort/Ingress/LoadBalancer")]
    [InlineData("source_apiport", "70000", "source_apiport 必须是 1-65535 之间的整数")]
    [InlineData("source_insideport", "x", "source_insideport 必须是 1-65535 之间的整数")]
    [InlineData("source_outsideport", "8080", "NodePort 模式下 source_outsideport 必须在 30000-32767 之间")]
    [InlineData("source_mountpath", "mnt/data", "source_mountpath 必须是以 / 开头的绝对路径")]
    [InlineData("source_gpu", "2", "分配GPU时必须指定 gpu_model")]
    [InlineData("source_gpu", "-1", "source_gpu 必须是 0 到 64 之间的整数")]
    [InlineData("cpu_model", "", "缺少必要参数: cpu_model")]
    public async Task New_config_rejects_bad_input(string field, string value, string msg)
    {
        var r = await app.Operator().PostAsync(New, With(Config(DemoData.ClusterChaoyang, "30999"), field, value));
        r.Http.Should().Be(200);
        r.Status.Should().BeFalse();
        r.Code.Should().Be("invalid_argument");
        r.Body["errors"]!.AsObject().SelectMany(e => e.Value!.AsArray().Select(m => m!.GetValue<string>())).Should().Contain(msg);
    }

    [Fact]
    public async Task New_config_accepts_consistent_job_policies_and_gpu_instances()
    {
        var c = await CenterAsync();
        var job = With(With(Config(c.Chaoyang, "30001"), "source_podengine", "Job"), "source_restartpolicy", "OnFailure");
        var r = await app.Operator().PostAsync(New, job);
        r.Status.Should().BeTrue(r.Raw);
        r.Data!["podcd_name"]!.GetValue<string>().Should().EndWith("-job");
        var gpu = With(With(Config(c.Chaoyang, "30002"), "source_gpu", "2"), "gpu_model", "RTX5090-32G");
        (await app.Operator().PostAsync(New, gpu)).Status.Should().BeTrue();
    }

    [Fact]
    public async Task New_config_needs_an_installed_cluster_a_free_node_port_and_a_known_owner()
    {
        var c = await CenterAsync();
        (await app.Operator().PostAsync(New, Config("nope"))).Msg.Should().Be("算力集群不存在");
        await app.Factory.WithDbAsync(async db =>
        {
            (await db.Clusters.SingleAsync(x => x.Id == c.Tongzhou)).Ready = ClusterReady.Installing;
            await db.SaveChangesAsync();
        });
        var installing = await app.Operator().PostAsync(New, Config(c.Tongzhou, "30500"));
        installing.Status.Should().BeFalse();
        installing.Code.Should().Be("conflict");
        installing.Msg.Should().Be("算力集群尚未安装完成,暂不能创建资源实例");

        await NewAsync(app.Operator(), c.Chaoyang, "30600");
        var taken = await app.Operator().PostAsync(New, Config(c.Chaoyang, "30600"));
        taken.Status.Should().BeFalse();
        taken.Code.Should().Be("conflict");
        taken.Msg.Should().Be("该节点端口已被该集群的其他资源实例占用");
        (await app.Operator().PostAsync(New, With(Config(c.Chaoyang, "30600"), "source_portmode", "Ingress"))).Status.Should().BeTrue("not a node port");

        (await app.Operator().PostAsync(New, With(Config(c.Chaoyang, "30601"), "userid", "nope"))).Msg.Should().Be("用户不存在");
    }

    [Fact]
    public async Task Parallel_creates_on_one_node_port_store_exactly_one()
    {
        var c = await CenterAsync();
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.Operator().PostAsync(New, Config(c.Chaoyang, "31999"))));
        results.Should().OnlyContain(r => r.Http == 200);
        results.Count(r => r.Status).Should().Be(1);
        results.Where(r => !r.Status).Should().OnlyContain(r => r.Msg == "该节点端口已被该集群的其他资源实例占用");
    }

    // ---------------- K7 ----------------

    [Fact]
    public async Task List_configs_shows_numbers_masks_passwords_and_scopes_customers_to_their_org()
    {
        var c = await CenterAsync();
        var mine = await NewAsync(app.Operator(), c.Chaoyang, "30700");
        var customers = await NewAsync(app.Operator(), c.Chaoyang, "30701", app.CustomerOrgId);

        var all = await app.Operator().GetAsync(Get, ("cpcid", c.Id), ("clusterid", c.Chaoyang));
        all.Status.Should().BeTrue(all.Raw);
        all.Msg.Should().Be("获取资源实例静态配置成功");
        all.Data!["total"]!.GetValue<int>().Should().Be(2);
        var row = all.Data["rows"]!.AsArray().Single(x => x!["id"]!.GetValue<string>() == mine)!.AsObject();
        row.Select(p => p.Key).Should().Contain(["id", "namespace_name", "serviceaccount_name", "podcd_name", "service_name", "clusterid",
            "cpcid", "source_name", "source_authuser", "source_authpasswd", "source_podengine", "source_replicasetnum", "pod_imagepath",
            "source_memrate", "source_cpurate", "source_selflabel", "source_portmode", "source_restartpolicy", "source_apiport",
            "source_insideport", "source_outsideport", "source_mountpath", "source_storagelimits", "instance_type",
            "source_nodeselector", "username", "row_num_"]);
        row["source_replicasetnum"]!.GetValue<int>().Should().Be(1);
        row["source_apiport"]!.GetValue<int>().Should().Be(6035);
        row["source_outsideport"]!.GetValue<int>().Should().Be(30700);
        row["source_authpasswd"]!.GetValue<string>().Should().Be("******");
        row["username"]!.GetValue<string>().Should().NotBeEmpty();
        all.Raw.Should().NotContain("kyycloud");
        var customerNs = all.Data["rows"]!.AsArray().Single(x => x!["id"]!.GetValue<string>() == customers)!["namespace_name"]!.GetValue<string>();
        customerNs.Should().Be(InstanceNaming.Derive(c.Chaoyang, app.CustomerOrgId, customers, "StatefulSet").Namespace);

        var cust = await app.Customer().GetAsync(Get, ("cpcid", c.Id), ("clusterid", c.Chaoyang));
        cust.Status.Should().BeTrue(cust.Raw);
        cust.Data!["rows"]!.AsArray().Select(x => x!["id"]!.GetValue<string>()).Should().Equal(customers);
        var foreign = await app.OtherOperator().GetAsync(Get, ("cpcid", c.Id), ("clusterid", c.Chaoyang));
        foreign.Data!["total"]!.GetValue<int>().Should().Be(0);

        (await app.Anonymous().GetAsync(Get, ("cpcid", c.Id), ("clusterid", c.Chaoyang))).Http.Should().Be(401);
        (await app.Operator().GetAsync(Get, ("clusterid", c.Chaoyang))).Msg.Should().Be("无算力中心ID");
        (await app.Operator().GetAsync(Get, ("cpcid", c.Id))).Msg.Should().Be("缺少必要参数: clusterid");
        (await app.Operator().GetAsync(Get, ("cpcid", "nope"), ("clusterid", c.Chaoyang))).Msg.Should().Be("算力中心不存在");
        (await app.Operator().GetAsync(Get, ("cpcid", DemoData.CenterId), ("clusterid", c.Chaoyang))).Msg.Should().Be("算力集群不存在");
    }

    // ---------------- K8 ----------------

    [Fact]
    public async Task Update_config_overwrites_fields_keeps_names_and_masked_password()
    {
        var c = await CenterAsync();
        var id = await NewAsync(app.Operator(), c.Chaoyang, "30800");
        var form = With(With(UpdateForm(c.Id, c.Chaoyang, id, "30800"), "source_replicasetnum", "2"), "source_authpasswd", "******");
        var r = await app.Operator().PostAsync(Update, form);
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("资源参数更新成功,请10秒后查看实时资源实例面板");
        var d = r.Data!.AsObject();
        d["source_replicasetnum"]!.GetValue<string>().Should().Be("2");
        d["id"]!.GetValue<string>().Should().Be(id);
        d["orgid"]!.GetValue<string>().Should().Be(DemoData.OrgId);
        d["source_authpasswd"]!.GetValue<string>().Should().Be("******");
        d.Select(p => p.Key).Should().NotContain(["action", "namespace_name", "podcd_name"]);
        await app.Factory.WithDbAsync(async db =>
        {
            var stored = await db.InstanceConfigs.AsNoTracking().SingleAsync(x => x.Id == id);
            stored.SourceReplicasetnum.Should().Be(2);
            stored.PodcdName.Should().Be(id + "-statefulset");
            app.Factory.Service<ISecretProtector>().Unprotect(stored.SourceAuthpasswdProtected).Should().Be("kyycloud");
        });

        var engine = await app.Operator().PostAsync(Update, With(With(form, "source_podengine", "Deployment"), "source_restartpolicy", "Always"));
        engine.Code.Should().Be("conflict");
        engine.Msg.Should().Be("不允许修改资源实例控制器");
        await NewAsync(app.Operator(), c.Chaoyang, "30801");
        (await app.Operator().PostAsync(Update, With(form, "source_outsideport", "30801"))).Msg.Should().Be("该节点端口已被该集群的其他资源实例占用");
        (await app.Operator().PostAsync(Update, With(form, "source_cpurate", "fast"))).Code.Should().Be("invalid_argument");
        (await app.Operator().PostAsync(Update, With(form, "id", null))).Msg.Should().Be("缺少必要参数: id");
        (await app.Operator().PostAsync(Update, With(form, "id", "nope"))).Msg.Should().Be("资源实例配置不存在");
        (await app.Operator().PostAsync(Update, With(form, "clusterid", c.Tongzhou))).Msg.Should().Be("资源实例配置不存在");
        (await app.OtherOperator().PostAsync(Update, form)).Http.Should().Be(403);
        (await app.Customer().PostAsync(Update, form)).Http.Should().Be(403);
        (await app.Anonymous().PostAsync(Update, form)).Http.Should().Be(401);
    }

    // ---------------- K9 ----------------

    [Fact]
    public async Task Delete_config_soft_deletes_and_frees_the_node_port()
    {
        var c = await CenterAsync();
        var id = await NewAsync(app.Operator(), c.Chaoyang, "30900");
        (await app.OtherOperator().PostAsync(Delete, ("id", id))).Http.Should().Be(403);
        (await app.Customer().PostAsync(Delete, ("id", id))).Http.Should().Be(403);
        (await app.Anonymous().PostAsync(Delete, ("id", id))).Http.Should().Be(401);
        var r = await app.Operator().PostAsync(Delete, ("id", id));
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("级联删除集群资源成功,请10秒后查看实时资源实例面板");
        r.Data!.ToJsonString().Should().Be($$"""{"id":"{{id}}"}""");
        (await app.Operator().PostAsync(Delete, ("id", id))).Msg.Should().Be("资源实例配置不存在");
        (await app.Operator().PostAsync(Delete)).Msg.Should().Be("缺少必要参数: id");
        (await app.Operator().GetAsync(Get, ("cpcid", c.Id), ("clusterid", c.Chaoyang))).Data!["rows"]!.AsArray()
            .Should().NotContain(x => x!["id"]!.GetValue<string>() == id);
        (await app.Operator().PostAsync(New, Config(c.Chaoyang, "30900"))).Status.Should().BeTrue("the node port is free again");
        await app.Factory.WithDbAsync(async db =>
            (await db.AuditEntries.AsNoTracking().AnyAsync(a => a.EntityId == id && a.Action == "cpcc.instance_config.deleted")).Should().BeTrue());
    }

    [Fact]
    public async Task Roles_and_org_scope_are_enforced_on_clusters_and_configs()
    {
        var c = await CenterAsync();
        (await app.Anonymous().GetAsync(ListClusters, ("cpcid", c.Id))).Http.Should().Be(401);
        (await app.Anonymous().PostAsync(UpdateCluster, ("cpcid", c.Id))).Http.Should().Be(401);
        (await app.Anonymous().PostAsync(New, Config(c.Chaoyang))).Http.Should().Be(401);
        (await app.Customer().GetAsync(ListClusters, ("cpcid", c.Id))).Http.Should().Be(403);
        (await app.Customer().PostAsync(UpdateCluster, ("cpcid", c.Id), ("id", c.Chaoyang))).Http.Should().Be(403);
        (await app.Customer().PostAsync(New, Config(c.Chaoyang))).Http.Should().Be(403);
        (await app.OtherOperator().GetAsync(ListClusters, ("cpcid", c.Id))).Http.Should().Be(403);
        (await app.OtherOperator().PostAsync(New, Config(c.Chaoyang, "31000"))).Http.Should().Be(403);
        var foreignOrg = await app.Operator().PostAsync(New, Config(c.Chaoyang, "31001", app.OtherOrgId));
        foreignOrg.Http.Should().Be(403);
        foreignOrg.Msg.Should().Be("无权操作该组织的数据");
        (await app.Operator().PostAsync(New, Config(c.Chaoyang, "31002", app.CustomerOrgId))).Data!["orgid"]!.GetValue<string>().Should().Be(app.CustomerOrgId);
    }
}
