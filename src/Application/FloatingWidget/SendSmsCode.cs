using System.Text.RegularExpressions;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Metrics;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.FloatingWidget;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.FloatingWidget;

/// <summary>
/// <c>GET /pub/sms_send_code.dspy</c> 短信发送 (analysis/platform.md E39, §4.5; anonymous, rate-limited): a 6-digit
/// code for <c>mobile</c>, valid 5 minutes. Refused within 60 s of the mobile's last code and over the daily caps per
/// mobile and per client address (<c>too_many_attempts</c>); without gateway credentials <c>not_configured</c>. The
/// code is recorded (hash only) in a short transaction, sent outside any transaction, then marked sent or failed
/// (docs/patterns.md "Calling an outside system"). The code is never returned or logged.
/// </summary>
public sealed record SendSmsCode : ICommand<Reply<object>>
{
    /// <summary>Mainland mobile <c>^1[3-9]\d{9}$</c> (required).</summary>
    public string? Mobile { get; init; }
}

public sealed partial class SendSmsCodeValidator : AbstractValidator<SendSmsCode>
{
    public SendSmsCodeValidator() => RuleFor(x => x.Mobile).Required("请输入手机号")
        .Must(m => m is null || IsMobile(m.Trim())).WithMessage("手机号格式错误");

    /// <summary>True for a mainland mobile number.</summary>
    public static bool IsMobile(string value) => Mobile().IsMatch(value);

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();
}

public sealed class SendSmsCodeHandler(IKbossDbContext db, ISmsGateway gateway, IRequestContext request,
    IFloatingWidgetSettings settings, TimeProvider clock) : ICommandHandler<SendSmsCode, Reply<object>>
{
    private const string System = "sms";

    public async ValueTask<Reply<object>> Handle(SendSmsCode c, CancellationToken ct)
    {
        if (!gateway.IsConfigured) throw new BusinessException("短信服务未配置,请联系管理员", ErrorCodes.NotConfigured);
        var mobile = c.Mobile!.Trim();
        var code = SmsCode.NewCode();
        var row = await RecordAsync(mobile, code, ClientAddress.ThrottleKey(request.ClientIp), ct);
        try
        {
            await KbossMetrics.TimeOutsideCallAsync(System, async () =>
            {
                await gateway.SendVerificationCodeAsync(mobile, code, ct);
                return true;
            });
            row.MarkSent();
            await db.SaveChangesAsync(CancellationToken.None);
            return Reply.Ok<object>("验证码已发送", null!);
        }
        catch (OutsideCallException e) when (e.OutcomeUnknown)
        {
            row.MarkSent(); // the message may still arrive: the code stays usable
            await db.SaveChangesAsync(CancellationToken.None);
            throw new BusinessException("短信发送结果未知,如未收到请稍后重新获取", ErrorCodes.UpstreamFailed);
        }
        catch (OutsideCallException e)
        {
            row.MarkFailed(e.Message);
            await db.SaveChangesAsync(CancellationToken.None);
            throw new BusinessException("短信发送失败: " + e.Message, ErrorCodes.UpstreamFailed);
        }
    }

    /// <summary>Checks the interval and caps and records the pending code, in one short transaction.</summary>
    private async Task<SmsCode> RecordAsync(string mobile, string code, string address, CancellationToken ct)
    {
        await using var tx = await db.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - SmsCodePolicy.Day;
        var mobileRows = db.SmsCodes.AsNoTracking().Where(x => x.Mobile == mobile && x.SentAt > since);
        var last = await mobileRows.OrderByDescending(x => x.SentAt).Select(x => (DateTime?)x.SentAt)
            .FirstOrDefaultAsync(ct);
        var mobileToday = await mobileRows.CountAsync(ct);
        var addressToday = await db.SmsCodes.CountAsync(x => x.ClientAddress == address && x.SentAt > since, ct);
        var refusal = SmsCode.SendRefusal(last, mobileToday, addressToday, now, settings.SmsPolicy);
        if (refusal is null && !await TakeIntervalAsync(mobile, now, ct)) refusal = SmsCode.TooSoonMessage;
        if (refusal is not null) throw new BusinessException(refusal, ErrorCodes.TooManyAttempts);
        var row = SmsCode.Record(mobile, code, address, now);
        db.SmsCodes.Add(row);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return row;
    }

    /// <summary>
    /// Takes the mobile's 60-s interval by one conditional UPDATE of its guard row, or by inserting it (the primary key
    /// lets one of two racing inserts win): exact across requests and nodes on both providers.
    /// </summary>
    private async Task<bool> TakeIntervalAsync(string mobile, DateTime now, CancellationToken ct)
    {
        var taken = await db.SmsSendGuards.Where(SmsSendGuard.Free(mobile, now))
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.LastSentAt, now), ct);
        if (taken == 1) return true;
        if (await db.SmsSendGuards.AnyAsync(g => g.Mobile == mobile, ct)) return false;
        db.SmsSendGuards.Add(new SmsSendGuard { Mobile = mobile, LastSentAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            return false;
        }
    }
}
