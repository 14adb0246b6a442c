using System.Text.RegularExpressions;
using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Finance;
using Kboss.Domain.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Resellers;

/// <summary>One customer's net sales in RSL-08.</summary>
/// <param name="Customerid">Customer org.</param>
/// <param name="Orgname">Its name.</param>
/// <param name="Amount">Net revenue, 元.</param>
public sealed record ResellerCustomerSales(string Customerid, string Orgname, decimal Amount);

/// <summary>Monthly net sales (<c>yyyy-MM</c>).</summary>
/// <param name="Date">Months, ascending.</param>
/// <param name="Number">Net revenue of each month, 元.</param>
public sealed record ResellerSalesSeries(IReadOnlyList<string> Date, IReadOnlyList<decimal> Number);

/// <summary>The reply of RSL-08 (元).</summary>
/// <param name="SalesAmount">Net revenue of the reseller's customers (BUY − REFUND, paid bills).</param>
/// <param name="ResellerCost">What the reseller owes its seller for those sales (finance.md §4.7).</param>
/// <param name="ResellerProfit">Sales − cost.</param>
/// <param name="Customers">Per customer, by amount descending.</param>
/// <param name="Series">Per month.</param>
public sealed record ResellerSales(decimal SalesAmount, decimal ResellerCost, decimal ResellerProfit,
    IReadOnlyList<ResellerCustomerSales> Customers, ResellerSalesSeries Series);

/// <summary>
/// RSL-08 <c>GET /reseller/reseller_analysis.dspy</c> 分销商销售额查看 (spec 16-reseller.md; finance.md §3.4, §4.2,
/// §4.7): the net sales of the customers the reseller owns over paid BUY and REFUND bills whose <c>bill_date</c> is in
/// the inclusive range (either bound optional, <c>2023-08-01</c> style only: <c>日期格式错误,请使用YYYY-MM-DD格式</c>;
/// start after end: <c>开始日期不能晚于结束日期</c>), the reseller's cost by its seller's rate of each product
/// (<see cref="SalePricing.ResellerCost"/>, refunds given back pro rata) and the profit. <c>reseller_orgid</c>
/// defaults to the caller's org; the reseller itself, operators of its owner org and admins.
/// </summary>
public sealed partial record GetResellerSales : IQuery<Reply<ResellerSales>>
{
    /// <summary>分销商orgid.</summary>
    public string? ResellerOrgid { get; init; }
    /// <summary>开始日期.</summary>
    public string? StartDate { get; init; }
    /// <summary>结束日期.</summary>
    public string? EndDate { get; init; }

    /// <summary>E_DATE.</summary>
    public const string BadDateMessage = "日期格式错误,请使用YYYY-MM-DD格式";

    /// <summary>Empty or strictly <c>yyyy-MM-dd</c> and a calendar date.</summary>
    public static bool IsDate(string? v) =>
        string.IsNullOrWhiteSpace(v) || (StrictDate().IsMatch(v.Trim()) && RuleExtensions.TryDate(v, out _));

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex StrictDate();
}

public sealed class GetResellerSalesValidator : AbstractValidator<GetResellerSales>
{
    public GetResellerSalesValidator()
    {
        RuleFor(x => x.ResellerOrgid).MaxChars(32);
        RuleFor(x => x.StartDate).Must(GetResellerSales.IsDate).WithMessage(GetResellerSales.BadDateMessage);
        RuleFor(x => x.EndDate).Must(GetResellerSales.IsDate).WithMessage(GetResellerSales.BadDateMessage);
        RuleFor(x => x.StartDate)
            .Must((x, s) => RuleExtensions.ToDate(s) is not { } start || RuleExtensions.ToDate(x.EndDate) is not { } end
                            || start <= end)
            .WithMessage("开始日期不能晚于结束日期");
    }
}

