using Mediator;

namespace Kboss.Application.Messages;

/// <summary>
/// <c>GET /message/get_msg.dspy</c> 获取所有通知消息 (analysis/platform.md §3.2, §4.2):
/// the alive (read and unread) messages of <c>userid</c> (= unread ∪ read).
/// </summary>
public sealed record GetMessages : MessageListQuery;

public sealed class GetMessagesValidator : MessageListValidator<GetMessages>;

public sealed class GetMessagesHandler(MessageInbox inbox) : IQueryHandler<GetMessages, MessageListReply>
{
    public ValueTask<MessageListReply> Handle(GetMessages q, CancellationToken ct) =>
        inbox.ReplyAsync(q, null, false, ct);
}
