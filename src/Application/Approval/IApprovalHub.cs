namespace Kboss.Application.Approval;

/// <summary>
/// What another area sends to ask for an approval (docs/patterns.md "Asking for an approval"; analysis/platform.md
/// §4.1). The org's DingTalk app, sender, form, template and levels are looked up by <see cref="OrgId"/> and
/// <see cref="BusinessCode"/> (the business's <c>business_name</c>, e.g. <c>供应商结算统计</c>).
/// </summary>
/// <param name="OrgId">Org whose approval configuration and DingTalk app are used.</param>
/// <param name="BusinessCode">The registered business (<c>business_name</c> of E07).</param>
/// <param name="ReferenceId">The caller's own item (settlement, invoice, price…); echoed in the result.</param>
/// <param name="TitleValues">Values of the title template's <c>$name</c> placeholders.</param>
/// <param name="DetailValues">Values of the detail template's placeholders.</param>
/// <param name="UserId">kboss user who asks (null: the caller of the current request).</param>
/// <param name="ResultOrg">Org the result applies to (e.g. the customer), echoed in the result.</param>
/// <param name="Phone">Contact phone stored on the record.</param>
public sealed record ApprovalRequest(
    string OrgId,
    string BusinessCode,
    string ReferenceId,
    IReadOnlyDictionary<string, string> TitleValues,
    IReadOnlyDictionary<string, string> DetailValues,
    string? UserId = null,
    string? ResultOrg = null,
    string? Phone = null);

/// <summary>An approval DingTalk accepted.</summary>
/// <param name="ApvId">DingTalk's processInstanceId (the documented <c>apv_id</c>); store it on your item.</param>
/// <param name="RecordId">kboss's record id.</param>
public sealed record ApprovalStarted(string ApvId, string RecordId);

/// <summary>
/// Starts approvals (the approval hub). Call it <b>outside</b> any database transaction of yours: it makes a DingTalk
/// call (ADR 0015, 0026). A refusal (nothing configured, DingTalk refused, no answer) throws
/// <see cref="Common.BusinessException"/> with a Chinese message and a code (<c>not_found</c>, <c>not_configured</c>,
/// <c>upstream_failed</c>), which your use case may let through to its reply.
/// </summary>
public interface IApprovalHub
{
    /// <summary>Renders the templates, creates the DingTalk instance, stores the record (<c>running</c>).</summary>
    Task<ApprovalStarted> SendAsync(ApprovalRequest request, CancellationToken ct);
}

/// <summary>The final result of an approval, as delivered to a business.</summary>
/// <param name="EventId">Id of this result event: the same on every redelivery; deduplicate on it.</param>
/// <param name="ApvId">DingTalk processInstanceId.</param>
/// <param name="RecordId">kboss's record id.</param>
/// <param name="OrgId">Org whose app was used.</param>
/// <param name="BusinessCode">The business (<c>business_name</c>).</param>
/// <param name="ReferenceId">The caller's item from <see cref="ApprovalRequest.ReferenceId"/>.</param>
/// <param name="Status"><c>agree</c>, <c>refuse</c> or <c>terminate</c>.</param>
/// <param name="ResultOrg">From the request.</param>
/// <param name="UserId">Who asked.</param>
public sealed record ApprovalResult(string EventId, string ApvId, string RecordId, string OrgId, string BusinessCode,
    string ReferenceId, string Status, string ResultOrg, string? UserId)
{
    /// <summary>True when approved.</summary>
    public bool Approved => Status == Domain.Approval.ApprovalStatus.Agree;
}

/// <summary>
/// An in-process business told of its approval results, registered in DI
/// (<c>services.AddScoped&lt;IApprovalResultHandler, MyHandler&gt;()</c>) and chosen by <see cref="BusinessCode"/>.
/// The hub calls it from the outbox dispatcher in its own DI scope, with the same <c>IKbossDbContext</c> the hub then
/// saves: change your tracked entities and do <b>not</b> call <c>SaveChangesAsync</c> — the hub saves your change and
/// the delivery's "sent" mark in one transaction, so the result changes your item exactly once. Throwing makes the
/// delivery retry with back-off. Never call an outside system from here.
/// </summary>
public interface IApprovalResultHandler
{
    /// <summary>The <c>business_name</c> this handler serves.</summary>
    string BusinessCode { get; }

    /// <summary>Applies <paramref name="result"/> to the caller's item (find it by <c>ApvId</c> or
    /// <c>ReferenceId</c>).</summary>
    Task HandleAsync(ApprovalResult result, CancellationToken ct);
}
