using System.Net.Http.Headers;
using System.Text;
using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Cpcc;
using Kboss.Infrastructure.IntegrationTests;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// K10 new_cluster, N1 new_cpcworker, N2 delete_cpcworker, K11 cpcluster_delete, the operation poll and pcapi P3/P4,
/// with the install scripts run for real over SSH against a local sshd (as a non-root user without sudo, so the
/// preflight refuses the machine: the clean-rollback path).
/// </summary>
[Collection("sshd")]
public sealed class ProvisioningTests(AppFixture app, SshServerFixture sshd) : IClassFixture<AppFixture>, IClassFixture<SshServerFixture>
{
    private const string NewClusterPath = "/dev/cpcc/cpccluster/new_cluster.dspy";
    private const string OperationPath = "/dev/cpcc/cpccluster/get_cluster_operation.dspy";
    private const string NewWorkerPath = "/dev/cpcc/cpcworker/new_cpcworker.dspy";
    private const string DeleteWorkerPath = "/dev/cpcc/cpcworker/delete_cpcworker.dspy";
    private const string DeleteClusterPath = "/computing/cpcluster_delete.dspy";
    private const string PcapiNewCluster = "/pcapi/api/v1/cluster/common/new_cluster";
    private const string PcapiNewWorker = "/pcapi/api/v1/cluster/common/new_worker";

    /// <summary>A device of <paramref name="cpcid"/> reachable over SSH at the test sshd.</summary>
    private async Task<string> SshDeviceAsync(string cpcid, string? ip = null, int? port = null)
    {
        var r = await app.Operator().PostAsync("/dev/cpcc/cpcnode/add_cpcnode.dspy",
            ("cpcid", cpcid), ("ip", ip ?? "127.0.0.1"), ("name", "ssh测试机"), ("devicetype", "0"), ("sshport", (port ?? sshd.Port).ToString()),
            ("adminuser", SshServerFixture.User), ("adminpwd", sshd.Password));
        r.Status.Should().BeTrue(r.Raw);
        return r.Data!["id"]!.GetValue<string>();
    }

    private static (string, string?)[] ClusterForm(string cpcid, string device, string type = "0") =>
        [("cpcid", cpcid), ("ctl_nodeid", device), ("cluster_type", type), ("cluster_name", "测试集群"), ("enable_date", "2026-01-01"), ("export_date", "2027-01-01")];

    private async Task<Response> WaitAsync(string operationId)
    {
        for (var i = 0; i < 240; i++)
        {
            var r = await app.Operator().GetAsync(OperationPath, ("id", operationId));
            r.Status.Should().BeTrue(r.Raw);
            if (r.Data!["status"]!.GetValue<string>() != "running") return r;
            await Task.Delay(250);
        }
        throw new TimeoutException("operation still running");
    }

    private Task<Device> DeviceAsync(string id) => DbAsync(db => db.Devices.AsNoTracking().SingleAsync(d => d.Id == id));

    private async Task<T> DbAsync<T>(Func<Kboss.Infrastructure.Persistence.KbossDbContext, Task<T>> work)
    {
        T result = default!;
        await app.Factory.WithDbAsync(async db => result = await work(db));
        return result;
    }

    [Fact]
    public async Task New_cluster_answers_at_once_then_the_real_install_fails_its_preflight_and_rolls_back_with_the_log()
    {
        var c = await Seed.CenterAsync(app.Factory, withWidgets: false);
        var device = await SshDeviceAsync(c.Id);
        var r = await app.Operator().PostAsync(NewClusterPath, ClusterForm(c.Id, device));
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().StartWith("操作成功!");
        var d = r.Data!;
        d["id"]!.GetValue<string>().Should().Be(device);
        d["node_status"]!.GetValue<string>().Should().Be("1");
        d["role"]!.GetValue<string>().Should().Be("master");
        d["cpcid"]!.GetValue<string>().Should().Be(c.Id);
        var clusterId = d["clusterid"]!.GetValue<string>();
        var opId = d["operation_id"]!.GetValue<string>();

        var op = (await WaitAsync(opId)).Data!;
        op["status"]!.GetValue<string>().Should().Be("failed");
        op["kind"]!.GetValue<string>().Should().Be("create_cluster");
        op["clusterid"]!.GetValue<string>().Should().Be(clusterId);
        op["msg"]!.GetValue<string>().Should().StartWith("算力中心服务操作失败").And.Contain("预检失败").And.Contain("root");
        var log = op["log"]!.GetValue<string>();
        log.Should().Contain("install-control-plane.sh").And.Contain("预检失败").And.Contain("已回滚");
        log.Should().NotContain(sshd.Password);
        op["finished_at"]!.GetValue<string>().Should().NotBeNullOrEmpty();

        var stored = await DeviceAsync(device);
        stored.NodeStatus.Should().Be("0");
        stored.ClusterId.Should().BeNull();
        stored.Role.Should().Be("");
        var clusters = await app.Operator().GetAsync("/dev/cpcc/cpccluster/get_cpccluster.dspy", ("cpcid", c.Id));
        clusters.Data!["rows"]!.AsArray().Select(x => x!["id"]!.GetValue<string>()).Should().NotContain(clusterId);
        (await DbAsync(db => db.Clusters.AnyAsync(k => k.Id == clusterId && k.Ready == 1))).Should().BeFalse();
        var idle = await app.Operator().GetAsync("/dev/cpcc/cpcnode/get_cpcidle_device.dspy", ("cpcid", c.Id));
        idle.Data!.AsArray().Select(x => x!["id"]!.GetValue<string>()).Should().Contain(device);
    }

