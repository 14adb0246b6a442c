using System.Globalization;
using Kboss.Application.Cpcc.Executor;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Kboss.Infrastructure.Scheduling;

/// <summary>
/// Scheduler settings (README, "Running several nodes"): <c>Scheduler:CheckinIntervalSeconds</c> (15) and
/// <c>Scheduler:CheckinMisfireThresholdSeconds</c> (20): how often a node records that it is alive and how long past a
/// missed check-in the others wait before taking over its operations; <c>Scheduler:IdleWaitSeconds</c> (10): how
/// long an idle node waits before looking for work another node stored; <c>Scheduler:MaxConcurrency</c> (8): jobs
/// one node runs at once; <c>Scheduler:BusyTimeoutSeconds</c> (30): SQLite busy time-out of the scheduler's own
/// connections. </summary>
public sealed record SchedulerSettings(TimeSpan CheckinInterval, TimeSpan CheckinMisfireThreshold, TimeSpan IdleWait,
    int MaxConcurrency, int BusyTimeoutSeconds)
{
    /// <summary>Reads the settings.</summary>
    public static SchedulerSettings From(IConfiguration c)
    {
        double Seconds(string key, double fallback) =>
            double.TryParse(c[key], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0
                ? v : fallback;
        return new SchedulerSettings(TimeSpan.FromSeconds(Seconds("Scheduler:CheckinIntervalSeconds", 15)),
            TimeSpan.FromSeconds(Seconds("Scheduler:CheckinMisfireThresholdSeconds", 20)),
            TimeSpan.FromSeconds(Seconds("Scheduler:IdleWaitSeconds", 10)),
            (int)Seconds("Scheduler:MaxConcurrency", 8), (int)Seconds("Scheduler:BusyTimeoutSeconds", 30));
    }
}

/// <summary>
/// Quartz.NET as kboss's one scheduler (ADR 0019): a clustered ADO job store in the kboss database (tables created by
/// the <c>Scheduler</c> migrations), long operations as recoverable jobs, and the recurring jobs of
/// <see cref="RecurringJobs"/>.
/// </summary>
public static class SchedulerSetup
{
    /// <summary>Scheduler name shared by every node (rows are keyed by it).</summary>
    public const string Name = "kboss";

    /// <summary>Registers the scheduler, its hosted service and <see cref="IProvisioningQueue"/>.</summary>
    public static IServiceCollection AddKbossScheduler(this IServiceCollection services, IConfiguration configuration,
        KbossOptions options, string connectionString)
    {
        var settings = SchedulerSettings.From(configuration);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        services.AddSingleton(settings);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = Name;
                o.GenerateInstanceId = true;
                o.IdleWaitTime = settings.IdleWait;
                // a stopping node interrupts its runs and waits for them to be handed back (see the store below)
                o.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs;
            });
            q.UseDefaultThreadPool(settings.MaxConcurrency);
            q.UsePersistentStore(s =>
            {
                s.ConfigureStore(o =>
                {
                    o.TablePrefix = SchedulerSchema.Prefix;
                    o.RecoverFiringsCancelledByShutdown = true;
                    o.StoreJobDataAsStrings = true;
                });
                if (options.IsSqlServer)
                    s.UseSqlServer(Microsoft.Data.SqlClient.SqlClientFactory.Instance, connectionString);
                else UseClusteredSqlite(s, connectionString, settings);
                s.UseClustering(c =>
                {
                    c.CheckinInterval = settings.CheckinInterval;
                    c.CheckinMisfireThreshold = settings.CheckinMisfireThreshold;
                });
            });
            RecurringJobs.Register(new RecurringJobsBuilder(q, configuration, zone));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddSingleton<IProvisioningQueue, QuartzProvisioningQueue>();
        return services;
    }

    private static void UseClusteredSqlite(IPersistentStoreBuilder s, string connectionString,
        SchedulerSettings settings)
    {
        var cs = new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = settings.BusyTimeoutSeconds };
        s.UseDriverDelegate<ClusteredSqliteDelegate>(); // before UseSqlite: the first delegate registered wins
        s.UseSqlite(SqliteFactory.Instance, cs.ConnectionString);
        s.ConfigureStore(o =>
        {
            // Microsoft.Data.Sqlite begins every transaction IMMEDIATE: Quartz's work on one file is serialised
            o.TransactionIsolationLevel = System.Data.IsolationLevel.Serializable;
            o.AcquireTriggersWithinLock = true;
            o.LockFreeFiringRounds = false;
            o.UseDbLocks = true;
            o.SelectWithLockSql = "SELECT * FROM {0}LOCKS WHERE SCHED_NAME = @schedulerName AND LOCK_NAME = @lockName";
        });
    }
}
