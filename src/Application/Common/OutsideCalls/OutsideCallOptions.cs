namespace Kboss.Application.Common.OutsideCalls;

/// <summary>
/// Limits of the outside-call pattern (configuration section <c>OutsideCalls</c>).
/// </summary> <param name="CallTimeout">Longest wait for one outside call (<c>OutsideCalls:CallTimeoutSeconds</c>, default 60);
/// after it the outcome is unknown and the row waits for the reconciler.</param>
/// <param name="ReconcileGrace">Age a row must reach in an open state before the reconciler touches it
/// (<c>OutsideCalls:ReconcileGraceSeconds</c>, default 300); longer than <paramref name="CallTimeout"/>, so a call
/// still in flight is never settled under its handler.</param>
public sealed record OutsideCallOptions(TimeSpan CallTimeout, TimeSpan ReconcileGrace)
{
    /// <summary>60 s per call, 5 min grace.</summary>
    public static OutsideCallOptions Default { get; } = new(TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(5));
}
