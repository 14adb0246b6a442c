using System.Security.Cryptography;
using System.Text;
using Kboss.Application.Common.Models;
using Kboss.Application.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Kboss.WebApi.Auth;

/// <summary>
/// Browser sessions: the access token also travels in the HttpOnly cookie <see cref="TokenCookie"/>; a request
/// authenticated by that cookie that changes state (a mediator command) must carry the header <c>X-CSRF-TOKEN</c>
/// equal to the <see cref="CsrfCookie"/> cookie, or <c>X-Requested-With: XMLHttpRequest</c> (analysis/platform.md
/// §6.5). Bearer-token requests are exempt.
/// </summary>
public static class SessionCookies
{
    /// <summary>HttpOnly cookie holding the JWT.</summary>
    public const string TokenCookie = "kboss_token";
    /// <summary>Readable cookie holding the CSRF token (double submit).</summary>
    public const string CsrfCookie = "kboss_csrf";
    /// <summary>HttpContext item set when a <em>valid</em> token came from the cookie.</summary>
    public const string ViaCookieItem = "kboss.auth_via_cookie";
    /// <summary>HttpContext item set when a token was read from the cookie (before validation).</summary>
    public const string FromCookieItem = "kboss.token_from_cookie";
}

/// <summary>After a successful login, sets the session and CSRF cookies.</summary>
public sealed class SetsSessionCookiesAttribute : ResultFilterAttribute
{
    public override void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is not ObjectResult { Value: Reply<LoginResult> { Status: true, Data: { } login } }) return;
        var http = context.HttpContext;
        var expires = new DateTimeOffset(DateTime.SpecifyKind(login.ExpiresAt, DateTimeKind.Utc));
        http.Response.Cookies.Append(SessionCookies.TokenCookie, login.Token, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, Expires = expires, Path = "/",
        });
        http.Response.Cookies.Append(SessionCookies.CsrfCookie, login.CsrfToken, new CookieOptions
        {
            HttpOnly = false, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, Expires = expires, Path = "/",
        });
    }
}

/// <summary>On logout, deletes the session and CSRF cookies.</summary>
public sealed class ClearsSessionCookiesAttribute : ResultFilterAttribute
{
    public override void OnResultExecuting(ResultExecutingContext context)
    {
        context.HttpContext.Response.Cookies.Delete(SessionCookies.TokenCookie, new CookieOptions { Path = "/" });
        context.HttpContext.Response.Cookies.Delete(SessionCookies.CsrfCookie, new CookieOptions { Path = "/" });
    }
}

/// <summary>
/// Global filter enforcing the CSRF rule of <see cref="SessionCookies"/> before any command runs: the header must
/// equal the session's CSRF token (<see cref="Application.Common.Interfaces.ITokenService.CsrfTokenFor"/>), so a
/// planted cookie does not help. Anonymous requests and stale cookies are not subject to it.
/// </summary>
public sealed class CsrfFilter(Application.Common.Interfaces.ITokenService tokens, Application.Common.Interfaces.ICurrentUser user) : IAsyncActionFilter
{
    public Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var http = context.HttpContext;
        var changesState = context.ActionArguments.Values.Any(a => a is Mediator.IBaseCommand);
        if (!changesState || !user.IsAuthenticated || !http.Items.ContainsKey(SessionCookies.ViaCookieItem) || HasValidToken(http)) return next();
        context.Result = new ObjectResult(Reply.Fail<object>("CSRF 校验失败: X-CSRF-TOKEN 请求头缺失或不正确(取值见 kboss_csrf cookie)", "csrf_failed")) { StatusCode = 403 };
        return Task.CompletedTask;
    }

    private bool HasValidToken(HttpContext http)
    {
        if (http.Request.Headers["X-Requested-With"] == "XMLHttpRequest") return true;
        var header = http.Request.Headers["X-CSRF-TOKEN"].ToString();
        if (header.Length == 0 || user.TokenId is not { } jti) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header), Encoding.UTF8.GetBytes(tokens.CsrfTokenFor(jti)));
    }
}
