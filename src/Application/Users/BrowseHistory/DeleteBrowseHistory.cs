using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Marketplace;
using Mediator;

namespace Kboss.Application.Users.BrowseHistory;

/// <summary>
/// <c>GET /user/user_browse_history_delete.dspy</c> 浏览记录删除: removes one of the caller's history rows by record
/// id (another user's → 403; unknown → <c>记录不存在</c>). analysis/catalog.md §3.4.2.
/// </summary>
public sealed record DeleteBrowseHistory : ICommand<Reply<IdData>>, IByIdRequest
{
    /// <summary>将要删除的记录ID (required).</summary>
    public string? Id { get; init; }
}

public sealed class DeleteBrowseHistoryValidator() : ByIdValidator<DeleteBrowseHistory>(100);

public sealed class DeleteBrowseHistoryHandler(SoftDelete delete, MarketplaceAccess access)
    : ICommandHandler<DeleteBrowseHistory, Reply<IdData>>
{
    private static readonly SoftDeletion<UserBrowseHistory> Rows = new(db => db.UserBrowseHistories,
        MarketplaceAccess.NotFoundMessage, "user.browse_history.deleted", "user_browse_history",
        x => new { x.ProductId });

    public async ValueTask<Reply<IdData>> Handle(DeleteBrowseHistory c, CancellationToken ct)
    {
        var me = access.RequireUserId();
        return Reply.Ok("删除成功", new IdData(await delete.RunAsync(Rows, c.Id, (x, _) =>
            x.UserId == me ? ValueTask.CompletedTask : throw new ForbiddenException(MarketplaceAccess.ForbiddenMessage),
            ct)));
    }
}
