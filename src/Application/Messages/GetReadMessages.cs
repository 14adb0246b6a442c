using Kboss.Domain.Messages;
using Mediator;

namespace Kboss.Application.Messages;

/// <summary>
/// <c>GET /message/get_readmsg.dspy</c> 获取已读通知消息 (analysis/platform.md §3.2, §4.2):
/// the read messages of <c>userid</c>.
/// </summary>
public sealed record GetReadMessages : MessageListQuery;

public sealed class GetReadMessagesValidator : MessageListValidator<GetReadMessages>;

public sealed class GetReadMessagesHandler(MessageInbox inbox) : IQueryHandler<GetReadMessages, MessageListReply>
{
    public ValueTask<MessageListReply> Handle(GetReadMessages q, CancellationToken ct) =>
        inbox.ReplyAsync(q, MessageStatus.Read, false, ct);
}
