using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.Baidu;

/// <summary>A Baidu console login token (never logged; audited without it).</summary>
/// <param name="Tokenid">The token.</param>
/// <param name="ExpiresAt">Expiry as Baidu sent it, or null.</param>
/// <param name="LoginUrl">Console login URL, or null.</param>
public sealed record BaiduToken(string Tokenid, string? ExpiresAt, string? LoginUrl);

/// <summary>
/// BD-01 <c>GET /baiduc/get_tokenid.dspy</c> 获取tokenid: a console login token of the Baidu sub-account of
/// <c>userid</c> (default the caller; another user only in an org the caller may act on). Not linked →
/// <c>not_found</c> 该用户未开通百度云账号. <c>data</c> = <c>{tokenid, expires_at, login_url}</c>; the token is
/// audited without its value. spec: 18-baidu-cloud.md; analysis/vendors.md §3.3 BD-01, §5.4.
/// </summary>
public sealed record GetBaiduToken : ICommand<Reply<BaiduToken>>
{
    /// <summary>kboss user.</summary>
    public string? Userid { get; init; }
}

public sealed class GetBaiduTokenValidator : AbstractValidator<GetBaiduToken>
{
    public GetBaiduTokenValidator() => RuleFor(x => x.Userid).MaxChars(64);
}

public sealed class GetBaiduTokenHandler(VendorAccounts accounts)
    : ICommandHandler<GetBaiduToken, Reply<BaiduToken>>
{
    public async ValueTask<Reply<BaiduToken>> Handle(GetBaiduToken c, CancellationToken ct)
    {
        var (link, data) = await accounts.CallLinkedAsync(VendorCodes.Baidu, BaiduService.System, c.Userid,
            BaiduService.NotLinkedMessage, l => BaiduCalls.LoginToken(l.VendorAccountId), ct);
        var token = VendorJson.Str(data, "tokenId", "token")
                    ?? throw new Common.BusinessException($"{BaiduService.System}应答中没有token",
                        ErrorCodes.UpstreamFailed);
        await accounts.AuditAsync("baidu.token.issued", "vendor_account", link.Id,
            new { userid = link.UserId, baidu_id = link.VendorAccountId });
        return Reply.Ok("获取成功", new BaiduToken(token, VendorJson.Str(data, "expireTime", "expiresAt"),
            VendorJson.Str(data, "loginUrl")));
    }
}
