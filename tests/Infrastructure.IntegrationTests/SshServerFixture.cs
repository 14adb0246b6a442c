using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>
/// A real OpenSSH server on loopback for the SSH adapter tests (ARCHITECTURE.md §8): user-mode <c>sshd</c> on a free
/// port with a generated host key and its own config, plus a dedicated password user. Needs root and the Debian
/// package openssh-server (scripts/test.sh installs it).
/// </summary>
[CollectionDefinition("sshd")]
public sealed class SshCollection;

public sealed class SshServerFixture : IAsyncLifetime
{
    /// <summary>
    /// The test user; one per test assembly (the WebApi tests link this file), because each fixture resets its password
    /// and test assemblies may run at the same time. Test classes of one assembly that use it share the "sshd" collection.
    /// </summary>
    public static readonly string User = typeof(SshServerFixture).Assembly.GetName().Name!.Contains("WebApi", StringComparison.Ordinal) ? "kbosssshw" : "kbossssh";
    public string Password { get; } = "Kb-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
    public int Port { get; private set; }
    public string HostKeySha256 { get; private set; } = "";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "kboss-sshd-" + Guid.NewGuid().ToString("N"));
    private Process? _sshd;

    public async Task InitializeAsync()
    {
        if (!File.Exists("/usr/sbin/sshd")) throw new InvalidOperationException("openssh-server is not installed: run scripts/test.sh (it installs it) or apt-get install -y openssh-server");
        if (Environment.UserName != "root") throw new InvalidOperationException("the SSH tests create a local user and must run as root");
        Directory.CreateDirectory(_dir);
        Directory.CreateDirectory("/run/sshd");
        if (await Run("id", "-u", User) != 0) await Must("useradd", "-m", "-s", "/bin/bash", User);
        await Must("sh", "-c", $"echo '{User}:{Password}' | chpasswd");
        var hostKey = Path.Combine(_dir, "host_ed25519");
        await Must("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", hostKey);
        HostKeySha256 = (await Output("ssh-keygen", "-l", "-E", "sha256", "-f", hostKey + ".pub")).Split(' ')[1]["SHA256:".Length..];
        Port = FreePort();
        var config = Path.Combine(_dir, "sshd_config");
        await File.WriteAllTextAsync(config, $"""
            Port {Port}
            ListenAddress 127.0.0.1
            HostKey {hostKey}
            PidFile {_dir}/sshd.pid
            AuthorizedKeysFile {_dir}/authorized_keys
            PasswordAuthentication yes
            KbdInteractiveAuthentication no
            UsePAM no
            StrictModes no
            PermitRootLogin no
            AllowUsers {User}
            MaxStartups 50
            """);
        _sshd = Process.Start(new ProcessStartInfo("/usr/sbin/sshd", ["-D", "-e", "-f", config]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        _sshd.ErrorDataReceived += (_, _) => { };
        _sshd.BeginErrorReadLine();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                if (_sshd.HasExited) throw new InvalidOperationException($"sshd exited with {_sshd.ExitCode}");
                await Task.Delay(100);
            }
        }
        throw new InvalidOperationException("sshd did not start listening");
    }

    public Task DisposeAsync()
    {
        try { if (_sshd is { HasExited: false }) _sshd.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        try { Directory.Delete(_dir, true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static async Task<int> Run(string file, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        await p.WaitForExitAsync();
        return p.ExitCode;
    }

    private static async Task Must(string file, params string[] args)
    {
        var code = await Run(file, args);
        if (code != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {code}");
    }

    private static async Task<string> Output(string file, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true })!;
        var text = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        return text.Trim();
    }
}
