using Kboss.Application.Cpcc.Executor;
using Mediator;

namespace Kboss.Application.Cpcc.Provisioning;

/// <summary>
/// Recurring (job <c>ProvisioningOrphans</c>, ADR 0019): fails and rolls back long operations still marked running
/// whose scheduler job is gone — the node that accepted one died between committing it and storing its job, or it
/// was left by a version that ran operations in memory. Runs after a grace period so a job being stored is not
/// mistaken for a lost one. Replies with how many were rolled back.
/// </summary>
public sealed record RecoverOrphanedOperations : ICommand<int>;

public sealed class RecoverOrphanedOperationsHandler(ProvisioningRunner runner, IProvisioningQueue queue,
    TimeProvider clock) : ICommandHandler<RecoverOrphanedOperations, int>
{
    /// <summary>How old a running operation must be before a missing job counts as lost.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    public async ValueTask<int> Handle(RecoverOrphanedOperations c, CancellationToken ct) =>
        await runner.RecoverOrphansAsync(clock.GetUtcNow().UtcDateTime - Grace, queue.IsScheduledAsync, ct);
}
