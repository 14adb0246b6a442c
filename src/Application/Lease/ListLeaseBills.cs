using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Lease;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Lease;

/// <summary>
/// <c>POST /lease/get_bill_list.dspy</c> 获取账单列表: a customer's own bills; staff see the bills of the orgs they
/// manage, optionally of one <c>user_id</c>. Paged (<c>sort</c> create_at/start_date/end_date/status/amount).
/// spec: 15-server-lease.md; lease.md §3A.10.
/// </summary>
public sealed record ListLeaseBills : LeaseBodyRequest, IQuery<Reply<Paged<LeaseBillRow>>>
{
    /// <summary>Customer filter (customers: always themselves).</summary>
    public string? UserId { get; init; }
    /// <summary>Page.</summary>
    public string? Page { get; init; }
    /// <summary>Rows (1–100).</summary>
    public string? Rows { get; init; }
    /// <summary>Sort.</summary>
    public string? Sort { get; init; }
}

public sealed class ListLeaseBillsValidator : AbstractValidator<ListLeaseBills>
{
    /// <summary>Sortable fields.</summary>
    public static readonly SortMap<LeaseBill> Sorts = new SortMap<LeaseBill>()
        .Add("create_at", b => b.CreateAt).Add("start_date", b => b.StartDate).Add("end_date", b => b.EndDate)
        .Add("status", b => b.Status).Add("amount", b => b.Amount);

    public ListLeaseBillsValidator()
    {
        RuleFor(x => x.UserId).MaxChars(32);
        LeasePaging.Rules(this, x => x.Page, x => x.Rows, x => x.Sort, Sorts.Fields);
    }
}

public sealed class ListLeaseBillsHandler(IKbossDbContext db, LeaseAccess access)
    : IQueryHandler<ListLeaseBills, Reply<Paged<LeaseBillRow>>>
{
    public async ValueTask<Reply<Paged<LeaseBillRow>>> Handle(ListLeaseBills q, CancellationToken ct)
    {
        var bills = await LeaseBillScope.VisibleAsync(db, access, ct);
        if (q.UserId.TrimmedOrNull() is { } user) bills = bills.Where(b => b.UserId == user);
        var page = LeasePaging.Parse(q.Page, q.Rows, q.Sort);
        var total = await bills.CountAsync(ct);
        var rows = await ListLeaseBillsValidator.Sorts.Apply(bills, page, b => b.Id).Skip(page.Skip).Take(page.Rows)
            .ToListAsync(ct);
        return Reply.Ok("获取账单列表成功", new Paged<LeaseBillRow>(total, rows.Select(LeaseBillRow.From).ToList()));
    }
}

/// <summary>The bills a caller may read: staff those of the seller orgs it manages, others their own.</summary>
public static class LeaseBillScope
{
    /// <summary>The visible bills.</summary>
    public static async Task<IQueryable<LeaseBill>> VisibleAsync(IKbossDbContext db, LeaseAccess access,
        CancellationToken ct)
    {
        var rows = db.LeaseBills.AsNoTracking();
        if (!access.IsStaff)
        {
            var me = access.UserId;
            return rows.Where(b => b.UserId == me);
        }
        var orgs = await access.ManagedOrgsAsync(ct);
        return rows.Where(b => orgs == null || orgs.Contains(b.OrgId));
    }
}
