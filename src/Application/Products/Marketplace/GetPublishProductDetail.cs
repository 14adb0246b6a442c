using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Marketplace;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Marketplace;

/// <summary>
/// <c>GET /product/publish_product_search_detail.dspy</c> (商品|需求)查找详情.
/// <c>from=f</c> (front end, default): public; the item must be approved and listed, else <c>该商品已下架</c>; a logged-in
/// viewer's browse history is recorded (one row per user and item, <c>browse_time</c> refreshed, IP and User-Agent kept)
/// and <c>is_favorite</c> added. <c>from=b</c> (back office): login required; any live state within the caller's scope
/// (customer: own; operator: its orgs'), with the workflow fields; no history. analysis/catalog.md §3.2.12, §4.7.
/// </summary>
public sealed record GetPublishProductDetail : IQuery<Reply<PublishProductDetailView>>
{
    /// <summary>Item id (required).</summary>
    public string? Id { get; init; }
    /// <summary>f: 前端页面 (default); b: 后台页面.</summary>
    public string? From { get; init; }
    /// <summary>Ignored: the viewer is the session user.</summary>
    public string? Userid { get; init; }
}

public sealed class GetPublishProductDetailValidator : AbstractValidator<GetPublishProductDetail>
{
    public GetPublishProductDetailValidator()
    {
        RuleFor(x => x.Id).Required().MaxChars(100);
        RuleFor(x => x.From).OneOf(["f", "b"]);
    }
}

public sealed class GetPublishProductDetailHandler(IKbossDbContext db, MarketplaceAccess access, ICurrentUser user,
    IRequestContext request, TimeProvider clock) : IQueryHandler<GetPublishProductDetail, Reply<PublishProductDetailView>>
{
    /// <summary>Message for an item that is not public.</summary>
    public const string Delisted = "该商品已下架";

    public async ValueTask<Reply<PublishProductDetailView>> Handle(GetPublishProductDetail q, CancellationToken ct)
    {
        var id = q.Id!.Trim();
        if (q.From?.Trim() == "b")
        {
            if (!user.IsAuthenticated) throw new UnauthenticatedException();
            var own = await access.BackOffice(db.PublishProducts.AsNoTracking()).FirstOrDefaultAsync(p => p.Id == id, ct)
                      ?? throw BusinessException.NotFound(MarketplaceAccess.NotFoundMessage);
            return Reply.Ok("查找成功", PublishProductDetailView.BackOffice(own));
        }
        var item = await db.PublishProducts.AsNoTracking().Where(MarketplaceAccess.IsPublic).FirstOrDefaultAsync(p => p.Id == id, ct)
                   ?? throw new BusinessException(Delisted, ErrorCodes.NotFound);
        bool? favorite = null;
        if (user.UserId is { } me)
        {
            favorite = await db.UserFavorites.AnyAsync(f => f.UserId == me && f.ProductId == id, ct);
            await RecordBrowseAsync(me, id, ct);
        }
        return Reply.Ok("查找成功", PublishProductDetailView.Public(item, favorite));
    }

    /// <summary>Upserts the (user, item) history row; a concurrent first view is retried as an update.</summary>
    private async Task RecordBrowseAsync(string userId, string productId, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var row = await db.UserBrowseHistories.FirstOrDefaultAsync(h => h.UserId == userId && h.ProductId == productId, ct);
            if (row is null)
            {
                row = new UserBrowseHistory { UserId = userId, ProductId = productId };
                db.UserBrowseHistories.Add(row);
            }
            row.BrowseTime = clock.GetUtcNow().UtcDateTime;
            row.IpAddress = Truncate(request.ClientIp, 64);
            row.UserAgent = Truncate(request.UserAgent, 500);
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException e) when (attempt == 0 && db.IsUniqueViolation(e))
            {
                db.ClearChanges();
            }
        }
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
