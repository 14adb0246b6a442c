using Kboss.Domain.Common;

namespace Kboss.Domain.Messages;

/// <summary>
/// 站内信模板 MsgConfig (analysis/platform.md §2.2, §4.2, §4.3) of one org: the text of a message type with
/// <c>$name</c> placeholders and the send switch (<c>is_msg</c> / <c>not_msg</c>). <see cref="MsgType"/> is unique
/// among the org's alive templates.
/// </summary>
public sealed class MessageTemplate : Entity, ISoftDeletable
{
    /// <summary>Owning org (the operator org whose customers receive its messages).</summary>
    public string OrgId { get; init; } = "";
    /// <summary>Message type = template code, e.g. <c>产品服务</c>.</summary>
    public string MsgType { get; private set; } = "";
    /// <summary>Text with <c>$name</c> / <c>${name}</c> placeholders (<see cref="TemplateText"/>).</summary>
    public string MsgText { get; private set; } = "";
    /// <summary><c>"1"</c> may be sent, <c>"0"</c> sending cancelled.</summary>
    public string IsSend { get; private set; } = SendSwitch.On;
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;

    /// <summary>A new template, sending on.</summary>
    public static MessageTemplate Create(string orgId, string msgType, string msgText) =>
        new() { OrgId = orgId, MsgType = msgType, MsgText = msgText };

    /// <summary>True while messages of this type may be sent.</summary>
    public bool Sends => IsSend == SendSwitch.On;

    /// <summary>Changes the given fields (null keeps).</summary>
    public void Change(string? msgType, string? msgText)
    {
        if (msgType is not null) MsgType = msgType;
        if (msgText is not null) MsgText = msgText;
    }

    /// <summary>Turns sending on or off; idempotent.</summary>
    public void SetSending(bool on) => IsSend = on ? SendSwitch.On : SendSwitch.Off;
}

/// <summary>Values of <see cref="MessageTemplate.IsSend"/>.</summary>
public static class SendSwitch
{
    /// <summary>可以发送.</summary>
    public const string On = "1";
    /// <summary>取消发送.</summary>
    public const string Off = "0";
}
