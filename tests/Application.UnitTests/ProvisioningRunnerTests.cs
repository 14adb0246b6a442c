using Kboss.Application.Common.Interfaces;
using Kboss.Application.Cpcc.Executor;
using Kboss.Application.Cpcc.Provisioning;
using Kboss.Domain.Common;
using Kboss.Domain.Cpcc;
using Kboss.Infrastructure.Persistence;
using Kboss.Infrastructure.IntegrationTests;
using Kboss.Infrastructure.Kubernetes;
using Kboss.Infrastructure.Provisioning;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace Kboss.Application.UnitTests;

/// <summary>
/// The provisioning state machine (analysis/cpcc.md §4.6/§4.7) with the real in-process executor and a real SQLite
/// database; only the SSH port <see cref="IRemoteShell"/> is mocked, answering like a machine would.
/// </summary>
public sealed class ProvisioningRunnerTests : IDisposable
{
    private const string Join = "kubeadm join 192.168.0.3:6443 --token nt80u6.gzpj9dxsrw79270c --discovery-token-ca-cert-hash sha256:7b33439b2a1b37a8d8938513bd45405f57c3255771c3b9b9b90af448d886b0c2";
    private const string Kubeconfig = "apiVersion: v1\nclusters:\n- cluster:\n    server: https://192.168.0.3:6443\n  name: kubernetes\nusers:\n- name: admin\n  user:\n    client-key-data: c2VjcmV0\n";

    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly Mock<IRemoteShell> _shell = new(MockBehavior.Strict);
    private readonly Mock<ISecretProtector> _secrets = new();
    private readonly List<string> _scripts = [];

    public ProvisioningRunnerTests()
    {
        _connection.Open();
        using var db = Db();
        db.Database.EnsureCreated();
        _secrets.Setup(s => s.Protect(It.IsAny<string>())).Returns((string s) => "enc:" + s);
        _secrets.Setup(s => s.Unprotect(It.IsAny<string>())).Returns((string s) => s["enc:".Length..]);
    }

    public void Dispose() => _connection.Dispose();

    private SqliteKbossDbContext Db() => new(new DbContextOptionsBuilder<SqliteKbossDbContext>().UseSqlite(_connection).Options);

    private ProvisioningRunner Runner(SqliteKbossDbContext db, IClusterProvisioner? provisioner = null) => new(db,
        provisioner ?? new SshClusterProvisioner(_shell.Object, _secrets.Object, new ProvisioningTimeouts(),
            NullLogger<SshClusterProvisioner>.Instance),
        _secrets.Object, new KubeconfigLoader(), TimeProvider.System, NullLogger<ProvisioningRunner>.Instance);

    /// <summary>The machine answers every script with <paramref name="lines"/> (streamed) and <paramref name="exitCode"/>.</summary>
    private void Machine(int? exitCode, bool timedOut, params string[] lines) =>
        _shell.Setup(s => s.RunAsync(It.IsAny<RemoteTarget>(), It.IsAny<string>(), It.IsAny<TimeSpan>(), It.IsAny<Action<string>?>(), It.IsAny<CancellationToken>()))
            .Returns((RemoteTarget _, string script, TimeSpan _, Action<string>? onLine, CancellationToken _) =>
            {
                lock (_scripts) _scripts.Add(script);
                foreach (var l in lines) onLine?.Invoke(l);
                return Task.FromResult(new RemoteRun(exitCode, string.Join("\n", lines) + "\n", "", "key", timedOut));
            });

    private static readonly string[] Installed =
    [
        "KBOSS-PROGRESS 2 预检: 检查机器是否可安装", "预检通过: Ubuntu 22.04.4 LTS, 4 核, 15892 MiB, amd64", "KBOSS-PROGRESS 55 kubeadm init",
        "KBOSS-BEGIN-JOIN", Join, "KBOSS-END-JOIN", "KBOSS-BEGIN-KUBECONFIG", .. Kubeconfig.TrimEnd().Split('\n'), "KBOSS-END-KUBECONFIG",
        "KBOSS-PROGRESS 100 控制节点安装完成",
    ];

