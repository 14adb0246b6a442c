using Kboss.Application.Common.Interfaces;

namespace Kboss.WebApi.Auth;

/// <summary><see cref="IRequestContext"/> from the current HTTP request.</summary>
public sealed class HttpRequestContext(IHttpContextAccessor accessor) : IRequestContext
{
    public string ClientIp => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "";
    public string UserAgent => accessor.HttpContext?.Request.Headers.UserAgent.ToString() ?? "";
}
