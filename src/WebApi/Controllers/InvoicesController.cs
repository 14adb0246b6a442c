using Kboss.Application.Common.Models;
using Kboss.Application.Invoices;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// 发票开票 (spec 19-invoice.md; finance.md §3.6, §4.8; ADR 0034): customers' invoice info kept by sales, recharge
/// records, applications approved through the approval hub (business 申请开票), sales' approval records. Info and
/// lists: sales; records and applications: the customer too; the manual result: operators.
/// </summary>
[Tags("发票开票")]
public sealed class InvoicesController(IMediator mediator) : ControllerBase
{
    /// <summary>销售获取名下客户发票信息</summary>
    [LegacyPost("/invoice/get_user_invoice.dspy")]
    [Authorize(Policy = Policies.Sales)]
    public ValueTask<Reply<IReadOnlyList<InvoiceInfoView>>> Infos([FromLegacyParams] ListInvoiceInfos q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>销售保存客户发票信息</summary>
    [LegacyPost("/invoice/save_user_invoice.dspy")]
    [Authorize(Policy = Policies.Sales)]
    public ValueTask<Reply<InvoiceInfoView>> Save([FromLegacyParams] SaveInvoiceInfo c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>销售修改客户发票信息</summary>
    [LegacyPost("/invoice/update_user_invoice.dspy")]
    [Authorize(Policy = Policies.Sales)]
    public ValueTask<Reply<InvoiceInfoView>> Update([FromLegacyParams] UpdateInvoiceInfo c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>获取充值记录</summary>
    [LegacyPost("/invoice/get_recharge_record.dspy")]
    public ValueTask<Reply<RechargeRecordList>> Recharges([FromLegacyParams] ListRechargeRecords q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>申请开票</summary>
    [LegacyPost("/invoice/apv_invoice.dspy")]
    public ValueTask<Reply<InvoiceApplied>> Apply([FromLegacyParams] ApplyInvoice c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>申请开票回调API</summary>
    [LegacyPost("/invoice/invoice_callback.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<InvoiceApplicationState>> Callback([FromLegacyParams] RecordInvoiceResult c,
        CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>销售获取名下的审批记录</summary>
    [LegacyPost("/invoice/get_apv_list.dspy")]
    [Authorize(Policy = Policies.Sales)]
    public ValueTask<Reply<IReadOnlyList<InvoiceApprovalRow>>> Approvals([FromLegacyParams] ListInvoiceApprovals q,
        CancellationToken ct) => mediator.Send(q, ct);
}
