using System.Text.Json.Serialization;
using Kboss.Domain.Messages;

namespace Kboss.Application.Messages;

/// <summary>MsgItem of 21-messages.md (<c>get_msg</c>): every documented field; times as platform-local text.</summary>
public sealed record MsgItem(string Id, string Senderid, string Receiverid, string Msgtitle, string Msgtext,
    string Msgtype, string Msgstatus, DateTime Sendtime, string DelFlg, DateTime CreateAt)
{
    /// <summary>The item of <paramref name="m"/>.</summary>
    public static MsgItem From(Message m) => new(m.Id, m.SenderId, m.ReceiverId, m.MsgTitle, m.MsgText, m.MsgType,
        m.MsgStatus, m.SendTime, m.DelFlg, m.CreateAt);
}

/// <summary>
/// The message lists' documented answer <c>{"status": true, "msg": [MsgItem…]}</c> (the rows under <c>msg</c>,
/// analysis §7 #20); <c>get_unreadmsg</c> adds <c>count</c> (§7 #19).
/// </summary>
/// <param name="Status">Always true (failures use the usual envelope).</param>
/// <param name="Msg">The messages, newest first.</param>
/// <param name="Count">Unread count (<c>get_unreadmsg</c> only).</param>
public sealed record MessageListReply(
    [property: JsonPropertyOrder(0)] bool Status,
    [property: JsonPropertyOrder(1)] IReadOnlyList<MsgItem> Msg,
    [property: JsonPropertyOrder(2), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Count);

/// <summary>A 站内信模板 row (analysis §3.2 E23 [REC]) plus its owning org.</summary>
public sealed record MsgConfigItem(string Id, string Orgid, string Msgtype, string Msgtext, string IsSend,
    string DelFlg, DateTime CreateAt, DateTime UpdateAt)
{
    /// <summary>The item of <paramref name="t"/>.</summary>
    public static MsgConfigItem From(MessageTemplate t) =>
        new(t.Id, t.OrgId, t.MsgType, t.MsgText, t.IsSend, t.DelFlg, t.CreateAt, t.UpdateTime);
}

/// <summary>How many messages a send delivered.</summary>
/// <param name="Count">Rows written (one per receiver).</param>
public sealed record SentData(int Count);
