using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Approval;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Approval;

/// <summary>
/// E12 <c>POST /apv/send_key_create.dspy</c> 设置发送人和表单: who starts the approvals of (org, business) and on
/// which DingTalk form. Needs the org's keys (未配置审批密钥, <c>not_configured</c>); <c>send_phone</c> is resolved
/// through DingTalk (钉钉中未找到该手机号用户); upsert by <c>id</c> (403 for another org's row), else by
/// (org, business). <c>user_id</c> is always the caller. spec: analysis/platform.md §3.1 E12.
/// </summary>
public sealed record SaveSendKey : ApvBodyRequest, ICommand<Reply<string>>, IOrgScoped
{
    /// <summary>Row to update (optional).</summary>
    public string? Id { get; init; }
    /// <summary>Editor; ignored (always the caller).</summary>
    public string? UserId { get; init; }
    /// <summary>Org (default: the caller's).</summary>
    public string? Orgid { get; set; }
    /// <summary>Sender's mobile (required).</summary>
    public string? SendPhone { get; init; }
    /// <summary><c>dingding</c> / <c>dd</c>; stored as <c>dd</c>.</summary>
    public string? Source { get; init; }
    /// <summary>Business id (required).</summary>
    public string? BusinessId { get; init; }
    /// <summary>DingTalk form code, <c>PROC-…</c> (required).</summary>
    public string? ProcessCode { get; init; }
    /// <summary>Form name.</summary>
    public string? ProcessName { get; init; }
}

public sealed class SaveSendKeyValidator : AbstractValidator<SaveSendKey>
{
    public SaveSendKeyValidator()
    {
        RuleFor(x => x.Id).MaxChars(64);
        RuleFor(x => x.SendPhone).Required("send_phone不能为空").Must(v => ApprovalLevels.IsMobile(v.Trimmed()))
            .WithMessage("手机号格式错误");
        RuleFor(x => x.Source).Must(ApprovalSources.IsKnown).WithMessage("source只支持钉钉(dd)");
        RuleFor(x => x.BusinessId).Required("business_id不能为空").MaxChars(64);
        RuleFor(x => x.ProcessCode).Required("process_code不能为空").MaxChars(100)
            .Must(v => v.Trimmed().StartsWith("PROC-", StringComparison.Ordinal)).WithMessage("process_code格式错误");
        RuleFor(x => x.ProcessName).MaxChars(100);
    }
}

public sealed class SaveSendKeyHandler(IKbossDbContext db, ICurrentUser user, OrgAccess orgs, ApprovalConfig config)
    : ICommandHandler<SaveSendKey, Reply<string>>
{
    public async ValueTask<Reply<string>> Handle(SaveSendKey c, CancellationToken ct)
    {
        var business = await config.BusinessAsync(c.BusinessId, ct);
        var app = config.App(await config.KeyAsync(c.Orgid!, ct));
        var phone = c.SendPhone!.Trim();
        // the DingTalk call happens before anything is written (no transaction is open)
        var ddUser = await config.UserIdAsync(app, phone, ApprovalConfig.UnknownPhoneMessage, ct);

        var id = c.Id.Trimmed();
        var row = id.Length > 0 ? await db.ApvSendKeys.FirstOrDefaultAsync(s => s.Id == id, ct) : null;
        if (row is not null) await orgs.EnsureCanActOnAsync(row.OrgId, "无权修改该组织的发送人和表单", ct);
        row ??= await db.ApvSendKeys.FirstOrDefaultAsync(s => s.OrgId == c.Orgid && s.BusinessId == business.Id, ct);
        if (row is null)
        {
            row = new ApvSendKey { OrgId = c.Orgid! };
            db.ApvSendKeys.Add(row);
        }
        row.BusinessId = business.Id;
        row.UserId = user.UserId;
        row.SendPhone = phone;
        row.SendDdUserId = ddUser;
        row.Source = "dd";
        row.ProcessCode = c.ProcessCode!.Trim();
        row.ProcessName = c.ProcessName.TrimmedOrNull();
        db.AuditEntries.Add(Audit.Entry(user, "apv.send_key.saved", "apv_send_key", row.Id,
            new { orgid = row.OrgId, business_id = business.Id, row.ProcessCode }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw BusinessException.Conflict("该业务已设置发送人和表单");
        }
        return Reply.Ok("success", row.Id);
    }
}
