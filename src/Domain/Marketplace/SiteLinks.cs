namespace Kboss.Domain.Marketplace;

/// <summary>
/// The one written form of a site address (<c>url_link</c>, ADR 0017): an absolute http(s) URL in lower case ASCII
/// (an international domain in its punycode form), no user info, query or fragment, no trailing slash, and the port
/// only when it is not the scheme's default — e.g. <c>https://demo.kboss</c>, <c>https://kaiyuancloud.cn/shop</c>.
/// A site can only be registered under this form, so two spellings of one address (<c>HTTPS://Demo.kboss/</c>,
/// <c>https://demo.kboss#x</c>, a full-width or zero-width character) can't become two sites owned by two orgs.
/// </summary>
public static class SiteLinks
{
    /// <summary>Message when a new site's address is not in its written form.</summary>
    public const string NotCanonical =
        "url_link 必须是站点的规范地址: 小写的 http(s) 地址,不含查询、锚点和结尾的斜杠,如 https://example.com";

    /// <summary>The written form of <paramref name="urlLink"/>, or null when it is no http(s) address.</summary>
    public static string? Canonical(string urlLink)
    {
        if (urlLink.Any(c => c is <= ' ' or > '~')) return null; // ASCII only, no spaces or controls
        if (!Uri.TryCreate(urlLink, UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0 || uri.Host.Length == 0) return null;
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port;
        var path = uri.AbsolutePath.TrimEnd('/');
        return $"{uri.Scheme}://{uri.IdnHost.ToLowerInvariant()}{port}{path}";
    }

    /// <summary>True when <paramref name="urlLink"/> is already in its written form.</summary>
    public static bool IsCanonical(string urlLink) =>
        Canonical(urlLink) is { } canonical && string.Equals(canonical, urlLink, StringComparison.Ordinal);
}
