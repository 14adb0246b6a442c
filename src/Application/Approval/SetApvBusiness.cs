using System.Security.Cryptography;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Approval;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Approval;

/// <summary>
/// E07 <c>POST /apv/apv_business.dspy</c> 设置业务回调地址: registers a business (or, for a live one of the same
/// name, changes its URL) and answers its id. <c>callback_url</c> must be an absolute http(s) URL that
/// <see cref="ICallbackUrlPolicy"/> allows (allow-listed host, no private, loopback or link-local address); it may be
/// empty only for a business served in-process (<see cref="IApprovalResultHandler"/>). <c>callback_secret</c>
/// (16–128 characters, encrypted at rest, never shown) keys the HMAC signature of the callbacks; a new business
/// without one gets a random one. spec: 13-approval.md; analysis/platform.md §3.1 E07, §6.4.
/// </summary>
public sealed record SetApvBusiness : ApvBodyRequest, ICommand<Reply<string>>
{
    /// <summary>Business name (required): the business code.</summary>
    public string? BusinessName { get; init; }
    /// <summary>Result URL (required unless the business is served in-process).</summary>
    public string? CallbackUrl { get; init; }
    /// <summary>HMAC key of the callbacks (optional; <c>******</c> or empty keeps).</summary>
    public string? CallbackSecret { get; init; }
}

public sealed class SetApvBusinessValidator : AbstractValidator<SetApvBusiness>
{
    public SetApvBusinessValidator()
    {
        RuleFor(x => x.BusinessName).Required("business_name不能为空").MaxChars(100);
        RuleFor(x => x.CallbackUrl).MaxChars(1000)
            .Must(v => string.IsNullOrWhiteSpace(v) || Uri.TryCreate(v.Trim(), UriKind.Absolute, out var u)
                && u.Scheme is "http" or "https" && u.Host.Length > 0 && u.UserInfo.Length == 0)
            .WithMessage("callback_url格式错误");
        RuleFor(x => x.CallbackSecret)
            .Must(v => SecretMask.MeansKeep(v) || v!.Trim().Length is >= 16 and <= 128)
            .WithMessage("callback_secret长度必须为16到128位");
    }
}

public sealed class SetApvBusinessHandler(IKbossDbContext db, ICurrentUser user, ISecretProtector secrets,
    ICallbackUrlPolicy urls, IEnumerable<IApprovalResultHandler> handlers)
    : ICommandHandler<SetApvBusiness, Reply<string>>
{
    public async ValueTask<Reply<string>> Handle(SetApvBusiness c, CancellationToken ct)
    {
        var name = c.BusinessName!.Trim();
        var url = c.CallbackUrl.Trimmed();
        if (url.Length == 0 && handlers.All(h => h.BusinessCode != name))
            throw RequestValidationException.For("callback_url", "callback_url不能为空");
        if (url.Length > 0 && await urls.CheckAsync(url, ct) is { } refusal)
            throw RequestValidationException.For("callback_url", refusal);

        var business = await db.ApvBusinesses.FirstOrDefaultAsync(b => b.BusinessName == name, ct);
        if (business is null)
        {
            business = new ApvBusiness
            {
                BusinessName = name,
                CallbackSecret = secrets.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))),
            };
            db.ApvBusinesses.Add(business);
        }
        business.CallbackUrl = url;
        if (!SecretMask.MeansKeep(c.CallbackSecret))
            business.CallbackSecret = secrets.Protect(c.CallbackSecret!.Trim());
        db.AuditEntries.Add(Audit.Entry(user, "apv.business.saved", "apv_business", business.Id,
            new { business_name = name, callback_url = url }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw BusinessException.Conflict("同名审批业务正在被同时保存,请重试");
        }
        return Reply.Ok("success", business.Id);
    }
}
