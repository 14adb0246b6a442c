using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.Widgets;

/// <summary>Reply data of W5: <c>{"id", "cpcid"}</c>.</summary>
/// <param name="Id">Removed widget id.</param>
/// <param name="Cpcid">Its centre.</param>
public sealed record DeletedWidget(string Id, string Cpcid);

/// <summary>
/// W5 <c>POST /dev/cpcc/cpcwidget/delete_cpcwidget.dspy</c>: soft-deletes a widget; refused while any of its stock
/// is consumed (<c>该部件仍有消耗,无法移除</c>). spec: 41-cpcc-widgets-pricing.md; analysis/cpcc.md §3.E W5.
/// </summary>
public sealed record DeleteWidget : ICommand<Reply<DeletedWidget>>
{
    /// <summary>Widget id.</summary>
    public string? Id { get; init; }
    /// <summary>算力中心id.</summary>
    public string? Cpcid { get; init; }
}

public sealed class DeleteWidgetValidator : AbstractValidator<DeleteWidget>
{
    public DeleteWidgetValidator()
    {
        RuleFor(x => x.Id).Required();
        RuleFor(x => x.Cpcid).Required("无算力中心ID");
    }
}

public sealed class DeleteWidgetHandler(IKbossDbContext db, CenterGuard guard, ICurrentUser user, WidgetCatalog catalog)
    : ICommandHandler<DeleteWidget, Reply<DeletedWidget>>
{
    public async ValueTask<Reply<DeletedWidget>> Handle(DeleteWidget c, CancellationToken ct)
    {
        var center = await guard.LoadManageableAsync(c.Cpcid!, track: false, ct);
        var id = c.Id.Trimmed();
        var widget = await db.Widgets.Include(w => w.Stocks)
                         .FirstOrDefaultAsync(w => w.Id == id && w.Cpcid == center.Id, ct)
                     ?? throw BusinessException.NotFound(WidgetFields.NotFoundMessage);
        widget.Delete().OrThrow();
        db.AuditEntries.Add(Audit.Entry(user, "cpcc.widget.deleted", "widget", widget.Id,
            new { cpcid = center.Id, widget.Type, widget.Model, stock = widget.TotalStock }));
        await db.SaveChangesAsync(ct);
        catalog.Invalidate(center.Id);
        return Reply.Ok("移除算力部件成功", new DeletedWidget(widget.Id, center.Id));
    }
}
