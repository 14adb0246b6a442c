using System.Net.Sockets;
using Kboss.Application.Vendors;

namespace Kboss.Infrastructure.Vendors;

/// <summary>An HTTP answer of a vendor: status and body text.</summary>
public sealed record VendorHttpAnswer(int Status, string Body);

/// <summary>Time-out and retry limits of one vendor (analysis/vendors.md §4.1).</summary>
/// <param name="Timeout">Longest wait for one attempt (default 15 s).</param>
/// <param name="MaxRetries">Extra attempts of a read-only action after a time-out or an unavailable vendor
/// (default 2); never used for anything that changes the vendor's state.</param>
public sealed record VendorLimits(TimeSpan Timeout, int MaxRetries)
{
    /// <summary>15 s, 2 retries.</summary>
    public static VendorLimits Default { get; } = new(TimeSpan.FromSeconds(15), 2);
}

/// <summary>
/// Sends one vendor request and classifies transport failures for every vendor adapter (ADR 0037): a time-out →
/// <see cref="VendorErrorKind.Timeout"/>; a refused connection or unknown host → <see cref="VendorErrorKind.Unavailable"/>
/// with no status (the vendor never saw it); a connection lost after sending → <see cref="VendorErrorKind.Unknown"/>
/// (it may have acted). Read-only requests are retried up to <see cref="VendorLimits.MaxRetries"/> times with jitter
/// after a time-out, a refused or lost connection or an HTTP 5xx; others are sent exactly once.
/// </summary>
public static class VendorTransport
{
    /// <summary>Sends the request <paramref name="build"/> makes (called once per attempt).</summary>
    public static async Task<VendorResult<VendorHttpAnswer>> SendAsync(HttpClient http,
        Func<HttpRequestMessage> build, bool readOnly, VendorLimits limits, CancellationToken ct)
    {
        var attempts = readOnly ? 1 + Math.Max(0, limits.MaxRetries) : 1;
        VendorResult<VendorHttpAnswer> result = null!;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            if (attempt > 1) await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(50, 250) * attempt), ct);
            result = await OnceAsync(http, build, limits.Timeout, ct);
            var retryable = result.ErrorKind is VendorErrorKind.Timeout or VendorErrorKind.Unavailable
                                or VendorErrorKind.Unknown || result.Data?.Status >= 500;
            if (!retryable) break;
        }
        return result;
    }

    private static async Task<VendorResult<VendorHttpAnswer>> OnceAsync(HttpClient http,
        Func<HttpRequestMessage> build, TimeSpan timeout, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            using var request = build();
            using var response = await http.SendAsync(request, limit.Token);
            var body = await response.Content.ReadAsStringAsync(limit.Token);
            var status = (int)response.StatusCode;
            return VendorResult<VendorHttpAnswer>.Ok(new VendorHttpAnswer(status, body), null, null, null, status);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return VendorResult<VendorHttpAnswer>.Fail(VendorErrorKind.Timeout, null, "timeout", null);
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException
                 { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound })
        {
            return VendorResult<VendorHttpAnswer>.Fail(VendorErrorKind.Unavailable, null, "connection refused", null);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return VendorResult<VendorHttpAnswer>.Fail(VendorErrorKind.Unknown, null, "connection lost", null);
        }
    }
}
