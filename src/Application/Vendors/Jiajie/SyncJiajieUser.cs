using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.Jiajie;

/// <summary>The user's Jiajie account.</summary>
/// <param name="Userid">kboss user.</param>
/// <param name="JiajieAccountId">Jiajie's account id.</param>
public sealed record JiajieAccountData(string Userid, string JiajieAccountId);

/// <summary>
/// ALI-02 <c>GET /ali/jiajie_sync_user.dspy</c> 佳杰用户同步: creates (or links) the Jiajie account of <c>userid</c>
/// ("不是必传参数": default the caller) and stores the link; a user already linked answers 该用户已同步 with its account
/// and no call (idempotent). spec: 14-aliyun.md; analysis/vendors.md §3.2 ALI-02, §2.2 E-ALI-1.
/// </summary>
public sealed record SyncJiajieUser : ICommand<Reply<JiajieAccountData>>
{
    public string? Userid { get; init; }
}

public sealed class SyncJiajieUserValidator : AbstractValidator<SyncJiajieUser>
{
    public SyncJiajieUserValidator() => RuleFor(x => x.Userid).MaxChars(64);
}

public sealed class SyncJiajieUserHandler(VendorAccounts accounts)
    : ICommandHandler<SyncJiajieUser, Reply<JiajieAccountData>>
{
    public async ValueTask<Reply<JiajieAccountData>> Handle(SyncJiajieUser c, CancellationToken ct)
    {
        var user = await accounts.UserAsync(c.Userid, ct);
        if (await accounts.LinkAsync(VendorCodes.Jiajie, user.Id, ct) is { } linked)
            return Reply.Ok(VendorAccounts.AlreadyLinkedMessage, new JiajieAccountData(user.Id, linked.VendorAccountId));
        var key = await accounts.KeyForAsync(VendorCodes.Jiajie, JiajieCalls.System, user.OrgId, ct);
        var data = await accounts.CallAsync(VendorCodes.Jiajie, JiajieCalls.System, key,
            JiajieCalls.SyncUser(user.Id, user.Username, user.OrgId), ct);
        var id = VendorJson.Str(data, "accountId") is { Length: > 0 and <= VendorAccount.VendorIdLength } a
            ? a : throw new BusinessException($"{JiajieCalls.System}应答中没有账号ID", ErrorCodes.UpstreamFailed);
        await accounts.AddLinkAsync(new VendorAccount
        {
            Vendor = VendorCodes.Jiajie, UserId = user.Id, Username = user.Username, OrgId = user.OrgId,
            OperatorOrgId = key.OperatorOrgId, VendorAccountId = id,
        }, new { userid = user.Id, jiajie_account_id = id }, ct);
        return Reply.Ok("同步成功", new JiajieAccountData(user.Id, id));
    }
}
