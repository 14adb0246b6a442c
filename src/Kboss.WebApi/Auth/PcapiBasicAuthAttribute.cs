using Kboss.Application.Pcapi;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Kboss.WebApi.Auth;

/// <summary>
/// pcapi endpoints: HTTP Basic against a centre's <c>api_user</c>/<c>api_pwd</c> (<see cref="PcapiAuthenticator"/>).
/// A missing or wrong header gets HTTP 401 with <c>WWW-Authenticate: Basic</c> and the pcapi envelope
/// <c>{"status": false, "info": "…", "data": ""}</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PcapiBasicAuthAttribute : Attribute, IAsyncAuthorizationFilter
{
    /// <summary>Info of a refused call.</summary>
    public const string Refused = "认证失败: Authorization 需要算力中心的 API 账号和密码 (HTTP Basic)";

    /// <inheritdoc />
    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var authenticator = http.RequestServices.GetRequiredService<PcapiAuthenticator>();
        if (await authenticator.AuthenticateAsync(http.Request.Headers.Authorization.ToString(), http.RequestAborted) is not null) return;
        http.Response.Headers.WWWAuthenticate = "Basic realm=\"pcapi\", charset=\"UTF-8\"";
        context.Result = new ObjectResult(new PcapiReply(false, Refused, "") { Code = Application.Common.Models.ErrorCodes.Unauthenticated }) { StatusCode = StatusCodes.Status401Unauthorized };
    }
}
