using Kboss.Application.Approval;
using Kboss.Application.Common.Models;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// 申请审批 (spec: 13-approval.md; analysis/platform.md §3.1, §4.1; ADR 0026): per-org DingTalk keys, senders, forms
/// and levels (operators, own orgs); platform-wide businesses and templates (admins write, operators read); the
/// records (any user, own); the test send; and DingTalk's event subscription (anonymous, signature-checked).
/// </summary>
[Tags("申请审批")]
public sealed class ApprovalController(IMediator mediator) : ControllerBase
{
    private const string O = Policies.Operator;
    private const string A = Policies.Admin;

    /// <summary>获取审批密钥</summary>
    [LegacyPost("/apv/get_apv_key.dspy"), Authorize(Policy = O)]
    public ValueTask<Reply<IReadOnlyList<ApvKeyView>>> GetKey([FromLegacyParams] GetApvKey q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>保存审批密钥</summary>
    [LegacyPost("/apv/save_apv_key.dspy"), Authorize(Policy = O)]
    public ValueTask<Reply<string>> SaveKey([FromLegacyParams] SaveApvKey c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>获取审批流信息</summary>
    [LegacyPost("/apv/get_apv_flow.dspy"), Authorize(Policy = O)]
    public ValueTask<Reply<ApvFlowView>> GetFlow([FromLegacyParams] GetApvFlow q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>保存审批流信息</summary>
    [LegacyPost("/apv/save_apv_flow.dspy"), Authorize(Policy = O)]
    public ValueTask<Reply<string>> SaveFlow([FromLegacyParams] SaveApvFlow c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>获取审批列表</summary>
    [LegacyPost("/apv/get_apv_list.dspy"), Authorize]
    public ValueTask<Reply<IReadOnlyList<ApprovalRecordView>>> List(
        [FromLegacyParams] GetApvList q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>获取业务列表</summary>
    [LegacyPost("/apv/get_apv_business.dspy"), Authorize(Policy = O)]
    public ValueTask<Reply<IReadOnlyList<ApvBusinessView>>> Businesses(
        [FromLegacyParams] GetApvBusiness q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>设置业务回调地址</summary>
    [LegacyPost("/apv/apv_business.dspy"), Authorize(Policy = A)]
    public ValueTask<Reply<string>> SetBusiness([FromLegacyParams] SetApvBusiness c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>设置审批模板</summary>
    [LegacyPost("/apv/apv_template.dspy"), Authorize(Policy = A)]
    public ValueTask<Reply<string>> SetTemplate([FromLegacyParams] SetApvTemplate c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>获取审批模板</summary>
    [LegacyPost("/apv/get_apv_template.dspy"), Authorize(Policy = O)]
    public ValueTask<Reply<IReadOnlyList<ApvTemplateView>>> Templates(
        [FromLegacyParams] GetApvTemplate q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>删除审批业务</summary>
    [LegacyPost("/apv/delete_apv_business.dspy"), Authorize(Policy = A)]
    public ValueTask<Reply<string>> DeleteBusiness([FromLegacyParams] DeleteApvBusiness c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>删除审批模板</summary>
    [LegacyPost("/apv/delete_apv_template.dspy"), Authorize(Policy = A)]
    public ValueTask<Reply<string>> DeleteTemplate([FromLegacyParams] DeleteApvTemplate c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>设置发送人和表单</summary>
    [LegacyPost("/apv/send_key_create.dspy"), Authorize(Policy = O)]
    public ValueTask<Reply<string>> SaveSender([FromLegacyParams] SaveSendKey c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>查询发送人和表单</summary>
    [LegacyPost("/apv/send_key_select.dspy"), Authorize(Policy = O)]
    public ValueTask<Reply<IReadOnlyList<ApvSendKeyView>>> Senders(
        [FromLegacyParams] GetSendKey q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>获取审批表单</summary>
    [LegacyPost("/apv/get_apv_form.dspy"), Authorize(Policy = O)]
    public ValueTask<Reply<IReadOnlyList<ApvFormView>>> Forms([FromLegacyParams] GetApvForm q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>通过手机号获取id</summary>
    [LegacyPost("/apv/get_id_by_phone_dd.dspy"), Authorize(Policy = O)]
    public ValueTask<Reply<string>> IdByPhone([FromLegacyParams] GetIdByPhone q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>发送审批测试接口</summary>
    [LegacyPost("/test/send_apv.dspy"), Authorize(Policy = O)]
    public ValueTask<Reply<string>> Send([FromLegacyParams] SendApv c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>钉钉审批事件回调 (DingTalk event subscription; not in the spec, analysis/platform.md §7 #10)</summary>
    [LegacyPost("/apv/dd_callback.dspy"), AllowAnonymous]
    public ValueTask<DingTalkAck> DingTalkEvent([FromLegacyParams] ReceiveDingTalkEvent c, CancellationToken ct) =>
        mediator.Send(c, ct);
}
