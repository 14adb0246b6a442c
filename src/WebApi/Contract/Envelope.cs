using System.Diagnostics;
using System.Text.Json;
using Kboss.Application.Common;
using Kboss.Application.Common.Behaviours;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Kboss.WebApi.Contract;

/// <summary>Writes the failure envelope for answers produced outside a use case (401, 403, 404, 500).</summary>
public static class Envelope
{
    /// <summary>Writes <c>{"status": false, "msg", "code", …}</c> with HTTP <paramref name="status"/>.</summary>
    public static Task WriteAsync(HttpContext http, int status, string msg, string code, string? traceId = null)
    {
        if (http.Response.HasStarted) return Task.CompletedTask;
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.JsonSerializerOptions;
        object body = http.Request.Path.StartsWithSegments("/pcapi") // pcapi's envelope (spec 36): info, not msg
            ? traceId is null ? new { status = false, info = msg, data = "", code }
                : new { status = false, info = msg, data = "", code, trace_id = traceId }
            : traceId is null
                ? Reply.Fail<object>(msg, code)
                : new { status = false, msg, code, trace_id = traceId };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, options));
    }

    private static Task WriteServerRejection(HttpContext http, int status)
    {
        var (_, msg, code) = ServerLimits.Describe(status);
        return WriteAsync(http, status, msg, code);
    }

    /// <summary>Turns any unhandled exception into HTTP 500 with a trace id and nothing internal.</summary>
    public static void UseEnvelopeExceptionHandler(this IApplicationBuilder app) => app.UseExceptionHandler(a => a.Run(http =>
    {
        var traceId = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
        var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Kboss.Unhandled")
            .LogError(error, "Unhandled exception, trace {TraceId}", traceId);
        return WriteAsync(http, StatusCodes.Status500InternalServerError, $"系统错误,请稍后重试 (trace: {traceId})", ErrorCodes.Internal, traceId);
    }));

    /// <summary>Unknown path or method → 404 envelope; other bodiless error statuses get an envelope too.</summary>
    public static void UseEnvelopeStatusPages(this IApplicationBuilder app) => app.UseStatusCodePages(ctx =>
    {
        var http = ctx.HttpContext;
        return http.Response.StatusCode switch
        {
            404 or 405 => WriteAsync(http, 404, $"接口不存在: {http.Request.Method} {http.Request.Path}", ErrorCodes.UnknownPath),
            401 => WriteAsync(http, 401, "请先登录", ErrorCodes.Unauthenticated),
            403 => WriteAsync(http, 403, "无权限", ErrorCodes.Forbidden),
            400 or 408 or 413 or 414 or 431 => WriteServerRejection(http, http.Response.StatusCode),
            _ => WriteAsync(http, http.Response.StatusCode, "请求无法处理", ErrorCodes.InvalidArgument),
        };
    });
}

/// <summary>
/// Maps the use-case exceptions to the envelope: validation and business outcomes → HTTP 200 <c>status:false</c>;
/// <see cref="UnauthenticatedException"/> → 401; <see cref="ForbiddenException"/> → 403; a lost lock race that escaped
/// the command retries (a query, say) → HTTP 200 <c>code: busy</c> (ADR 0016).
/// </summary>
public sealed class EnvelopeExceptionFilter : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        (int Status, object Body)? mapped = context.Exception switch
        {
            RequestValidationException v => (200, new Reply<object> { Status = false, Msg = v.Message, Code = ErrorCodes.InvalidArgument, Errors = v.Errors }),
            BusinessException b => (200, Reply.Fail<object>(b.Message, b.Code)),
            UnauthenticatedException u => (401, Reply.Fail<object>(u.Message, ErrorCodes.Unauthenticated)),
            ForbiddenException f => (403, Reply.Fail<object>(f.Message, ErrorCodes.Forbidden)),
            var e when context.HttpContext.RequestServices.GetService<IKbossDbContext>()?.IsLockConflict(e) == true =>
                (200, Reply.Fail<object>(LockRetry.BusyMessage, ErrorCodes.Busy)),
            _ => null,
        };
        if (mapped is null) return;
        context.Result = new ObjectResult(mapped.Value.Body) { StatusCode = mapped.Value.Status };
        context.ExceptionHandled = true;
    }
}
