using Kboss.Application.Common.Models;
using Kboss.Application.Identity;
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
}
