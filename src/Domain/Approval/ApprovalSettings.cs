using Kboss.Domain.Common;

namespace Kboss.Domain.Approval;

/// <summary>
/// 审批密钥 (<c>apv_key</c>): one org's DingTalk app. <see cref="AppSecret"/>, <see cref="HttpAesKey"/> and
/// <see cref="HttpToken"/> hold ciphertext (encrypted by the handler through <c>ISecretProtector</c>); one live row per
/// org. spec: 13-approval.md E01/E02; analysis/platform.md §2.1.
/// </summary>
public sealed class ApvKey : Entity, ISoftDeletable
{
    /// <summary>Owning org.</summary>
    public string OrgId { get; set; } = "";
    /// <summary>Last editor (the session user).</summary>
    public string? UserId { get; set; }
    /// <summary>DingTalk userid of the org's default sender.</summary>
    public string SendDdUserId { get; set; } = "";
    /// <summary>Provider, always <c>dd</c> (钉钉).</summary>
    public string Source { get; set; } = "dd";
    /// <summary>DingTalk AppKey (not a secret).</summary>
    public string AppKey { get; set; } = "";
    /// <summary>Encrypted AppSecret.</summary>
    public string AppSecret { get; set; } = "";
    /// <summary>Encrypted event-subscription EncodingAESKey (43 characters in clear).</summary>
    public string HttpAesKey { get; set; } = "";
    /// <summary>Encrypted event-subscription token.</summary>
    public string HttpToken { get; set; } = "";
    /// <summary>Org-default form code (<c>PROC-…</c>), "" when unset.</summary>
    public string ProcessCode { get; set; } = "";
    /// <summary>Org-default form name.</summary>
    public string? ProcessName { get; set; }
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;
}

/// <summary>
/// 审批业务 (<c>apv_business</c>): a platform-wide business that asks for approvals, with the URL its results are
/// POSTed to and the per-business HMAC secret (encrypted) that signs them. Its <see cref="BusinessName"/> is also the
/// business code an in-process business registers its result handler under. spec: E06/E07/E10.
/// </summary>
public sealed class ApvBusiness : Entity, ISoftDeletable
{
    /// <summary>Name, unique among live rows; the business code.</summary>
    public string BusinessName { get; set; } = "";
    /// <summary>Absolute http(s) URL results are POSTed to.</summary>
    public string CallbackUrl { get; set; } = "";
    /// <summary>Encrypted HMAC-SHA256 key of the callbacks.</summary>
    public string CallbackSecret { get; set; } = "";
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;
}

/// <summary>审批模板 (<c>apv_template</c>): title/detail with <c>$name</c> placeholders; one live per business.</summary>
public sealed class ApvTemplate : Entity, ISoftDeletable
{
    /// <summary>The business.</summary>
    public string BusinessId { get; set; } = "";
    /// <summary>Title template.</summary>
    public string TitleTemplate { get; set; } = "";
    /// <summary>Detail template.</summary>
    public string DetailTemplate { get; set; } = "";
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;
}

/// <summary>
/// 审批流 (<c>apv_flow</c>): the approval levels of one (org, business), replaced as a whole on save; the levels are
/// stored as JSON (<see cref="ApprovalLevels"/>). spec: E03/E04.
/// </summary>
public sealed class ApvFlow : Entity, ISoftDeletable
{
    /// <summary>Owning org.</summary>
    public string OrgId { get; set; } = "";
    /// <summary>The business.</summary>
    public string BusinessId { get; set; } = "";
    /// <summary>Last editor.</summary>
    public string? UserId { get; set; }
    /// <summary>Levels as JSON (<see cref="ApprovalLevels.ToJson"/>).</summary>
    public string LevelData { get; set; } = "[]";
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;
}

/// <summary>发送人和表单 (<c>apv_send_key</c>): who starts the approvals of one (org, business) and on which form.</summary>
public sealed class ApvSendKey : Entity, ISoftDeletable
{
    /// <summary>Owning org.</summary>
    public string OrgId { get; set; } = "";
    /// <summary>The business.</summary>
    public string BusinessId { get; set; } = "";
    /// <summary>Last editor.</summary>
    public string? UserId { get; set; }
    /// <summary>Sender's mobile.</summary>
    public string SendPhone { get; set; } = "";
    /// <summary>Sender's DingTalk userid (resolved from <see cref="SendPhone"/>).</summary>
    public string SendDdUserId { get; set; } = "";
    /// <summary>Provider, always <c>dd</c>.</summary>
    public string Source { get; set; } = "dd";
    /// <summary>DingTalk form code.</summary>
    public string ProcessCode { get; set; } = "";
    /// <summary>Form name.</summary>
    public string? ProcessName { get; set; }
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;
}
