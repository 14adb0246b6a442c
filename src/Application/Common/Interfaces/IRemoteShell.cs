namespace Kboss.Application.Common.Interfaces;

/// <summary>A machine reached over SSH with a password (a 算力设备: ip, sshport, adminuser, adminpwd).</summary>
/// <param name="Host">Host name or IP.</param>
/// <param name="Port">SSH port (1–65535).</param>
/// <param name="User">Login user.</param>
/// <param name="Password">Plaintext password (decrypted just for the call; never logged).</param>
/// <param name="HostKeySha256">Expected host key fingerprint (base64 SHA-256 without padding, as <c>ssh-keygen -lf</c>
/// prints without the <c>SHA256:</c> prefix); null trusts the key on first use and reports it in the result.</param>
public sealed record RemoteTarget(string Host, int Port, string User, string Password, string? HostKeySha256 = null)
{
    /// <summary>No password in logs or exceptions.</summary>
    public override string ToString() => $"{User}@{Host}:{Port}";
}

/// <summary>The outcome of a script run on a machine.</summary>
/// <param name="ExitCode">Exit status, or null when the script was killed (time-out) or ended by a signal.</param>
/// <param name="Output">Everything the script wrote to stdout.</param>
/// <param name="Error">Everything the script wrote to stderr.</param>
/// <param name="HostKeySha256">Fingerprint of the host key the machine presented.</param>
/// <param name="TimedOut">True when the script ran past its time limit and was stopped.</param>
public sealed record RemoteRun(int? ExitCode, string Output, string Error, string HostKeySha256, bool TimedOut)
{
    /// <summary>True when the script ended with exit code 0 in time.</summary>
    public bool Succeeded => ExitCode == 0 && !TimedOut;
}

/// <summary>Why a machine could not be used at all (before the script ran).</summary>
public enum RemoteFailure
{
    /// <summary>No TCP/SSH connection (wrong address or port, machine down, SSH not running).</summary>
    Unreachable,
    /// <summary>The user or password was refused.</summary>
    AuthenticationFailed,
    /// <summary>The machine presented a different host key than the one recorded.</summary>
    HostKeyMismatch,
}

/// <summary>A machine could not be used; <see cref="Exception.Message"/> is a Chinese text a person can act on.</summary>
public sealed class RemoteShellException(RemoteFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>What went wrong.</summary>
    public RemoteFailure Failure { get; } = failure;
}

/// <summary>
/// Runs shell scripts on machines over SSH (SSH.NET in Infrastructure): the kubeadm install and join scripts of the
/// container cloud (analysis/cpcc.md §5). The script is fed to <c>bash -s</c> on stdin, so it needs no upload and
/// leaves nothing behind; its stdout lines are reported as they arrive for the operation log.
/// </summary>
public interface IRemoteShell
{
    /// <summary>Runs <paramref name="script"/> on <paramref name="target"/> within <paramref name="timeout"/>.</summary>
    /// <param name="onOutputLine">Called with each stdout line as it arrives (may be null).</param>
    /// <exception cref="RemoteShellException">Unreachable machine, refused credentials or a changed host key.</exception>
    Task<RemoteRun> RunAsync(RemoteTarget target, string script, TimeSpan timeout, Action<string>? onOutputLine, CancellationToken ct);
}
