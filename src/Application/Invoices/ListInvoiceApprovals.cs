using FluentValidation;
using Kboss.Application.Approval;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Invoices;

/// <summary>An approval a salesperson started (INV-07).</summary>
/// <param name="Id">The item (invoice application or customer price configuration).</param>
/// <param name="ApvId">Approval instance id (null while not started).</param>
/// <param name="BusinessName">申请开票 or 销售配置折扣底价.</param>
/// <param name="ClientId">Customer org.</param>
/// <param name="Orgname">Its name.</param>
/// <param name="Amount">Invoice amount, 元 (price configurations: null).</param>
/// <param name="Status">0 审批中, 1 通过, 2 驳回, 3 发起审批失败.</param>
/// <param name="CreateAt">Started.</param>
/// <param name="UpdateAt">Last change.</param>
public sealed record InvoiceApprovalRow(string Id, string? ApvId, string BusinessName, string ClientId, string? Orgname,
    decimal? Amount, string Status, DateTime CreateAt, DateTime UpdateAt);

/// <summary>
/// INV-07 <c>POST /invoice/get_apv_list.dspy</c> 销售获取名下的审批记录 (spec 19-invoice.md; finance.md §3.6): the
/// invoice applications and the customer price proposals (PRV-01, business 销售配置折扣底价) of the salesperson
/// <c>user_id</c> (default: the caller; operators: users of their org), newest first, at most 1000.
/// </summary>
public sealed record ListInvoiceApprovals : ApvBodyRequest, IQuery<Reply<IReadOnlyList<InvoiceApprovalRow>>>
{
    /// <summary>销售user_id.</summary>
    public string? UserId { get; init; }
}

public sealed class ListInvoiceApprovalsValidator : AbstractValidator<ListInvoiceApprovals>
{
    public ListInvoiceApprovalsValidator() => RuleFor(x => x.UserId).MaxChars(32);
}

public sealed class ListInvoiceApprovalsHandler(IKbossDbContext db, InvoiceAccess access)
    : IQueryHandler<ListInvoiceApprovals, Reply<IReadOnlyList<InvoiceApprovalRow>>>
{
    private const int MaxRows = 1000;
    private const string PriceBusiness = "销售配置折扣底价";

    public async ValueTask<Reply<IReadOnlyList<InvoiceApprovalRow>>> Handle(ListInvoiceApprovals q, CancellationToken ct)
    {
        var sales = await access.SalesAsync(q.UserId, ct);
        var invoices = await db.InvoiceApplications.AsNoTracking().Where(a => a.UserId == sales.UserId)
            .OrderByDescending(a => a.CreateAt).Take(MaxRows)
            .Select(a => new InvoiceApprovalRow(a.Id, a.ApvId, InvoiceApprovalHandler.Business, a.ClientId,
                db.Organizations.Where(o => o.Id == a.ClientId).Select(o => o.Name).FirstOrDefault(), a.Amount,
                a.State, a.CreateAt, a.UpdateTime)).ToListAsync(ct);
        var prices = await db.CustomerProductConfigs.AsNoTracking().Where(p => p.SalemanId == sales.UserId)
            .OrderByDescending(p => p.CreateAt).Take(MaxRows)
            .Select(p => new InvoiceApprovalRow(p.Id, p.ApvId, PriceBusiness, p.CustomerId,
                db.Organizations.Where(o => o.Id == p.CustomerId).Select(o => o.Name).FirstOrDefault(), null,
                p.ApvState, p.CreateAt, p.UpdateTime)).ToListAsync(ct);
        var rows = invoices.Concat(prices).OrderByDescending(r => r.CreateAt).ThenBy(r => r.Id).Take(MaxRows).ToList();
        return Reply.Ok("查询成功", (IReadOnlyList<InvoiceApprovalRow>)rows);
    }
}
