using Kboss.Application.Common.Interfaces;
using Kboss.Application.Cpcc.Provisioning;
using Kboss.Domain.Cpcc;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// Several API nodes on one database (ADR 0019): two app hosts on one SQLite file with short scheduler intervals.
/// Node A's machine never answers (<see cref="HangingShell"/>), so its install is mid-way when it is stopped.
/// </summary>
public sealed class SeveralNodesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kboss-nodes-" + Guid.NewGuid().ToString("N"));
    private readonly HangingShell _shellA = new();
    private readonly List<KbossFactory> _nodes = [];

    /// <summary>Short check-ins: a node is taken for dead 1 s + 3 s after its last check-in.</summary>
    private static readonly Dictionary<string, string> Checkins = new()
    {
        ["Scheduler:CheckinIntervalSeconds"] = "1",
        ["Scheduler:CheckinMisfireThresholdSeconds"] = "3",
    };

    public void Dispose()
    {
        foreach (var n in _nodes) n.Dispose();
        try { Directory.Delete(_folder, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private KbossFactory Node(IRemoteShell? shell = null)
    {
        var node = new KbossFactory(_folder, Checkins, s =>
        {
            if (shell is not null) s.Replace(ServiceDescriptor.Singleton(shell));
        });
        _nodes.Add(node);
        _ = node.Server; // start it
        return node;
    }

    private static async Task<Response> OperationAsync(KbossFactory node, string token, string id) =>
        await new Api(node.CreateClient()).WithToken(token)
            .GetAsync("/dev/cpcc/cpccluster/get_cluster_operation.dspy", ("id", id));

    /// <summary>Starts node A, adds a device and starts <c>new_cluster</c> on it; returns once A's job runs.</summary>
    private async Task<(KbossFactory A, string Token, string Device, string Op)> InstallOnAAsync(HangingShell shell)
    {
        var a = Node(shell);
        var token = await new Api(a.CreateClient()).LoginAsync("admin", KbossFactory.AdminPassword);
        var centre = await Seed.CenterAsync(a, DemoData.OrgId, withWidgets: false);
        var admin = new Api(a.CreateClient()).WithToken(token);
        var added = await admin.PostAsync("/dev/cpcc/cpcnode/add_cpcnode.dspy", ("cpcid", centre.Id),
            ("ip", "127.0.0.9"), ("name", "节点机"), ("devicetype", "0"), ("sshport", "22"), ("adminuser", "root"),
            ("adminpwd", "Ssh-Secret-9"));
        added.Status.Should().BeTrue(added.Raw);
        var device = added.Data!["id"]!.GetValue<string>();
        var started = await admin.PostAsync("/dev/cpcc/cpccluster/new_cluster.dspy", ("cpcid", centre.Id),
            ("ctl_nodeid", device), ("cluster_type", "0"), ("cluster_name", "两节点集群"), ("enable_date", "2026-01-01"),
            ("export_date", "2027-01-01"));
        started.Status.Should().BeTrue(started.Raw);
        await shell.Started.Task.WaitAsync(TimeSpan.FromSeconds(30)); // A's job is on the machine
        return (a, token, device, started.Data!["operation_id"]!.GetValue<string>());
    }

    /// <summary>Polls <paramref name="node"/> until the operation has ended; checks it was rolled back.</summary>
    private static async Task RolledBackAsync(KbossFactory node, string token, string op, string device)
    {
        Response? done = null;
        for (var i = 0; i < 60 && done is null; i++)
        {
            var r = await OperationAsync(node, token, op);
            if (r.Data!["status"]!.GetValue<string>() != "running") done = r;
            else await Task.Delay(500);
        }
        done.Should().NotBeNull("another node should take over the operation");
        done!.Data!["status"]!.GetValue<string>().Should().Be("failed");
        done.Data["msg"]!.GetValue<string>().Should().Be(ProvisioningRunner.Interrupted);
        done.Data["log"]!.GetValue<string>().Should().Contain("已回滚");
        var after = await node.WithDbAsync(db => db.Devices.AsNoTracking().SingleAsync(d => d.Id == device));
        after.NodeStatus.Should().Be(DeviceStatus.Idle);
        after.ClusterId.Should().BeNull();
    }

    [Fact]
    public async Task Nodes_share_tokens_secrets_and_a_stopped_nodes_operation_is_rolled_back_by_another()
    {
        var (a, token, device, op) = await InstallOnAAsync(_shellA);

        // B starts, restarts and starts again while A runs the install: it accepts A's token, reads A's secret, and
        // leaves A's operation alone for several check-in intervals
        Node().Dispose();
        var b = Node();
        var current = await new Api(b.CreateClient()).WithToken(token).GetAsync("/user/current_user.dspy");
        current.Status.Should().BeTrue(current.Raw);
        var stored = await b.WithDbAsync(db => db.Devices.AsNoTracking().SingleAsync(d => d.Id == device));
        b.Service<ISecretProtector>().Unprotect(stored.AdminPwdProtected).Should().Be("Ssh-Secret-9");
        (await new Api(b.CreateClient()).GetAsync("/health/ready")).Status.Should().BeTrue();
        var second = await new Api(a.CreateClient()).LoginAsync("admin", KbossFactory.AdminPassword);
        var onB = new Api(b.CreateClient()).WithToken(second);
        (await onB.GetAsync("/user/current_user.dspy")).Status.Should().BeTrue();
        (await new Api(a.CreateClient()).WithToken(second).PostAsync("/user/logout.dspy")).Status.Should().BeTrue();
        await Task.Delay(Kboss.Infrastructure.Security.JwtTokenService.RevocationRefresh);
        (await onB.GetAsync("/user/current_user.dspy")).Http.Should().Be(401, "a logout on A ends the token on B too");
        // a password change on A ends the user's earlier tokens on B too (token generations, ADR 0025)
        (await new Api(a.CreateClient()).WithToken(token).PostAsync("/user/add_user.dspy", ("username", "nodes-user"),
            ("password", "Nodes-pass-1"), ("roles", "operator"))).Status.Should().BeTrue();
        var earlyToken = await new Api(a.CreateClient()).LoginAsync("nodes-user", "Nodes-pass-1");
        var early = new Api(b.CreateClient()).WithToken(earlyToken);
        (await early.GetAsync("/user/current_user.dspy")).Status.Should().BeTrue();
        var changed = await early.PostAsync("/user/change_password.dspy", ("old_password", "Nodes-pass-1"),
            ("new_password", "Nodes-pass-2"));
        changed.Status.Should().BeTrue(changed.Raw);
        var fresh = new Api(a.CreateClient()).WithToken(changed.Data!["token"]!.GetValue<string>());
        await Task.Delay(Kboss.Infrastructure.Security.JwtTokenService.RevocationRefresh);
        (await new Api(a.CreateClient()).WithToken(earlyToken).GetAsync("/user/current_user.dspy")).Http
            .Should().Be(401, "the change on B ends the token on A too");
        (await fresh.GetAsync("/user/current_user.dspy")).Status.Should().BeTrue();
        await Task.Delay(TimeSpan.FromSeconds(4.5)); // longer than A would need to be taken for dead
        var running = (await OperationAsync(b, token, op)).Data!;
        running["status"]!.GetValue<string>().Should().Be("running", running.ToJsonString());
        _shellA.Cancelled.Should().BeFalse("no node touches an operation a live node runs");

        // A stops mid-way: its run is handed back and B rolls the operation back
        a.Dispose();
        _shellA.Cancelled.Should().BeTrue();
        await RolledBackAsync(b, token, op, device);
    }

    [Fact]
    public async Task A_dead_nodes_operation_is_rolled_back_by_another_once_its_check_ins_stop()
    {
        var shell = new HangingShell { IgnoreCancellation = true };
        var (a, token, device, op) = await InstallOnAAsync(shell);
        var b = Node();
        // A's scheduler stops without a word: no hand-back, no more check-ins, its run still hanging — a dead node
        await (await a.Service<Quartz.ISchedulerFactory>().GetScheduler()).Shutdown(waitForJobsToComplete: false);
        await RolledBackAsync(b, token, op, device);
        shell.Cancelled.Should().BeFalse("A's run never learnt of it (were it to finish, B's outcome stays)");
    }

    /// <summary>
    /// A machine that accepts the SSH session and never answers until the run is cancelled (never, with
    /// <see cref="IgnoreCancellation"/>).
    /// </summary>
    private sealed class HangingShell : IRemoteShell
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool Cancelled { get; private set; }
        public bool IgnoreCancellation { get; init; }

        public async Task<RemoteRun> RunAsync(RemoteTarget target, string script, TimeSpan timeout,
            Action<string>? onOutputLine, CancellationToken ct)
        {
            onOutputLine?.Invoke("KBOSS-PROGRESS 5 预检");
            Started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, IgnoreCancellation ? CancellationToken.None : ct);
            }
            catch (OperationCanceledException)
            {
                Cancelled = true;
                throw;
            }
            throw new InvalidOperationException("unreachable");
        }
    }
}
