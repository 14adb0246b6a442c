using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Messages;
using Mediator;

namespace Kboss.Application.Messages;

/// <summary>
/// <c>POST /message/upmsg_config.dspy</c> 修改站内信模板 (analysis/platform.md §3.2 E26, §7 #25): changes the given
/// <c>msgtype</c> / <c>msgtext</c> of template <c>id</c> (another org's → 403; unknown: <c>模板不存在</c>; a type the
/// org already has: <c>该类型模板已存在</c>). Answers the template.
/// </summary>
public sealed record UpdateTemplate : ICommand<Reply<MsgConfigItem>>, IByIdRequest
{
    /// <summary>Template id (required).</summary>
    public string? Id { get; init; }
    /// <summary>New message type (optional, ≤ 100).</summary>
    public string? Msgtype { get; init; }
    /// <summary>New text (optional, ≤ 4000).</summary>
    public string? Msgtext { get; init; }
}

public sealed class UpdateTemplateValidator : AbstractValidator<UpdateTemplate>
{
    public UpdateTemplateValidator()
    {
        RuleFor(x => x.Id).Required().MaxChars(64);
        RuleFor(x => x.Msgtype).MaxChars(Message.TypeMax).Must(v => v is null || v.Trim().Length > 0)
            .WithMessage("msgtype 不能为空");
        RuleFor(x => x.Msgtext).MaxChars(Message.TextMax).Must(v => v is null || v.Trim().Length > 0)
            .WithMessage("msgtext 不能为空");
    }
}

public sealed class UpdateTemplateHandler(ICurrentUser user, TemplateAccess templates, IKbossDbContext db)
    : ICommandHandler<UpdateTemplate, Reply<MsgConfigItem>>
{
    public async ValueTask<Reply<MsgConfigItem>> Handle(UpdateTemplate c, CancellationToken ct)
    {
        var t = await templates.LoadManageableAsync(c.Id, ct);
        var type = c.Msgtype.TrimmedOrNull();
        if (type is not null && type != t.MsgType) await templates.EnsureTypeFreeAsync(t.OrgId, type, t.Id, ct);
        t.Change(type, c.Msgtext);
        db.AuditEntries.Add(Audit.Entry(user, "message.template.updated", "msg_config", t.Id,
            new { msgtype = type, msgtext_changed = c.Msgtext is not null }));
        await templates.SaveAsync(ct);
        return Reply.Ok("修改成功", MsgConfigItem.From(t));
    }
}
