using Kboss.Domain.Common;

namespace Kboss.Domain.Marketplace;

/// <summary>
/// 用户浏览记录: one row per (user, item), written when a logged-in user opens the item's front-end detail;
/// <see cref="BrowseTime"/> is refreshed on every view. spec: 06-user-browse-history.md; analysis/catalog.md §2.11, §4.7.
/// </summary>
public sealed class UserBrowseHistory : Entity, ISoftDeletable
{
    /// <summary>Viewer.</summary>
    public string UserId { get; set; } = "";
    /// <summary>Viewed item (<see cref="PublishProduct"/> id, wire <c>product_id</c>).</summary>
    public string ProductId { get; set; } = "";
    /// <summary>Last view, UTC.</summary>
    public DateTime BrowseTime { get; set; }
    /// <summary>Client IP (默认空).</summary>
    public string IpAddress { get; set; } = "";
    /// <summary>User-Agent (默认空).</summary>
    public string UserAgent { get; set; } = "";
    /// <summary>优先级 (默认空).</summary>
    public string Priority { get; set; } = "";
    /// <summary>标签 (默认空).</summary>
    public string Tag { get; set; } = "";
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;
}

/// <summary>
/// 用户关注收藏: a user follows an item; unique per (user, item) among live rows; removed by item id.
/// spec: 07-user-favorites.md; analysis/catalog.md §2.12, §4.7.
/// </summary>
public sealed class UserFavorite : Entity, ISoftDeletable
{
    /// <summary>Follower.</summary>
    public string UserId { get; set; } = "";
    /// <summary>Followed item (wire <c>productid</c>).</summary>
    public string ProductId { get; set; } = "";
    /// <summary><c>"1"</c> 商品, <c>"2"</c> 需求 (taken from the item).</summary>
    public string FavoriteType { get; set; } = PublishTypes.Goods;
    /// <summary>标签.</summary>
    public string Tag { get; set; } = "";
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;
}
