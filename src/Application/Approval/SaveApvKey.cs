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
/// E02 <c>POST /apv/save_apv_key.dspy</c> 保存审批密钥: creates or updates the org's DingTalk app (one live row per
/// org: a create for an org that has one updates it). <c>flag=update</c> names the row by <c>id</c> (审批密钥不存在 when
/// missing, 403 for another org's). Secrets are encrypted at rest; a masked or empty secret on update keeps the stored
/// one; a create needs all four keys. <c>user_id</c> is always the caller; the cached access token is dropped.
/// spec: 13-approval.md; analysis/platform.md §3.1 E02.
/// </summary>
public sealed record SaveApvKey : ApvBodyRequest, ICommand<Reply<string>>, IOrgScoped
{
    /// <summary>Row id (with <c>flag=update</c>).</summary>
    public string? Id { get; init; }
    /// <summary><c>update</c>: update row <c>id</c>; else create (or update the org's row).</summary>
    public string? Flag { get; init; }
    /// <summary>Editor; ignored (always the caller).</summary>
    public string? UserId { get; init; }
    /// <summary>Org (default: the caller's).</summary>
    public string? Orgid { get; set; }
    /// <summary>Default sender's DingTalk userid.</summary>
    public string? SendDdUserId { get; init; }
    /// <summary><c>dd</c> (钉钉; <c>dingding</c> is stored as <c>dd</c>).</summary>
    public string? Source { get; init; }
    /// <summary>DingTalk AppKey (required on create).</summary>
    public string? AppKey { get; init; }
    /// <summary>DingTalk AppSecret (required on create; <c>******</c> keeps).</summary>
    public string? AppSecret { get; init; }
    /// <summary>EncodingAESKey, 43 characters (required on create; <c>******</c> keeps).</summary>
    public string? HttpAesKey { get; init; }
    /// <summary>Event token (required on create; <c>******</c> keeps).</summary>
    public string? HttpToken { get; init; }
    /// <summary>Org-default form code.</summary>
    public string? ProcessCode { get; init; }
    /// <summary>Org-default form name.</summary>
    public string? ProcessName { get; init; }
}

public sealed class SaveApvKeyValidator : AbstractValidator<SaveApvKey>
{
    public SaveApvKeyValidator()
    {
        RuleFor(x => x.Id).MaxChars(64);
        RuleFor(x => x.Id).NotEmpty().When(x => x.Flag.Trimmed() == "update").WithMessage(RuleExtensions.Missing("id"));
        RuleFor(x => x.Source).Must(ApprovalSources.IsKnown).WithMessage("source只支持钉钉(dd)");
        RuleFor(x => x.SendDdUserId).MaxChars(64);
        RuleFor(x => x.AppKey).MaxChars(128);
        RuleFor(x => x.AppSecret).MaxChars(256);
        RuleFor(x => x.HttpToken).MaxChars(256);
        RuleFor(x => x.HttpAesKey).Must(v => SecretMask.MeansKeep(v) || DingTalkEventCrypto.IsAesKey(v.Trimmed()))
            .WithMessage("http_aes_key长度必须为43位");
        RuleFor(x => x.ProcessCode).MaxChars(100);
        RuleFor(x => x.ProcessName).MaxChars(100);
    }
}

/// <summary>The approval provider values (analysis/platform.md §2.1: <c>dd</c> and <c>dingding</c> are one).</summary>
public static class ApprovalSources
{
    /// <summary>Empty, <c>dd</c> or <c>dingding</c>.</summary>
    public static bool IsKnown(string? source) => source.Trimmed() is "" or "dd" or "dingding";
}

public sealed class SaveApvKeyHandler(IKbossDbContext db, ICurrentUser user, OrgAccess orgs,
    ISecretProtector secrets, IDingTalkApprovalClient dingTalk) : ICommandHandler<SaveApvKey, Reply<string>>
{
    /// <summary><c>flag=update</c> names no live row.</summary>
    public const string NotFoundMessage = "审批密钥不存在";

    public async ValueTask<Reply<string>> Handle(SaveApvKey c, CancellationToken ct)
    {
        ApvKey? key;
        if (c.Flag.Trimmed() == "update")
        {
            var id = c.Id.Trimmed();
            key = await db.ApvKeys.FirstOrDefaultAsync(k => k.Id == id, ct)
                  ?? throw BusinessException.NotFound(NotFoundMessage);
            await orgs.EnsureCanActOnAsync(key.OrgId, "无权修改该组织的审批密钥", ct);
        }
        else key = await db.ApvKeys.FirstOrDefaultAsync(k => k.OrgId == c.Orgid, ct);

        if (key is null)
        {
            foreach (var (name, value) in new[]
                     {
                         ("app_key", c.AppKey), ("app_secret", c.AppSecret), ("http_aes_key", c.HttpAesKey),
                         ("http_token", c.HttpToken),
                     })
                if (SecretMask.MeansKeep(value.TrimmedOrNull()))
                    throw RequestValidationException.For(name, $"{name}不能为空");
            key = new ApvKey { OrgId = c.Orgid! };
            db.ApvKeys.Add(key);
        }
        key.UserId = user.UserId;
        key.Source = "dd";
        if (c.SendDdUserId is not null) key.SendDdUserId = c.SendDdUserId.Trim();
        if (c.AppKey.TrimmedOrNull() is { } appKey) key.AppKey = appKey;
        if (!SecretMask.MeansKeep(c.AppSecret)) key.AppSecret = secrets.Protect(c.AppSecret!.Trim());
        if (!SecretMask.MeansKeep(c.HttpAesKey)) key.HttpAesKey = secrets.Protect(c.HttpAesKey!.Trim());
        if (!SecretMask.MeansKeep(c.HttpToken)) key.HttpToken = secrets.Protect(c.HttpToken!.Trim());
        if (c.ProcessCode is not null) key.ProcessCode = c.ProcessCode.Trim();
        if (c.ProcessName is not null) key.ProcessName = c.ProcessName.TrimmedOrNull();
        db.AuditEntries.Add(Audit.Entry(user, "apv.key.saved", "apv_key", key.Id,
            new { orgid = key.OrgId, app_key = key.AppKey }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw BusinessException.Conflict("该组织的审批密钥正在被同时保存,请重试");
        }
        dingTalk.Forget(key.OrgId);
        return Reply.Ok("success", key.Id);
    }
}
