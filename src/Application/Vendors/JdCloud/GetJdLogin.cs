using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.JdCloud;

/// <summary>A console login link (never logged; audited without it).</summary>
/// <param name="Url">The link.</param>
public sealed record JdLogin(string Url);

/// <summary>
/// JD-04 <c>GET /jdcloud/jdcloud_auth.dspy</c> 用户登录: a JD Cloud console login URL for the JD account of
/// <c>userid</c> (default the caller). Not linked → not_found 该用户未开通京东云账号. spec: 25-jd-cloud.md;
/// analysis/vendors.md §3.4 JD-04, §5.4.
/// </summary>
public sealed record GetJdLogin : ICommand<Reply<JdLogin>>
{
    public string? Userid { get; init; }
}

public sealed class GetJdLoginValidator : AbstractValidator<GetJdLogin>
{
    public GetJdLoginValidator() => RuleFor(x => x.Userid).MaxChars(64);
}

public sealed class GetJdLoginHandler(VendorAccounts accounts) : ICommandHandler<GetJdLogin, Reply<JdLogin>>
{
    public async ValueTask<Reply<JdLogin>> Handle(GetJdLogin c, CancellationToken ct)
    {
        var (link, data) = await accounts.CallLinkedAsync(VendorCodes.JdCloud, JdCalls.System, c.Userid,
            JdCalls.NotLinkedMessage, l => JdCalls.LoginUrl(l.VendorAccountId), ct);
        var url = VendorJson.Str(data, "url", "loginUrl")
                  ?? throw new BusinessException($"{JdCalls.System}应答中没有登录地址", ErrorCodes.UpstreamFailed);
        await accounts.AuditAsync("jdcloud.login.issued", "vendor_account", link.Id,
            new { userid = link.UserId, jd_account_id = link.VendorAccountId });
        return Reply.Ok("获取成功", new JdLogin(url));
    }
}
