using Kboss.Domain.Cpcc;

namespace Kboss.Domain.UnitTests;

/// <summary>The lifecycle of a long machine operation (ADR 0007).</summary>
public sealed class ProvisioningOperationTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 7, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_running_operation_succeeds_once_at_100_percent()
    {
        var op = new ProvisioningOperation { Progress = 55 };
        op.Succeed("操作成功!", Now);
        op.Status.Should().Be(OperationStatus.Succeeded);
        op.Progress.Should().Be(100);
        op.FinishedAt.Should().Be(Now);
        op.Message.Should().Be("操作成功!");
        FluentActions.Invoking(() => op.Fail("x", Now)).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => op.Succeed("x", Now)).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void A_failed_operation_keeps_its_progress_and_cannot_restart()
    {
        var op = new ProvisioningOperation { Progress = 35 };
        op.Fail("算力中心服务操作失败: 预检失败", Now);
        op.Status.Should().Be(OperationStatus.Failed);
        op.Progress.Should().Be(35);
        op.FinishedAt.Should().Be(Now);
        FluentActions.Invoking(() => op.Succeed("x", Now)).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void The_log_is_bounded_and_keeps_the_latest_lines()
    {
        var op = new ProvisioningOperation();
        op.AppendLog("first");
        op.AppendLog("second");
        op.Log.Should().Be("first\nsecond\n");
        var line = new string('x', 999);
        for (var i = 0; i < 300; i++) op.AppendLog(line + (i % 10));
        op.Log.Length.Should().Be(ProvisioningOperation.MaxLogLength);
        op.Log.Should().EndWith(line + "9\n").And.NotContain("first");
    }
}
