using Kboss.Domain.Common;

namespace Kboss.Domain.Marketplace;

/// <summary>
/// A site (<c>url_link</c>, stored trimmed) and the operator org that owns it: only that org (and the orgs above it,
/// and admins) writes the site's categories and homepage tree and moderates its square. A live url_link has one owner.
/// An operator claims an unregistered url_link by its first write to it (ADR 0017; analysis/catalog.md §4.11).
/// </summary>
public sealed class Site : Entity, ISoftDeletable
{
    /// <summary>The site's url_link, trimmed (unique among live sites).</summary>
    public string UrlLink { get; set; } = "";
    /// <summary>Owning operator org.</summary>
    public string OrgId { get; set; } = "";
    /// <summary>User whose write claimed the site (null when backfilled from rows without a creator).</summary>
    public string? UserId { get; set; }
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;
}

/// <summary>A row that belongs to a site (<see cref="UrlLink"/>, empty: none) and to an org.</summary>
public interface ISiteRow
{
    /// <summary>Site, trimmed; empty when the row has none.</summary>
    string UrlLink { get; }
    /// <summary>Owning org.</summary>
    string OrgId { get; }
}
