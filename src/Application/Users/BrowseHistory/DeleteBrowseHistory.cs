using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Users.BrowseHistory;

/// <summary>
/// <c>GET /user/user_browse_history_delete.dspy</c> 浏览记录删除: removes one of the caller's history rows by record
/// id (another user's → 403; unknown → <c>记录不存在</c>). analysis/catalog.md §3.4.2.
/// </summary>
public sealed record DeleteBrowseHistory : ICommand<Reply<IdData>>
{
    /// <summary>将要删除的记录ID (required).</summary>
    public string? Id { get; init; }
}

public sealed class DeleteBrowseHistoryValidator : AbstractValidator<DeleteBrowseHistory>
{
    public DeleteBrowseHistoryValidator() => RuleFor(x => x.Id).Required().MaxChars(100);
}

public sealed class DeleteBrowseHistoryHandler(IKbossDbContext db, MarketplaceAccess access) : ICommandHandler<DeleteBrowseHistory, Reply<IdData>>
{
    public async ValueTask<Reply<IdData>> Handle(DeleteBrowseHistory c, CancellationToken ct)
    {
        var me = access.RequireUserId();
        var row = await db.UserBrowseHistories.FirstOrDefaultAsync(h => h.Id == c.Id!.Trim(), ct)
                  ?? throw BusinessException.NotFound(MarketplaceAccess.NotFoundMessage);
        if (row.UserId != me) throw new ForbiddenException(MarketplaceAccess.ForbiddenMessage);
        row.DelFlg = DelFlag.Deleted;
        await db.SaveChangesAsync(ct);
        return Reply.Ok("删除成功", new IdData(row.Id));
    }
}
