using Kboss.Domain.Messages;
using Mediator;

namespace Kboss.Application.Messages;

/// <summary>
/// <c>GET /message/get_unreadmsg.dspy</c> 获取未读信息及数量 (analysis/platform.md §3.2, §4.2):
/// the unread messages of <c>userid</c>, with <c>count</c> = the list's length.
/// </summary>
public sealed record GetUnreadMessages : MessageListQuery;

public sealed class GetUnreadMessagesValidator : MessageListValidator<GetUnreadMessages>;

public sealed class GetUnreadMessagesHandler(MessageInbox inbox) : IQueryHandler<GetUnreadMessages, MessageListReply>
{
    public ValueTask<MessageListReply> Handle(GetUnreadMessages q, CancellationToken ct) =>
        inbox.ReplyAsync(q, MessageStatus.Unread, true, ct);
}
