using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Pcapi;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Kboss.WebApi.Contract;

/// <summary>
/// HTTP Basic authentication of the pcapi endpoints (spec: 36-cpcc-pcapi.md, header <c>Authorization</c>): the user and
/// password must be some centre's <c>api_user</c>/<c>api_pwd</c> (<see cref="PcapiCaller"/>). Missing or wrong → HTTP 401
/// with <c>WWW-Authenticate: Basic</c> and the pcapi envelope. Runs before binding and validation.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PcapiBasicAuthAttribute : Attribute, IAsyncAuthorizationFilter
{
    /// <summary>Message of a refused or missing Authorization header.</summary>
    public const string Refused = "认证失败: 请使用算力中心的接口账号和密码进行 Basic 认证 (pcapi)";

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var outcome = TryParse(http.Request.Headers.Authorization.ToString(), out var user, out var password)
            ? await http.RequestServices.GetRequiredService<PcapiCaller>().AuthenticateAsync(user, password,
                http.Connection.RemoteIpAddress?.ToString() ?? "", http.RequestAborted)
            : null;
        if (outcome?.Result == SignInStatus.Succeeded) return;
        http.Response.Headers.WWWAuthenticate = "Basic realm=\"pcapi\", charset=\"UTF-8\"";
        var throttled = outcome?.Result == SignInStatus.Throttled;
        if (throttled)
            http.Response.Headers.RetryAfter = outcome!.WaitSeconds.ToString(CultureInfo.InvariantCulture);
        context.Result = new ObjectResult(new PcapiReply<string>
        {
            Status = false, Info = throttled ? outcome!.ThrottledMessage : Refused, Data = "",
            Code = throttled ? ErrorCodes.TooManyAttempts : ErrorCodes.Unauthenticated,
        })
        {
            StatusCode = StatusCodes.Status401Unauthorized,
        };
    }

    /// <summary>Parses <c>Basic base64(user:password)</c> (UTF-8).</summary>
    public static bool TryParse(string header, out string user, out string password)
    {
        user = password = "";
        if (!AuthenticationHeaderValue.TryParse(header, out var value) || !"Basic".Equals(value.Scheme, StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrEmpty(value.Parameter)) return false;
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }
        var colon = decoded.IndexOf(':');
        if (colon <= 0) return false;
        (user, password) = (decoded[..colon], decoded[(colon + 1)..]);
        return true;
    }
}

/// <summary>
/// Renders the use-case exceptions of pcapi endpoints in the pcapi envelope <c>{status, info, data: "", code}</c>
/// (validation adds <c>errors</c>); HTTP status as for kboss endpoints. Runs before the global kboss filter.
/// </summary>
public sealed class PcapiEnvelopeAttribute : ExceptionFilterAttribute
{
    public override void OnException(ExceptionContext context)
    {
        (int Status, PcapiReply<string> Body)? mapped = context.Exception switch
        {
            RequestValidationException v => (200, new PcapiReply<string> { Info = v.Message, Data = "", Code = ErrorCodes.InvalidArgument, Errors = v.Errors }),
            BusinessException b => (200, new PcapiReply<string> { Info = b.Message, Data = "", Code = b.Code }),
            UnauthenticatedException u => (401, new PcapiReply<string> { Info = u.Message, Data = "", Code = ErrorCodes.Unauthenticated }),
            ForbiddenException f => (403, new PcapiReply<string> { Info = f.Message, Data = "", Code = ErrorCodes.Forbidden }),
            _ => null,
        };
        if (mapped is null) return;
        context.Result = new ObjectResult(mapped.Value.Body) { StatusCode = mapped.Value.Status };
        context.ExceptionHandled = true;
    }
}
