using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Users.Favorites;

/// <summary>Reply data of a favourite delete.</summary>
/// <param name="Productid">The item.</param>
/// <param name="Deleted">Rows removed (0 when there was none).</param>
public sealed record DeletedFavorite(string Productid, int Deleted);

/// <summary>
/// <c>GET /user/favorite_delete.dspy</c> 关注收藏删除: removes the caller's favourite of <c>productid</c> (the item id,
/// not the record id). Idempotent: <c>已取消收藏</c> even when there was none. analysis/catalog.md §3.5.3.
/// </summary>
public sealed record DeleteFavorite : ICommand<Reply<DeletedFavorite>>
{
    /// <summary>产品ID (required).</summary>
    public string? Productid { get; init; }
}

public sealed class DeleteFavoriteValidator : AbstractValidator<DeleteFavorite>
{
    public DeleteFavoriteValidator() => RuleFor(x => x.Productid).Required().MaxChars(100);
}

public sealed class DeleteFavoriteHandler(IKbossDbContext db, MarketplaceAccess access) : ICommandHandler<DeleteFavorite, Reply<DeletedFavorite>>
{
    public async ValueTask<Reply<DeletedFavorite>> Handle(DeleteFavorite c, CancellationToken ct)
    {
        var me = access.RequireUserId();
        var productId = c.Productid.Trimmed();
        var rows = await db.UserFavorites.Where(f => f.UserId == me && f.ProductId == productId).ToListAsync(ct);
        foreach (var row in rows) row.MarkDeleted();
        await db.SaveChangesAsync(ct);
        return Reply.Ok("已取消收藏", new DeletedFavorite(productId, rows.Count));
    }
}
