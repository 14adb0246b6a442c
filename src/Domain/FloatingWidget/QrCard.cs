using Kboss.Domain.Common;

namespace Kboss.Domain.FloatingWidget;

/// <summary>Kind of a <see cref="QrCard"/> (analysis/platform.md §2.4).</summary>
public static class QrCardTypes
{
    /// <summary>销售二维码名片: one per sales user (<c>add_picture</c>).</summary>
    public const string Sale = "sale";
    /// <summary>机构二维码名片: one per org (<c>add_opicture</c>).</summary>
    public const string Org = "org";
}

/// <summary>
/// 销售/机构二维码名片 of the floating widget (table <c>floating_picture</c>, analysis/platform.md §2.4, §4.8). One live
/// card per sales user (<see cref="QrCardTypes.Sale"/>) and per org (<see cref="QrCardTypes.Org"/>); saving again
/// replaces the picture. <see cref="Picture"/> is stored as sent (text: an image URL or stored path) and is
/// escaped wherever it is rendered.
/// </summary>
public sealed class QrCard : Entity, ISoftDeletable
{
    /// <summary>Longest accepted <see cref="Picture"/>.</summary>
    public const int MaxPicture = 1000;

    /// <summary><see cref="QrCardTypes"/>.</summary>
    public string CardType { get; init; } = QrCardTypes.Sale;
    /// <summary>Sales user of a sale card; empty for an org card.</summary>
    public string UserId { get; init; } = "";
    /// <summary>Owning org: the sales user's org, or the org of an org card.</summary>
    public string OrgId { get; init; } = "";
    /// <summary>QR image URL or stored relative path.</summary>
    public string Picture { get; private set; } = "";
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;

    /// <summary>A new sale card of <paramref name="userId"/> in <paramref name="orgId"/>.</summary>
    public static QrCard ForSales(string userId, string orgId, string picture) =>
        new() { CardType = QrCardTypes.Sale, UserId = userId, OrgId = orgId, Picture = picture };

    /// <summary>A new org card of <paramref name="orgId"/>.</summary>
    public static QrCard ForOrg(string orgId, string picture) =>
        new() { CardType = QrCardTypes.Org, OrgId = orgId, Picture = picture };

    /// <summary>Replaces the picture (saving a card again).</summary>
    public void Replace(string picture) => Picture = picture;
}
