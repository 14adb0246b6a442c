using Kboss.Application.Common.OutsideCalls;

namespace Kboss.Application.Common.Interfaces;

/// <summary>An org's DingTalk app (secrets in clear; only adapters see them).</summary>
/// <param name="OrgId">Owning org (the access-token cache key together with <paramref name="AppKey"/>).</param>
/// <param name="AppKey">AppKey.</param>
/// <param name="AppSecret">AppSecret.</param>
public sealed record DingTalkApp(string OrgId, string AppKey, string AppSecret);

/// <summary>One entry of DingTalk's <c>approvers</c>.</summary>
/// <param name="ActionType"><c>NONE</c>, <c>AND</c> or <c>OR</c>.</param>
/// <param name="UserIds">DingTalk userids.</param>
public sealed record DingTalkApprover(string ActionType, IReadOnlyList<string> UserIds);

/// <summary>Body of DingTalk's create-instance call.</summary>
/// <param name="ProcessCode">Form code (<c>PROC-…</c>).</param>
/// <param name="OriginatorUserId">Sender's DingTalk userid.</param>
/// <param name="DeptId">Originator's department, omitted when null.</param>
/// <param name="Approvers">Levels in order.</param>
/// <param name="FormValues">Form component name → value.</param>
public sealed record DingTalkNewInstance(string ProcessCode, string OriginatorUserId, long? DeptId,
    IReadOnlyList<DingTalkApprover> Approvers, IReadOnlyList<KeyValuePair<string, string>> FormValues);

/// <summary>An instance's state as DingTalk reports it.</summary>
/// <param name="Status"><c>RUNNING</c>, <c>COMPLETED</c>, <c>TERMINATED</c> (or <c>NEW</c>, <c>CANCELED</c>).</param>
/// <param name="Result"><c>agree</c> / <c>refuse</c> once completed, else null or "".</param>
public sealed record DingTalkInstanceState(string Status, string? Result);

/// <summary>A form the app may use.</summary>
/// <param name="ProcessCode">Form code.</param>
/// <param name="Name">Form name.</param>
public sealed record DingTalkForm(string ProcessCode, string Name);

/// <summary>
/// DingTalk's approval OpenAPI (analysis/platform.md §5.1; adapter: <c>Infrastructure/DingTalk</c>). Failures throw
/// <see cref="OutsideCallException"/> (<c>upstream_failed</c>): an error answer is known, a time-out or unreadable
/// answer unknown. The create call is never retried.
/// </summary>
public interface IDingTalkApprovalClient
{
    /// <summary>The userid of <paramref name="mobile"/>, or null when DingTalk has no such user.</summary>
    Task<string?> GetUserIdByMobileAsync(DingTalkApp app, string mobile, CancellationToken ct);

    /// <summary>Forms <paramref name="userId"/> may manage.</summary>
    Task<IReadOnlyList<DingTalkForm>> ListFormsAsync(DingTalkApp app, string userId, CancellationToken ct);

    /// <summary>Creates an instance; its processInstanceId.</summary>
    Task<string> CreateInstanceAsync(DingTalkApp app, DingTalkNewInstance instance, CancellationToken ct);

    /// <summary>The state of instance <paramref name="instanceId"/>.</summary>
    Task<DingTalkInstanceState> GetInstanceAsync(DingTalkApp app, string instanceId, CancellationToken ct);

    /// <summary>Forgets the cached access token of <paramref name="orgId"/> (keys changed).</summary>
    void Forget(string orgId);
}

/// <summary>How one delivery attempt to a business callback URL ended.</summary>
/// <param name="Delivered">A 2xx answer that is not <c>{"status": false}</c>.</param>
/// <param name="Error">Why not, "" when delivered.</param>
public sealed record CallbackOutcome(bool Delivered, string Error);

/// <summary>
/// POSTs approval results to business callback URLs (adapter: <c>Infrastructure/Approval</c>): signed with the
/// business's secret, 5-second time-out, no redirects, and a connection only to an address
/// <see cref="ICallbackUrlPolicy"/> allows (checked again at connect time, so DNS cannot be switched under it).
/// </summary>
public interface IApprovalCallbackSender
{
    /// <summary>One attempt; never throws for a network or HTTP failure.</summary>
    Task<CallbackOutcome> PostAsync(string url, string secret, string eventId, string payload, CancellationToken ct);
}

/// <summary>
/// Which callback URLs kboss may call (anti-SSRF, analysis/platform.md §6.4): http(s), host on
/// <c>Approval:CallbackAllowedHosts</c>, and every address the host resolves to public unless
/// <c>Approval:AllowPrivateCallbackAddresses</c>.
/// </summary>
public interface ICallbackUrlPolicy
{
    /// <summary>Null when allowed, else the Chinese reason.</summary>
    Task<string?> CheckAsync(string url, CancellationToken ct);
}