    [Fact]
    public async Task New_cluster_validates_its_input_and_never_500s()
    {
        var c = await Seed.CenterAsync(app.Factory, withWidgets: false);
        var device = await SshDeviceAsync(c.Id);
        var op = app.Operator();
        (await op.PostAsync(NewClusterPath)).Code.Should().Be("invalid_argument");
        var slurm = await op.PostAsync(NewClusterPath, ClusterForm(c.Id, device, "1"));
        slurm.Status.Should().BeFalse();
        slurm.Msg.Should().Be("暂不支持slurm集群");
        (await op.PostAsync(NewClusterPath, ClusterForm(c.Id, device, "7"))).Code.Should().Be("invalid_argument");
        var unknown = await op.PostAsync(NewClusterPath, ClusterForm(c.Id, "nope"));
        unknown.Code.Should().Be("not_found");
        unknown.Msg.Should().Be("算力设备不存在");
        (await op.PostAsync(NewClusterPath, ClusterForm("no-centre", device))).Msg.Should().Be("算力中心不存在");
        var dates = await op.PostAsync(NewClusterPath, [.. ClusterForm(c.Id, device).Where(f => f.Item1 != "export_date"), ("export_date", "2025-01-01")]);
        dates.Msg.Should().Be("停止日期不能早于启用日期");
        (await op.PostAsync(NewClusterPath, [.. ClusterForm(c.Id, device).Where(f => f.Item1 != "enable_date"), ("enable_date", "明天")])).Code.Should().Be("invalid_argument");
        (await op.PostJsonAsync(NewClusterPath, new { cpcid = new[] { 1 }, ctl_nodeid = 5 })).Http.Should().Be(200);
        (await DeviceAsync(device)).NodeStatus.Should().Be("0");
    }

    [Fact]
    public async Task Provisioning_endpoints_need_an_operator_of_the_centre()
    {
        var c = await Seed.CenterAsync(app.Factory, withWidgets: false);
        var device = await SshDeviceAsync(c.Id);
        (await app.Anonymous().PostAsync(NewClusterPath, ClusterForm(c.Id, device))).Http.Should().Be(401);
        (await app.Customer().PostAsync(NewClusterPath, ClusterForm(c.Id, device))).Http.Should().Be(403);
        (await app.OtherOperator().PostAsync(NewClusterPath, ClusterForm(c.Id, device))).Http.Should().Be(403);
        (await app.Anonymous().PostAsync(NewWorkerPath, ("cpcid", c.Id), ("clusterid", c.Chaoyang), ("worker_nodeid", device))).Http.Should().Be(401);
        (await app.OtherOperator().PostAsync(NewWorkerPath, ("cpcid", c.Id), ("clusterid", c.Chaoyang), ("worker_nodeid", device))).Http.Should().Be(403);
        (await app.Customer().GetAsync(OperationPath, ("id", "x"))).Http.Should().Be(403);
        (await app.Anonymous().PostAsync(DeleteClusterPath, ("id", c.Chaoyang))).Http.Should().Be(401);
        (await app.OtherOperator().PostAsync(DeleteClusterPath, ("id", c.Chaoyang))).Http.Should().Be(403);
        (await app.OtherOperator().PostAsync(DeleteWorkerPath, ("cpcid", c.Id), ("clusterid", c.Chaoyang), ("worker_nodeid", device))).Http.Should().Be(403);
        (await DeviceAsync(device)).NodeStatus.Should().Be("0");
    }

