using Kboss.Application.Common.Models;
using Mediator;

namespace Kboss.Application.FloatingWidget;

/// <summary>
/// <c>GET /floating/get_opicture.dspy</c> 展示机构二维码名片 (analysis/platform.md E36, §7 #36): the card of the
/// caller's operator/reseller org (a customer: its owner org), of the platform org for anonymous callers; none:
/// <c>data</c> absent.
/// </summary>
public sealed record GetOrgCard : IQuery<Reply<OrgCardView>>;

public sealed class GetOrgCardHandler(FloatingWidgetAccess access) : IQueryHandler<GetOrgCard, Reply<OrgCardView>>
{
    public async ValueTask<Reply<OrgCardView>> Handle(GetOrgCard q, CancellationToken ct)
    {
        var org = await access.CardOrgForCallerAsync(ct);
        var card = org is null ? null : await access.OrgCardAsync(org, ct);
        return Reply.Ok("查询成功", card is null ? null! : new OrgCardView(card.OrgId, card.Picture));
    }
}
