using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Messages;
using Mediator;

namespace Kboss.Application.Messages;

/// <summary>
/// <c>POST /message/addmsg_config.dspy</c> 新增站内信模板 (analysis/platform.md §3.2 E24): a template of the caller's
/// org for <c>msgtype</c> with text <c>msgtext</c> (<c>$name</c> placeholders, §4.3), sending on. A type the org
/// already has: <c>该类型模板已存在</c>. <c>data</c> = the new id.
/// </summary>
public sealed record AddTemplate : ICommand<Reply<IdData>>
{
    /// <summary>Message type = template code (required, ≤ 100).</summary>
    public string? Msgtype { get; init; }
    /// <summary>Template text (required, ≤ 4000).</summary>
    public string? Msgtext { get; init; }
}

public sealed class AddTemplateValidator : AbstractValidator<AddTemplate>
{
    public AddTemplateValidator()
    {
        RuleFor(x => x.Msgtype).Required().MaxChars(Message.TypeMax);
        RuleFor(x => x.Msgtext).Required().MaxChars(Message.TextMax);
    }
}

public sealed class AddTemplateHandler(IKbossDbContext db, ICurrentUser user, TemplateAccess templates)
    : ICommandHandler<AddTemplate, Reply<IdData>>
{
    public async ValueTask<Reply<IdData>> Handle(AddTemplate c, CancellationToken ct)
    {
        var t = MessageTemplate.Create(user.OrgId!, c.Msgtype!.Trim(), c.Msgtext!);
        await templates.EnsureTypeFreeAsync(t.OrgId, t.MsgType, null, ct);
        db.MessageTemplates.Add(t);
        db.AuditEntries.Add(Audit.Entry(user, "message.template.added", "msg_config", t.Id, new { t.MsgType }));
        await templates.SaveAsync(ct);
        return Reply.Ok("新增成功", new IdData(t.Id));
    }
}
