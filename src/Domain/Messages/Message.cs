using System.Linq.Expressions;
using Kboss.Domain.Common;

namespace Kboss.Domain.Messages;

/// <summary>
/// 站内信 (analysis/platform.md §2.2, §4.2): one row per receiver, so each receiver has its own read state
/// (<see cref="MsgStatus"/>) and delete flag. <see cref="ReceiverOrgId"/> is the receiver's org at sending time
/// (tenancy of the row).
/// </summary>
public sealed class Message : Entity, ISoftDeletable
{
    /// <summary>Longest title, characters.</summary>
    public const int TitleMax = 200;
    /// <summary>Longest text, characters.</summary>
    public const int TextMax = 4000;
    /// <summary>Longest message type (template code), characters.</summary>
    public const int TypeMax = 100;
    /// <summary>Sender id of notifications kboss generates itself.</summary>
    public const string SystemSender = "system";

    /// <summary>Sending user id, or <see cref="SystemSender"/>.</summary>
    public string SenderId { get; init; } = SystemSender;
    /// <summary>Receiving user id.</summary>
    public string ReceiverId { get; init; } = "";
    /// <summary>Org of the receiver.</summary>
    public string ReceiverOrgId { get; init; } = "";
    /// <summary>Title.</summary>
    public string MsgTitle { get; init; } = "";
    /// <summary>Body, stored as given (escaped wherever rendered; template values are escaped when inserted).</summary>
    public string MsgText { get; init; } = "";
    /// <summary>Category = template code (<see cref="MessageTemplate.MsgType"/>).</summary>
    public string MsgType { get; init; } = "";
    /// <summary><see cref="MessageStatus.Unread"/> or <see cref="MessageStatus.Read"/>.</summary>
    public string MsgStatus { get; private set; } = MessageStatus.Unread;
    /// <summary>Send instant, UTC (= creation; no scheduling).</summary>
    public DateTime SendTime { get; init; }
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;

    /// <summary>Unread → read; reading twice changes nothing (there is no way back, §4.2).</summary>
    public void MarkRead() => MsgStatus = MessageStatus.Read;

    /// <summary>The rule of <see cref="MarkRead"/> as a filter for the conditional update that guards the race.
    /// </summary>
    public static Expression<Func<Message, bool>> IsUnread => m => m.MsgStatus == MessageStatus.Unread;
}

/// <summary>Values of <see cref="Message.MsgStatus"/> (analysis §7 #21).</summary>
public static class MessageStatus
{
    /// <summary>未读.</summary>
    public const string Unread = "0";
    /// <summary>已读.</summary>
    public const string Read = "1";
}
