using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.Jiajie;

/// <summary>
/// ALI-03 <c>GET /ali/jiajie_get_token_redirect.dspy</c> 佳杰获取跳转链接: a link that logs the user <c>userid</c>
/// (default the caller) into the Jiajie/Aliyun console; <c>data</c> = the link (a string, as documented). Not synced
/// → not_found 请先同步佳杰用户 (§6 #14). The link carries a token: never logged, audited without it.
/// spec: 14-aliyun.md; analysis/vendors.md §3.2 ALI-03.
/// </summary>
public sealed record GetJiajieRedirect : ICommand<Reply<string>>
{
    public string? Userid { get; init; }
}

public sealed class GetJiajieRedirectValidator : AbstractValidator<GetJiajieRedirect>
{
    public GetJiajieRedirectValidator() => RuleFor(x => x.Userid).MaxChars(64);
}

public sealed class GetJiajieRedirectHandler(VendorAccounts accounts) : ICommandHandler<GetJiajieRedirect, Reply<string>>
{
    public async ValueTask<Reply<string>> Handle(GetJiajieRedirect c, CancellationToken ct)
    {
        var (link, data) = await accounts.CallLinkedAsync(VendorCodes.Jiajie, JiajieCalls.System, c.Userid,
            JiajieCalls.NotLinkedMessage, l => JiajieCalls.TokenRedirect(l.VendorAccountId), ct);
        var url = VendorJson.Str(data, "redirectUrl", "url")
                  ?? throw new BusinessException($"{JiajieCalls.System}应答中没有跳转链接", ErrorCodes.UpstreamFailed);
        await accounts.AuditAsync("jiajie.redirect.issued", "vendor_account", link.Id,
            new { userid = link.UserId, jiajie_account_id = link.VendorAccountId });
        return Reply.Ok("获取成功", url);
    }
}
