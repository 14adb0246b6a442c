using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Mediator;

namespace Kboss.Application.Messages;

/// <summary>
/// <c>POST /message/is_msg.dspy</c> 修改发送状态 可以发送 (analysis/platform.md §3.2 E27, §7 #26): template
/// <c>id</c>'s sending on (idempotent).
/// </summary>
public sealed record EnableTemplate : ICommand<Reply<MsgConfigItem>>, IByIdRequest
{
    /// <summary>Template id (required).</summary>
    public string? Id { get; init; }
}

/// <summary>
/// <c>POST /message/not_msg.dspy</c> 修改发送状态 取消发送 (E28): template <c>id</c>'s sending off; <c>add_msg</c>
/// and <see cref="SendMessage"/> then send nothing of its type (for the org's receivers).
/// </summary>
public sealed record DisableTemplate : ICommand<Reply<MsgConfigItem>>, IByIdRequest
{
    /// <summary>Template id (required).</summary>
    public string? Id { get; init; }
}

public sealed class EnableTemplateValidator() : ByIdValidator<EnableTemplate>(64);

public sealed class DisableTemplateValidator() : ByIdValidator<DisableTemplate>(64);

public sealed class SwitchTemplateHandler(IKbossDbContext db, ICurrentUser user, TemplateAccess templates)
    : ICommandHandler<EnableTemplate, Reply<MsgConfigItem>>, ICommandHandler<DisableTemplate, Reply<MsgConfigItem>>
{
    public ValueTask<Reply<MsgConfigItem>> Handle(EnableTemplate c, CancellationToken ct) => SwitchAsync(c, true, ct);

    public ValueTask<Reply<MsgConfigItem>> Handle(DisableTemplate c, CancellationToken ct) => SwitchAsync(c, false, ct);

    private async ValueTask<Reply<MsgConfigItem>> SwitchAsync(IByIdRequest c, bool on, CancellationToken ct)
    {
        var t = await templates.LoadManageableAsync(c.Id, ct);
        t.SetSending(on);
        db.AuditEntries.Add(Audit.Entry(user, on ? "message.template.enabled" : "message.template.disabled",
            "msg_config", t.Id, new { t.MsgType }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("修改成功", MsgConfigItem.From(t));
    }
}
