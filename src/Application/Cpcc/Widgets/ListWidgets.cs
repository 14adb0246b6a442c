using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.Widgets;

/// <summary>
/// W2 <c>GET /dev/cpcc/cpcwidget/get_cpcwidget.dspy</c>: every widget of a centre with its stock per cluster,
/// ordered by type ascending, then update_time descending (analysis/cpcc.md §2.0). Stock and consumption are
/// operational data of the centre's org: only those who may manage the centre see them (customers use the quote
/// and <c>obtaining_gpuinfo</c>).
/// spec: 41-cpcc-widgets-pricing.md.
/// </summary>
public sealed record ListWidgets : IQuery<Reply<Paged<WidgetRow>>>
{
    /// <summary>算力中心id.</summary>
    public string? Cpcid { get; init; }
}

public sealed class ListWidgetsValidator : AbstractValidator<ListWidgets>
{
    public ListWidgetsValidator() => RuleFor(x => x.Cpcid).Required("无算力中心ID");
}

public sealed class ListWidgetsHandler(IKbossDbContext db, CenterGuard guard) : IQueryHandler<ListWidgets, Reply<Paged<WidgetRow>>>
{
    public async ValueTask<Reply<Paged<WidgetRow>>> Handle(ListWidgets q, CancellationToken ct)
    {
        var cpcid = (await guard.LoadManageableAsync(q.Cpcid!, track: false, ct)).Id;
        var widgets = await db.Widgets.AsNoTracking()
            .Where(w => w.Cpcid == cpcid)
            .Include(w => w.Stocks).ThenInclude(s => s.Cluster)
            .OrderBy(w => w.Type).ThenByDescending(w => w.UpdateTime).ThenBy(w => w.Id)
            .AsSplitQuery()
            .ToListAsync(ct);
        var rows = widgets.Select(WidgetRow.From).ToList();
        return Reply.Ok("获取算力部件成功", new Paged<WidgetRow>(rows.Count, rows));
    }
}
