using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Kboss.WebApi.Contract;

/// <summary>
/// Size limits of a request, answered with the envelope (ADR 0018). Kestrel answers its own limits before any
/// middleware runs, with an empty body, so its limits are set above ours (<see cref="KestrelLineSize"/>,
/// <see cref="KestrelHeadersSize"/>) and ours are enforced by <see cref="UseServerLimits"/>: 414 for a request target
/// over <see cref="MaxTargetLength"/>, 431 for headers over <see cref="MaxHeadersSize"/>, 413 for a declared body over
/// <see cref="MaxBodySize"/>; a body found too large or malformed while it is read (chunked) → 413 / 400. Only what
/// exceeds Kestrel's own limits, or can't be parsed as HTTP at all, still gets Kestrel's empty answer. An endpoint
/// carrying <see cref="IBodySizeLimit"/> metadata (the document upload, ADR 0027) gets its own, configured body limit
/// instead of <see cref="MaxBodySize"/>, for Kestrel and for the envelope alike.
/// </summary>
public static class ServerLimits
{
    /// <summary>Longest request target (path and query), characters.</summary>
    public const int MaxTargetLength = 8 * 1024;
    /// <summary>Largest total of header names and values, bytes (approximately: characters + 4 per header).</summary>
    public const int MaxHeadersSize = 32 * 1024;
    /// <summary>Largest request body, bytes.</summary>
    public const long MaxBodySize = 4 * 1024 * 1024;
    /// <summary>Kestrel's request-line limit, far above <see cref="MaxTargetLength"/> so ours answers first for any
    /// request a client library would send (the fuzz harness sends 10 KB per parameter).</summary>
    public const int KestrelLineSize = 1024 * 1024;
    /// <summary>Kestrel's header limit, far above <see cref="MaxHeadersSize"/> so ours answers first.</summary>
    public const int KestrelHeadersSize = 1024 * 1024;

    /// <summary>Sets Kestrel's limits just above the ones <see cref="UseServerLimits"/> answers with the
    /// envelope.</summary>
    public static void ConfigureServerLimits(this KestrelServerOptions k)
    {
        k.Limits.MaxRequestLineSize = KestrelLineSize;
        k.Limits.MaxRequestHeadersTotalSize = KestrelHeadersSize;
        k.Limits.MaxRequestBodySize = MaxBodySize;
    }

    /// <summary>The first middleware: refuses oversized requests with the envelope, and turns Kestrel's bad-request
    /// errors met while reading a body into the envelope.</summary>
    public static void UseServerLimits(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        var bodyLimit = BodyLimit(http);
        var refusal = Check(http.Request, http.Features.Get<IHttpRequestFeature>()?.RawTarget, bodyLimit);
        if (refusal is { } r)
        {
            await Envelope.WriteAsync(http, r.Status, r.Msg, r.Code);
            return;
        }
        try
        {
            await next(http);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException e) when (!http.Response.HasStarted)
        {
            var (status, msg, code) = Describe(e.StatusCode, bodyLimit);
            await Envelope.WriteAsync(http, status, msg, code);
        }
    });

    /// <summary>Message and code of a web-server rejection with HTTP <paramref name="status"/>;
    /// <paramref name="bodyLimit"/> is the body limit of the request's endpoint (default <see cref="MaxBodySize"/>).
    /// </summary>
    public static (int Status, string Msg, string Code) Describe(int status, long bodyLimit = MaxBodySize) =>
        status switch
    {
        413 => (413, $"请求体过大,不能超过 {bodyLimit / 1024 / 1024} MB", "payload_too_large"),
        414 => (414, $"请求地址过长,不能超过 {MaxTargetLength} 个字符", "uri_too_long"),
        431 => (431, $"请求头过大,不能超过 {MaxHeadersSize / 1024} KB", "headers_too_large"),
        408 => (408, "请求超时", "request_timeout"),
        _ => (400, "请求格式错误", "bad_request"),
    };

    /// <summary>The body limit of the request's endpoint; a larger one than <see cref="MaxBodySize"/> is also set on
    /// Kestrel for this request.</summary>
    private static long BodyLimit(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<IBodySizeLimit>() is not { } own) return MaxBodySize;
        var limit = own.MaxBodyBytes(http.RequestServices);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = limit;
        return limit;
    }

    private static (int Status, string Msg, string Code)? Check(HttpRequest request, string? rawTarget, long bodyLimit)
    {
        var target = rawTarget?.Length ?? request.Path.Value?.Length + request.QueryString.Value?.Length ?? 0;
        if (target > MaxTargetLength) return Describe(414);
        var headers = 0L;
        foreach (var (name, values) in request.Headers)
            foreach (var value in values) headers += name.Length + (value?.Length ?? 0) + 4;
        if (headers > MaxHeadersSize) return Describe(431);
        if (request.ContentLength > bodyLimit) return Describe(413, bodyLimit);
        return null;
    }
}

/// <summary>Endpoint metadata: this endpoint's request body limit replaces <see cref="ServerLimits.MaxBodySize"/>.
/// </summary>
public interface IBodySizeLimit
{
    /// <summary>The limit, bytes, from the app's configuration.</summary>
    long MaxBodyBytes(IServiceProvider services);
}

/// <summary>The document upload's body limit: <c>Documents:MaxUploadBytes</c> plus the multipart allowance (ADR 0027).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DocumentUploadLimitAttribute : Attribute, IBodySizeLimit
{
    /// <inheritdoc />
    public long MaxBodyBytes(IServiceProvider services) =>
        services.GetRequiredService<Kboss.Application.Documents.DocumentSettings>().MaxRequestBytes;
}
