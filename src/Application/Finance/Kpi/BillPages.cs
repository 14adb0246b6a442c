using System.Globalization;
using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Finance;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Kpi;

/// <summary>
/// <c>data</c> of the bill lists KPI-04/06 (finance.md §3.1 paging conventions): <c>total_page =
/// ceil(total_num / page_size)</c>, <c>bill_sum</c> = Σ amount of the whole filtered set, <c>current_page</c> echoed as
/// a string.
/// </summary>
public sealed record BillPageView(int TotalPage, int TotalNum, decimal BillSum, int PageSize, string CurrentPage,
    IReadOnlyList<BillRowView> BillList);

/// <summary>Bills and Σ amount (分) of one bill date.</summary>
/// <param name="Day">Bill date.</param>
/// <param name="Bills">Bills.</param>
/// <param name="Fen">Σ amount × 100.</param>
public sealed record DayCount(DateOnly Day, int Bills, long Fen);

/// <summary>A bill row with the joined names of KPI-06 (money in 元; times platform-local).</summary>
public sealed record BillRowView(string Id, string Customerid, string? Orderid, string? Ordergoodsid,
    string BusinessOp, decimal? ProviderAmt, int? Quantity, decimal Amount, string BillDate, string BillTimestamp,
    string BillState, string? Productid, string? Providerid, string? ProviderBillid, string? Resourceid,
    string DelFlg, string CreateAt, string Productname, string Orgname, string? Orgcode, string Address,
    string? Salemanid, string? Salemanname);

/// <summary>The paging and date parameters the two bill lists share.</summary>
public interface IBillPageRequest
{
    /// <summary>1-based page.</summary>
    string? CurrentPage { get; }
    /// <summary>Rows per page (default 20, 1…1000).</summary>
    string? PageSize { get; }
    /// <summary>First bill date (inclusive; <c>yyyy-MM-dd</c> or <c>yyyy-MM-dd HH:mm:ss</c>).</summary>
    string? StartTime { get; }
    /// <summary>Last bill date (inclusive).</summary>
    string? EndTime { get; }
}

/// <summary>Rules of <see cref="IBillPageRequest"/>.</summary>
public static class BillPageRules
{
    /// <summary>Largest page size (finance.md §3.1 KPI-06).</summary>
    public const int MaxPageSize = 1000;
    /// <summary>Refusal of a start after the end.</summary>
    public const string RangeMessage = "开始日期不能晚于结束日期";

    /// <summary>Adds the shared rules to <paramref name="v"/>.</summary>
    public static void Add<T>(AbstractValidator<T> v) where T : IBillPageRequest
    {
        v.RuleFor(x => x.CurrentPage).OptionalInt(1, int.MaxValue);
        v.RuleFor(x => x.PageSize).OptionalInt(1, MaxPageSize);
        v.RuleFor(x => x.StartTime).Must(DateOk).WithMessage(DateMessage);
        v.RuleFor(x => x.EndTime).Must(DateOk).WithMessage(DateMessage);
        v.RuleFor(x => x.EndTime).Must((x, end) => !(Date(x.StartTime) > Date(end))).WithMessage(RangeMessage);
    }

    /// <summary>Refusal of a bad date (finance.md §3.1 E_DATE).</summary>
    public const string DateMessage = "日期格式错误,请使用YYYY-MM-DD格式";

    /// <summary>The date part of <c>yyyy-MM-dd</c> or <c>yyyy-MM-dd HH:mm:ss</c>; null when empty or bad.</summary>
    public static DateOnly? Date(string? value) =>
        RuleExtensions.TryDateOrTime(value, out var t, out _) ? DateOnly.FromDateTime(t) : null;

    private static bool DateOk(string? value) => string.IsNullOrWhiteSpace(value) || Date(value) is not null;
}

/// <summary>
/// Reads one page of a bill list: totals, then the page's ids by an index-only walk, then its rows. A whole org's list
/// (ADR 0040) counts from the per-day totals and seeks: the day holding the page's first row is found by summing the
/// days' counts newest first, and the walk starts at that day (at most one day's bills are skipped).
/// </summary>
public sealed class BillPages(IKbossDbContext db, KpiClock clock)
{
    /// <summary>Default page size.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>
    /// The page of <paramref name="bills"/> asked for by <paramref name="r"/> (dates applied here); the page's ids
    /// are read from <paramref name="inOrder"/> (the same set, in the form whose plan walks the ordering index).
    /// </summary>
    public async Task<BillPageView> ReadAsync(IQueryable<Bill> bills, IQueryable<Bill> inOrder, IBillPageRequest r,
        CancellationToken ct)
    {
        bills = Dated(bills, r);
        var total = await bills.CountAsync(ct);
        var sum = total == 0 ? 0 : await KpiQueries.SumFen(bills).SumAsync(ct);
        return await PageAsync(Dated(inOrder, r), r, total, sum, skip => (skip, null), ct);
    }

