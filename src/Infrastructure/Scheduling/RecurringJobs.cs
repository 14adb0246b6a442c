using Kboss.Application.Cpcc.Provisioning;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Kboss.Infrastructure.Scheduling;

/// <summary>
/// The one place recurring work is registered (docs/patterns.md, "Scheduled work"). Each entry names a mediator
/// command — the same one an endpoint sends, where there is one — and a job name whose cron expression comes from
/// <c>Jobs:&lt;Name&gt;:Cron</c> (Quartz syntax with seconds, in the platform time zone; <c>off</c> disables it).
/// </summary>
public static class RecurringJobs
{
    /// <summary>Every recurring job of kboss.</summary>
    public static void Register(RecurringJobsBuilder jobs)
    {
        jobs.AddRecurring<RecoverOrphanedOperations>("ProvisioningOrphans", defaultCron: "0 */5 * * * ?");
        jobs.AddRecurring<Application.Common.OutsideCalls.ReconcileOutsideCalls>("OutsideCallReconciler",
            defaultCron: "30 * * * * ?");
        // Finance (issue 11)
        jobs.AddRecurring<Application.Finance.Ledger.CheckBalances>("BalanceCheck", defaultCron: "0 15 3 * * ?");
        // WeChat login and pay (issue 12)
        jobs.AddRecurring<Application.WeChat.Recharges.ReconcileRecharges>("WeChatPayReconciler",
            defaultCron: "15 * * * * ?");
        jobs.AddRecurring<Application.WeChat.PurgeWeChatLoginStates>("WeChatLoginStatePurge", defaultCron: "0 7 * * * ?");
        // Approval hub (issue 12)
        jobs.AddRecurring<Application.Approval.DispatchApprovalCallbacks>("ApprovalCallbacks",
            defaultCron: "*/15 * * * * ?");
        jobs.AddRecurring<Application.Approval.ReconcileApprovals>("ApprovalReconciler", defaultCron: "0 */10 * * * ?");
        // Provider settlement (issue 11)
        jobs.AddRecurring<Application.Finance.Settlement.RunAutoSettlement>("auto_provider_settle_cron_job",
            defaultCron: "0 0 1 * * ?");
        // Leases (issue 13)
        jobs.AddRecurring<Application.Lease.RecycleExpiredLeases>("LeaseRecycle", defaultCron: "0 5 0 * * ?");
        jobs.AddRecurring<Application.Lease.SendLeaseExpiryWarnings>("LeaseExpiryWarning", defaultCron: "0 0 9 * * ?");
        jobs.AddRecurring<Application.LeaseProducts.ExpireLeaseOrders>("LeaseOrderExpiry", defaultCron: "0 10 0 * * ?");
        jobs.AddRecurring<Application.LeaseProducts.ReleaseTimedOutLocks>("LeaseLockTimeout", defaultCron: "0 * * * * ?");
        // UCloud (issue 15)
        jobs.AddRecurring<Application.Vendors.UCloud.Hosts.PollUCloudHosts>("UCloudHostPoll", defaultCron: "*/20 * * * * ?");
        // Baidu order sync (issue 15)
        jobs.AddRecurring<Application.Vendors.Baidu.SyncAllBaiduOrders>("BaiduOrderSync", defaultCron: "0 */10 * * * ?");
        // Jinan HPC (issue 15)
        jobs.AddRecurring<Application.Vendors.JinanHpc.RefreshHpcSyncStatus>("HpcUserSyncStatus",
            defaultCron: "45 */2 * * * ?");
        // Money (issue 11): settlements and invoice applications that lost their approval id (ADR 0040)
        jobs.AddRecurring<Application.Finance.Settlement.SweepUnsentApprovals>("ApprovalIdSweep",
            defaultCron: "0 */5 * * * ?");
        jobs.AddRecurring<Application.Finance.CpccLocalisation.ExpireCpccPurchases>("CpccPurchaseExpiry",
            defaultCron: "0 * * * * ?");
        // Capital Online network, task poller (issue 14)
        jobs.AddRecurring<Application.Vendors.CapitalOnline.Tasks.PollCdsTasks>("CdsTaskPoller",
            defaultCron: "15/30 * * * * ?");
    }
}

/// <summary>Adds recurring mediator commands to the Quartz configuration.</summary>
public sealed class RecurringJobsBuilder(IQuartzBuilder quartz, IConfiguration configuration, TimeZoneInfo zone)
{
    /// <summary>Job group of recurring jobs.</summary>
    public const string Group = "recurring";

    /// <summary>Names registered so far (one job per name).</summary>
    public List<string> Names { get; } = [];

    /// <summary>
    /// Sends a new <typeparamref name="TCommand"/> on the cron schedule <c>Jobs:{name}:Cron</c> (else
    /// <paramref name="defaultCron"/>; none or <c>off</c>: not scheduled). One run at a time across all nodes; a run
    /// missed while every node was down is skipped, not caught up.
    /// </summary>
    public RecurringJobsBuilder AddRecurring<TCommand>(string name, string? defaultCron = null)
        where TCommand : IMessage, new()
    {
        var cron = configuration[$"Jobs:{name}:Cron"] ?? defaultCron;
        if (string.IsNullOrWhiteSpace(cron) || cron.Trim().Equals("off", StringComparison.OrdinalIgnoreCase))
            return this;
        if (!CronExpression.TryParse(cron, out _))
            throw new InvalidOperationException($"Jobs:{name}:Cron is not a valid cron expression: '{cron}'");
        var key = new JobKey(name, Group);
        quartz.AddJob<MediatorJob<TCommand>>(j => j.WithIdentity(key).StoreDurably().DisallowConcurrentExecution());
        quartz.AddTrigger(t => t.ForJob(key).WithIdentity(name, Group)
            .WithCronSchedule(cron, c => c.InTimeZone(zone)
                .WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
        Names.Add(name);
        return this;
    }
}

/// <summary>A recurring job that only sends <typeparamref name="TCommand"/> through the mediator.</summary>
[DisallowConcurrentExecution]
public sealed class MediatorJob<TCommand>(IServiceScopeFactory scopes) : IJob where TCommand : IMessage, new()
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISender>().Send((object)new TCommand(), cancellationToken);
    }
}
