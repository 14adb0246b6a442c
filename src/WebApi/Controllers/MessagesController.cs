using Kboss.Application.Common.Models;
using Kboss.Application.Messages;
using Kboss.Application.Products.Marketplace;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// 站内信 (spec: 21-messages.md; analysis/platform.md §3.2, §4.2, §4.3). Lists, mark-read and delete: any logged-in
/// user, on its own messages; sending and templates: operators and admins, within the orgs they may act on.
/// </summary>
[Tags("站内信")]
public sealed class MessagesController(IMediator mediator) : ControllerBase
{
    /// <summary>获取未读信息及数量</summary>
    [LegacyGet("/message/get_unreadmsg.dspy")]
    public ValueTask<MessageListReply> Unread([FromLegacyParams] GetUnreadMessages q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>获取所有通知消息</summary>
    [LegacyGet("/message/get_msg.dspy")]
    public ValueTask<MessageListReply> All([FromLegacyParams] GetMessages q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>获取已读通知消息</summary>
    [LegacyGet("/message/get_readmsg.dspy")]
    public ValueTask<MessageListReply> Read([FromLegacyParams] GetReadMessages q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>发送消息通知</summary>
    [LegacyPost("/message/add_msg.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<SentData>> Add([FromLegacyParams] AddMessage c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>修改消息状态 (mark read)</summary>
    [LegacyPost("/message/up_msg.dspy")]
    public ValueTask<Reply<object>> MarkRead([FromLegacyParams] MarkMessageRead c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>删除通知消息</summary>
    [LegacyPost("/message/del_msg.dspy")]
    public ValueTask<Reply<IdData>> Delete([FromLegacyParams] DeleteMessage c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>获取所有站内信模板</summary>
    [LegacyGet("/message/getmsg_config.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<IReadOnlyList<MsgConfigItem>>> Templates(CancellationToken ct) =>
        mediator.Send(new ListTemplates(), ct);

    /// <summary>新增站内信模板</summary>
    [LegacyPost("/message/addmsg_config.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<IdData>> AddTemplate([FromLegacyParams] AddTemplate c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>删除站内信模板</summary>
    [LegacyPost("/message/delmsg_config.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<IdData>> DeleteTemplate([FromLegacyParams] DeleteTemplate c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>修改站内信模板</summary>
    [LegacyPost("/message/upmsg_config.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<MsgConfigItem>> UpdateTemplate([FromLegacyParams] UpdateTemplate c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>修改发送状态 可以发送</summary>
    [LegacyPost("/message/is_msg.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<MsgConfigItem>> Enable([FromLegacyParams] EnableTemplate c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>修改发送状态 取消发送</summary>
    [LegacyPost("/message/not_msg.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<MsgConfigItem>> Disable([FromLegacyParams] DisableTemplate c, CancellationToken ct) =>
        mediator.Send(c, ct);
}
