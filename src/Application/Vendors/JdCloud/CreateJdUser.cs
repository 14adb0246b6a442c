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

/// <summary>The JD account created.</summary>
/// <param name="Userid">kboss user.</param>
/// <param name="JdAccountId">JD's customer pin.</param>
public sealed record JdAccountData(string Userid, string JdAccountId);

/// <summary>
/// JD-03 <c>GET /jdcloud/create_user.dspy</c> 创建京东用户: creates the JD Cloud customer of <c>userid</c> with
/// <c>username</c>, <c>mobile</c> and the SMS <c>verificationcode</c> the user typed (all required; the code is sent to
/// JD, never stored or audited) and links it. A user already linked → 该用户已同步, a mobile linked to another user →
/// 该手机号已同步京东云账号 (conflict, no call); JD's refusal (a wrong or expired code) → upstream_failed with JD's
/// message. spec: 25-jd-cloud.md; analysis/vendors.md §3.4 JD-03.
/// </summary>
public sealed record CreateJdUser : ICommand<Reply<JdAccountData>>
{
    public string? Userid { get; init; }
    public string? Username { get; init; }
    public string? Mobile { get; init; }
    /// <summary>用户输入的短信验证码.</summary>
    public string? Verificationcode { get; init; }
}

public sealed class CreateJdUserValidator : AbstractValidator<CreateJdUser>
{
    public CreateJdUserValidator()
    {
        RuleFor(x => x.Userid).Required().MaxChars(64);
        RuleFor(x => x.Username).Required().MaxChars(64);
        RuleFor(x => x.Mobile).Required().Must(v => JdCalls.IsMobile(v?.Trim())).WithMessage("mobile 必须是 11 位手机号");
        RuleFor(x => x.Verificationcode).Required().MaxChars(16);
    }
}

public sealed class CreateJdUserHandler(IKbossDbContext db, VendorAccounts accounts)
    : ICommandHandler<CreateJdUser, Reply<JdAccountData>>
{
    public async ValueTask<Reply<JdAccountData>> Handle(CreateJdUser c, CancellationToken ct)
    {
        var user = await accounts.UserAsync(c.Userid, ct);
        var mobile = c.Mobile.Trimmed();
        if (await accounts.LinkAsync(VendorCodes.JdCloud, user.Id, ct) is not null)
            throw BusinessException.Conflict(VendorAccounts.AlreadyLinkedMessage);
        if (await db.VendorAccounts.AnyAsync(a => a.Vendor == VendorCodes.JdCloud && a.Mobile == mobile, ct))
            throw BusinessException.Conflict(JdCalls.SyncedMessage);
        var key = await accounts.KeyForAsync(VendorCodes.JdCloud, JdCalls.System, user.OrgId, ct);
        var data = await accounts.CallAsync(VendorCodes.JdCloud, JdCalls.System, key,
            JdCalls.CreateCustomer(c.Username.Trimmed(), mobile, c.Verificationcode.Trimmed()), ct);
        var pin = VendorJson.Str(data, "pin", "customerId") is { Length: > 0 and <= VendorAccount.VendorIdLength } p
            ? p : throw new BusinessException($"{JdCalls.System}应答中没有账号ID", ErrorCodes.UpstreamFailed);
        await accounts.AddLinkAsync(new VendorAccount
        {
            Vendor = VendorCodes.JdCloud, UserId = user.Id, Username = user.Username, OrgId = user.OrgId,
            OperatorOrgId = key.OperatorOrgId, VendorAccountId = pin, Mobile = mobile,
        }, new { userid = user.Id, jd_account_id = pin, mobile }, ct);
        return Reply.Ok("创建成功", new JdAccountData(user.Id, pin));
    }
}
