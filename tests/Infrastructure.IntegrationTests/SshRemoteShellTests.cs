using System.Collections.Concurrent;
using Kboss.Application.Common.Interfaces;
using Kboss.Infrastructure.Remote;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>The SSH adapter against a real OpenSSH server on loopback.</summary>
[Collection("sshd")]
public sealed class SshRemoteShellTests(SshServerFixture sshd) : IClassFixture<SshServerFixture>
{
    private readonly SshRemoteShell _shell = new(NullLogger<SshRemoteShell>.Instance);
    private RemoteTarget Target(string? password = null, string? hostKey = null) =>
        new("127.0.0.1", sshd.Port, SshServerFixture.User, password ?? sshd.Password, hostKey);

    [Fact]
    public async Task Runs_a_script_and_captures_output_error_and_exit_code()
    {
        var lines = new ConcurrentQueue<string>();
        var run = await _shell.RunAsync(Target(), "set -e\necho \"hello $(whoami)\"\necho oops >&2\necho second\nexit 3\n", TimeSpan.FromSeconds(30), lines.Enqueue, default);
        run.ExitCode.Should().Be(3);
        run.TimedOut.Should().BeFalse();
        run.Succeeded.Should().BeFalse();
        run.Output.Should().Be($"hello {SshServerFixture.User}\nsecond\n");
        run.Error.Should().Be("oops\n");
        lines.Should().Equal($"hello {SshServerFixture.User}", "second");
        run.HostKeySha256.Should().Be(sshd.HostKeySha256);
    }

    [Fact]
    public async Task A_script_that_is_run_twice_is_idempotent_when_written_so()
    {
        const string script = "mkdir -p \"$HOME/.kboss\"\nif [ -f \"$HOME/.kboss/marker\" ]; then echo already; else date > \"$HOME/.kboss/marker\"; echo created; fi\n";
        await _shell.RunAsync(Target(), "rm -rf \"$HOME/.kboss\"", TimeSpan.FromSeconds(30), null, default);
        (await _shell.RunAsync(Target(), script, TimeSpan.FromSeconds(30), null, default)).Output.Should().Be("created\n");
        var second = await _shell.RunAsync(Target(), script, TimeSpan.FromSeconds(30), null, default);
        second.Output.Should().Be("already\n");
        second.Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task A_script_past_its_time_limit_is_stopped_and_reported()
    {
        var started = DateTime.UtcNow;
        var run = await _shell.RunAsync(Target(), "echo start\nsleep 30\necho never\n", TimeSpan.FromSeconds(2), null, default);
        run.TimedOut.Should().BeTrue();
        run.ExitCode.Should().BeNull();
        run.Succeeded.Should().BeFalse();
        run.Output.Should().Contain("start").And.NotContain("never");
        (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_wrong_password_is_a_clear_authentication_failure()
    {
        var e = await FluentActions.Awaiting(() => _shell.RunAsync(Target("wrong-password"), "true", TimeSpan.FromSeconds(10), null, default))
            .Should().ThrowAsync<RemoteShellException>();
        e.Which.Failure.Should().Be(RemoteFailure.AuthenticationFailed);
        e.Which.Message.Should().StartWith("SSH 认证失败").And.NotContain("wrong-password");
    }

    [Fact]
    public async Task A_closed_port_is_unreachable()
    {
        var target = new RemoteTarget("127.0.0.1", SshServerFixture.FreePort(), "nobody", "x");
        var e = await FluentActions.Awaiting(() => _shell.RunAsync(target, "true", TimeSpan.FromSeconds(10), null, default))
            .Should().ThrowAsync<RemoteShellException>();
        e.Which.Failure.Should().Be(RemoteFailure.Unreachable);
        e.Which.Message.Should().StartWith("无法通过 SSH 连接");
    }

    [Fact]
    public async Task A_changed_host_key_is_refused_and_the_recorded_one_accepted()
    {
        var e = await FluentActions.Awaiting(() => _shell.RunAsync(Target(hostKey: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), "true", TimeSpan.FromSeconds(10), null, default))
            .Should().ThrowAsync<RemoteShellException>();
        e.Which.Failure.Should().Be(RemoteFailure.HostKeyMismatch);
        (await _shell.RunAsync(Target(hostKey: sshd.HostKeySha256), "true", TimeSpan.FromSeconds(10), null, default)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task The_password_never_appears_in_the_target_text() =>
        Target().ToString().Should().NotContain(sshd.Password);
}
