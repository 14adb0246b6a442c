using Kboss.Domain.Common;

namespace Kboss.Application.Common.OutsideCalls;

/// <summary>
/// What an area supplies once per kind of row for the outside-call pattern (ADR 0015): the rows, what a row holds and
/// how to give it back, and how to ask the outside system whether the row's object exists (the reconciler's question).
/// </summary> <typeparam name="TRow">The entity standing for the outside object.</typeparam>
public interface IOutsideEffectKind<TRow> where TRow : OutsideEffectEntity
{
    /// <summary>Name of the kind in reports and audit (<c>instance_config</c>).</summary>
    string Name { get; }

    /// <summary>The outside system, as named in messages (<c>算力集群</c>).</summary>
    string System { get; }

    /// <summary>The rows of this kind (tracked; soft-deleted rows excluded).</summary>
    IQueryable<TRow> Rows { get; }

    /// <summary>Gives back what <paramref name="row"/> holds (stock, balance); runs inside the settling
    /// transaction.</summary>
    Task ReleaseAsync(TRow row, CancellationToken ct);

    /// <summary>Asks the outside system whether <paramref name="row"/>'s object exists; runs outside any
    /// transaction.</summary>
    /// <exception cref="OutsideCallException">The system can't tell now (the row stays open).</exception>
    Task<bool> ExistsAsync(TRow row, CancellationToken ct);

    /// <summary>
    /// Runs inside the settling transaction right after <paramref name="row"/>'s transition (and the release of what
    /// it stopped holding): a kind whose rows carry money finishes it here (a purchase is delivered when its create
    /// goes live, refunded when it fails). Default nothing.
    /// </summary>
    Task AfterTransitionAsync(TRow row, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Called after a row's state changed (e.g. to drop a cache of stock); default nothing.</summary>
    void Settled(TRow row) { }
}
