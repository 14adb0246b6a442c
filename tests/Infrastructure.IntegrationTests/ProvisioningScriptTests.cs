using System.Collections.Concurrent;
using System.Diagnostics;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Cpcc.Executor;
using Kboss.Domain.Cpcc;
using Kboss.Infrastructure.Provisioning;
using Kboss.Infrastructure.Remote;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>A log that keeps what the provisioner reports.</summary>
public sealed class RecordingLog : IProvisioningLog
{
    public ConcurrentQueue<string> Lines { get; } = new();
    public ConcurrentQueue<int> Percents { get; } = new();
    public void Line(string text) => Lines.Enqueue(text);
    public void Progress(int percent) => Percents.Enqueue(percent);
    public string Text => string.Join("\n", Lines);
}

/// <summary>A protector that is good enough for adapter tests (the real one is Data Protection).</summary>
public sealed class PlainProtector : ISecretProtector
{
    public string Protect(string plaintext) => "p:" + plaintext;
    public string Unprotect(string protectedValue) => protectedValue.StartsWith("p:", StringComparison.Ordinal) ? protectedValue[2..] : throw new System.Security.Cryptography.CryptographicException("not protected");
}

/// <summary>The embedded install scripts run for real over SSH (a non-root user without sudo: the preflight refuses).</summary>
[Collection("sshd")]
public sealed class ProvisioningScriptTests(SshServerFixture sshd) : IClassFixture<SshServerFixture>
{
    private readonly SshClusterProvisioner _provisioner = new(new SshRemoteShell(NullLogger<SshRemoteShell>.Instance), new PlainProtector(),
        new ProvisioningTimeouts { ControlPlane = TimeSpan.FromMinutes(1), Worker = TimeSpan.FromMinutes(1), Remove = TimeSpan.FromMinutes(1) },
        NullLogger<SshClusterProvisioner>.Instance);
    private static readonly ComputeCenter Center = new() { Name = "c" };
    private SshTarget Target => new("127.0.0.1", sshd.Port, SshServerFixture.User, "p:" + sshd.Password);

    [Theory]
    [InlineData(ProvisioningScripts.ControlPlane)]
    [InlineData(ProvisioningScripts.JoinWorker)]
    [InlineData(ProvisioningScripts.RemoveNode)]
    [InlineData(ProvisioningScripts.ResetNode)]
    public async Task Every_script_and_its_wrapper_is_valid_bash(string name)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, ProvisioningScripts.Load("common.sh") + "\n" + ProvisioningScripts.Load(name));
            (await Bash("-n", file)).Should().Be(0);
            await File.WriteAllTextAsync(file, ProvisioningScripts.Compose(name, new Dictionary<string, string> { ["KBOSS_JOIN_COMMAND"] = "kubeadm join x --token 'a'b" }, "pw'with\"quotes"));
            (await Bash("-n", file)).Should().Be(0);
        }
        finally { File.Delete(file); }
    }

    private static async Task<int> Bash(params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo("bash", args) { RedirectStandardError = true })!;
        await p.WaitForExitAsync();
        return p.ExitCode;
    }

    [Fact]
    public async Task The_control_plane_install_fails_fast_on_a_machine_without_root_with_a_clear_message_and_log()
    {
        var log = new RecordingLog();
        var started = DateTime.UtcNow;
        var r = await _provisioner.CreateControlPlaneAsync(Center, Target, log, default);
        r.Status.Should().BeFalse();
        r.Failure.Should().Be(ExecutorFailure.Rejected);
        r.Info.Should().StartWith("预检失败").And.Contain("root").And.Contain(SshServerFixture.User);
        r.Data.Should().BeNull();
        log.Text.Should().Contain("install-control-plane.sh").And.Contain("预检失败");
        log.Text.Should().NotContain(sshd.Password);
        (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(30));
        // the wrapper leaves nothing behind
        var shell = new SshRemoteShell(NullLogger<SshRemoteShell>.Instance);
        var left = await shell.RunAsync(new RemoteTarget("127.0.0.1", sshd.Port, SshServerFixture.User, sshd.Password), "ls /tmp | grep -c '^kboss-[A-Za-z0-9]\\{8\\}\\.sh$' || true", TimeSpan.FromSeconds(20), null, default);
        left.Output.Trim().Should().Be("0");
    }

    [Fact]
    public async Task Join_and_remove_fail_the_same_way_and_never_log_the_join_token()
    {
        var log = new RecordingLog();
        var join = "kubeadm join 10.0.0.1:6443 --token abcdef.0123456789abcdef --discovery-token-ca-cert-hash sha256:00";
        var r = await _provisioner.JoinWorkerAsync(Center, Target, join, log, default);
        r.Status.Should().BeFalse();
        r.Info.Should().StartWith("预检失败");
        log.Text.Should().NotContain("0123456789abcdef");
        var removed = await _provisioner.RemoveNodeAsync(Center, Target, Target with { Host = "localhost" }, true, log, default);
        removed.Status.Should().BeFalse();
        removed.Info.Should().StartWith("预检失败");
    }

    [Fact]
    public async Task Wrong_credentials_and_closed_ports_are_reported_not_thrown()
    {
        var wrong = await _provisioner.CreateControlPlaneAsync(Center, Target with { ProtectedPassword = "p:wrong" }, new RecordingLog(), default);
        wrong.Failure.Should().Be(ExecutorFailure.Unauthorized);
        wrong.Info.Should().StartWith("SSH 认证失败");
        var closed = await _provisioner.CreateControlPlaneAsync(Center, Target with { Port = SshServerFixture.FreePort() }, new RecordingLog(), default);
        closed.Failure.Should().Be(ExecutorFailure.Transport);
        closed.Info.Should().StartWith("无法通过 SSH 连接");
    }
}

