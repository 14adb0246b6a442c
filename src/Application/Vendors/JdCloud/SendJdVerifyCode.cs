using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.JdCloud;

/// <summary>
/// JD-02 <c>GET /jdcloud/send_verify_code.dspy</c> 发送短信到指定手机号: asks JD Cloud to send its registration code to
/// <c>mobile</c> (required, 11 digits); JD checks the code in JD-03, kboss never sees it. At most one SMS per mobile
/// per 60 s and 10 per day (counted from the audit), else 验证码发送过于频繁,请稍后再试 (<c>too_many_attempts</c>,
/// §5.2). spec: 25-jd-cloud.md; analysis/vendors.md §3.4 JD-02.
/// </summary>
public sealed record SendJdVerifyCode : ICommand<Reply<object?>>
{
    /// <summary>Mobile.</summary>
    public string? Mobile { get; init; }
}

public sealed class SendJdVerifyCodeValidator : AbstractValidator<SendJdVerifyCode>
{
    public SendJdVerifyCodeValidator() =>
        RuleFor(x => x.Mobile).Required().Must(v => JdCalls.IsMobile(v?.Trim())).WithMessage("mobile 必须是 11 位手机号");
}

public sealed class SendJdVerifyCodeHandler(IKbossDbContext db, VendorAccounts accounts, ICurrentUser user,
    TimeProvider clock) : ICommandHandler<SendJdVerifyCode, Reply<object?>>
{
    /// <summary>Over the limits.</summary>
    public const string TooOftenMessage = "验证码发送过于频繁,请稍后再试";
    private const string Sent = "jdcloud.sms.sent";

    public async ValueTask<Reply<object?>> Handle(SendJdVerifyCode c, CancellationToken ct)
    {
        var mobile = c.Mobile.Trimmed();
        var now = clock.GetUtcNow().UtcDateTime;
        var recent = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == Sent && a.EntityId == mobile && a.CreateAt > now.AddDays(-1))
            .Select(a => a.CreateAt).ToListAsync(ct);
        if (recent.Count >= 10 || recent.Any(t => t > now.AddSeconds(-60)))
            throw new BusinessException(TooOftenMessage, ErrorCodes.TooManyAttempts);
        var key = await accounts.KeyForAsync(VendorCodes.JdCloud, JdCalls.System, user.OrgId ?? "", ct);
        await accounts.CallAsync(VendorCodes.JdCloud, JdCalls.System, key, JdCalls.SendCode(mobile), ct);
        await accounts.AuditAsync(Sent, "mobile", mobile, new { mobile });
        return Reply.Ok<object?>("验证码已发送", null);
    }
}
