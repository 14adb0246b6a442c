using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kboss.Application.Common.Interfaces;

namespace Kboss.Infrastructure.Approval;

/// <summary>
/// <see cref="IApprovalCallbackSender"/> over a typed <see cref="HttpClient"/> whose handler connects only through
/// <see cref="CallbackUrlPolicy.ConnectAsync"/> and never follows redirects. Each POST carries
/// <c>X-Kboss-Timestamp</c> (Unix seconds), <c>X-Kboss-Event-Id</c> and
/// <c>X-Kboss-Signature = hex(HMAC-SHA256(secret, timestamp + "." + body))</c> (analysis/platform.md §4.1).
/// </summary>
public sealed class ApprovalCallbackSender(HttpClient http, CallbackUrlPolicy policy, TimeProvider clock)
    : IApprovalCallbackSender
{
    /// <summary>Header of the signing time.</summary>
    public const string TimestampHeader = "X-Kboss-Timestamp";
    /// <summary>Header of the signature.</summary>
    public const string SignatureHeader = "X-Kboss-Signature";
    /// <summary>Header of the result event id.</summary>
    public const string EventIdHeader = "X-Kboss-Event-Id";

    /// <summary>The signature of <paramref name="body"/> sent at <paramref name="timestamp"/>.</summary>
    public static string Sign(string secret, string timestamp, string body) => Convert.ToHexStringLower(
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));

    /// <inheritdoc />
    public async Task<CallbackOutcome> PostAsync(string url, string secret, string eventId, string payload,
        CancellationToken ct)
    {
        if (await policy.CheckAsync(url, ct) is { } refusal) return new CallbackOutcome(false, refusal);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(EventIdHeader, eventId);
        request.Headers.Add(SignatureHeader, Sign(secret, timestamp, payload));
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode) return new CallbackOutcome(false, $"HTTP {(int)response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync(ct);
            return RefusedInBody(body)
                ? new CallbackOutcome(false, "业务回调返回 status:false")
                : new CallbackOutcome(true, "");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return new CallbackOutcome(false, e is TaskCanceledException ? "业务回调超时" : e.Message);
        }
    }

    /// <summary>A JSON reply <c>{"status": false}</c> counts as a failure.</summary>
    private static bool RefusedInBody(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                   && doc.RootElement.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.False;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
