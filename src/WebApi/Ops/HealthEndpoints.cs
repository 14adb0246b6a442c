using System.Text.Json;
using Kboss.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace Kboss.WebApi.Ops;

/// <summary>
/// Probes (ADR 0019): <c>/health/live</c> answers while the process serves requests; <c>/health/ready</c> checks that
/// the database is reachable, every migration is applied and the scheduler has started. Both answer in the envelope
/// (<c>status</c>, <c>msg</c>, <c>data.checks</c>) with HTTP 200, or 503 when not ready so a load balancer takes the
/// node out. <c>/health</c> (HealthController) is unchanged.
/// </summary>
public static class HealthEndpoints
{
    internal const string Ready = "ready";

    /// <summary>Registers the checks.</summary>
    public static IServiceCollection AddKbossHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<KbossDbContext>("database", tags: [Ready])
            .AddCheck<MigrationsCheck>("migrations", tags: [Ready])
            .AddCheck<SchedulerCheck>("scheduler", tags: [Ready]);
        return services;
    }

    /// <summary>Maps the two probes (anonymous).</summary>
    public static void MapKbossHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", Options(_ => false)).AllowAnonymous();
        app.MapHealthChecks("/health/ready", Options(c => c.Tags.Contains(Ready))).AllowAnonymous();
    }

    private static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status200OK,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
        ResponseWriter = WriteAsync,
    };

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var ok = report.Status != HealthStatus.Unhealthy;
        var body = new
        {
            status = ok,
            msg = ok ? "ok" : "服务未就绪",
            code = ok ? null : "not_ready",
            data = new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key,
                    e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
            },
        };
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Unhealthy while a migration is not applied (e.g. a node newer than the database).</summary>
    private sealed class MigrationsCheck(KbossDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context,
            CancellationToken ct = default)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            return pending.Count == 0 ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("pending migrations: " + string.Join(", ", pending));
        }
    }

    /// <summary>Unhealthy until the Quartz scheduler runs (it starts after the application has started).</summary>
    private sealed class SchedulerCheck(ISchedulerFactory schedulers) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context,
            CancellationToken ct = default)
        {
            var s = await schedulers.GetScheduler(ct);
            // no node name in the answer: the probe is anonymous
            return s.Status == SchedulerStatus.Running ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"scheduler {s.Status}");
        }
    }
}
