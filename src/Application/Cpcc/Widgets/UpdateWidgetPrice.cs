using System.Globalization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Validation;
using Kboss.Application.Common.Models;
using Kboss.Domain.Common;
using Kboss.Domain.Cpcc;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.Widgets;

/// <summary>Reply data of W4: <c>{"cpcid", "id", "unit_price"}</c> (price as a string without trailing zeros).</summary>
/// <param name="Cpcid">Centre id.</param>
/// <param name="Id">Widget id.</param>
/// <param name="UnitPrice">New unit price.</param>
public sealed record UpdatedWidgetPrice(string Cpcid, string Id, string UnitPrice);

/// <summary>
/// W4 <c>POST /dev/cpcc/cpcwidget/update_cpcwidget.dspy</c>: changes only the unit price of a widget, found by
/// <c>id</c> or else by (cpcid, type, model); with an id, a type or model that does not match it is refused
/// (<c>部件类型或型号与部件ID不符</c>). Login required; audited with the old and new price.
/// spec: 41-cpcc-widgets-pricing.md; analysis/cpcc.md §3.E W4.
/// </summary>
public sealed record UpdateWidgetPrice : ICommand<Reply<UpdatedWidgetPrice>>
{
    /// <summary>Widget id (optional).</summary>
    public string? Id { get; init; }
    /// <summary>算力中心id.</summary>
    public string? Cpcid { get; init; }
    /// <summary>New unit price (decimal ≥ 0, ≤ 6 decimals).</summary>
    public string? UnitPrice { get; init; }
    /// <summary>Widget type (used when id is absent).</summary>
    public string? Type { get; init; }
    /// <summary>Widget model (used when id is absent).</summary>
    public string? Model { get; init; }
}

public sealed class UpdateWidgetPriceValidator : AbstractValidator<UpdateWidgetPrice>
{
    public UpdateWidgetPriceValidator()
    {
        RuleFor(x => x.Cpcid).Required("无算力中心ID");
        RuleFor(x => x.UnitPrice).Required()
            .Must(v => string.IsNullOrWhiteSpace(v) || (RuleExtensions.TryDecimal(v, out var d) && d >= 0
                && d < Widget.MaxPriceExclusive && RuleExtensions.Normalized(d).Scale <= 6))
            .WithMessage(Widget.BadPriceMessage);
        RuleFor(x => x.Type).Required().OneOf(WidgetFields.Types).When(x => string.IsNullOrWhiteSpace(x.Id));
        RuleFor(x => x.Model).Required().When(x => string.IsNullOrWhiteSpace(x.Id));
    }
}

public sealed class UpdateWidgetPriceHandler(IKbossDbContext db, CenterGuard guard, ICurrentUser user, WidgetCatalog catalog)
    : ICommandHandler<UpdateWidgetPrice, Reply<UpdatedWidgetPrice>>
{
    public async ValueTask<Reply<UpdatedWidgetPrice>> Handle(UpdateWidgetPrice c, CancellationToken ct)
    {
        var center = await guard.LoadManageableAsync(c.Cpcid!, track: false, ct);
        var (id, type, model) = (c.Id.TrimmedOrNull(), c.Type.TrimmedOrNull(), c.Model.TrimmedOrNull());
        var query = db.Widgets.Where(w => w.Cpcid == center.Id);
        query = id is null ? query.Where(w => w.Type == type && w.Model == model) : query.Where(w => w.Id == id);
        var widget = await query.FirstOrDefaultAsync(ct) ?? throw BusinessException.NotFound(WidgetFields.NotFoundMessage);
        var mismatch = (type is not null && type != widget.Type) || (model is not null && model != widget.Model);
        if (id is not null && mismatch)
            throw BusinessException.Conflict("部件类型或型号与部件ID不符");
        var before = widget.UnitPrice;
        widget.ChangePrice(decimal.Parse(c.UnitPrice.Trimmed(), CultureInfo.InvariantCulture)).OrThrow();
        db.AuditEntries.Add(Audit.Entry(user, "cpcc.widget.price_changed", "widget", widget.Id,
            new { cpcid = center.Id, widget.Type, widget.Model, before, after = widget.UnitPrice }));
        await db.SaveChangesAsync(ct);
        catalog.Invalidate(center.Id);
        return Reply.Ok("更新算力部件成功",
            new UpdatedWidgetPrice(center.Id, widget.Id, WidgetEcho.DecimalText(widget.UnitPrice)));
    }
}
