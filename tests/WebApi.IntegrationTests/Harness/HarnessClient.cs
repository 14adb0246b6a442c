using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kboss.WebApi.IntegrationTests.Harness;

/// <summary>
/// A request as the harness builds it: raw query and raw body bytes, so malformed inputs stay malformed;
/// <see cref="Announced"/>: a form body of that length is announced and not sent (<see cref="RawHttp"/>).
/// </summary>
public sealed record HarnessRequest(string Method, string Path, string? Query = null, byte[]? Body = null,
    string? ContentType = null,
    IReadOnlyDictionary<string, string>? Headers = null, long? Announced = null)
{
    public string Url => Query is null ? Path : $"{Path}?{Query}";
}

/// <summary>An answer: HTTP status, content type, body text, and whether the body is a file download.</summary>
public sealed record HarnessAnswer(int Http, string ContentType, string Body, bool IsFile);

/// <summary>Who calls: a bearer token, HTTP Basic credentials (pcapi) or nobody.</summary>
public sealed record Caller(string Role, string? Bearer = null, string? Basic = null);

/// <summary>
/// Sends harness requests over real HTTP to the in-process Kestrel server and checks every answer against the wire
/// contract: no 5xx, a JSON envelope with a boolean <c>status</c> and <c>msg</c> (pcapi: <c>info</c>; WeChat Pay's notify: WeChat's own <c>{code, message}</c>).
/// </summary>
public sealed class HarnessClient(HttpClient http, CallBudget budget, HarnessReport report)
{
    public HarnessReport Report => report;

    /// <summary>
    /// Sends one request within the budget (<paramref name="budgeted"/> false: a fixed-size part that always runs);
    /// null when the budget is spent or no answer came.
    /// </summary>
    public async Task<HarnessAnswer?> SendAsync(Probe probe, Caller caller, HarnessRequest request,
        bool budgeted = true)
    {
        if (budgeted && !budget.TryTake()) return null;
        report.Count(probe);
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
        if (caller.Bearer is not null) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
            caller.Bearer);
        if (caller.Basic is not null)
            message.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes(caller.Basic)));
        foreach (var (name, value) in request.Headers ?? new Dictionary<string,
            string>()) message.Headers.TryAddWithoutValidation(name, value);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type",
                request.ContentType);
        }
        HarnessAnswer answer;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            if (request.Announced is { } announced)
                answer = await RawHttp.OversizedAsync(http.BaseAddress!, request.Method, request.Url, caller.Bearer,
                    announced);
            else
                answer = await ReadAsync(await http.SendAsync(message));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            report.Add(FindingClass.NoAnswer, probe, $"{e.GetType().Name}: {Short(e.Message)}");
            return null;
        }
        report.Took(probe, clock.Elapsed);
        if (answer.Http >= 500) report.Add(FindingClass.ServerError, probe,
            $"HTTP {answer.Http}: {Short(answer.Body)}");
        else if (EnvelopeProblem(probe.Path, answer) is { } problem) report.Add(FindingClass.EnvelopeMiss, probe,
            $"HTTP {answer.Http}: {problem}");
        return answer;
    }

    private static async Task<HarnessAnswer> ReadAsync(HttpResponseMessage response)
    {
        using (response)
            return new HarnessAnswer((int)response.StatusCode, response.Content.Headers.ContentType?.ToString() ?? "",
                await response.Content.ReadAsStringAsync(),
                    response.Content.Headers.ContentDisposition?.DispositionType == "attachment");
    }

    /// <summary>
    /// Documented exceptions: their success answer carries the rows in <c>msg</c> (spec 24-smart-compute-products.md,
    /// 21-messages.md).
    /// </summary>
    private static readonly HashSet<string> ArrayInMsg =
    [
        "/product_smart/get_smart.dspy",
        // Messages and documents (issue 12): 21-messages.md documents the three lists under msg
        "/message/get_unreadmsg.dspy", "/message/get_msg.dspy", "/message/get_readmsg.dspy",
    ];

    /// <summary>Why <paramref name="answer"/> is not the envelope, or null when it is (file downloads pass).</summary>
    public static string? EnvelopeProblem(string path, HarnessAnswer answer)
    {
        if (answer.IsFile && answer.Http == 200) return null;
        if (path == WeChatNotifyPath) return WeChatProblem(answer);
        if (!answer.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return $"content type '{answer.ContentType}', body '{Short(answer.Body)}'";
        JsonObject? body;
        try { body = JsonNode.Parse(answer.Body) as JsonObject; }
        catch (JsonException) { body = null; }
        if (body is null) return $"not a JSON object: '{Short(answer.Body)}'";
        if (body["status"] is not JsonValue status
            || status.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            return $"no boolean status: '{Short(answer.Body)}'";
        var text = path.StartsWith("/pcapi/", StringComparison.Ordinal) ? "info" : "msg";
        if (body[text] is JsonValue v && v.GetValueKind() == JsonValueKind.String) return null;
        if (body[text] is JsonArray && status.GetValue<bool>() && ArrayInMsg.Contains(path)) return null;
        return $"no string {text}: '{Short(answer.Body)}'";
    }

    /// <summary>WeChat Pay's notify speaks WeChat's protocol (ADR 0030): 204, or 4xx/5xx with <c>{code, message}</c>.</summary>
    private const string WeChatNotifyPath = "/customer/weixpay_notify.dspy";

    private static string? WeChatProblem(HarnessAnswer answer)
    {
        if (answer.Http == 204) return null;
        JsonObject? body;
        try { body = JsonNode.Parse(answer.Body) as JsonObject; }
        catch (JsonException) { body = null; }
        return body?["code"] is JsonValue code && code.GetValueKind() == JsonValueKind.String
            && body["message"] is JsonValue message && message.GetValueKind() == JsonValueKind.String
            ? null
            : $"not WeChat's {{code, message}}: '{Short(answer.Body)}'";
    }

    /// <summary>
    /// True when the answer came from authentication or a role policy (401, or 403 with the policy's message), which
    /// run
    /// before the request is read: other inputs from the same caller would meet the same gate.
    /// </summary>
    public static bool RefusedBeforeBinding(HarnessAnswer answer) =>
        answer.Http == 401 || (answer.Http == 403 && answer.Body.Contains("无权限访问该接口", StringComparison.Ordinal));

    public static string Short(string text) =>
        (text.Length <= 160 ? text : text[..160] + "…").ReplaceLineEndings(" ");
}