public sealed class GetResellerSalesHandler(IKbossDbContext db, ICurrentUser user, ResellerAccess resellers)
    : IQueryHandler<GetResellerSales, Reply<ResellerSales>>
{
    private sealed record Sale(string CustomerId, string Op, decimal Amount, decimal? ProviderAmt, int? Quantity,
        string? ProductId, string? OriginBillId, DateOnly BillDate);

    public async ValueTask<Reply<ResellerSales>> Handle(GetResellerSales q, CancellationToken ct)
    {
        var org = (await resellers.FindAsync(q.ResellerOrgid.TrimmedOrNull() ?? user.OrgId, ct)).Org;
        resellers.EnsureCanManage(org);
        var (start, end) = (RuleExtensions.ToDate(q.StartDate), RuleExtensions.ToDate(q.EndDate));
        var customers = await db.Organizations.AsNoTracking()
            .Where(o => o.OwnerOrgId == org.Id && o.Kind == OrgKind.Customer)
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var ids = customers.Keys.ToList();
        var bills = db.Bills.AsNoTracking().Where(b => ids.Contains(b.CustomerId) && b.BillState == BillStates.Paid
            && (b.BusinessOp == BusinessOps.Buy || b.BusinessOp == BusinessOps.Refund));
        if (start is { } s) bills = bills.Where(b => b.BillDate >= s);
        if (end is { } e) bills = bills.Where(b => b.BillDate <= e);
        var sales = await bills.Select(b => new Sale(b.CustomerId, b.BusinessOp, b.Amount, b.ProviderAmt, b.Quantity,
            b.ProductId, b.OriginBillId, b.BillDate)).ToListAsync(ct);

        var originIds = sales.Where(x => x.OriginBillId != null).Select(x => x.OriginBillId!).Distinct().ToList();
        var origins = await db.Bills.AsNoTracking().Where(b => originIds.Contains(b.Id))
            .ToDictionaryAsync(b => b.Id, b => new ResellerLine(b.Amount, b.ProviderAmt, b.Quantity), ct);
        var productIds = sales.Select(x => x.ProductId).Distinct().ToList();
        var rates = (await (from p in db.SaleProtocols.AsNoTracking()
                            where p.OfferOrgid == org.OwnerOrgId && p.BidOrgid == org.Id
                            join r in db.ProductSaleConfigs.AsNoTracking() on p.Id equals r.ProtocolId
                            where productIds.Contains(r.ProductId)
                            select new { p.Salemode, Row = r }).ToListAsync(ct))
            .GroupBy(x => x.Row.ProductId).ToDictionary(g => g.Key, g => g.First().Row.RateIn(g.First().Salemode ?? ""));

        decimal cost = 0;
        foreach (var sale in sales)
        {
            var rate = sale.ProductId is null ? null : rates.GetValueOrDefault(sale.ProductId);
            var own = new ResellerLine(sale.Amount, sale.ProviderAmt, sale.Quantity);
            if (sale.Op == BusinessOps.Buy) cost += SalePricing.ResellerCost(own, rate);
            else if (sale.OriginBillId is { } o && origins.TryGetValue(o, out var origin) && origin.Amount > 0)
                cost -= SalePricing.ResellerCost(origin, rate, sale.Amount / origin.Amount);
            else cost -= SalePricing.ResellerCost(own, rate);
        }
        static decimal Net(IEnumerable<Sale> xs) => xs.Sum(x => x.Op == BusinessOps.Buy ? x.Amount : -x.Amount);
        var total = Net(sales);
        var perCustomer = sales.GroupBy(x => x.CustomerId)
            .Select(g => new ResellerCustomerSales(g.Key, customers[g.Key], Net(g)))
            .OrderByDescending(x => x.Amount).ThenBy(x => x.Customerid).ToList();
        var months = sales.GroupBy(x => x.BillDate.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key).ToList();
        var series = new ResellerSalesSeries(months.Select(g => g.Key).ToList(), months.Select(g => Net(g)).ToList());
        return Reply.Ok("查询成功", new ResellerSales(total, cost, total - cost, perCustomer, series));
    }
}
