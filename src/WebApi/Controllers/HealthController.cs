using Kboss.Application.Common.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

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
}