    /// <summary>A centre, an occupied device, a cluster and a running operation of <paramref name="kind"/>, as K10/N1 leave them.</summary>
    private async Task<(string Op, string Cluster, string Device)> StartedAsync(string kind, int ready = ClusterReady.Installing)
    {
        await using var db = Db();
        var center = new ComputeCenter { Name = "c", OrgId = "org", PcapiUrl = "http://pcapi", ApiUser = "ysh", ApiPwdProtected = "enc:x" };
        var device = new Device { Cpcid = center.Id, Name = "d", Ip = "192.168.0.3", SshPort = 22, AdminUser = "root", AdminPwdProtected = "enc:Kyy@123456" };
        var cluster = new Cluster { Name = "k", Cpcid = center.Id, ControllerId = kind == OperationKinds.CreateCluster ? device.Id : null, Ready = ready,
            ClusterJoinProtected = ready == ClusterReady.Installed ? "enc:" + Join : "" };
        device.Occupy(cluster.Id, kind == OperationKinds.CreateCluster ? DeviceRoles.Master : DeviceRoles.Worker)
            .Ok.Should().BeTrue();
        var op = Provisioning.Start(kind, center.Id, cluster.Id, device.Id, "u", DateTime.UtcNow.AddSeconds(-1));
        db.AddRange(center, device, cluster, op);
        await db.SaveChangesAsync();
        return (op.Id, cluster.Id, device.Id);
    }

    private async Task<(ProvisioningOperation Op, Cluster Cluster, Device Device)> StateAsync((string Op, string Cluster, string Device) ids)
    {
        await using var db = Db();
        return (await db.ProvisioningOperations.SingleAsync(o => o.Id == ids.Op),
            await db.Clusters.IgnoreQueryFilters().SingleAsync(k => k.Id == ids.Cluster),
            await db.Devices.SingleAsync(d => d.Id == ids.Device));
    }

    private async Task RunAsync(string opId)
    {
        await using var db = Db();
        await Runner(db).RunAsync(opId, recovering: false, default);
    }

