using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Kboss.WebApi.IntegrationTests.Harness;

/// <summary>What one harness call was: the part, who called, the operation and the input kind.</summary>
public sealed record Probe(string Part, string Role, string Method, string Path, string Kind)
{
    public override string ToString() => $"{Method} {Path} as {Role} [{Kind}]";
}

/// <summary>One failure the harness found; <see cref="Class"/> groups them in the summary.</summary>
public sealed record Finding(string Class, Probe Probe, string Detail);

/// <summary>Finding classes. Every class fails the run except <see cref="Warning"/>.</summary>
public static class FindingClass
{
    public const string ServerError = "5xx";
    public const string EnvelopeMiss = "envelope-miss";
    public const string NoAnswer = "no-answer";
    public const string CrossOrgRead = "cross-org-read";
    public const string CrossOrgChange = "cross-org-change";
    public const string Concurrency = "concurrency";
    public const string OutsideCall = "outside-call";
    public const string Warning = "warning";
}

/// <summary>
/// A global budget of calls and wall time, shared by every part; calls beyond it are skipped and counted.
/// </summary>
public sealed class CallBudget(int maxCalls, TimeSpan maxTime)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _used;
    private int _skipped;

    public int MaxCalls => maxCalls;
    public TimeSpan MaxTime => maxTime;
    public int Used => Volatile.Read(ref _used);
    public int Skipped => Volatile.Read(ref _skipped);

    /// <summary>Takes one call from the budget, or counts it as skipped when the budget is spent.</summary>
    public bool TryTake()
    {
        if (_clock.Elapsed < maxTime && Interlocked.Increment(ref _used) <= maxCalls) return true;
        Interlocked.Increment(ref _skipped);
        return false;
    }
}

/// <summary>
/// Counters, durations and findings of a harness run, rendered as the summary the test command prints.
/// </summary>
public sealed class HarnessReport
{
    private const int ExamplesPerGroup = 1;
    private readonly ConcurrentQueue<Finding> _findings = new();
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private readonly ConcurrentDictionary<string, int> _status5xx = new();
    private readonly List<(string Part, TimeSpan Took)> _durations = [];

    public IEnumerable<Finding> Findings => _findings;
    public IEnumerable<Finding> Failures => _findings.Where(f => f.Class != FindingClass.Warning);

    private readonly ConcurrentQueue<string> _accepted = new();

    /// <summary>
    /// An attacker's call answered <c>status:true</c> (a public read, or a miss the snapshots judge): listed in the
    /// details.
    /// </summary>
    public void Accepted(Probe probe) => _accepted.Enqueue($"{probe.Method} {probe.Path} as {probe.Role}");

    private readonly ConcurrentDictionary<string, (int Calls, double Ms)> _latency = new();

    /// <summary>Adds a call's latency to its input kind (the kind without its parameter or index).</summary>
    public void Took(Probe probe, TimeSpan took) => _latency.AddOrUpdate(Regex.Replace(probe.Kind, "[#:].*| .*", ""),
        (1, took.TotalMilliseconds),
        (_, v) => (v.Calls + 1, v.Ms + took.TotalMilliseconds));

    public void Count(Probe probe) => _calls.AddOrUpdate(probe.Part, 1, (_, n) => n + 1);

    public void Add(string cls, Probe probe, string detail)
    {
        _findings.Enqueue(new Finding(cls, probe, detail));
        if (cls == FindingClass.ServerError) _status5xx.AddOrUpdate(probe.Part, 1, (_, n) => n + 1);
    }

    /// <summary>Runs one part and records its wall time.</summary>
    public async Task TimeAsync(string part, Func<Task> work)
    {
        var clock = Stopwatch.StartNew();
        try { await work(); }
        finally { lock (_durations) _durations.Add((part, clock.Elapsed)); }
    }

    private int Of(string cls) => _findings.Count(f => f.Class == cls);

