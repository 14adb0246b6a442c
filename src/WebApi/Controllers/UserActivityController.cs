using Kboss.Application.Common.Models;
using Kboss.Application.Products.Marketplace;
using Kboss.Application.Users.BrowseHistory;
using Kboss.Application.Users.Favorites;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// 用户/用户浏览记录 and 用户/用户关注收藏 (spec: 06-user-browse-history.md, 07-user-favorites.md; analysis/catalog.md
/// §3.4, §3.5). Every action needs a login; each user sees and changes only their own rows.
/// </summary>
[Tags("用户/用户浏览记录与关注收藏")]
public sealed class UserActivityController(IMediator mediator) : ControllerBase
{
    /// <summary>浏览记录查找</summary>
    [LegacyGet("/user/user_browse_history_search.dspy")]
    public ValueTask<Reply<PageResult<BrowseHistoryRow>>> SearchHistory([FromLegacyParams] SearchBrowseHistory q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>浏览记录删除</summary>
    [LegacyGet("/user/user_browse_history_delete.dspy")]
    public ValueTask<Reply<IdData>> DeleteHistory([FromLegacyParams] DeleteBrowseHistory c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>关注收藏添加</summary>
    [LegacyGet("/user/favorite_add.dspy")]
    public ValueTask<Reply<IdData>> AddFavorite([FromLegacyParams] AddFavorite c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>关注收藏查找</summary>
    [LegacyGet("/user/favorite_search.dspy")]
    public ValueTask<Reply<PageResult<FavoriteRow>>> SearchFavorites([FromLegacyParams] SearchFavorites q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>关注收藏删除</summary>
    [LegacyGet("/user/favorite_delete.dspy")]
    public ValueTask<Reply<DeletedFavorite>> DeleteFavorite([FromLegacyParams] DeleteFavorite c, CancellationToken ct) => mediator.Send(c, ct);
}
