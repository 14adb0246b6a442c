using FluentValidation;
using Kboss.Application.Approval;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Finance;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Invoices;

/// <summary>INV-04's reply (元).</summary>
/// <param name="Rows">Records, newest first (at most 1000).</param>
/// <param name="TotalAmount">Σ of every record.</param>
/// <param name="InvoicedAmount">Σ invoiced.</param>
/// <param name="ApplyingAmount">Σ in applications under approval.</param>
/// <param name="InvoiceableAmount">What may still be applied for.</param>
public sealed record RechargeRecordList(IReadOnlyList<RechargeRecordRow> Rows, decimal TotalAmount,
    decimal InvoicedAmount, decimal ApplyingAmount, decimal InvoiceableAmount);

/// <summary>
/// INV-04 <c>POST /invoice/get_recharge_record.dspy</c> 获取充值记录 (spec 19-invoice.md; finance.md §3.6, §2.15): the
/// recharge records of customer org <c>customerid</c> (default: the caller's org) with their invoice state
/// (<see cref="RechargeRecords"/>), optionally only those in <c>invoice_state</c>, and the totals. The customer
/// itself, the sales and operators of its owner org, admins.
/// </summary>
public sealed record ListRechargeRecords : ApvBodyRequest, IQuery<Reply<RechargeRecordList>>
{
    /// <summary>客户的orgid.</summary>
    public string? Customerid { get; init; }
    /// <summary>0 未开票, 1 审批中, 2 已开票 (kboss filter).</summary>
    public string? InvoiceState { get; init; }
}

public sealed class ListRechargeRecordsValidator : AbstractValidator<ListRechargeRecords>
{
    public ListRechargeRecordsValidator()
    {
        RuleFor(x => x.Customerid).MaxChars(32);
        RuleFor(x => x.InvoiceState).OneOf([RechargeInvoiceStates.None, RechargeInvoiceStates.Applying,
            RechargeInvoiceStates.Invoiced]);
    }
}

public sealed class ListRechargeRecordsHandler(ICurrentUser user, InvoiceAccess access, RechargeRecords records)
    : IQueryHandler<ListRechargeRecords, Reply<RechargeRecordList>>
{
    public async ValueTask<Reply<RechargeRecordList>> Handle(ListRechargeRecords q, CancellationToken ct)
    {
        var customer = await access.CustomerAsync(q.Customerid.TrimmedOrNull() ?? user.OrgId, allowSelf: true, ct);
        var entries = await records.Of(customer.Id).OrderByDescending(e => e.CreateAt).ThenByDescending(e => e.Id)
            .Take(1000).ToListAsync(ct);
        var rows = await records.RowsAsync(entries, ct);
        if (q.InvoiceState.TrimmedOrNull() is { } state) rows = rows.Where(r => r.InvoiceState == state).ToList();
        var total = await records.Of(customer.Id).SumAsync(e => e.Amount, ct);
        var invoiced = await records.HeldAsync(customer.Id, InvoiceApplicationStates.Approved, ct);
        var applying = await records.HeldAsync(customer.Id, InvoiceApplicationStates.InApproval, ct);
        return Reply.Ok("查询成功", new RechargeRecordList(rows, total, invoiced, applying, total - invoiced - applying));
    }
}
