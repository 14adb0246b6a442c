using Kboss.Application.Common;
using Kboss.Application.Common.Behaviours;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Mediator;
using Moq;

namespace Kboss.Application.UnitTests;

/// <summary><see cref="LockRetryBehaviour{TMessage, TResponse}"/>: whole retries on lost lock races, then busy (ADR 0016).</summary>
public sealed class LockRetryBehaviourTests
{
    private sealed record Write : ICommand<string>;
    private sealed class LockLost : Exception;

    private int _committed;
    private readonly Mock<IKbossDbContext> _db = new();

    public LockRetryBehaviourTests()
    {
        _db.Setup(d => d.IsLockConflict(It.IsAny<Exception>())).Returns((Exception e) => e is LockLost);
        _db.SetupGet(d => d.CommittedUnits).Returns(() => _committed);
    }

    private ValueTask<string> Run(Func<int, string> handler, Action<int>? onTry = null)
    {
        var tries = 0;
        return new LockRetryBehaviour<Write, string>(_db.Object).Handle(new Write(), (_, _) =>
        {
            tries++;
            onTry?.Invoke(tries);
            return ValueTask.FromResult(handler(tries));
        }, CancellationToken.None);
    }

    [Fact]
    public async Task A_handler_that_loses_the_lock_twice_is_run_three_times_and_succeeds()
    {
        var calls = 0;
        var result = await Run(t => { calls = t; return t < 3 ? throw new LockLost() : "ok"; });
        result.Should().Be("ok");
        calls.Should().Be(3);
        _db.Verify(d => d.ClearChanges(), Times.Exactly(2));
    }

    [Fact]
    public async Task A_handler_that_always_loses_the_lock_gets_the_busy_reply()
    {
        var calls = 0;
        var act = () => Run(t => { calls = t; throw new LockLost(); }).AsTask();
        (await act.Should().ThrowAsync<BusinessException>()).Which.Code.Should().Be(ErrorCodes.Busy);
        calls.Should().Be(LockRetry.Attempts);
    }

    [Fact]
    public async Task A_try_that_already_committed_something_is_not_repeated()
    {
        var calls = 0;
        var act = () => Run(t => { calls = t; _committed++; throw new LockLost(); }).AsTask();
        (await act.Should().ThrowAsync<BusinessException>()).Which.Code.Should().Be(ErrorCodes.Busy);
        calls.Should().Be(1);
    }

    [Fact]
    public async Task Other_errors_pass_through_untouched()
    {
        var act = () => Run(_ => throw new InvalidOperationException("boom")).AsTask();
        await act.Should().ThrowAsync<InvalidOperationException>();
        _db.Verify(d => d.ClearChanges(), Times.Never);
    }
}
