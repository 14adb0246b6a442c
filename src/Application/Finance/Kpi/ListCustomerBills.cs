using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Kpi;

/// <summary>
/// KPI-04 <c>GET /kpi/user_get_bill.dspy</c> 客户获取账单列表 (spec 08-kpi.md; finance.md §3.1, §6 #8): the live bills of
/// one customer org, newest first, paged, optionally between two bill dates (inclusive). <c>user_orgid</c> is the
/// customer org or a user of it. Visible to whoever may act on that org (the customer itself, its owner's operators,
/// admin) and to its salesperson; others get 403, an unknown id not_found.
/// </summary>
public sealed record ListCustomerBills : IQuery<Reply<BillPageView>>, IBillPageRequest
{
    /// <summary>用户userid: customer org id or user id.</summary>
    public string? UserOrgid { get; init; }
    /// <inheritdoc />
    public string? StartTime { get; init; }
    /// <inheritdoc />
    public string? EndTime { get; init; }
    /// <inheritdoc />
    public string? PageSize { get; init; }
    /// <inheritdoc />
    public string? CurrentPage { get; init; }
}

public sealed class ListCustomerBillsValidator : AbstractValidator<ListCustomerBills>
{
    public ListCustomerBillsValidator()
    {
        RuleFor(x => x.UserOrgid).Required().MaxChars(64);
        RuleFor(x => x.PageSize).Required();
        RuleFor(x => x.CurrentPage).Required();
        BillPageRules.Add(this);
    }
}

public sealed class ListCustomerBillsHandler(IKbossDbContext db, KpiAccess access, BillPages pages)
    : IQueryHandler<ListCustomerBills, Reply<BillPageView>>
{
    /// <summary>Unknown customer org or user.</summary>
    public const string NotFoundMessage = "客户不存在";

    public async ValueTask<Reply<BillPageView>> Handle(ListCustomerBills q, CancellationToken ct)
    {
        var id = q.UserOrgid!.Trim();
        var org = await db.Organizations.AsNoTracking().AnyAsync(o => o.Id == id, ct)
            ? id
            : await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.OrgId).FirstOrDefaultAsync(ct)
              ?? throw BusinessException.NotFound(NotFoundMessage);
        if (!await access.CanSeeCustomerAsync(org, ct)) throw new ForbiddenException("无权查看该客户的账单");
        var bills = db.Bills.AsNoTracking().Where(b => b.CustomerId == org);
        return Reply.Ok("查询成功", await pages.ReadAsync(bills, bills, q, ct));
    }
}
