using System.Diagnostics;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Infrastructure.IntegrationTests;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// The outside-call pattern (issue 7 §2/§3, ADR 0015) on instance configs and k8s instances: no transaction across the
/// cluster call, failures compensated, unknown outcomes settled by the reconciler, odd cluster answers never a 500.
/// </summary>
public sealed class OutsideCallTests(AppFixture app, FakeKubeApi kube) : IClassFixture<AppFixture>,
    IClassFixture<FakeKubeApi>
{
    private const string New = "/dev/cpcc/cpcpodyaml/new_cpcpodyaml.dspy";
    private const string Delete = "/dev/cpcc/cpcpodyaml/delete_cpcpodyaml.dspy";
    private const string Gpu = "RTX5090-32G";

    private static (string, string?)[] GpuConfig(string clusterId, string port) =>
        [.. ClusterConfigTests.Config(clusterId, port).Where(f => f.Item1 is not ("source_gpu" or "gpu_model")),
            ("source_gpu", "1"), ("gpu_model", Gpu)];

    private static Task<long> GpuConsumedAsync(KbossFactory f, string clusterId) => f.WithDbAsync(db =>
        db.WidgetClusterStocks.AsNoTracking().Where(s => s.ClusterId == clusterId)
            .Join(db.Widgets.AsNoTracking().Where(w => w.Model == Gpu), s => s.WidgetId, w => w.Id, (s, _)
                => s.Consumed).SingleAsync());

    private static Task<Domain.Cpcc.InstanceConfig> RowAsync(KbossFactory f, string clusterId) => f.WithDbAsync(db =>
        db.InstanceConfigs.IgnoreQueryFilters().AsNoTracking().SingleAsync(x => x.ClusterId == clusterId));

    private static async Task<IReadOnlyList<ReconcileCounts>> ReconcileAsync(KbossFactory f)
    {
        using var scope = f.Services.CreateScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        return await mediator.Send(new ReconcileOutsideCalls(TimeSpan.Zero));
    }

    /// <summary>Waits until the cluster has seen a POST to <paramref name="suffix"/> in the namespace of cluster
    /// <paramref name="clusterId"/> (the call is in flight).</summary>
    private async Task CallReachedAsync(string clusterId, string suffix)
    {
        var ns = clusterId.ToLowerInvariant().Replace('_', '-');
        var watch = Stopwatch.StartNew();
        while (!kube.Calls.Any(x => x.Method == "POST" && x.Path.Contains(ns, StringComparison.Ordinal)
                                    && x.Path.EndsWith(suffix, StringComparison.Ordinal)))
        {
            watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), "the call should have reached the cluster");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task A_cluster_answering_in_8_s_holds_no_lock_other_orgs_write_in_1_s_health_in_100_ms()
    {
        var mine = await Seed.CenterAsync(app.Factory, stock: ClusterConfigTests.Plenty, kubeconfig: kube.Kubeconfig);
        var theirs = await Seed.CenterAsync(app.Factory, orgId: app.OtherOrgId);
        kube.HoldWhen = (m, p) => m == "POST" && p.EndsWith("/statefulsets", StringComparison.Ordinal)
            ? Task.Delay(TimeSpan.FromSeconds(8)) : null;
        try
        {
            var slow = app.Operator().PostAsync(New, GpuConfig(mine.Chaoyang, "30400"));
            await CallReachedAsync(mine.Chaoyang, "/statefulsets");
            (await RowAsync(app.Factory, mine.Chaoyang)).State.Should().Be("pending",
                "the reservation is committed before the call");
            (await GpuConsumedAsync(app.Factory, mine.Chaoyang)).Should().Be(1);

            var other = app.OtherOperator();
            for (var i = 0; i < 3; i++)
            {
                var watch = Stopwatch.StartNew();
                var label = await other.PostAsync("/dev/cpcc/cpclabel/add_cpclabel.dspy", ("name", "慢集群期间" + i),
                    ("labeltype", "0"),
                    ("label_key", "kyy-slow" + i), ("label_value", "v"), ("orgid", app.OtherOrgId));
                var widget = await other.PostAsync("/dev/cpcc/cpcwidget/add_cpcwidget.dspy", ("cpcid", theirs.Id),
                    ("clusterid", theirs.Chaoyang),
                    ("type", "gpu"), ("resource_unit", "卡"), ("unit_price", "1.99"), ("model", "SLOW-" + i), ("stock",
                        "10"),
                    ("charge_unit", "小时"), ("account_unit", "元"), ("add_opt", "no"));
                watch.Stop();
                label.Status.Should().BeTrue(label.Raw);
                widget.Status.Should().BeTrue(widget.Raw);
                watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1),
                    "another org's writes never wait for a cluster");

                watch.Restart();
                var health = await app.Factory.CreateClient().GetAsync("/health");
                watch.Stop();
                ((int)health.StatusCode).Should().Be(200);
                watch.Elapsed.Should().BeLessThan(TimeSpan.FromMilliseconds(100));
            }
            slow.IsCompleted.Should().BeFalse("the cluster is still answering");
            var done = await slow;
            done.Status.Should().BeTrue(done.Raw);
            (await RowAsync(app.Factory, mine.Chaoyang)).State.Should().Be("live");
        }
        finally
        {
            kube.HoldWhen = null;
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_crash_mid_call_and_a_reconciler_pass_leave_stock_and_cluster_consistent(bool controllerCreated)
    {
        var folder = Path.Combine(Path.GetTempPath(), "kboss-crash-" + Guid.NewGuid().ToString("N"));
        var hang = new TaskCompletionSource();
        // the call hangs after the controller was created (service POST) or before (controller POST)
        var hangOn = controllerCreated ? "/services" : "/statefulsets";
        kube.HoldWhen = (m, p) => m == "POST" && p.EndsWith(hangOn, StringComparison.Ordinal) ? hang.Task : null;
        try
        {
            SeededCenter c;
            var host = new KbossFactory(folder);
            try
            {
                var admin = new Api(host.CreateClient());
                admin.WithToken(await admin.LoginAsync("admin", KbossFactory.AdminPassword));
                c = await Seed.CenterAsync(host, stock: new Dictionary<string,
                    long>(ClusterConfigTests.Plenty) { [Gpu] = 1 }, kubeconfig: kube.Kubeconfig);
                _ = admin.PostAsync(New, GpuConfig(c.Chaoyang, "30410"));
                await CallReachedAsync(c.Chaoyang, hangOn);
                (await RowAsync(host, c.Chaoyang)).State.Should().Be("pending");
                (await GpuConsumedAsync(host, c.Chaoyang)).Should().Be(1);
            }
            finally
            {
                host.Dispose(); // the process dies while the cluster call is in flight
            }

            using var restarted = new KbossFactory(folder);
            var row = await RowAsync(restarted, c.Chaoyang);
            row.State.Should().Be("pending", "nothing settled it");
            var counts = await ReconcileAsync(restarted);
            counts.Should().Contain(x => x.Kind == "instance_config" && (controllerCreated ? x.Confirmed
                : x.Compensated) == 1);

            row = await RowAsync(restarted, c.Chaoyang);
            var sts = $"/apis/apps/v1/namespaces/{row.NamespaceName}/statefulsets/{row.PodcdName}";
        var onCluster = kube.Object(sts) is not null;
            onCluster.Should().Be(controllerCreated);
            row.State.Should().Be(controllerCreated ? "live" : "failed");
            (await GpuConsumedAsync(restarted, c.Chaoyang)).Should().Be(controllerCreated ? 1 : 0,
                "no stock without a live instance, no instance without its stock");
            (await ReconcileAsync(restarted)).Sum(x => x.Confirmed + x.Compensated).Should().Be(0,
                "a second pass finds nothing open");
        }
        finally
        {
            kube.HoldWhen = null;
            hang.TrySetResult();
            await Task.Delay(300);
            try { Directory.Delete(folder, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [Fact]
    public async Task A_call_past_its_time_out_leaves_the_row_pending_reconcile_and_the_reconciler_completes_it()
    {
        var gate = new TaskCompletionSource();
        kube.HoldWhen = (m, p) => m == "POST" && p.EndsWith("/services", StringComparison.Ordinal) ? gate.Task : null;
        try
        {
            using var host = new KbossFactory(settings: new Dictionary<string, string>
            {
                ["OutsideCalls:CallTimeoutSeconds"] = "1",
            });
            var admin = new Api(host.CreateClient());
            admin.WithToken(await admin.LoginAsync("admin", KbossFactory.AdminPassword));
            var c = await Seed.CenterAsync(host, stock: ClusterConfigTests.Plenty, kubeconfig: kube.Kubeconfig);
            var r = await admin.PostAsync(New, GpuConfig(c.Chaoyang, "30450"));
            (r.Http, r.Status, r.Code).Should().Be((200, false, "upstream_failed"), r.Raw);
            r.Msg.Should().Contain("算力集群未在 1 秒内答复").And.Contain("结果待核对");
            var row = await RowAsync(host, c.Chaoyang);
            (row.State, row.Operation).Should().Be(("pending_reconcile", "create"));
            (await GpuConsumedAsync(host, c.Chaoyang)).Should().Be(1, "an unknown outcome keeps its reservation");

            gate.TrySetResult(); // the cluster finishes the apply after all
            await Task.Delay(300);
            (await ReconcileAsync(host)).Should().Contain(x => x.Kind == "instance_config" && x.Confirmed == 1);
            (await RowAsync(host, c.Chaoyang)).State.Should().Be("live");
            (await GpuConsumedAsync(host, c.Chaoyang)).Should().Be(1);
        }
        finally
        {
            kube.HoldWhen = null;
            gate.TrySetResult();
        }
    }

    [Fact]
    public async Task A_status_body_on_the_service_delete_is_success_and_releases_everything()
    {
        var c = await Seed.CenterAsync(app.Factory, stock: ClusterConfigTests.Plenty, kubeconfig: kube.Kubeconfig);
        var id = (await app.Operator().PostAsync(New, GpuConfig(c.Chaoyang, "30420"))).Data!["id"]!.GetValue<string>();
        var row = await RowAsync(app.Factory, c.Chaoyang);
        kube.DeleteAnswersStatus = true;
        try
        {
            var r = await app.Operator().PostAsync(Delete, ("id", id));
            (r.Http, r.Status).Should().Be((200, true), r.Raw);
        }
        finally
        {
            kube.DeleteAnswersStatus = false;
        }
        (await RowAsync(app.Factory, c.Chaoyang)).Should().Match<Domain.Cpcc.InstanceConfig>(x => x.State == "deleted"
            && x.DelFlg == "1");
        (await GpuConsumedAsync(app.Factory, c.Chaoyang)).Should().Be(0);
        kube.Object($"/api/v1/namespaces/{row.NamespaceName}/services/{row.ServiceName}").Should().BeNull();
    }

    [Fact]
    public async Task An_unparseable_answer_is_upstream_failed_and_the_reconciler_settles_it()
    {
        var c = await Seed.CenterAsync(app.Factory, stock: ClusterConfigTests.Plenty, kubeconfig: kube.Kubeconfig);
        kube.GarbleWhen = (m, p) => m == "POST" && p.EndsWith("/statefulsets", StringComparison.Ordinal);
        try
        {
            var r = await app.Operator().PostAsync(New, GpuConfig(c.Chaoyang, "30430"));
            (r.Http, r.Status, r.Code).Should().Be((200, false, "upstream_failed"), r.Raw);
            r.Msg.Should().Contain("算力集群").And.Contain("无法解析");
        }
        finally
        {
            kube.GarbleWhen = null;
        }
        var row = await RowAsync(app.Factory, c.Chaoyang);
        row.State.Should().Be("pending_reconcile", "a 200 with an unreadable body may have created the object");
        (await GpuConsumedAsync(app.Factory, c.Chaoyang)).Should().Be(1);
        (await app.Operator().PostAsync(Delete, ("id", row.Id))).Code.Should().Be("conflict",
            "an open row is not touched");

        await ReconcileAsync(app.Factory);
        (await RowAsync(app.Factory, c.Chaoyang)).State.Should().Be("failed");
        (await GpuConsumedAsync(app.Factory, c.Chaoyang)).Should().Be(0);
    }

    [Fact]
    public async Task Cluster_errors_on_update_and_delete_keep_row_and_stock_as_they_were()
    {
        var c = await Seed.CenterAsync(app.Factory, stock: ClusterConfigTests.Plenty, kubeconfig: kube.Kubeconfig);
        var id = (await app.Operator().PostAsync(New, GpuConfig(c.Chaoyang, "30440"))).Data!["id"]!.GetValue<string>();
        kube.FailWhen = (m, _) => m is "PUT" or "DELETE" ? 500 : null;
        try
        {
            string[] newOnly = ["source_gpu", "cpu_model", "gpu_model", "disk_sys_limit", "orgid",
                "source_replicasetnum"];
            var update = await app.Operator().PostAsync("/dev/cpcc/cpcpodyaml/update_cpcpodyaml.dspy",
                [.. ClusterConfigTests.Config(c.Chaoyang, "30440").Where(f => !newOnly.Contains(f.Item1)),
                 ("cpcid", c.Id), ("id", id), ("source_replicasetnum", "3")]);
            (update.Status, update.Code).Should().Be((false, "upstream_failed"), update.Raw);
            var delete = await app.Operator().PostAsync(Delete, ("id", id));
            (delete.Status, delete.Code).Should().Be((false, "upstream_failed"), delete.Raw);
            delete.Msg.Should().StartWith("算力中心服务操作失败: 算力集群: ");
        }
        finally
        {
            kube.FailWhen = null;
        }
        var row = await RowAsync(app.Factory, c.Chaoyang);
        (row.State, row.SourceReplicasetnum, row.DelFlg).Should().Be(("live", 1, "0"));
        row.FailureReason.Should().Contain("500");
        (await GpuConsumedAsync(app.Factory, c.Chaoyang)).Should().Be(1);
    }

    [Fact]
    public async Task A_k8s_instance_with_an_unknown_outcome_is_settled_by_the_reconciler()
    {
        var c = await K8sCloudTests.ConfigureClusterAsync(app, kube);
        kube.GarbleWhen = (m, p) => m == "POST" && p.EndsWith("/pods", StringComparison.Ordinal);
        try
        {
            var r = await app.Customer().GetAsync("/k8cloud/user_create_pod.dspy", ("cpu", "1"), ("memory", "2"),
                ("storage", "10"),
                ("image", K8sCloudTests.Image));
            (r.Status, r.Code).Should().Be((false, "upstream_failed"), r.Raw);
        }
        finally
        {
            kube.GarbleWhen = null;
        }
        var list = await app.Customer().GetAsync("/k8cloud/user_get_instance.dspy");
        var shown = list.Body["data"]!.AsArray().Single()!;
        (shown["status"]!.GetValue<string>(), shown["state"]!.GetValue<string>()).Should().Be(("Pending",
            "pending_reconcile"));

        var counts = await ReconcileAsync(app.Factory);
        counts.Should().Contain(x => x.Kind == "k8s_instance" && x.Compensated == 1);
        var after = (await app.Customer().GetAsync("/k8cloud/user_get_instance.dspy")).Body["data"]!
            .AsArray().Single()!;
        after["status"]!.GetValue<string>().Should().Be("Failed");
        (await K8sCloudTests.ConsumedAsync(app.Factory, c.Chaoyang)).Values.Should().OnlyContain(v => v == 0);
    }
}
