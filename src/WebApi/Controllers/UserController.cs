using Kboss.Application.Common.Models;
using Kboss.Application.Identity;
using Kboss.Application.Identity.Accounts;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>Login, logout, the current user, and creating orgs and users (analysis/platform.md §6; not in the legacy document).</summary>
[Tags("用户与登录")]
public sealed class UserController(IMediator mediator) : ControllerBase
{
    /// <summary>登录: username + password → JWT in data.token and the HttpOnly cookie kboss_token.</summary>
    [LegacyPost("/user/login.dspy")]
    [AllowAnonymous]
    [SetsSessionCookies]
    public ValueTask<Reply<LoginResult>> Login([FromLegacyParams] Login c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>退出登录: revokes the token and clears the cookies.</summary>
    [LegacyPost("/user/logout.dspy")]
    [AllowAnonymous]
    [ClearsSessionCookies]
    public ValueTask<Reply<object>> Logout([FromLegacyParams] Logout c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>当前登录用户</summary>
    [LegacyGet("/user/current_user.dspy")]
    public ValueTask<Reply<CurrentUserDto>> Current([FromLegacyParams] GetCurrentUser q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>新建组织 (admin: any kind; operator: customer/provider/reseller orgs it owns).</summary>
    [LegacyPost("/user/add_org.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<OrganizationDto>> AddOrg([FromLegacyParams] AddOrganization c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>新建用户 (in the caller's org or one it may act on).</summary>
    [LegacyPost("/user/add_user.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<UserDto>> AddUser([FromLegacyParams] AddUser c, CancellationToken ct) => mediator.Send(c, ct);

    // Accounts (issue 10, ADR 0025)

    /// <summary>组织列表 (admin: all; operator: its org and the orgs it owns; others: their own org).</summary>
    [LegacyGet("/user/list_orgs.dspy")]
    public ValueTask<Reply<Paged<OrgRowDto>>> ListOrgs([FromLegacyParams] ListOrganizations q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>用户列表 (the users of the orgs the caller may see).</summary>
    [LegacyGet("/user/list_users.dspy")]
    public ValueTask<Reply<Paged<AccountDto>>> ListUsers([FromLegacyParams] ListUsers q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>修改自己的密码: old_password + new_password; ends every session, answers with a fresh login.</summary>
    [LegacyPost("/user/change_password.dspy")]
    [SetsSessionCookies]
    public ValueTask<Reply<LoginResult>> ChangePassword([FromLegacyParams] ChangePassword c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>重置用户密码 (admin; operator: users of the orgs it owns); no new_password: one is generated.</summary>
    [LegacyPost("/user/reset_password.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<PasswordResetDto>> ResetPassword([FromLegacyParams] ResetPassword c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>停用用户: it can't sign in and its tokens stop working.</summary>
    [LegacyPost("/user/disable_user.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<AccountDto>> DisableUser([FromLegacyParams] DisableUser c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>启用用户.</summary>
    [LegacyPost("/user/enable_user.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<AccountDto>> EnableUser([FromLegacyParams] EnableUser c, CancellationToken ct) =>
        mediator.Send(c, ct);
}
