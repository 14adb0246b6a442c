using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Approval;

namespace Kboss.Application.Approval;

/// <summary>
/// Base of the approval module's requests: the spec documents each body as one <c>body</c> object
/// (13-approval.md), whose fields arrive as the request's own parameters (the binder merges a JSON body).
/// </summary>
public abstract record ApvBodyRequest
{
    /// <summary>The documented body object (its fields are the other parameters).</summary>
    public string? Body { get; init; }
}

/// <summary>E01 row: an org's DingTalk app, secrets masked.</summary>
/// <param name="Id">Row id.</param>
/// <param name="Orgid">Owning org.</param>
/// <param name="UserId">Last editor.</param>
/// <param name="SendDdUserId">Default sender's DingTalk userid.</param>
/// <param name="Source"><c>dd</c>.</param>
/// <param name="AppKey">AppKey.</param>
/// <param name="AppSecret">Always <c>******</c>.</param>
/// <param name="HttpAesKey">Always <c>******</c>.</param>
/// <param name="HttpToken">Always <c>******</c>.</param>
/// <param name="ProcessCode">Org-default form, "" when unset.</param>
/// <param name="ProcessName">Org-default form name.</param>
/// <param name="UpdateTime">Last change.</param>
public sealed record ApvKeyView(string Id, string Orgid, string? UserId, string SendDdUserId, string Source,
    string AppKey, string AppSecret, string HttpAesKey, string HttpToken, string ProcessCode, string? ProcessName,
    DateTime UpdateTime)
{
    /// <summary>The view of <paramref name="k"/>.</summary>
    public static ApvKeyView From(ApvKey k) => new(k.Id, k.OrgId, k.UserId, k.SendDdUserId, k.Source, k.AppKey,
        SecretMask.Value, SecretMask.Value, SecretMask.Value, k.ProcessCode, k.ProcessName, k.UpdateTime);
}

/// <summary>E06 row.</summary>
/// <param name="Id">Business id.</param>
/// <param name="BusinessName">Name (the business code).</param>
/// <param name="CallbackUrl">Result URL, "" for an in-process business.</param>
/// <param name="CallbackSecret">Always <c>******</c>.</param>
/// <param name="DelFlg"><c>0</c>.</param>
/// <param name="CreateAt">Created.</param>
/// <param name="UpdateAt">Last change.</param>
public sealed record ApvBusinessView(string Id, string BusinessName, string CallbackUrl, string CallbackSecret,
    string DelFlg, DateTime CreateAt, DateTime UpdateAt)
{
    /// <summary>The view of <paramref name="b"/>.</summary>
    public static ApvBusinessView From(ApvBusiness b) => new(b.Id, b.BusinessName, b.CallbackUrl, SecretMask.Value,
        b.DelFlg, b.CreateAt, b.UpdateTime);
}

/// <summary>E09 row (documented shape).</summary>
/// <param name="Id">Template id.</param>
/// <param name="BusinessId">Business.</param>
/// <param name="TitleTemplate">Title with placeholders.</param>
/// <param name="DetailTemplate">Detail with placeholders.</param>
/// <param name="DelFlg"><c>0</c> or <c>1</c>.</param>
/// <param name="CreateAt">Created.</param>
/// <param name="UpdateAt">Last change.</param>
public sealed record ApvTemplateView(string Id, string BusinessId, string TitleTemplate, string DetailTemplate,
    string DelFlg, DateTime CreateAt, DateTime UpdateAt)
{
    /// <summary>The view of <paramref name="t"/>.</summary>
    public static ApvTemplateView From(ApvTemplate t) => new(t.Id, t.BusinessId, t.TitleTemplate, t.DetailTemplate,
        t.DelFlg, t.CreateAt, t.UpdateTime);
}

/// <summary>E03 data.</summary>
/// <param name="Orgid">Org.</param>
/// <param name="BusinessId">Business.</param>
/// <param name="LevelData">Levels by numeric <c>level_id</c>; empty when none are saved.</param>
public sealed record ApvFlowView(string Orgid, string BusinessId, IReadOnlyList<ApprovalLevel> LevelData);

/// <summary>E13 row.</summary>
/// <param name="Id">Row id.</param>
/// <param name="Orgid">Org.</param>
/// <param name="BusinessId">Business.</param>
/// <param name="UserId">Last editor.</param>
/// <param name="SendPhone">Sender's mobile.</param>
/// <param name="SendDdUserId">Sender's DingTalk userid.</param>
/// <param name="Source"><c>dd</c>.</param>
/// <param name="ProcessCode">Form code.</param>
/// <param name="ProcessName">Form name.</param>
/// <param name="UpdateTime">Last change.</param>
public sealed record ApvSendKeyView(string Id, string Orgid, string BusinessId, string? UserId, string SendPhone,
    string SendDdUserId, string Source, string ProcessCode, string? ProcessName, DateTime UpdateTime)
{
    /// <summary>The view of <paramref name="s"/>.</summary>
    public static ApvSendKeyView From(ApvSendKey s) => new(s.Id, s.OrgId, s.BusinessId, s.UserId, s.SendPhone,
        s.SendDdUserId, s.Source, s.ProcessCode, s.ProcessName, s.UpdateTime);
}

/// <summary>E05 row: one approval.</summary>
/// <param name="Id">kboss record id.</param>
/// <param name="ApvId">DingTalk processInstanceId ("" when the create failed).</param>
/// <param name="Orgid">Org whose app was used.</param>
/// <param name="UserId">Initiator.</param>
/// <param name="BusinessId">Business.</param>
/// <param name="BusinessName">Business name at send time.</param>
/// <param name="ReferenceId">The business's item.</param>
/// <param name="Title">Rendered title.</param>
/// <param name="Detail">Rendered detail.</param>
/// <param name="Status">sending, running, agree, refuse, terminate, failed, unknown.</param>
/// <param name="FailureReason">Why a create failed.</param>
/// <param name="CallbackStatus">none, pending, sent, failed.</param>
/// <param name="Phone">Phone of the request.</param>
/// <param name="ResultOrg">Org the result applies to.</param>
/// <param name="FinishTime">When the result arrived.</param>
/// <param name="CreateAt">Sent.</param>
/// <param name="UpdateAt">Last change.</param>
public sealed record ApprovalRecordView(string Id, string ApvId, string Orgid, string? UserId, string BusinessId,
    string BusinessName, string ReferenceId, string Title, string Detail, string Status, string FailureReason,
    string CallbackStatus, string Phone, string ResultOrg, DateTime? FinishTime, DateTime CreateAt, DateTime UpdateAt)
{
    /// <summary>The view of <paramref name="r"/>.</summary>
    public static ApprovalRecordView From(ApprovalRecord r) => new(r.Id, r.ApvId, r.OrgId, r.UserId, r.BusinessId,
        r.BusinessName, r.ReferenceId, r.Title, r.Detail, r.Status, r.FailureReason, r.CallbackStatus, r.Phone,
        r.ResultOrg, r.FinishTime, r.CreateAt, r.UpdateTime);
}

/// <summary>E14 row.</summary>
/// <param name="ProcessCode">Form code.</param>
/// <param name="ProcessName">Form name.</param>
public sealed record ApvFormView(string ProcessCode, string ProcessName);
