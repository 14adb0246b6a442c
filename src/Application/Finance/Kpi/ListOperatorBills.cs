using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Kpi;

/// <summary>
/// KPI-06 <c>GET /kpi/operator_get_all_bill.dspy</c> 运营获取所有账单 (spec 08-kpi.md; finance.md §3.1, §4.2, §6 #9):
/// every live bill (any op, any state) of the customers owned by <c>orgid</c>, optionally of one salesperson
/// (<c>salemanid</c>), one customer (<c>user_orgid</c>) and a bill-date range; newest first, paged (ADR 0032; ADR 0040:
/// a whole org's list seeks by per-day counts). <c>orgid</c> and <c>current_page</c> are required (「必填」). Rights: an
/// operator or reseller of <c>orgid</c> (or of an org owning it), admin.
/// </summary>
public sealed record ListOperatorBills : IQuery<Reply<BillPageView>>, IBillPageRequest
{
    /// <summary>业主机构orgid.</summary>
    public string? Orgid { get; init; }
    /// <summary>销售人员的id.</summary>
    public string? Salemanid { get; init; }
    /// <summary>用户的orgid.</summary>
    public string? UserOrgid { get; init; }
    /// <inheritdoc />
    public string? CurrentPage { get; init; }
    /// <inheritdoc />
    public string? PageSize { get; init; }
    /// <inheritdoc />
    public string? StartTime { get; init; }
    /// <inheritdoc />
    public string? EndTime { get; init; }
}

public sealed class ListOperatorBillsValidator : AbstractValidator<ListOperatorBills>
{
    public ListOperatorBillsValidator()
    {
        RuleFor(x => x.Orgid).Required().MaxChars(64);
        RuleFor(x => x.CurrentPage).Required();
        RuleFor(x => x.Salemanid).MaxChars(64);
        RuleFor(x => x.UserOrgid).MaxChars(64);
        BillPageRules.Add(this);
    }
}

public sealed class ListOperatorBillsHandler(IKbossDbContext db, KpiAccess access, BillPages pages)
    : IQueryHandler<ListOperatorBills, Reply<BillPageView>>
{
    public async ValueTask<Reply<BillPageView>> Handle(ListOperatorBills q, CancellationToken ct)
    {
        var org = await access.OwnerOrgAsync(q.Orgid, ct);
        var customers = KpiQueries.CustomersOfOrg(db, org);
        if (string.IsNullOrWhiteSpace(q.Salemanid) && string.IsNullOrWhiteSpace(q.UserOrgid))
            return Reply.Ok("查询成功", await pages.ReadOrgAsync(org, KpiQueries.OrgBillsInOrder(db, customers), q, ct));
        if (!string.IsNullOrWhiteSpace(q.Salemanid))
        {
            var sales = q.Salemanid.Trim();
            customers = customers.Where(o => o.SalemanId == sales);
        }
        var (bills, inOrder) = (KpiQueries.OrgBills(db, customers), KpiQueries.OrgBillsInOrder(db, customers));
        if (!string.IsNullOrWhiteSpace(q.UserOrgid))
        {
            var customer = q.UserOrgid.Trim();
            bills = bills.Where(b => b.CustomerId == customer);
            inOrder = bills; // one customer: its own index is already in order
        }
        return Reply.Ok("查询成功", await pages.ReadAsync(bills, inOrder, q, ct));
    }
}
