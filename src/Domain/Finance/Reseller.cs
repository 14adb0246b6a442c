using System.Text.RegularExpressions;
using Kboss.Domain.Common;

namespace Kboss.Domain.Finance;

/// <summary>
/// 分销商 (table <c>reseller</c>, finance.md §2.9): the white-label identity of a reseller org — domain, logo, ICP
/// filing number, licence image. One live row per reseller org (its id is the documented <c>reseller_table_id</c>);
/// a domain belongs to one live reseller at most and is freed when the reseller is deleted (RSL-07).
/// </summary>
public sealed partial class Reseller : Entity, ISoftDeletable
{
    /// <summary>A domain another live reseller uses.</summary>
    public const string DomainTakenMessage = "域名已被使用";
    /// <summary>A domain that is not a host name.</summary>
    public const string BadDomainMessage = "域名格式错误";
    /// <summary>Longest stored link (logo, licence).</summary>
    public const int LinkLength = 1000;

    private Reseller()
    {
    }

    /// <summary>The reseller org.</summary>
    public string OrgId { get; private init; } = "";
    /// <summary>分销商域名, normalised (<see cref="NormalizeDomain"/>); null: none.</summary>
    public string? DomainName { get; private set; }
    /// <summary>Logo image URL.</summary>
    public string? Logo { get; private set; }
    /// <summary>icp备案号.</summary>
    public string? LicenseNumber { get; private set; }
    /// <summary>生产许可证 (licence) image URL.</summary>
    public string? License { get; private set; }
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;

    /// <summary>An empty row of reseller org <paramref name="orgId"/>.</summary>
    public static Reseller Open(string orgId) => new() { OrgId = orgId };

    /// <summary>
    /// Sets the given fields: null keeps a field, empty clears it. The domain is normalised
    /// (<see cref="NormalizeDomain"/>; not a host name → <see cref="BadDomainMessage"/>).
    /// </summary>
    public Result Update(string? domainName, string? logo, string? licenseNumber, string? license)
    {
        if (domainName is not null)
        {
            if (domainName.Trim().Length == 0) DomainName = null;
            else if (NormalizeDomain(domainName) is { } host) DomainName = host;
            else return new Failure(FailureKind.InvalidArgument, BadDomainMessage, "domain_name");
        }
        Logo = Keep(logo, Logo);
        LicenseNumber = Keep(licenseNumber, LicenseNumber);
        License = Keep(license, License);
        return Result.Done;
    }

    /// <summary>Soft-deletes the row and frees its domain (finance.md §3.4 RSL-07).</summary>
    public void Delete()
    {
        DelFlg = DelFlag.Deleted;
        DomainName = null;
    }

    private static string? Keep(string? value, string? current) =>
        value is null ? current : value.Trim().Length == 0 ? null : value.Trim();

    /// <summary>
    /// A domain as stored and looked up: lower case, without scheme, path, query and port
    /// (<c>https://Xterm.KaiyuanCloud.cn:443/a</c> → <c>xterm.kaiyuancloud.cn</c>); null when the rest is not a host name
    /// (labels of letters, digits and hyphens, at most 253 characters).
    /// </summary>
    public static string? NormalizeDomain(string value)
    {
        var text = value.Trim().ToLowerInvariant();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) text = text[(scheme + 3)..];
        var end = text.IndexOfAny(['/', '?', '#']);
        if (end >= 0) text = text[..end];
        var port = text.LastIndexOf(':');
        if (port >= 0) text = text[..port];
        text = text.TrimEnd('.');
        return text.Length is > 0 and <= 253 && HostName().IsMatch(text) ? text : null;
    }

    /// <summary>
    /// The host a page address names (RSL-05 scenario 1): the host after <c>/domain/</c> in its path when present
    /// (<c>https://kaiyuancloud.cn/domain/xterm.kaiyuancloud.cn</c> → <c>xterm.kaiyuancloud.cn</c>), else the address's
    /// own host; normalised, null when there is none.
    /// </summary>
    public static string? HostOfLink(string urlLink)
    {
        var text = urlLink.Trim();
        var marker = text.IndexOf("/domain/", StringComparison.OrdinalIgnoreCase);
        return NormalizeDomain(marker >= 0 ? text[(marker + "/domain/".Length)..] : text);
    }

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$")]
    private static partial Regex HostName();
}
