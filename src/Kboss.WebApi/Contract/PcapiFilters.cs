using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Pcapi;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Kboss.WebApi.Contract;

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
