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

/// <summary>Reads one page of a bill list: totals, then the page's ids by an index-only walk, then its rows.</summary>
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
        (bills, inOrder) = (Dated(bills, r), Dated(inOrder, r));
        var page = RuleExtensions.TryInt(r.CurrentPage, out var p) ? (int)p : 1;
        var size = RuleExtensions.TryInt(r.PageSize, out var s) ? (int)s : DefaultPageSize;
        var total = await bills.CountAsync(ct);
        var sum = total == 0 ? 0 : await KpiQueries.SumFen(bills).SumAsync(ct);
        var skip = (long)(page - 1) * size;
        var ids = skip >= total ? [] : await KpiQueries.PageIds(inOrder, (int)skip, size).ToListAsync(ct);
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
