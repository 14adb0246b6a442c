using Kboss.Application.Common.Models;
using Kboss.Application.Finance.Settlement;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// 供应商结算统计 (spec: 17-provider-settlement.md; finance.md §3.5, §4.6; ADR 0035): settlements of an operator
/// org's providers, their bills and Excel export, approval through the approval hub, the result replay and the
/// automatic run (admin; also the Quartz job <c>auto_provider_settle_cron_job</c>).
/// </summary>
[Tags("供应商结算统计")]
public sealed class ProviderSettlementController(IMediator mediator) : ControllerBase
{
    private const string O = Policies.Operator;

    /// <summary>获取待结算的供应商list</summary>
    [LegacyPost("/provider_settle/get_settle_list.dspy"), Authorize(Policy = O)]
    public ValueTask<Reply<IReadOnlyList<SettlementRow>>> List([FromLegacyParams] ListSettlements q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>获取指定供应商的账单list</summary>
    [LegacyPost("/provider_settle/get_settle_bill_list.dspy"), Authorize(Policy = O)]
    public ValueTask<Reply<SettlementBillList>> Bills([FromLegacyParams] ListSettlementBills q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>发起审批申请</summary>
    [LegacyPost("/provider_settle/send_apv.dspy"), Authorize(Policy = O)]
    public ValueTask<Reply<IReadOnlyList<SettlementSent>>> Send([FromLegacyParams] SendSettlementApproval c,
        CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>供应商自动结算-审批回调API</summary>
    [LegacyPost("/provider_settle/apv_callback_provider_settle.dspy"), Authorize(Policy = O)]
    public ValueTask<Reply<SettlementRow>> Result([FromLegacyParams] ApplySettlementResult c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>供应商自动结算 (admin)</summary>
    [LegacyPost("/provider_settle/auto_provider_settle_cron_job.dspy"), Authorize(Policy = Policies.Admin)]
    public ValueTask<Reply<AutoSettlementReport>> Auto([FromLegacyParams] RunAutoSettlement c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>导出-获取指定供应商的账单list (an xlsx file)</summary>
    [LegacyPost("/provider_settle/get_settle_bill_list_to_excel.dspy"), Authorize(Policy = O)]
    public ValueTask<Reply<SettlementBillList>> Export([FromLegacyParams] ExportSettlementBills q,
        CancellationToken ct) => mediator.Send(q, ct);
}
