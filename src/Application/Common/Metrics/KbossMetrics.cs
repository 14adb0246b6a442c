using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Kboss.Application.Common.Metrics;

/// <summary>
/// kboss's own instruments, all on the meter <c>Kboss</c> (exported at <c>/metrics</c> when <c>Metrics:Enabled</c>,
/// ADR 0019). Prometheus names: <c>kboss_quotes_total{outcome}</c>, <c>kboss_stock_conflicts_total{area}</c>,
/// <c>kboss_operations_total{kind,state}</c>, <c>kboss_outside_call_duration_seconds{system,outcome}</c>,
/// <c>kboss_outside_call_errors_total{system}</c>.
/// </summary>
public static class KbossMetrics
{
    /// <summary>Meter name.</summary>
    public const string MeterName = "Kboss";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Quotes =
        Meter.CreateCounter<long>("kboss.quotes", description: "Price quotes answered");
    private static readonly Counter<long> StockConflicts = Meter.CreateCounter<long>("kboss.stock_conflicts",
        description: "Stock takes refused because the stock was short or taken concurrently");
    private static readonly Counter<long> Operations = Meter.CreateCounter<long>("kboss.operations",
        description: "Long operations by kind and state (started, succeeded, failed)");
    private static readonly Histogram<double> OutsideCallDuration = Meter.CreateHistogram<double>(
        "kboss.outside_call.duration", unit: "s",
        description: "Calls to outside systems (pcapi, Kubernetes, SSH, vendors)");
    private static readonly Counter<long> OutsideCallErrors = Meter.CreateCounter<long>("kboss.outside_call.errors",
        description: "Outside calls that failed, timed out or answered something unreadable");

    /// <summary>A quote was answered; <paramref name="ok"/> false for a <c>status:false</c> quote.</summary>
    public static void Quote(bool ok) => Quotes.Add(1, Tag("outcome", ok ? "ok" : "failed"));

    /// <summary>A stock take was refused in <paramref name="area"/> (e.g. <c>instance</c>).</summary>
    public static void StockConflict(string area) => StockConflicts.Add(1, Tag("area", area));

    /// <summary>A long operation of <paramref name="kind"/> reached <paramref name="state"/>.</summary>
    public static void Operation(string kind, string state) =>
        Operations.Add(1, Tag("kind", kind), Tag("state", state));

    /// <summary>
    /// An outside call to <paramref name="system"/> took <paramref name="elapsed"/>; failures count as errors too.
    /// </summary>
    public static void OutsideCall(string system, TimeSpan elapsed, bool ok)
    {
        var tags = new TagList { { "system", system }, { "outcome", ok ? "ok" : "error" } };
        OutsideCallDuration.Record(elapsed.TotalSeconds, tags);
        if (!ok) OutsideCallErrors.Add(1, Tag("system", system));
    }

    /// <summary>
    /// Times <paramref name="call"/> as an outside call to <paramref name="system"/>; an exception, or a result
    /// <paramref name="succeeded"/> rejects, is an error.
    /// </summary>
    public static async Task<T> TimeOutsideCallAsync<T>(string system, Func<Task<T>> call,
        Func<T, bool>? succeeded = null)
    {
        var start = Stopwatch.GetTimestamp();
        var ok = false;
        try
        {
            var result = await call();
            ok = succeeded?.Invoke(result) ?? true;
            return result;
        }
        finally
        {
            OutsideCall(system, Stopwatch.GetElapsedTime(start), ok);
        }
    }

    private static KeyValuePair<string, object?> Tag(string key, string value) => new(key, value);
}
