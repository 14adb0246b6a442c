using System.Net.Http.Headers;
using System.Text;
using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Pcapi;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Kboss.WebApi.Contract;

/// <summary>
/// HTTP Basic authentication of the pcapi endpoints (spec: 36-cpcc-pcapi.md, header <c>Authorization</c> required)
/// against a centre's <c>api_user</c>/<c>api_pwd</c> (<see cref="PcapiCredentials"/>). Missing or wrong credentials →
/// 401 with the pcapi envelope and a <c>WWW-Authenticate: Basic</c> challenge.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PcapiBasicAuthAttribute : Attribute, IAsyncAuthorizationFilter
{
    /// <summary>Message of a refused request.</summary>
    public const string Refused = "认证失败: 需要有效的算力中心 API 账号和密码 (HTTP Basic)";

    /// <inheritdoc />
    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (TryRead(http.Request.Headers.Authorization.ToString(), out var user, out var password)
            && await http.RequestServices.GetRequiredService<PcapiCredentials>().VerifyAsync(user, password, http.RequestAborted))
            return;
        http.Response.Headers.WWWAuthenticate = "Basic realm=\"pcapi\", charset=\"UTF-8\"";
        context.Result = new ObjectResult(new PcapiReply { Status = false, Info = Refused, Code = ErrorCodes.Unauthenticated }) { StatusCode = 401 };
    }

    /// <summary>Reads <c>Basic base64(user:password)</c>.</summary>
    public static bool TryRead(string header, out string user, out string password)
    {
        user = password = "";
        if (!AuthenticationHeaderValue.TryParse(header, out var value) || !"Basic".Equals(value.Scheme, StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrEmpty(value.Parameter)) return false;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
            var i = text.IndexOf(':', StringComparison.Ordinal);
            if (i <= 0) return false;
            (user, password) = (text[..i], text[(i + 1)..]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>
/// The pcapi form of early outcomes: validation and business failures → HTTP 200 <c>{"status": false, "info", "data": null}</c>
/// (plus <c>code</c>, <c>errors</c> never needed by pcapi callers). Runs before the global envelope filter.
/// </summary>
public sealed class PcapiExceptionFilterAttribute : Attribute, IExceptionFilter
{
    /// <inheritdoc />
    public void OnException(ExceptionContext context)
    {
        PcapiReply? reply = context.Exception switch
        {
            RequestValidationException v => new PcapiReply { Status = false, Info = v.Message, Code = ErrorCodes.InvalidArgument },
            BusinessException b => new PcapiReply { Status = false, Info = b.Message, Code = b.Code },
            _ => null,
        };
        if (reply is null) return;
        context.Result = new ObjectResult(reply) { StatusCode = 200 };
        context.ExceptionHandled = true;
    }
}
