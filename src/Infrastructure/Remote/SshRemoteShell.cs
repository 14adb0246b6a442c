using System.Net.Sockets;
using System.Text;
using Kboss.Application.Common.Interfaces;
using Microsoft.Extensions.Logging;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Kboss.Infrastructure.Remote;

/// <summary>
/// <see cref="IRemoteShell"/> on SSH.NET: password authentication, host-key pinning (trust on first use when no
/// fingerprint is recorded), the script on stdin of <c>bash -s</c>, stdout streamed line by line, a hard time limit
/// after which the remote process is signalled and the run reported as timed out.
/// </summary>
public sealed class SshRemoteShell(ILogger<SshRemoteShell> log) : IRemoteShell
{
    /// <summary>Time allowed to open the TCP connection and finish the SSH handshake.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    public async Task<RemoteRun> RunAsync(RemoteTarget target, string script, TimeSpan timeout, Action<string>? onOutputLine, CancellationToken ct)
    {
        var info = new ConnectionInfo(target.Host, target.Port, target.User, new PasswordAuthenticationMethod(target.User, target.Password))
        {
            Timeout = ConnectTimeout,
        };
        using var client = new SshClient(info);
        var presented = "";
        client.HostKeyReceived += (_, e) =>
        {
            presented = e.FingerPrintSHA256;
            e.CanTrust = target.HostKeySha256 is null || string.Equals(target.HostKeySha256, presented, StringComparison.Ordinal);
        };
        await ConnectAsync(client, target, () => presented, ct);
        log.LogInformation("SSH connected to {Target}, running a script of {Length} bytes", target, script.Length);

        using var command = client.CreateCommand("bash -s");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        var output = new StringBuilder();
        var execution = command.ExecuteAsync(limit.Token);
        await using (var stdin = command.CreateInputStream())
        {
            var bytes = Encoding.UTF8.GetBytes(script.Replace("\r\n", "\n"));
            await stdin.WriteAsync(bytes, ct);
        }
        var reader = ReadLinesAsync(command.OutputStream, output, onOutputLine);
        var timedOut = false;
        try
        {
            await execution;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            timedOut = true;
            log.LogWarning("SSH script on {Target} ran past {Timeout} and was stopped", target, timeout);
        }
        // stdout ends with the channel; a killed script may leave it open, so wait a little, then keep what was read
        await Task.WhenAny(reader, Task.Delay(TimeSpan.FromSeconds(timedOut ? 2 : 10), CancellationToken.None));
        string text;
        lock (output) text = output.ToString();
        return new RemoteRun(timedOut ? null : command.ExitStatus, text, command.Error, presented, timedOut);
    }

    private static async Task ConnectAsync(SshClient client, RemoteTarget target, Func<string> presented, CancellationToken ct)
    {
        using var connect = CancellationTokenSource.CreateLinkedTokenSource(ct);
        connect.CancelAfter(ConnectTimeout);
        try
        {
            await client.ConnectAsync(connect.Token);
        }
        catch (SshAuthenticationException e)
        {
            throw new RemoteShellException(RemoteFailure.AuthenticationFailed, $"SSH 认证失败: {target.User}@{target.Host}:{target.Port} 的用户名或密码错误", e);
        }
        catch (SshConnectionException e) when (target.HostKeySha256 is not null && presented() != target.HostKeySha256)
        {
            throw new RemoteShellException(RemoteFailure.HostKeyMismatch, $"SSH 主机密钥不匹配: {target.Host}:{target.Port} 出示的密钥与登记的不同,可能被冒充", e);
        }
        catch (Exception e) when (e is SocketException or SshConnectionException or SshOperationTimeoutException or ProxyException
                                      or OperationCanceledException && !ct.IsCancellationRequested)
        {
            throw new RemoteShellException(RemoteFailure.Unreachable, $"无法通过 SSH 连接 {target.Host}:{target.Port}: {e.Message}", e);
        }
    }

    private static async Task ReadLinesAsync(Stream stream, StringBuilder output, Action<string>? onLine)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (output) output.Append(line).Append('\n');
            onLine?.Invoke(line);
        }
    }
}
