namespace Kboss.Application.Common.OutsideCalls;

/// <summary>
/// An outside call did not succeed. <see cref="OutcomeUnknown"/> says whether the outside system may still have done it
/// (time-out, lost connection: the row goes to <c>pending_reconcile</c>) or certainly did not (an error answer: the
/// reservation is compensated). The message is Chinese and names the system; <see cref="Code"/> is the envelope code.
/// </summary>
public sealed class OutsideCallException(string message, string code, bool outcomeUnknown, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>Envelope code (<c>upstream_failed</c>, or <c>invalid_argument</c> for refused input such as a
    /// kubeconfig).</summary>
    public string Code { get; } = code;
    /// <summary>True when the outside system may have carried the call out.</summary>
    public bool OutcomeUnknown { get; } = outcomeUnknown;
}
