using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.JdCloud;

/// <summary>Whether a mobile/user already has a JD Cloud account.</summary>
/// <param name="Synced">True when it has.</param>
public sealed record JdSyncState(bool Synced);

/// <summary>
/// JD-01 <c>GET /jdcloud/check_user_info.dspy</c> 检验手机号是否已经同步: "已经同步返回 false 没有同步返回 true" —
/// <c>status</c> true (该手机号未同步) when neither the user <c>userid</c> (default the caller) nor <c>mobile</c> is
/// linked locally and JD does not know the mobile; else <c>status</c> false, code <c>conflict</c>,
/// 该手机号已同步京东云账号. <c>data.synced</c> says it explicitly (§6 #21). spec: 25-jd-cloud.md;
/// analysis/vendors.md §3.4 JD-01.
/// </summary>
public sealed record CheckJdUser : IQuery<Reply<JdSyncState>>
{
    /// <summary>Mobile (11 digits).</summary>
    public string? Mobile { get; init; }
    /// <summary>kboss user.</summary>
    public string? Userid { get; init; }
}

public sealed class CheckJdUserValidator : AbstractValidator<CheckJdUser>
{
    public CheckJdUserValidator()
    {
        RuleFor(x => x.Mobile).Must(v => string.IsNullOrWhiteSpace(v) || JdCalls.IsMobile(v.Trim()))
            .WithMessage("mobile 必须是 11 位手机号");
        RuleFor(x => x.Userid).MaxChars(64);
    }
}

public sealed class CheckJdUserHandler(IKbossDbContext db, VendorAccounts accounts)
    : IQueryHandler<CheckJdUser, Reply<JdSyncState>>
{
    public async ValueTask<Reply<JdSyncState>> Handle(CheckJdUser q, CancellationToken ct)
    {
        var user = await accounts.UserAsync(q.Userid, ct);
        var mobile = q.Mobile.TrimmedOrNull();
        var synced = await db.VendorAccounts.AnyAsync(a => a.Vendor == VendorCodes.JdCloud
            && (a.UserId == user.Id || (mobile != null && a.Mobile == mobile)), ct);
        if (!synced && mobile is not null)
        {
            var key = await accounts.KeyForAsync(VendorCodes.JdCloud, JdCalls.System, user.OrgId, ct);
            var data = await accounts.CallAsync(VendorCodes.JdCloud, JdCalls.System, key, JdCalls.CheckMobile(mobile), ct);
            synced = VendorJson.Str(data, "registered") == "true";
        }
        return synced
            ? Reply.Fail(JdCalls.SyncedMessage, ErrorCodes.Conflict, new JdSyncState(true))
            : Reply.Ok("该手机号未同步", new JdSyncState(false));
    }
}
