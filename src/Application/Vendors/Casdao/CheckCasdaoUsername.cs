using System.Text.Json.Nodes;
using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.Casdao;

/// <summary>
/// CAS-01 <c>POST /casdao/register_existence.dspy</c> 检测账号是否存在: asks Casdao whether <c>username</c> (required)
/// is registered there, with the caller's operator's Casdao key. "使用手机号查询没有作用 只能是用户名": a mobile-looking
/// name is sent as a name like any other (and simply not found). <c>data</c> = true (账号已存在) / false (账号不存在).
/// No local state (§2.6). spec: 29-casdao.md; analysis/vendors.md §3.5 CAS-01, §4.8.
/// </summary>
public sealed record CheckCasdaoUsername : IQuery<Reply<bool?>>
{
    public string? Username { get; init; }
}

public sealed class CheckCasdaoUsernameValidator : AbstractValidator<CheckCasdaoUsername>
{
    public CheckCasdaoUsernameValidator() => RuleFor(x => x.Username).Required().MaxChars(64);
}

public sealed class CheckCasdaoUsernameHandler(VendorAccounts accounts, ICurrentUser user)
    : IQueryHandler<CheckCasdaoUsername, Reply<bool?>>
{
    /// <summary>The vendor's name in messages.</summary>
    public const string System = "互联云";

    public async ValueTask<Reply<bool?>> Handle(CheckCasdaoUsername q, CancellationToken ct)
    {
        var key = await accounts.KeyForAsync(VendorCodes.Casdao, System, user.OrgId ?? "", ct);
        var data = await accounts.CallAsync(VendorCodes.Casdao, System, key, VendorRequest.Read("UserExists",
            "/api/v1/user/exists", new JsonObject { ["username"] = q.Username.Trimmed() }), ct);
        var exists = VendorJson.Str(data, "exists") == "true";
        return Reply.Ok<bool?>(exists ? "账号已存在" : "账号不存在", exists);
    }
}