    /// <summary>
    /// The figures, then each finding class grouped by cause (the detail with values, ids and texts blanked) with its
    /// count, the operations it hit and one full example; <paramref name="perOperation"/> adds every operation's
    /// example.
    /// </summary>
    public string Render(CallBudget budget, TimeSpan total, IEnumerable<string> notes, bool perOperation = false)
    {
        var s = new StringBuilder();
        s.AppendLine("== harness (ADR 0020) ==");
        foreach (var note in notes) s.AppendLine($"harness: {note}");
        var parts = string.Join(", ", _calls.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}"));
        s.AppendLine($"harness: calls {_calls.Values.Sum()} ({parts}), "
            + $"5xx {Of(FindingClass.ServerError)}, envelope misses {Of(FindingClass.EnvelopeMiss)}, "
            + $"no answer {Of(FindingClass.NoAnswer)}, cross-org reads {Of(FindingClass.CrossOrgRead)}, "
            + $"cross-org changes {Of(FindingClass.CrossOrgChange)}, "
            + $"concurrency misses {Of(FindingClass.Concurrency)}, warnings {Of(FindingClass.Warning)}");
        lock (_durations)
        {
            var durations = string.Join(", ", _durations.Select(d => $"{d.Part} {d.Took.TotalSeconds:F1} s"));
            s.AppendLine($"harness: durations {durations}, total {total.TotalSeconds:F1} s");
        }
        var slowest = _latency.OrderByDescending(l => l.Value.Ms).Take(6)
            .Select(l => $"{l.Key} {l.Value.Ms / l.Value.Calls:F0}×{l.Value.Calls}");
        s.AppendLine($"harness: slowest inputs (mean ms × calls) {string.Join(", ", slowest)}");
        var exhausted = budget.Skipped > 0 ? " (BUDGET EXHAUSTED: coverage incomplete)" : "";
        s.AppendLine($"harness: budget {budget.MaxCalls} calls / {budget.MaxTime.TotalSeconds:F0} s, "
            + $"used {budget.Used}, skipped {budget.Skipped}{exhausted}");
        var classes = _findings.GroupBy(f => f.Class).OrderBy(g => g.Key == FindingClass.Warning).ThenBy(g => g.Key);
        foreach (var byClass in classes)
        {
            var operations = byClass.Select(Operation).Distinct().Count();
            s.AppendLine($"-- {byClass.Key}: {byClass.Count()} finding(s) on {operations} operation(s)");
            foreach (var cause in byClass.GroupBy(f => Cause(f.Detail)).OrderByDescending(g => g.Count()))
            {
                var ops = cause.Select(Operation).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                    .ToList();
                var first = cause.First();
                var more = ops.Count > 4 ? ", …" : "";
                s.AppendLine($"   ×{cause.Count()} on {ops.Count} op(s) [{string.Join(", ", ops.Take(4))}{more}]");
                s.AppendLine($"      e.g. {first.Probe} ({first.Probe.Part}): {first.Detail}");
            }
            if (!perOperation) continue;
            foreach (var g in byClass.GroupBy(Operation).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var f = g.First();
                s.AppendLine($"   {g.Key} ×{g.Count()} e.g. as {f.Probe.Role} [{f.Probe.Part}/{f.Probe.Kind}]: "
                    + f.Detail);
            }
        }
        if (perOperation)
        {
            s.AppendLine("-- cross-org calls answered status:true (public reads, or changes the snapshots judged):");
            foreach (var g in _accepted.GroupBy(a => a).OrderBy(g => g.Key,
                StringComparer.Ordinal)) s.AppendLine($"   {g.Key} ×{g.Count()}");
        }
        return s.ToString();
    }

    private static string Operation(Finding f) => $"{f.Probe.Method} {f.Probe.Path}";

    /// <summary>
    /// The detail without its values: the body cut off; quoted texts, ids, numbers and changed columns blanked.
    /// </summary>
    private static string Cause(string detail)
    {
        var cut = detail.IndexOfAny(['{', '\'']) is var at and > 0 ? detail[..at] : detail;
        var blanked = Regex.Replace(cut,
            "'[^']*'|\"[^\"]*\"|\\([^)]*\\)|\\b[A-Za-z0-9_-]{20,}\\b|\\b\\d+\\b(?<!HTTP \\d+)", "…");
        return blanked.Length <= 90 ? blanked : blanked[..90];
    }
}