    /// <summary>
    /// The page of every bill of the customers of <paramref name="org"/> (<see cref="KpiQueries.CustomersOfOrg"/>;
    /// <paramref name="inOrder"/> is that set): counts and Σ from <see cref="BillDayTotal"/> less the orgs outside the
    /// scope, the page by a seek to its day.
    /// </summary>
    public async Task<BillPageView> ReadOrgAsync(string org, IQueryable<Bill> inOrder, IBillPageRequest r,
        CancellationToken ct)
    {
        var (from, to) = (BillPageRules.Date(r.StartTime) ?? DateOnly.MinValue,
            BillPageRules.Date(r.EndTime) ?? DateOnly.MaxValue);
        var owned = await db.BillDayTotals.AsNoTracking()
            .Where(t => t.OwnerOrgId == org && t.BillDate >= from && t.BillDate <= to)
            .GroupBy(t => t.BillDate)
            .Select(g => new DayCount(g.Key, g.Sum(t => t.Bills), g.Sum(t => t.AmountFen))).ToListAsync(ct);
        var less = (await KpiQueries.OutsideDays(db, org, from, to).ToListAsync(ct))
            .Select(d => new DayCount(d.Day, -d.Count, -d.AmountFen));
        var days = owned.Concat(less).GroupBy(d => d.Day)
            .Select(g => new DayCount(g.Key, g.Sum(d => d.Bills), g.Sum(d => d.Fen)))
            .Where(d => d.Bills > 0).OrderByDescending(d => d.Day).ToList();
        return await PageAsync(Dated(inOrder, r), r, days.Sum(d => d.Bills), days.Sum(d => d.Fen),
            skip => Seek(days, skip), ct);
    }

    /// <summary>The day holding row <paramref name="skip"/> (0-based, newest first) and the rows of that day before it.
    /// </summary>
    public static (long Within, DateOnly? Day) Seek(IReadOnlyList<DayCount> newestFirst, long skip)
    {
        foreach (var d in newestFirst)
        {
            if (skip < d.Bills) return (skip, d.Day);
            skip -= d.Bills;
        }
        return (skip, null);
    }

    private async Task<BillPageView> PageAsync(IQueryable<Bill> inOrder, IBillPageRequest r, int total, long sum,
        Func<long, (long Within, DateOnly? Day)> seek, CancellationToken ct)
    {
        var page = RuleExtensions.TryInt(r.CurrentPage, out var p) ? (int)p : 1;
        var size = RuleExtensions.TryInt(r.PageSize, out var s) ? (int)s : DefaultPageSize;
        var skip = (long)(page - 1) * size;
        List<string> ids = [];
        if (skip < total)
        {
            var (within, day) = seek(skip);
            if (day is { } d) inOrder = inOrder.Where(b => b.BillDate <= d);
            ids = await KpiQueries.PageIds(inOrder, (int)within, size).ToListAsync(ct);
        }
        return new BillPageView((total + size - 1) / size, total, KpiQueries.Yuan(sum), size,
            page.ToString(CultureInfo.InvariantCulture), await RowsAsync(ids, ct));
    }

    private static IQueryable<Bill> Dated(IQueryable<Bill> bills, IBillPageRequest r)
    {
        if (BillPageRules.Date(r.StartTime) is { } from) bills = bills.Where(b => b.BillDate >= from);
        if (BillPageRules.Date(r.EndTime) is { } to) bills = bills.Where(b => b.BillDate <= to);
        return bills;
    }

    private async Task<IReadOnlyList<BillRowView>> RowsAsync(List<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var rows = await (from b in db.Bills.AsNoTracking().Where(b => ids.Contains(b.Id))
                          join o in db.Organizations.AsNoTracking() on b.CustomerId equals o.Id into os
                          from o in os.DefaultIfEmpty()
                          join p in db.Products.AsNoTracking() on b.ProductId equals p.Id into ps
                          from p in ps.DefaultIfEmpty()
                          join u in db.Users.AsNoTracking() on o.SalemanId equals u.Id into us
                          from u in us.DefaultIfEmpty()
                          select new
                          {
                              Bill = b, Orgname = o == null ? "" : o.Name, Salemanid = o == null ? null : o.SalemanId,
                              Productname = p == null ? "" : p.Name,
                              Salemanname = u == null ? null : (u.DisplayName == "" ? u.Username : u.DisplayName),
                          }).ToListAsync(ct);
        var byId = rows.ToDictionary(x => x.Bill.Id);
        return ids.Select(id => byId[id]).Select(x => new BillRowView(x.Bill.Id, x.Bill.CustomerId, x.Bill.OrderId,
            x.Bill.OrderGoodsId, x.Bill.BusinessOp, x.Bill.ProviderAmt, x.Bill.Quantity, x.Bill.Amount,
            x.Bill.BillDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), clock.Local(x.Bill.BillTimestamp),
            x.Bill.BillState, x.Bill.ProductId, x.Bill.ProviderId, x.Bill.ProviderBillId, x.Bill.ResourceId,
            x.Bill.DelFlg, clock.Local(x.Bill.CreateAt), x.Productname, x.Orgname, null, "", x.Salemanid,
            x.Salemanname)).ToList();
    }
}
