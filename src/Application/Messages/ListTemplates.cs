using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Messages;

/// <summary>
/// <c>GET /message/getmsg_config.dspy</c> 获取所有站内信模板 (analysis/platform.md §3.2 E23): the alive templates
/// of the orgs the caller may act on (admin: all), oldest first, in <c>data</c>.
/// </summary>
public sealed record ListTemplates : IQuery<Reply<IReadOnlyList<MsgConfigItem>>>;

public sealed class ListTemplatesHandler(IKbossDbContext db, OrgAccess orgs)
    : IQueryHandler<ListTemplates, Reply<IReadOnlyList<MsgConfigItem>>>
{
    public async ValueTask<Reply<IReadOnlyList<MsgConfigItem>>> Handle(ListTemplates q, CancellationToken ct)
    {
        var scope = await orgs.ScopeAsync(ct);
        var rows = db.MessageTemplates.AsNoTracking();
        if (scope is not null) rows = rows.Where(t => scope.Contains(t.OrgId));
        var list = await rows.OrderBy(t => t.CreateAt).ThenBy(t => t.Id).ToListAsync(ct);
        return Reply.Ok<IReadOnlyList<MsgConfigItem>>("获取成功", list.Select(MsgConfigItem.From).ToList());
    }
}
