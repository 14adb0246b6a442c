using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Identity;
using Kboss.Domain.Messages;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Messages;

/// <summary>
/// Writes messages, one row per receiver (analysis/platform.md §4.2), for <c>add_msg</c> and <see cref="SendMessage"/>
/// alike; and finds the template that governs a message type for an org (its send switch and text).
/// </summary>
public sealed class MessageDelivery(IKbossDbContext db, TimeProvider clock)
{
    /// <summary>Refusal when the type's template has sending switched off.</summary>
    public const string SendingOff = "该类型消息已取消发送";

    /// <summary>The alive template of <paramref name="msgType"/> owned by <paramref name="orgId"/>, or null.</summary>
    public Task<MessageTemplate?> TemplateAsync(string orgId, string msgType, CancellationToken ct) =>
        db.MessageTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.OrgId == orgId && t.MsgType == msgType, ct);

    /// <summary>
    /// The org whose templates govern messages to users of <paramref name="orgId"/>: the operator (or reseller) org
    /// owning it, else the org itself.
    /// </summary>
    public async Task<string> OperatingOrgAsync(string orgId, CancellationToken ct) =>
        await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.OwnerOrgId)
            .FirstOrDefaultAsync(ct) ?? orgId;

    /// <summary>Adds one unread message per receiver (saved by the caller's one SaveChanges).</summary>
    /// <returns>The number of rows added.</returns>
    public int Add(string senderId, IEnumerable<User> receivers, string title, string text, string type)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var count = 0;
        foreach (var r in receivers)
        {
            db.Messages.Add(new Message
            {
                SenderId = senderId, ReceiverId = r.Id, ReceiverOrgId = r.OrgId, MsgTitle = title, MsgText = text,
                MsgType = type, SendTime = now,
            });
            count++;
        }
        return count;
    }
}