/// <summary>The output protocol of the install scripts, on sample output.</summary>
public sealed class ScriptOutputTests
{
    internal const string Join = "kubeadm join 192.168.0.3:6443 --token nt80u6.gzpj9dxsrw79270c --discovery-token-ca-cert-hash sha256:7b33439b2a1b37a8d8938513bd45405f57c3255771c3b9b9b90af448d886b0c2";
    internal const string Kubeconfig = """
        apiVersion: v1
        clusters:
        - cluster:
            certificate-authority-data: LS0tLS1CRUdJTi
            server: https://192.168.0.3:6443
          name: kubernetes
        contexts:
        - context:
            cluster: kubernetes
            user: kubernetes-admin
          name: kubernetes-admin@kubernetes
        current-context: kubernetes-admin@kubernetes
        kind: Config
        users:
        - name: kubernetes-admin
          user:
            client-key-data: c2VjcmV0LWtleQ==
        """;

    internal static string Sample => string.Join("\n",
        "KBOSS-PROGRESS 2 预检: 检查机器是否可安装", "预检通过: Ubuntu 22.04.4 LTS, 4 核, 15892 MiB, amd64",
        "KBOSS-PROGRESS 55 kubeadm init", "[init] Using Kubernetes version: v1.30.5", "Your Kubernetes control-plane has initialized successfully!",
        "KBOSS-PROGRESS 95 生成加入集群凭证", "KBOSS-BEGIN-JOIN", Join + " ", "KBOSS-END-JOIN",
        "KBOSS-BEGIN-KUBECONFIG", Kubeconfig, "KBOSS-END-KUBECONFIG", "KBOSS-PROGRESS 100 控制节点安装完成", "");

    [Fact]
    public void The_join_command_and_kubeconfig_are_read_between_the_markers()
    {
        var info = ScriptOutput.Parse(Sample).ControlPlane();
        info.Should().NotBeNull();
        info!.JoinCommand.Should().Be(Join);
        info.Kubeconfig.Should().Be(Kubeconfig.Replace("\r\n", "\n") + "\n");
    }

    [Fact]
    public void Streaming_reports_progress_and_lines_but_never_the_result_blocks_or_secrets()
    {
        var log = new RecordingLog();
        var output = new ScriptOutput(log, ["15892"]);
        foreach (var line in Sample.Split('\n')) output.OnLine(line);
        log.Percents.Should().Equal(2, 55, 95, 100);
        log.Text.Should().Contain("==> kubeadm init").And.Contain("[init] Using Kubernetes version");
        log.Text.Should().NotContain("nt80u6").And.NotContain("client-key-data").And.NotContain("15892");
        log.Text.Should().Contain("[结果 JOIN 已收到").And.Contain("[结果 KUBECONFIG 已收到");
        output.ControlPlane().Should().NotBeNull();
    }

    [Theory]
    [InlineData("KBOSS-BEGIN-JOIN\nkubeadm join x --token a.b\nKBOSS-END-JOIN\n")] // no kubeconfig
    [InlineData("KBOSS-BEGIN-JOIN\necho hi\nKBOSS-END-JOIN\nKBOSS-BEGIN-KUBECONFIG\napiVersion: v1\nclusters: []\nKBOSS-END-KUBECONFIG\n")] // not a join command
    [InlineData("KBOSS-BEGIN-JOIN\nkubeadm join x --token a.b\nKBOSS-END-JOIN\nKBOSS-BEGIN-KUBECONFIG\napiVersion: v1\nclusters: []\n")] // unterminated
    [InlineData("KBOSS-BEGIN-JOIN\nkubeadm join x --token a.b\nKBOSS-END-JOIN\nKBOSS-BEGIN-KUBECONFIG\nnot yaml\nKBOSS-END-KUBECONFIG\n")] // no kubeconfig keys
    [InlineData("")]
    public void Incomplete_or_malformed_results_are_not_accepted(string output) =>
        ScriptOutput.Parse(output).ControlPlane().Should().BeNull();

    [Fact]
    public void The_last_error_line_is_the_failure_reason()
    {
        var parsed = ScriptOutput.Parse("KBOSS-PROGRESS 2 预检\nKBOSS-ERROR 第 3 行的命令失败\nKBOSS-ERROR 预检失败: CPU 不足(1 核),Kubernetes 节点至少需要 2 核\n");
        parsed.LastError.Should().Be("预检失败: CPU 不足(1 核),Kubernetes 节点至少需要 2 核");
    }

    [Fact]
    public void Pcapi_new_cluster_data_is_split_at_the_first_newline()
    {
        var info = PcapiClusterProvisioner.SplitNewCluster(Join + " \n " + Kubeconfig);
        info!.JoinCommand.Should().Be(Join);
        info.Kubeconfig.Should().Be(Kubeconfig.Replace("\r\n", "\n").Trim());
        PcapiClusterProvisioner.SplitNewCluster(Join).Should().BeNull();
        PcapiClusterProvisioner.SplitNewCluster("").Should().BeNull();
        PcapiClusterProvisioner.SplitNewCluster("error\nsomething").Should().BeNull();
    }

    [Fact]
    public void Variables_are_single_quoted_for_bash()
    {
        ProvisioningScripts.Quote("a'b c$d").Should().Be("'a'\\''b c$d'");
        var script = ProvisioningScripts.Compose(ProvisioningScripts.JoinWorker, new Dictionary<string, string> { ["KBOSS_JOIN_COMMAND"] = Join }, "pw");
        script.Should().NotContain("nt80u6"); // the payload is base64 inside the wrapper, never a command-line argument
        script.Should().Contain("sudo -n bash \"$f\"");
    }
}
