using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Marketplace;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Users.Favorites;

/// <summary>
/// A favourite row: <c>{"id", "userid", "productid", "favorite_type", "tag", "create_at", "product_info"}</c>;
/// <c>product_info</c> is null when the item is gone, delisted or not approved (标记为已下架).
/// </summary>
public sealed record FavoriteRow
{
    /// <summary>Record id.</summary>
    public string Id { get; init; } = "";
    /// <summary>Follower.</summary>
    public string Userid { get; init; } = "";
    /// <summary>Followed item.</summary>
    public string Productid { get; init; } = "";
    /// <summary>1:商品 2:需求.</summary>
    public string FavoriteType { get; init; } = "";
    /// <summary>标签.</summary>
    public string Tag { get; init; } = "";
    /// <summary>When followed (platform time).</summary>
    public DateTime CreateAt { get; init; }
    /// <summary>The item's public fields, or null.</summary>
    public PublishProductView? ProductInfo { get; init; }
    /// <summary>1-based row number.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("row_num_")]
    public int RowNum { get; init; }
}

/// <summary>
/// <c>GET /user/favorite_search.dspy</c> 关注收藏查找: the session user's favourites (operators may name a
/// <c>userid</c> of an org they manage), newest first, page size default 10, <c>favorite_type</c> filter. Two queries.
/// analysis/catalog.md §3.5.2.
/// </summary>
public sealed record SearchFavorites : IQuery<Reply<PageResult<FavoriteRow>>>
{
    /// <summary>User (default: the caller).</summary>
    public string? Userid { get; init; }
    /// <summary>Default 1.</summary>
    public string? CurrentPage { get; init; }
    /// <summary>Default 10.</summary>
    public string? PageSize { get; init; }
    /// <summary>1:商品 2:需求.</summary>
    public string? FavoriteType { get; init; }
}

public sealed class SearchFavoritesValidator : AbstractValidator<SearchFavorites>
{
    public SearchFavoritesValidator() => RuleFor(x => x.FavoriteType).OneOf(PublishTypes.All);
}

public sealed class SearchFavoritesHandler(IKbossDbContext db, MarketplaceAccess access) : IQueryHandler<SearchFavorites, Reply<PageResult<FavoriteRow>>>
{
    public async ValueTask<Reply<PageResult<FavoriteRow>>> Handle(SearchFavorites q, CancellationToken ct)
    {
        var userId = await access.ResolveUserAsync(q.Userid, ct);
        var page = CurrentPage.Parse(q.CurrentPage, q.PageSize, 10);
        var rows = db.UserFavorites.AsNoTracking().Where(f => f.UserId == userId);
        if (MarketplaceValues.Clean(q.FavoriteType) is { } type) rows = rows.Where(f => f.FavoriteType == type);
        var total = await rows.CountAsync(ct);
        var visible = db.PublishProducts.AsNoTracking().Where(MarketplaceAccess.IsPublic);
        var pageRows = await (
            from f in rows.OrderByDescending(f => f.CreateAt).ThenBy(f => f.Id).Skip(page.Skip).Take(page.Size)
            join p in visible on f.ProductId equals p.Id into joined
            from p in joined.DefaultIfEmpty()
            select new { f, p }).ToListAsync(ct);
        var result = pageRows
            .OrderByDescending(r => r.f.CreateAt).ThenBy(r => r.f.Id, StringComparer.Ordinal)
            .Select((r, i) => new FavoriteRow
            {
                Id = r.f.Id, Userid = r.f.UserId, Productid = r.f.ProductId, FavoriteType = r.f.FavoriteType, Tag = r.f.Tag,
                CreateAt = r.f.CreateAt, ProductInfo = r.p is null ? null : PublishProductView.From(r.p), RowNum = page.Skip + i + 1,
            }).ToList();
        return Reply.Ok("查找成功", page.Result<FavoriteRow>(total, result));
    }
}
