using Kboss.Domain.Common;

namespace Kboss.Domain.FloatingWidget;

/// <summary>
/// 申请试用 (analysis/platform.md §2.4, E38): a trial application, anonymous or from a logged-in user, accepted only
/// with a valid SMS code for <see cref="Phone"/> (the code itself is never stored here). Texts are stored as sent and
/// escaped wherever rendered.
/// </summary>
public sealed class TrialApplication : Entity, ISoftDeletable
{
    /// <summary>Logged-in applicant, or null.</summary>
    public string? UserId { get; init; }
    /// <summary>Applicant's org when logged in, else null (platform operators follow it up).</summary>
    public string? OrgId { get; init; }
    /// <summary>Applicant's name (≤ 50).</summary>
    public string Customer { get; init; } = "";
    /// <summary>Mainland mobile the SMS code was sent to.</summary>
    public string Phone { get; init; } = "";
    /// <summary>Company / work unit (≤ 100).</summary>
    public string Unit { get; init; } = "";
    /// <summary>Product id or code, opaque (analysis §7 #60).</summary>
    public string Product { get; init; } = "";
    /// <summary>Wanted resources as a JSON array of strings (e.g. <c>["A800","H100"]</c>).</summary>
    public string Resources { get; init; } = "[]";
    /// <summary><c>"0"</c> new, <c>"1"</c> followed up.</summary>
    public string Status { get; init; } = "0";
    /// <summary>Client address the application came from (throttle key form).</summary>
    public string ClientAddress { get; init; } = "";
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;
}
