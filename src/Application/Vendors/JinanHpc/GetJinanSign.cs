using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.JinanHpc;

/// <summary>The SSO sign (a secret: only in this reply).</summary>
public sealed record HpcSignView(string Sign, string? Url);

/// <summary>HPC-10's envelope: the usual one plus the documented top-level <c>warn_msg</c> (null or the text).
/// </summary>
public sealed record HpcSignReply(
    [property: JsonPropertyOrder(0)] bool Status,
    [property: JsonPropertyOrder(1)] string Msg,
    [property: JsonPropertyOrder(2)] HpcSignView Data,
    [property: JsonPropertyOrder(3)] string? WarnMsg);

/// <summary>
/// HPC-10 <c>POST /hpc/jnan_get_sign.dspy</c> 获取sign: the centre's portal SSO sign for the caller (<c>userid</c>
/// must be the caller's own; <c>username</c> defaults to its login) on its org's bound account (none → not_found
/// 请联系售后绑定). Top-level <c>warn_msg</c> = null when every purchase of the org is synced, else the spec's
/// "您当前有未同步的购买信息, 请联系售后同步". The sign is never stored or logged; the issue is audited without it.
/// spec: 09-jinan-hpc.md; analysis/vendors.md §3.1, §5.4.
/// </summary>
public sealed record GetJinanSign : ICommand<HpcSignReply>
{
    /// <summary>The user (default: the caller).</summary>
    public string? Userid { get; init; }
    /// <summary>The user's name shown by the portal (default: the caller's login).</summary>
    public string? Username { get; init; }
}

public sealed class GetJinanSignValidator : AbstractValidator<GetJinanSign>
{
    public GetJinanSignValidator()
    {
        RuleFor(x => x.Userid).MaxChars(64);
        RuleFor(x => x.Username).MaxChars(100);
    }
}

public sealed class GetJinanSignHandler(IKbossDbContext db, ICurrentUser user, IJinanHpcClient client,
    JinanHpcService hpc) : ICommandHandler<GetJinanSign, HpcSignReply>
{
    public async ValueTask<HpcSignReply> Handle(GetJinanSign c, CancellationToken ct)
    {
        var userId = user.UserId ?? throw new UnauthenticatedException();
        if (c.Userid.TrimmedOrNull() is { } asked && asked != userId)
            throw new ForbiddenException("只能获取自己的超算登录sign");
        var orgId = user.OrgId!;
        var account = await hpc.BoundAsync(orgId, ct)
                      ?? throw BusinessException.NotFound("您还没有超算账号,请联系售后绑定");
        var key = await hpc.KeyForAsync(orgId, ct);
        var sign = (await client.GetSignAsync(key, userId, c.Username.TrimmedOrNull() ?? user.Username ?? userId,
            account.LdapUid, ct)).OrThrow(JinanHpcService.System);
        var pending = await db.HpcSyncInfos.AsNoTracking()
            .AnyAsync(s => s.OrgId == orgId && s.SyncStatus != HpcSyncStates.Synced, ct);
        db.AuditEntries.Add(Audit.Entry(user, "hpc.sign.issued", "hpc_ldap_account", account.Id,
            new { orgid = orgId, ldapuid = account.LdapUid }));
        await db.SaveChangesAsync(ct);
        return new HpcSignReply(true, "获取成功", new HpcSignView(sign.Sign, sign.Url),
            pending ? JinanHpcService.UnsyncedWarning : null);
    }
}
