using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Marketplace;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Users.Favorites;

/// <summary>
/// <c>GET /user/favorite_add.dspy</c> 关注收藏添加: the caller follows an item it can see (public, its own, or of an
/// org it manages; else <c>商品不存在</c>). <c>favorite_type</c> is taken from the item. Idempotent: a second add answers
/// <c>已收藏</c> with the existing id. analysis/catalog.md §3.5.1.
/// </summary>
public sealed record AddFavorite : ICommand<Reply<IdData>>
{
    /// <summary>用户id (ignored; the session user follows).</summary>
    public string? Userid { get; init; }
    /// <summary>产品ID (required).</summary>
    public string? Productid { get; init; }
    /// <summary>1:商品 2:需求 (required).</summary>
    public string? FavoriteType { get; init; }
    /// <summary>标签.</summary>
    public string? Tag { get; init; }
}

public sealed class AddFavoriteValidator : AbstractValidator<AddFavorite>
{
    public AddFavoriteValidator()
    {
        RuleFor(x => x.Productid).Required().MaxChars(100);
        RuleFor(x => x.FavoriteType).Required().OneOf(PublishTypes.All);
        RuleFor(x => x.Tag).MaxChars(50);
    }
}

public sealed class AddFavoriteHandler(IKbossDbContext db, MarketplaceAccess access) : ICommandHandler<AddFavorite, Reply<IdData>>
{
    /// <summary>Message for an unknown or invisible item.</summary>
    public const string UnknownItem = "商品不存在";

    public async ValueTask<Reply<IdData>> Handle(AddFavorite c, CancellationToken ct)
    {
        var me = access.RequireUserId();
        var productId = c.Productid!.Trim();
        var items = db.PublishProducts.AsNoTracking().Where(p => p.Id == productId);
        var item = await items.Where(MarketplaceAccess.IsPublic).FirstOrDefaultAsync(ct)
                   ?? await access.BackOffice(items).FirstOrDefaultAsync(ct)
                   ?? throw BusinessException.NotFound(UnknownItem);
        for (var attempt = 0; ; attempt++)
        {
            var existing = await db.UserFavorites.AsNoTracking().FirstOrDefaultAsync(f => f.UserId == me && f.ProductId == productId, ct);
            if (existing is not null) return Reply.Ok("已收藏", new IdData(existing.Id));
            var favorite = new UserFavorite { UserId = me, ProductId = productId, FavoriteType = item.PublishType, Tag = MarketplaceValues.Clean(c.Tag) ?? "" };
            db.UserFavorites.Add(favorite);
            try
            {
                await db.SaveChangesAsync(ct);
                return Reply.Ok("收藏成功", new IdData(favorite.Id));
            }
            catch (DbUpdateException e) when (attempt == 0 && db.IsUniqueViolation(e))
            {
                db.ClearChanges(); // a concurrent add won: answer with its row
            }
        }
    }
}
