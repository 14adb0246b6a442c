using System.Security.Cryptography;
using Kboss.Application.Common.Interfaces;

namespace Kboss.WebApi.Auth;

/// <summary>
/// <see cref="IBrowserSession"/> from the HttpOnly cookie <see cref="Cookie"/> (256 random bits, SameSite=Lax, 10
/// minutes), set on the response when the request has none. Binds a WeChat login state to the browser that polls it.
/// </summary>
public sealed class BrowserSession(IHttpContextAccessor accessor) : IBrowserSession
{
    /// <summary>The cookie's name.</summary>
    public const string Cookie = "kboss_wx_browser";

    public string Key()
    {
        var http = accessor.HttpContext ?? throw new InvalidOperationException("no HTTP request");
        if (http.Request.Cookies.TryGetValue(Cookie, out var key) && key.Length is >= 32 and <= 128) return key;
        if (http.Items[Cookie] is string issued) return issued;
        key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=')
            .Replace('+', '-').Replace('/', '_');
        http.Items[Cookie] = key;
        http.Response.Cookies.Append(Cookie, key, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, Path = "/",
            MaxAge = TimeSpan.FromMinutes(10),
        });
        return key;
    }
}
