using System.Globalization;
using System.Threading.RateLimiting;
using Kboss.Application.Common.Security;
using Microsoft.AspNetCore.RateLimiting;

namespace Kboss.WebApi.Contract;

/// <summary>
/// Rate limits of ASP.NET Core's rate limiter (ADR 0018). <see cref="AnonymousWrite"/> limits anonymous callers of
/// write endpoints (<c>add_user_inquiry</c> now; SMS codes and trial forms later) per client address
/// (<see cref="ClientAddress.ThrottleKey"/>), in fixed windows, per node; logged-in callers are not limited by it.
/// A refused request → HTTP 429 with <c>Retry-After</c> and <c>{status:false, msg, code:"rate_limited"}</c>.
/// Configured by <c>RateLimits:AnonymousWrite:PermitLimit</c> (default 10) and <c>…:WindowSeconds</c> (default 60).
/// <para>
/// Admission control (ADR 0031): every request except <c>/health*</c> and <c>/metrics</c> takes a permit of its
/// caller's concurrency limiter — per org when signed in, per client address otherwise — at most
/// <c>RateLimits:InFlight:PerCaller</c> (default 16) at once, the rest wait in order (at most
/// <c>…:QueueLimit</c>, default 1000; beyond it → 429 <c>code: busy</c>). A burst of one caller then keeps a short
/// thread-pool queue, so health probes, other orgs and the writer gate's hand-over are not stuck behind it.
/// </para>
/// </summary>
public static class RateLimits
{
    /// <summary>Policy name for <c>[EnableRateLimiting(RateLimits.AnonymousWrite)]</c>.</summary>
    public const string AnonymousWrite = "anonymous_write";
    /// <summary>WeChat login (issue 12): anonymous polling of <c>get_code_state</c> (every 2 s) and the login calls,
    /// per client address: <c>RateLimits:AnonymousPoll:PermitLimit</c> (default 60) per <c>…:WindowSeconds</c>
    /// (60).</summary>
    public const string AnonymousPoll = "anonymous_poll";

    /// <summary>Registers the policies from <paramref name="configuration"/>.</summary>
    public static IServiceCollection AddKbossRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("RateLimits:AnonymousWrite");
        var permits = Math.Max(1, section.GetValue("PermitLimit", 10));
        var window = TimeSpan.FromSeconds(Math.Max(1, section.GetValue("WindowSeconds", 60d)));
        var inFlight = configuration.GetSection("RateLimits:InFlight");
        var admission = new ConcurrencyLimiterOptions
        {
            PermitLimit = Math.Max(1, inFlight.GetValue("PerCaller", 16)),
            QueueLimit = Math.Max(0, inFlight.GetValue("QueueLimit", 1000)),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        };
        return services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => IsProbe(http.Request.Path)
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetConcurrencyLimiter(CallerKey(http), _ => admission));
            o.AddPolicy(AnonymousWrite, http => http.User.Identity?.IsAuthenticated == true
                ? RateLimitPartition.GetNoLimiter("user")
                : RateLimitPartition.GetFixedWindowLimiter(
                    ClientAddress.ThrottleKey(http.Connection.RemoteIpAddress?.ToString()),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
            // WeChat login (issue 12)
            var poll = configuration.GetSection("RateLimits:AnonymousPoll");
            var pollPermits = Math.Max(1, poll.GetValue("PermitLimit", 60));
            var pollWindow = TimeSpan.FromSeconds(Math.Max(1, poll.GetValue("WindowSeconds", 60d)));
            o.AddPolicy(AnonymousPoll, http => http.User.Identity?.IsAuthenticated == true
                ? RateLimitPartition.GetNoLimiter("user")
                : RateLimitPartition.GetFixedWindowLimiter(
                    "poll:" + ClientAddress.ThrottleKey(http.Connection.RemoteIpAddress?.ToString()),
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = pollPermits, Window = pollWindow, QueueLimit = 0,
                    }));
            o.OnRejected = (ctx, _) =>
            {
                if (!ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after))
                {
                    ctx.HttpContext.Response.Headers.RetryAfter = "1";
                    return new ValueTask(Envelope.WriteAsync(ctx.HttpContext, StatusCodes.Status429TooManyRequests,
                        "请求过多,请稍后重试", "busy"));
                }
                var wait = after;
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                ctx.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return new ValueTask(Envelope.WriteAsync(ctx.HttpContext, StatusCodes.Status429TooManyRequests,
                    $"请求过于频繁,请 {seconds} 秒后再试", "rate_limited"));
            };
        });
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");

    /// <summary>The caller's admission partition: its org when signed in, else its client address.</summary>
    private static string CallerKey(HttpContext http) =>
        http.User.FindFirst(Kboss.Infrastructure.Security.KbossClaims.OrgId)?.Value is { Length: > 0 } org
            ? "org:" + org
            : "ip:" + ClientAddress.ThrottleKey(http.Connection.RemoteIpAddress?.ToString());
}
