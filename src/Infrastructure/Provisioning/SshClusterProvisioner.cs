using Kboss.Application.Common.Interfaces;
using Kboss.Application.Cpcc.Executor;
using Kboss.Domain.Cpcc;
using Microsoft.Extensions.Logging;

namespace Kboss.Infrastructure.Provisioning;

/// <summary>
/// The in-process executor for provisioning (what pcapi's P3/P4/P7 do, done by kboss itself): runs the embedded
/// install scripts on the machines through <see cref="IRemoteShell"/> and parses their output protocol
/// (<see cref="ScriptOutput"/>). Used for centres configured <c>InProcess</c> and behind kboss's own pcapi endpoints.
/// </summary>
public sealed class SshClusterProvisioner(IRemoteShell shell, ISecretProtector secrets, ProvisioningTimeouts timeouts,
    ILogger<SshClusterProvisioner> logger) : IClusterProvisioner
{
    public async Task<ExecutorResult<ControlPlaneInfo>> CreateControlPlaneAsync(ComputeCenter center, SshTarget controller, IProvisioningLog log, CancellationToken ct)
    {
        var (run, output, failure) = await RunAsync(controller, ProvisioningScripts.ControlPlane, new Dictionary<string, string>(), [], timeouts.ControlPlane, log, ct);
        if (failure is not null) return Fail<ControlPlaneInfo>(failure.Value);
        var info = ScriptOutput.Parse(run!.Output).ControlPlane();
        return info is null
            ? new(false, "安装脚本成功结束,但输出中没有加入集群凭证或 kubeconfig", null, ExecutorFailure.BadResponse)
            : new(true, "operate success", info, null);
    }

    public async Task<ExecutorResult<string>> JoinWorkerAsync(ComputeCenter center, SshTarget worker, string joinCommand, IProvisioningLog log, CancellationToken ct)
    {
        var (run, _, failure) = await RunAsync(worker, ProvisioningScripts.JoinWorker,
            new Dictionary<string, string> { ["KBOSS_JOIN_COMMAND"] = joinCommand }, [joinCommand, .. TokenOf(joinCommand)], timeouts.Worker, log, ct);
        if (failure is not null) return Fail<string>(failure.Value);
        return new(true, "operate success", ScriptOutput.Parse(run!.Output).Block("NODENAME") ?? "", null);
    }

    public async Task<ExecutorResult<string>> RemoveNodeAsync(ComputeCenter center, SshTarget? controller, SshTarget node, bool force, IProvisioningLog log, CancellationToken ct)
    {
        if (controller is not null && controller != node)
        {
            var (_, _, failure) = await RunAsync(controller, ProvisioningScripts.RemoveNode,
                new Dictionary<string, string> { ["KBOSS_NODE_IP"] = node.Host, ["KBOSS_FORCE"] = force ? "1" : "0" }, [], timeouts.Remove, log, ct);
            if (failure is not null) return Fail<string>(failure.Value);
        }
        var reset = await RunAsync(node, ProvisioningScripts.ResetNode, new Dictionary<string, string>(), [], timeouts.Remove, log, ct);
        return reset.Failure is not null ? Fail<string>(reset.Failure.Value) : new(true, "delete node success", node.Host, null);
    }

    private async Task<(RemoteRun? Run, ScriptOutput Output, (ExecutorFailure Kind, string Info)? Failure)> RunAsync(SshTarget target, string script,
        Dictionary<string, string> variables, string[] extraSecrets, TimeSpan timeout, IProvisioningLog log, CancellationToken ct)
    {
        var password = secrets.Unprotect(target.ProtectedPassword);
        var output = new ScriptOutput(log, [password, .. extraSecrets]);
        var remote = new RemoteTarget(target.Host, target.Port, target.User, password);
        log.Line($"[kboss] 在 {remote} 上运行 {script}");
        RemoteRun run;
        try
        {
            run = await shell.RunAsync(remote, ProvisioningScripts.Compose(script, variables, password), timeout, output.OnLine, ct);
        }
        catch (RemoteShellException e)
        {
            log.Line("错误: " + e.Message);
            return (null, output, (e.Failure == RemoteFailure.AuthenticationFailed ? ExecutorFailure.Unauthorized : ExecutorFailure.Transport, e.Message));
        }
        if (run.Succeeded) return (run, output, null);
        var info = run.TimedOut
            ? $"{script} 超过 {timeout.TotalMinutes:0.#} 分钟未完成,已停止;机器可能处于半安装状态,请先清理(kubeadm reset)再重试"
            : output.LastError ?? $"{script} 失败 (退出码 {run.ExitCode?.ToString() ?? "无"})";
        logger.LogWarning("Provisioning script {Script} on {Target} failed: {Info}", script, remote, info);
        return (run, output, (run.TimedOut ? ExecutorFailure.Timeout : ExecutorFailure.Rejected, info));
    }

    private static IEnumerable<string> TokenOf(string joinCommand)
    {
        var parts = joinCommand.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var i = Array.IndexOf(parts, "--token");
        if (i >= 0 && i + 1 < parts.Length) yield return parts[i + 1];
    }

    private static ExecutorResult<T> Fail<T>((ExecutorFailure Kind, string Info) f) => new(false, f.Info, default, f.Kind);
}