    [Fact]
    public async Task Two_parallel_new_cluster_on_one_device_accept_exactly_one()
    {
        var c = await Seed.CenterAsync(app.Factory, withWidgets: false);
        // an unroutable documentation address: the accepted install waits for its SSH connect time-out, then rolls back
        var device = await SshDeviceAsync(c.Id, ip: "192.0.2.10", port: 22);
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.Operator().PostAsync(NewClusterPath, ClusterForm(c.Id, device))));
        answers.Should().OnlyContain(a => a.Http == 200);
        answers.Count(a => a.Status).Should().Be(1, string.Join("\n", answers.Select(a => a.Raw)));
        answers.Where(a => !a.Status).Should().OnlyContain(a => a.Msg == "该算力设备非空闲状态" && a.Code == "conflict");
        var accepted = answers.Single(a => a.Status).Data!;
        (await DbAsync(db => db.Clusters.CountAsync(k => k.ControllerId == device))).Should().Be(1);
        var op = (await WaitAsync(accepted["operation_id"]!.GetValue<string>())).Data!;
        op["status"]!.GetValue<string>().Should().Be("failed");
        op["msg"]!.GetValue<string>().Should().Contain("无法通过 SSH 连接");
        (await DeviceAsync(device)).NodeStatus.Should().Be("0");
    }

    [Fact]
    public async Task New_worker_needs_a_ready_cluster_and_rolls_back_a_failed_join()
    {
        var c = await Seed.CenterAsync(app.Factory, withWidgets: false);
        var device = await SshDeviceAsync(c.Id);
        var op = app.Operator();
        var notReady = await op.PostAsync(NewWorkerPath, ("cpcid", c.Id), ("clusterid", c.Chaoyang), ("worker_nodeid", device));
        notReady.Msg.Should().Be("算力集群尚未安装完成,不能新增工作节点");
        (await op.PostAsync(NewWorkerPath, ("cpcid", c.Id), ("clusterid", "nope"), ("worker_nodeid", device))).Msg.Should().Be("算力集群不存在");
        (await op.PostAsync(NewWorkerPath, ("cpcid", c.Id))).Code.Should().Be("invalid_argument");

        var join = "kubeadm join 192.168.0.3:6443 --token nt80u6.gzpj9dxsrw79270c --discovery-token-ca-cert-hash sha256:7b33439b2a1b37a8d8938513bd45405f57c3255771c3b9b9b90af448d886b0c2";
        await app.Factory.WithDbAsync(async db =>
        {
            var k = await db.Clusters.SingleAsync(x => x.Id == c.Chaoyang);
            k.ClusterJoinProtected = app.Factory.Service<ISecretProtector>().Protect(join);
            await db.SaveChangesAsync();
        });
        var r = await op.PostAsync(NewWorkerPath, ("cpcid", c.Id), ("clusterid", c.Chaoyang), ("worker_nodeid", device));
        r.Status.Should().BeTrue(r.Raw);
        r.Data!["role"]!.GetValue<string>().Should().Be("worker");
        r.Data["clusterid"]!.GetValue<string>().Should().Be(c.Chaoyang);
        var again = await op.PostAsync(NewWorkerPath, ("cpcid", c.Id), ("clusterid", c.Chaoyang), ("worker_nodeid", device));
        if (!again.Status) again.Msg.Should().Be("该算力设备非空闲状态"); // unless the first run already rolled back

        var result = (await WaitAsync(r.Data["operation_id"]!.GetValue<string>())).Data!;
        result["status"]!.GetValue<string>().Should().Be("failed");
        result["msg"]!.GetValue<string>().Should().Contain("预检失败");
        result["log"]!.GetValue<string>().Should().Contain("join-worker.sh").And.NotContain("nt80u6.gzpj9dxsrw79270c");
        (await DeviceAsync(device)).ClusterId.Should().BeNull();
        (await DbAsync(db => db.Clusters.AsNoTracking().SingleAsync(k => k.Id == c.Chaoyang))).Ready.Should().Be(1);
    }

    [Fact]
    public async Task Teardown_endpoints_are_behind_feature_flags_and_the_operation_poll_validates()
    {
        var c = await Seed.CenterAsync(app.Factory, withWidgets: false);
        var device = await SshDeviceAsync(c.Id);
        var op = app.Operator();
        var k11 = await op.PostAsync(DeleteClusterPath, ("id", c.Chaoyang));
        k11.Status.Should().BeFalse();
        k11.Msg.Should().Be("功能开发中");
        k11.Code.Should().Be("not_implemented");
        (await op.PostAsync(DeleteClusterPath)).Code.Should().Be("invalid_argument");
        (await op.PostAsync(DeleteClusterPath, ("id", "nope"))).Msg.Should().Be("算力集群不存在");
        var n2 = await op.PostAsync(DeleteWorkerPath, ("cpcid", c.Id), ("clusterid", c.Chaoyang), ("worker_nodeid", device));
        (n2.Http, n2.Status).Should().Be((200, false), "worker removal is on by default; an idle device is not a worker of the cluster");
        n2.Code.Should().NotBe("not_implemented");
        (await op.PostAsync(DeleteWorkerPath, ("cpcid", c.Id), ("clusterid", c.Chaoyang), ("worker_nodeid", device), ("force", "maybe"))).Code.Should().Be("invalid_argument");
        (await op.GetAsync(OperationPath)).Code.Should().Be("invalid_argument");
        var unknown = await op.GetAsync(OperationPath, ("id", "nope"));
        unknown.Msg.Should().Be("操作不存在");
        unknown.Code.Should().Be("not_found");
        (await (await app.Anonymous().Http.PostAsync("/", new StringContent(""))).Content.ReadAsStringAsync()).Should().Contain("unknown_path");
    }

    private HttpClient Pcapi(string? user = "ysh", string? password = "pcapi-secret")
    {
        var http = app.Factory.CreateClient();
        if (user is not null)
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return http;
    }

    private static async Task<(int Http, System.Text.Json.Nodes.JsonObject Body)> PcapiPostAsync(HttpClient http, string path, params (string Key, string Value)[] query)
    {
        var url = path + "?" + string.Join("&", query.Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value)));
        var m = await http.PostAsync(url, null);
        return ((int)m.StatusCode, System.Text.Json.Nodes.JsonNode.Parse(await m.Content.ReadAsStringAsync())!.AsObject());
    }

    [Fact]
    public async Task Pcapi_new_cluster_and_new_worker_check_basic_auth_and_answer_the_pcapi_envelope()
    {
        await Seed.CenterAsync(app.Factory, withWidgets: false);
        (string, string)[] ssh = [("cluster_type", "kubernetes"), ("host", "127.0.0.1"), ("port", sshd.Port.ToString()), ("user", SshServerFixture.User), ("psssword", sshd.Password)];

        var anonymous = await PcapiPostAsync(Pcapi(null), PcapiNewCluster, [.. ssh, ("role", "master")]);
        anonymous.Http.Should().Be(401);
        anonymous.Body["status"]!.GetValue<bool>().Should().BeFalse();
        anonymous.Body["info"]!.GetValue<string>().Should().StartWith("认证失败");
        (await PcapiPostAsync(Pcapi("ysh", "wrong"), PcapiNewCluster, [.. ssh, ("role", "master")])).Http.Should().Be(401);
        (await PcapiPostAsync(Pcapi("nobody", "pcapi-secret"), PcapiNewWorker, [.. ssh, ("role", "worker")])).Http.Should().Be(401);
        var bearer = app.Admin().Http; // a kboss login is not a pcapi credential
        (await bearer.PostAsync(PcapiNewCluster + "?host=127.0.0.1", null)).StatusCode.Should().Be(System.Net.HttpStatusCode.Unauthorized);

        var missing = await PcapiPostAsync(Pcapi(), PcapiNewCluster, ("role", "master"));
        missing.Http.Should().Be(200);
        missing.Body["status"]!.GetValue<bool>().Should().BeFalse();
        missing.Body["info"]!.GetValue<string>().Should().Be("operate failed: 缺少参数 host");
        missing.Body["data"]!.GetValue<string>().Should().Be("");
        (await PcapiPostAsync(Pcapi(), PcapiNewCluster, [.. ssh.Where(s => s.Item1 != "port"), ("port", "99999"), ("role", "master")]))
            .Body["info"]!.GetValue<string>().Should().Contain("port");
        (await PcapiPostAsync(Pcapi(), PcapiNewCluster, [.. ssh, ("role", "worker")])).Body["info"]!.GetValue<string>().Should().Contain("role");

        var failed = await PcapiPostAsync(Pcapi(), PcapiNewCluster, [.. ssh, ("role", "master")]);
        failed.Http.Should().Be(200);
        failed.Body["status"]!.GetValue<bool>().Should().BeFalse();
        failed.Body["info"]!.GetValue<string>().Should().StartWith("operate failed: 预检失败");
        failed.Body["data"]!.GetValue<string>().Should().Be("");

        var badJoin = await PcapiPostAsync(Pcapi(), PcapiNewWorker, [.. ssh, ("role", "worker"), ("join_command", "rm -rf /")]);
        badJoin.Body["info"]!.GetValue<string>().Should().Contain("kubeadm join");
        var worker = await PcapiPostAsync(Pcapi(), PcapiNewWorker, [.. ssh, ("role", "worker"), ("join_command", "kubeadm join 10.0.0.1:6443 --token abcdef.0123456789abcdef --discovery-token-ca-cert-hash sha256:00")]);
        worker.Body["status"]!.GetValue<bool>().Should().BeFalse();
        worker.Body["info"]!.GetValue<string>().Should().StartWith("operate failed: 预检失败");
    }
}
