using Kboss.Application.Common.Models;
using Kboss.WebApi.Contract;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kboss.WebApi.Controllers;

/// <summary>Liveness probe (also the benchmark's baseline).</summary>
[Tags("health")]
public sealed class HealthController : ControllerBase
{
    private static readonly Reply<object> Alive = Reply.Ok<object>("ok", new { });

    /// <summary>Answers <c>{"status": true, "msg": "ok"}</c> while the process serves requests.</summary>
    [HttpGet("/health")]
    [AllowAnonymous]
    public Reply<object> Get() => Alive;

    // Messages and documents (issue 12)
    /// <summary>health (22-documents.md; analysis/platform.md §3.3 E32): the readiness checks (database, migrations,
    /// scheduler); 200 <c>ok</c>, or 503 <c>unhealthy</c> without details. The documented parameters are ignored.
    /// </summary>
    [HttpGet("/zabbix/health.dspy")]
    [HttpPost("/zabbix/health.dspy")]
    [AllowAnonymous]
    public async Task<IActionResult> Zabbix([FromLegacyParams] ZabbixHealthProbe probe,
        [FromServices] HealthCheckService checks,
        CancellationToken ct)
    {
        var report = await checks.CheckHealthAsync(r => r.Tags.Contains(Ops.HealthEndpoints.Ready), ct);
        return report.Status == HealthStatus.Unhealthy
            ? StatusCode(StatusCodes.Status503ServiceUnavailable, Reply.Fail<object>("unhealthy", "not_ready"))
            : Ok(Alive);
    }
}

/// <summary>The parameters documented for <c>/zabbix/health.dspy</c> (copied from upload_doc by mistake, §7 #34).
/// </summary>
public sealed record ZabbixHealthProbe
{
    /// <summary>Ignored.</summary>
    public string? Body { get; init; }
}
