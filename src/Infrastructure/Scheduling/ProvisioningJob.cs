using Kboss.Application.Cpcc.Executor;
using Kboss.Application.Cpcc.Provisioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Kboss.Infrastructure.Scheduling;

/// <summary>
/// One long operation (<c>new_cluster</c>, <c>new_cpcworker</c>, <c>delete_cpcworker</c>, <c>cpcluster_delete</c>) as a
/// Quartz job that requests recovery: whichever node acquires it runs <see cref="ProvisioningRunner"/>; when the node
/// running it dies (cluster recovery) or is stopped (the interrupted run is handed back), another node gets it with
/// <see cref="IJobExecutionContext.Recovering"/> and rolls the operation back. ADR 0019.
/// </summary>
public sealed class ProvisioningJob(IServiceScopeFactory scopes, ILogger<ProvisioningJob> logger) : IJob
{
    /// <summary>Job group of operation jobs (job name = operation id).</summary>
    public const string Group = "provisioning";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var id = context.JobDetail.Key.Name;
        if (context.Recovering)
            logger.LogWarning("Provisioning operation {Operation} handed over after its node stopped", id);
        await using var scope = scopes.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<ProvisioningRunner>();
        await runner.RunAsync(id, context.Recovering, cancellationToken);
    }
}

/// <summary><see cref="IProvisioningQueue"/> on Quartz: one non-durable job per operation, fired now.</summary>
public sealed class QuartzProvisioningQueue(ISchedulerFactory schedulers) : IProvisioningQueue
{
    public async Task EnqueueAsync(string operationId, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var job = JobBuilder.Create<ProvisioningJob>().WithIdentity(operationId, ProvisioningJob.Group)
            .RequestRecovery().Build();
        var trigger = TriggerBuilder.Create().WithIdentity(operationId, ProvisioningJob.Group).ForJob(job)
            .StartNow().Build();
        await scheduler.ScheduleJob(job, trigger, cancellationToken: ct);
    }

    public async Task<bool> IsScheduledAsync(string operationId, CancellationToken ct) =>
        await (await schedulers.GetScheduler(ct)).Exists(new JobKey(operationId, ProvisioningJob.Group), ct);
}
