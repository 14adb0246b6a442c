using Kboss.Domain.Common;
using Mediator;

namespace Kboss.Application.Common.OutsideCalls;

/// <summary>
/// The reconciler of the outside-call pattern (ADR 0015): settles every row left open (a crash during the call, a lost
/// answer, a time-out) for longer than the grace period, kind by kind. Meant to run every minute or so from the
/// scheduler; safe to run concurrently with handlers and with itself (the state is a concurrency token).
/// </summary> <param name="Grace">Override of <see cref="OutsideCallOptions.ReconcileGrace"/> (tests; an operator's manual
/// pass).</param>
public sealed record ReconcileOutsideCalls(TimeSpan? Grace = null) : ICommand<IReadOnlyList<ReconcileCounts>>
{
    /// <summary>A pass with the configured grace period (what the scheduler sends).</summary>
    public ReconcileOutsideCalls() : this((TimeSpan?)null) { }
}

/// <summary>One kind's pass, registered per <see cref="IOutsideEffectKind{TRow}"/>.</summary>
public interface IOutsideCallSweep
{
    /// <summary>Reconciles the kind's rows open since before <paramref name="cutoffUtc"/>.</summary>
    Task<ReconcileCounts> RunAsync(DateTime cutoffUtc, CancellationToken ct);
}

/// <summary>The sweep of kind <typeparamref name="TRow"/>.</summary>
public sealed class OutsideCallSweep<TRow>(IOutsideEffectKind<TRow> kind, OutsideCallRunner runner) : IOutsideCallSweep
    where TRow : OutsideEffectEntity
{
    public Task<ReconcileCounts> RunAsync(DateTime cutoffUtc, CancellationToken ct) =>
        runner.ReconcileAsync(kind, cutoffUtc, ct);
}

public sealed class ReconcileOutsideCallsHandler(IEnumerable<IOutsideCallSweep> sweeps, OutsideCallOptions options,
    TimeProvider clock)
    : ICommandHandler<ReconcileOutsideCalls, IReadOnlyList<ReconcileCounts>>
{
    public async ValueTask<IReadOnlyList<ReconcileCounts>> Handle(ReconcileOutsideCalls c, CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - (c.Grace ?? options.ReconcileGrace);
        var counts = new List<ReconcileCounts>();
        foreach (var sweep in sweeps) counts.Add(await sweep.RunAsync(cutoff, ct));
        return counts;
    }
}