    /// <summary>A pcapi that answers <c>new_cluster</c> with a join command and <paramref
    /// name="kubeconfig"/>.</summary>
    private sealed class PcapiAnswer(string kubeconfig) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                Content = System.Net.Http.Json.JsonContent.Create(new { status = true, info = "operate success",
                    data = Join + "\n" + kubeconfig }),
            });
    }

    public static TheoryData<string> ForbiddenNames() => [.. ForbiddenKubeconfigs.All("m", 1).Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(ForbiddenNames))]
    public async Task A_forbidden_kubeconfig_in_the_pcapi_answer_fails_the_install_and_runs_nothing(string name)
    {
        var marker = Path.Combine(Path.GetTempPath(), "kboss-marker-" + Guid.NewGuid().ToString("N"));
        var c = ForbiddenKubeconfigs.All(marker, 9).Single(x => x.Name == name);
        var ids = await StartedAsync(OperationKinds.CreateCluster);
        var pcapi = new PcapiClusterProvisioner(new HttpClient(new PcapiAnswer(c.Yaml)), _secrets.Object,
            new ProvisioningTimeouts(),
            NullLogger<PcapiClusterProvisioner>.Instance);
        await using (var db = Db()) await Runner(db, pcapi).RunAsync(ids.Op, recovering: false, default);

        var (op, cluster, device) = await StateAsync(ids);
        op.Status.Should().Be(OperationStatus.Failed);
        op.Message.Should().Contain(c.Field);
        cluster.KubeconfigProtected.Should().BeEmpty("a refused kubeconfig is never stored");
        cluster.DelFlg.Should().Be(DelFlag.Deleted);
        device.IsIdle.Should().BeTrue();
        await Task.Delay(100);
        File.Exists(marker).Should().BeFalse();
    }

    [Fact]
    public async Task A_successful_install_makes_the_cluster_ready_with_encrypted_secrets_and_a_log_without_them()
    {
        var ids = await StartedAsync(OperationKinds.CreateCluster);
        Machine(0, false, Installed);
        await RunAsync(ids.Op);

        var (op, cluster, device) = await StateAsync(ids);
        op.Status.Should().Be(OperationStatus.Succeeded);
        op.Progress.Should().Be(100);
        op.FinishedAt.Should().NotBeNull();
        op.Message.Should().StartWith("操作成功!");
        op.Log.Should().Contain("==> kubeadm init").And.Contain("预检通过").And.Contain("[结果 JOIN 已收到");
        op.Log.Should().NotContain("nt80u6").And.NotContain("client-key-data").And.NotContain("Kyy@123456");
        cluster.Ready.Should().Be(ClusterReady.Installed);
        cluster.DelFlg.Should().Be(DelFlag.Alive);
        cluster.ClusterJoinProtected.Should().Be("enc:" + Join);
        cluster.KubeconfigProtected.Should().Be("enc:" + Kubeconfig);
        device.NodeStatus.Should().Be(DeviceStatus.Occupied);
        device.Role.Should().Be(DeviceRoles.Master);
        device.ClusterId.Should().Be(ids.Cluster);
        _scripts.Should().ContainSingle();
    }

    [Theory]
    [InlineData(1, false, "KBOSS-ERROR 预检失败: CPU 不足(1 核),Kubernetes 节点至少需要 2 核", "预检失败: CPU 不足")]
    [InlineData(null, true, "KBOSS-PROGRESS 35 安装 kubeadm", "超过 15 分钟未完成")]
    [InlineData(0, false, "KBOSS-PROGRESS 100 done", "没有加入集群凭证")]
    [InlineData(100, false, "E: Unable to locate package kubeadm", "退出码 100")]
    public async Task A_failed_or_timed_out_install_rolls_back_and_keeps_the_log(int? exit, bool timedOut, string line, string reason)
    {
        var ids = await StartedAsync(OperationKinds.CreateCluster);
        Machine(exit, timedOut, "KBOSS-PROGRESS 2 预检", line);
        await RunAsync(ids.Op);

        var (op, cluster, device) = await StateAsync(ids);
        op.Status.Should().Be(OperationStatus.Failed);
        op.Message.Should().StartWith("算力中心服务操作失败: ").And.Contain(reason);
        op.Log.Should().Contain("==> 预检").And.Contain("已回滚");
        op.FinishedAt.Should().NotBeNull();
        device.NodeStatus.Should().Be(DeviceStatus.Idle);
        device.ClusterId.Should().BeNull();
        device.Role.Should().Be(DeviceRoles.None);
        cluster.DelFlg.Should().Be(DelFlag.Deleted);
        cluster.Ready.Should().Be(ClusterReady.Installing);
        cluster.ClusterJoinProtected.Should().BeEmpty();
    }

    [Theory]
    [InlineData(RemoteFailure.Unreachable, "无法通过 SSH 连接 192.168.0.3:22")]
    [InlineData(RemoteFailure.AuthenticationFailed, "SSH 认证失败")]
    public async Task An_unusable_machine_rolls_back_with_the_ssh_message(RemoteFailure failure, string message)
    {
        var ids = await StartedAsync(OperationKinds.CreateCluster);
        _shell.Setup(s => s.RunAsync(It.IsAny<RemoteTarget>(), It.IsAny<string>(), It.IsAny<TimeSpan>(), It.IsAny<Action<string>?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RemoteShellException(failure, message + ": detail"));
        await RunAsync(ids.Op);
        var (op, cluster, device) = await StateAsync(ids);
        op.Status.Should().Be(OperationStatus.Failed);
        op.Message.Should().Contain(message);
        device.IsIdle.Should().BeTrue();
        cluster.DelFlg.Should().Be(DelFlag.Deleted);
    }

    [Fact]
    public async Task A_worker_join_runs_with_the_decrypted_join_command_and_a_failure_gives_the_device_back()
    {
        var ids = await StartedAsync(OperationKinds.AddWorker, ClusterReady.Installed);
        Machine(1, false, "KBOSS-ERROR 预检失败: 不支持的操作系统 CentOS Linux 7,需要 Ubuntu 22.04 (或 Debian)");
        await RunAsync(ids.Op);
        var (op, cluster, device) = await StateAsync(ids);
        op.Status.Should().Be(OperationStatus.Failed);
        op.Message.Should().Contain("CentOS");
        device.IsIdle.Should().BeTrue();
        cluster.Ready.Should().Be(ClusterReady.Installed);
        cluster.DelFlg.Should().Be(DelFlag.Alive);
        _scripts.Should().ContainSingle().Which.Should().NotContain("nt80u6"); // the join command travels base64-encoded on stdin
    }

    [Fact]
    public async Task A_successful_join_keeps_the_device_as_worker()
    {
        var ids = await StartedAsync(OperationKinds.AddWorker, ClusterReady.Installed);
        Machine(0, false, "KBOSS-PROGRESS 70 kubeadm join", "This node has joined the cluster", "KBOSS-BEGIN-NODENAME", "k8s-worker-1", "KBOSS-END-NODENAME");
        await RunAsync(ids.Op);
        var (op, _, device) = await StateAsync(ids);
        op.Status.Should().Be(OperationStatus.Succeeded);
        device.Role.Should().Be(DeviceRoles.Worker);
        device.ClusterId.Should().Be(ids.Cluster);
    }

    [Fact]
    public async Task Removing_a_worker_releases_it_only_when_the_removal_worked()
    {
        var ids = await StartedAsync(OperationKinds.RemoveWorker, ClusterReady.Installed);
        Machine(1, false, "KBOSS-ERROR 控制节点上没有 /etc/kubernetes/admin.conf,集群可能未安装");
        await RunAsync(ids.Op);
        var failed = await StateAsync(ids);
        failed.Op.Status.Should().Be(OperationStatus.Failed);
        failed.Device.Role.Should().Be(DeviceRoles.Worker); // still in the cluster

        await using (var db = Db())
        {
            var op = Provisioning.Start(OperationKinds.RemoveWorker, failed.Op.Cpcid, ids.Cluster, ids.Device, "u", DateTime.UtcNow);
            db.ProvisioningOperations.Add(op);
            await db.SaveChangesAsync();
            ids = ids with { Op = op.Id };
        }
        Machine(0, false, "KBOSS-PROGRESS 100 节点已重置");
        await RunAsync(ids.Op);
        var done = await StateAsync(ids);
        done.Op.Status.Should().Be(OperationStatus.Succeeded);
        done.Device.IsIdle.Should().BeTrue();
    }

    [Fact]
    public async Task A_recovered_run_rolls_the_operation_back_without_touching_the_machine()
    {
        var ids = await StartedAsync(OperationKinds.CreateCluster);
        await using (var db = Db())
            await Runner(db).RunAsync(ids.Op, recovering: true, default);
        var (op, cluster, device) = await StateAsync(ids);
        op.Status.Should().Be(OperationStatus.Failed);
        op.Message.Should().Be(ProvisioningRunner.Interrupted);
        op.Log.Should().Contain("已回滚");
        device.IsIdle.Should().BeTrue();
        cluster.DelFlg.Should().Be(DelFlag.Deleted);
        _scripts.Should().BeEmpty("a half-done install is never re-run blindly");
    }

    [Fact]
    public async Task A_run_that_outlived_a_takeover_does_not_overwrite_the_other_nodes_outcome()
    {
        var ids = await StartedAsync(OperationKinds.CreateCluster);
        await using (var other = Db())
            await Runner(other).RunAsync(ids.Op, recovering: true, default); // another node rolled it back
        Machine(0, false, Installed);
        await using (var db = Db())
        {
            var op = await db.ProvisioningOperations.SingleAsync(o => o.Id == ids.Op);
            op.Status = OperationStatus.Running; // this node still believes it runs
            await Runner(db).RunAsync(ids.Op, recovering: false, default);
        }
        var (after, cluster, _) = await StateAsync(ids);
        after.Status.Should().Be(OperationStatus.Failed);
        after.Message.Should().Be(ProvisioningRunner.Interrupted);
        cluster.Ready.Should().NotBe(ClusterReady.Installed);
    }

    [Fact]
    public async Task Orphans_are_old_running_operations_without_a_job()
    {
        var orphan = await StartedAsync(OperationKinds.CreateCluster);
        var scheduled = await StartedAsync(OperationKinds.AddWorker, ready: ClusterReady.Installed);
        Task<bool> IsScheduled(string id, CancellationToken _) => Task.FromResult(id == scheduled.Op);
        await using (var db = Db())
        {
            var young = await Runner(db).RecoverOrphansAsync(DateTime.UtcNow.AddMinutes(-5), IsScheduled, default);
            young.Should().Be(0, "too young");
            (await Runner(db).RecoverOrphansAsync(DateTime.UtcNow, IsScheduled, default)).Should().Be(1);
        }
        (await StateAsync(orphan)).Op.Status.Should().Be(OperationStatus.Failed);
        (await StateAsync(scheduled)).Op.Status.Should().Be(OperationStatus.Running);
        (await StateAsync(scheduled)).Device.IsIdle.Should().BeFalse();
    }

    [Fact]
    public async Task A_finished_operation_is_not_run_again()
    {
        var ids = await StartedAsync(OperationKinds.CreateCluster);
        Machine(0, false, Installed);
        await RunAsync(ids.Op);
        await RunAsync(ids.Op);
        _scripts.Should().ContainSingle();
    }
}
