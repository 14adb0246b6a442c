using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Security;
using Kboss.Domain.Common;
using Kboss.Domain.Identity;
using Kboss.Domain.Messages;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Messages;

/// <summary>
/// Whose messages a caller may read and change (analysis/platform.md §4.2, §6.3): a receiver its own; an admin
/// anyone's; an operator those of users in orgs it may act on (lists only). Everyone else → 403.
/// </summary>
public sealed class MessageInbox(IKbossDbContext db, ICurrentUser user, OrgAccess orgs)
{
    /// <summary>Message of an unknown, deleted or foreign-invisible message.</summary>
    public const string NotFound = "消息不存在";

    /// <summary>The receiver whose list is read: the caller unless <paramref name="userid"/> names another one the
    /// caller may read (not_found for an unknown user, 403 otherwise).</summary>
    public async Task<string> ReaderAsync(string? userid, CancellationToken ct)
    {
        var self = user.UserId ?? throw new UnauthenticatedException();
        var target = userid.TrimmedOrNull();
        if (target is null || target == self) return self;
        var orgId = await db.Users.AsNoTracking().Where(u => u.Id == target).Select(u => u.OrgId)
            .FirstOrDefaultAsync(ct) ?? throw BusinessException.NotFound("用户不存在");
        var may = user.IsInRole(Roles.Admin)
                  || (user.IsInRole(Roles.Operator) && await orgs.CanActOnAsync(orgId, ct));
        return may ? target : throw new ForbiddenException("无权查看其他用户的消息");
    }

    /// <summary>The answer of a message list: the reader's messages with read state <paramref name="status"/>
    /// (null: both), plus their count when <paramref name="withCount"/>.</summary>
    public async ValueTask<MessageListReply> ReplyAsync(MessageListQuery q, string? status, bool withCount,
        CancellationToken ct)
    {
        var rows = await ListAsync(await ReaderAsync(q.Userid, ct), status, ct);
        return new MessageListReply(true, rows, withCount ? rows.Count : null);
    }

    /// <summary>Messages of <paramref name="receiverId"/> with read state <paramref name="status"/> (null: both),
    /// newest first (<c>sendtime</c>, then <c>create_at</c>, then <c>id</c>, descending).</summary>
    public async Task<List<MsgItem>> ListAsync(string receiverId, string? status, CancellationToken ct)
    {
        var rows = db.Messages.AsNoTracking().Where(m => m.ReceiverId == receiverId);
        if (status is not null) rows = rows.Where(m => m.MsgStatus == status);
        var list = await rows.OrderByDescending(m => m.SendTime).ThenByDescending(m => m.CreateAt)
            .ThenByDescending(m => m.Id).ToListAsync(ct);
        return list.Select(MsgItem.From).ToList();
    }

    /// <summary>Loads alive message <paramref name="id"/> for a change by its receiver or an admin.</summary>
    public async Task<Message> LoadOwnAsync(string? id, CancellationToken ct)
    {
        var key = id.Trimmed();
        var m = await db.Messages.AsNoTracking().FirstOrDefaultAsync(x => x.Id == key, ct)
                ?? throw BusinessException.NotFound(NotFound);
        EnsureOwn(m);
        return m;
    }

    /// <summary>Throws 403 unless the caller received <paramref name="m"/> or is an admin.</summary>
    public ValueTask EnsureOwnAsync(Message m, CancellationToken ct)
    {
        EnsureOwn(m);
        return ValueTask.CompletedTask;
    }

    private void EnsureOwn(Message m)
    {
        if (m.ReceiverId != user.UserId && !user.IsInRole(Roles.Admin))
            throw new ForbiddenException("无权操作其他用户的消息");
    }
}
