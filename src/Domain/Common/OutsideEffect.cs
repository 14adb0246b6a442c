namespace Kboss.Domain.Common;

/// <summary>Values of <see cref="OutsideEffectEntity.State"/> (ADR 0015).</summary>
public static class OutsideStates
{
    /// <summary>Reserved (stock taken, row written); the create call is in flight.</summary>
    public const string Pending = "pending";
    /// <summary>The outside system confirmed the object; it runs.</summary>
    public const string Live = "live";
    /// <summary>New values reserved; the update call is in flight.</summary>
    public const string Updating = "updating";
    /// <summary>The delete call is in flight; the stock is still held.</summary>
    public const string Deleting = "deleting";
    /// <summary>The outcome of the call is unknown (time-out, lost answer); the reconciler will ask the outside
    /// system.</summary>
    public const string PendingReconcile = "pending_reconcile";
    /// <summary>The create failed (reason kept); holds no stock.</summary>
    public const string Failed = "failed";
    /// <summary>Deleted on the outside system; holds no stock.</summary>
    public const string Deleted = "deleted";

    /// <summary>States whose outcome is open: a crash or lost answer leaves a row here for the reconciler.</summary>
    public static readonly IReadOnlyList<string> Open = [Pending, Updating, Deleting, PendingReconcile];
}

/// <summary>Values of <see cref="OutsideEffectEntity.Operation"/>.</summary>
public static class OutsideOperations
{
    /// <summary>Creating the object.</summary>
    public const string Create = "create";
    /// <summary>Replacing the object with new values.</summary>
    public const string Update = "update";
    /// <summary>Deleting the object.</summary>
    public const string Delete = "delete";
}

/// <summary>
/// A row that stands for an object in an outside system (a workload on a cluster, later a cloud host or a payment),
/// with the state machine of the outside-call pattern (ADR 0015, docs/patterns.md "Calling an outside system"):
/// <c>pending → live | failed | pending_reconcile</c>, <c>live → updating → live | pending_reconcile</c>,
/// <c>live|failed → deleting → deleted | back | pending_reconcile</c>, and <c>pending_reconcile</c> settled by the
/// reconciler. The state only changes through the methods below; an impossible transition is a programming error
/// (<see cref="InvalidOperationException"/>), so handlers check <see cref="IsOpen"/> first.
/// </summary>
public abstract class OutsideEffectEntity : Entity, ISoftDeletable
{
    /// <summary>One of <see cref="OutsideStates"/>.</summary>
    public string State { get; private set; } = OutsideStates.Pending;
    /// <summary>The operation in flight or awaiting reconciliation (<see cref="OutsideOperations"/>); "" when
    /// settled.</summary>
    public string Operation { get; private set; } = OutsideOperations.Create;
    /// <summary>Where a compensated delete returns to (<c>live</c> or <c>failed</c>); "" otherwise.</summary>
    public string ResumeState { get; private set; } = "";
    /// <summary>Why the last call failed or is unknown (Chinese, for a person); "" after a success.</summary>
    public string FailureReason { get; private set; } = "";
    /// <summary>When <see cref="State"/> last changed (UTC); the reconciler's age test and the concurrency
    /// token.</summary>
    public DateTime StateChangedAt { get; private set; }
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;

    /// <summary>True while a call is in flight or its outcome is unknown.</summary>
    public bool IsOpen => OutsideStates.Open.Contains(State);

    /// <summary>True when the row's stock (or money) is taken: everything but <c>failed</c> and <c>deleted</c>, and a
    /// delete of a failed row.</summary>
    public bool HoldsStock => State switch
    {
        OutsideStates.Failed or OutsideStates.Deleted => false,
        OutsideStates.Deleting => ResumeState == OutsideStates.Live,
        OutsideStates.PendingReconcile when Operation == OutsideOperations.Delete => ResumeState == OutsideStates.Live,
        _ => true,
    };

    /// <summary>Reserve of a create: the new row is pending.</summary>
    public void StartCreate(DateTime now)
    {
        if (State != OutsideStates.Pending || Operation != OutsideOperations.Create) Refuse("create");
        Move(OutsideStates.Pending, OutsideOperations.Create, now);
    }

    /// <summary>Reserve of an update: only a live row can change.</summary>
    public void StartUpdate(DateTime now)
    {
        if (State != OutsideStates.Live) Refuse("update");
        ResumeState = OutsideStates.Live;
        Move(OutsideStates.Updating, OutsideOperations.Update, now);
    }

    /// <summary>Reserve of a delete: a live or failed row (a failed one may have left objects behind).</summary>
    public void StartDelete(DateTime now)
    {
        if (State is not (OutsideStates.Live or OutsideStates.Failed)) Refuse("delete");
        ResumeState = State;
        Move(OutsideStates.Deleting, OutsideOperations.Delete, now);
    }

    /// <summary>The outside system did it: a create or update becomes live, a delete deleted (row
    /// soft-deleted).</summary>
    public void Confirm(DateTime now)
    {
        if (!IsOpen) Refuse("confirm");
        FailureReason = "";
        if (Operation == OutsideOperations.Delete)
        {
            DelFlg = DelFlag.Deleted;
            Move(OutsideStates.Deleted, "", now);
        }
        else Move(OutsideStates.Live, "", now);
    }

    /// <summary>The outside system did not do it: a create fails, an update stays live with the old values (the caller
    /// restores them), a delete returns to where it came from. <paramref name="reason"/> is kept.</summary>
    public void Compensate(string reason, DateTime now)
    {
        if (!IsOpen) Refuse("compensate");
        FailureReason = Clip(reason);
        var target = Operation switch
        {
            OutsideOperations.Create => OutsideStates.Failed,
            OutsideOperations.Update => OutsideStates.Live,
            _ => ResumeState.Length == 0 ? OutsideStates.Live : ResumeState,
        };
        Move(target, "", now);
    }

    /// <summary>The object is not on the outside system (the reconciler found no trace of a create or an update): the
    /// row
    /// fails and stops holding stock.</summary>
    public void Abandon(string reason, DateTime now)
    {
        if (!IsOpen || Operation == OutsideOperations.Delete) Refuse("abandon");
        FailureReason = Clip(reason);
        Move(OutsideStates.Failed, "", now);
    }

    /// <summary>No answer (time-out, lost connection): the outcome is unknown until the reconciler asks.</summary>
    public void MarkUnknown(string reason, DateTime now)
    {
        if (State is not (OutsideStates.Pending or OutsideStates.Updating or OutsideStates.Deleting))
            Refuse("mark unknown");
        FailureReason = Clip(reason);
        State = OutsideStates.PendingReconcile;
        StateChangedAt = now;
        OnStateChanged();
    }

    /// <summary>Hook for entities that mirror the state in a legacy column.</summary>
    protected virtual void OnStateChanged() { }

    private void Move(string state, string operation, DateTime now)
    {
        State = state;
        Operation = operation;
        if (operation.Length == 0) ResumeState = "";
        StateChangedAt = now;
        OnStateChanged();
    }

    private static string Clip(string reason) => reason.Length <= 1000 ? reason : reason[..1000];

    private void Refuse(string what) =>
        throw new InvalidOperationException($"{GetType().Name} {Id}: cannot {what} in state {State}/{Operation}");
}
