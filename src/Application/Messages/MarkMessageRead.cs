using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Messages;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Messages;

/// <summary>
/// <c>POST /message/up_msg.dspy</c> 修改消息状态 (analysis/platform.md §3.2 E21, §4.2): the receiver (or an admin)
/// marks message <c>msgid</c> (alias <c>id</c>, §7 #24) read. Idempotent; there is no way back to unread. One
/// conditional update (<see cref="Message.IsUnread"/>), so parallel marks never disagree with the counts.
/// </summary>
public sealed record MarkMessageRead : ICommand<Reply<object>>
{
    /// <summary>Message id (required).</summary>
    public string? Msgid { get; init; }
    /// <summary>Alias of <see cref="Msgid"/>.</summary>
    [JsonPropertyOrder(1)]
    public string? Id { get; init; }
}

public sealed class MarkMessageReadValidator : AbstractValidator<MarkMessageRead>
{
    public MarkMessageReadValidator()
    {
        RuleFor(x => x.Msgid).Required().MaxChars(64).When(x => string.IsNullOrWhiteSpace(x.Id));
        RuleFor(x => x.Id).MaxChars(64);
    }
}

public sealed class MarkMessageReadHandler(IKbossDbContext db, MessageInbox inbox, TimeProvider clock)
    : ICommandHandler<MarkMessageRead, Reply<object>>
{
    public async ValueTask<Reply<object>> Handle(MarkMessageRead c, CancellationToken ct)
    {
        var m = await inbox.LoadOwnAsync(string.IsNullOrWhiteSpace(c.Msgid) ? c.Id : c.Msgid, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Messages.Where(x => x.Id == m.Id).Where(Message.IsUnread).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.MsgStatus, MessageStatus.Read).SetProperty(x => x.UpdateTime, now), ct);
        return new Reply<object> { Status = true, Msg = "修改成功" };
    }
}
