using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Messages;
using Mediator;

namespace Kboss.Application.Messages;

/// <summary>
/// <c>POST /message/del_msg.dspy</c> 删除通知消息 (analysis/platform.md §3.2 E22): the receiver (or an admin)
/// soft-deletes message <c>id</c>; it then leaves all three lists. Unknown or already deleted: <c>消息不存在</c>.
/// </summary>
public sealed record DeleteMessage : ICommand<Reply<IdData>>, IByIdRequest
{
    /// <summary>Message id (required).</summary>
    public string? Id { get; init; }
}

public sealed class DeleteMessageValidator() : ByIdValidator<DeleteMessage>(64);

public sealed class DeleteMessageHandler(SoftDelete delete, MessageInbox inbox)
    : ICommandHandler<DeleteMessage, Reply<IdData>>
{
    private static readonly SoftDeletion<Message> Rows = new(db => db.Messages, MessageInbox.NotFound,
        "message.deleted", "message", m => new { m.ReceiverId, m.MsgType });

    public async ValueTask<Reply<IdData>> Handle(DeleteMessage c, CancellationToken ct) =>
        Reply.Ok("删除成功", new IdData(await delete.RunAsync(Rows, c.Id, inbox.EnsureOwnAsync, ct)));
}
