using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.FloatingWidget;

/// <summary>
/// <c>GET /floating/get_picture.dspy</c> 展示销售二维码名片 (analysis/platform.md E35, §4.8): a sales user sees its own
/// card, a customer its salesperson's; anyone else, or no card: <c>data</c> absent (the front end then shows the org
/// card).
/// </summary>
public sealed record GetSalesCard : IQuery<Reply<SalesCardView>>;

public sealed class GetSalesCardHandler(IKbossDbContext db, ICurrentUser user, FloatingWidgetAccess access)
    : IQueryHandler<GetSalesCard, Reply<SalesCardView>>
{
    public async ValueTask<Reply<SalesCardView>> Handle(GetSalesCard q, CancellationToken ct)
    {
        var me = user.UserId is null ? null
            : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == user.UserId, ct);
        var card = me is null ? null : await access.SalesCardForAsync(me, ct);
        return Reply.Ok("查询成功", card is null ? null! : new SalesCardView(card.UserId, card.OrgId, card.Picture));
    }
}
