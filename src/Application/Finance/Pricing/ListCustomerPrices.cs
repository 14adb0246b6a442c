using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Catalog;
using Kboss.Domain.Common;
using Kboss.Domain.Finance;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Pricing;

/// <summary>
/// PRV-06 <c>GET /product/xiaoshou_kan_zhekou.dspy</c> 销售查看客户折扣底价 (spec 10-provider.md; finance.md §3.2):
/// for a customer org (its owner org's salespeople and operators, admins), the products of the owner org's providers
/// with the unified value, the customer's latest configuration and its <c>apv_state</c>, the value in force
/// (§4.5: pending/rejected ignored) and the cost floor. Without <c>kv</c>: discount and rebate products; <c>kv=price</c>:
/// floor-price products; another <c>kv</c> → invalid_argument. The discount range filters on the discount in force.
/// </summary>
public sealed record ListCustomerPrices : IQuery<Reply<IReadOnlyList<CustomerPriceRow>>>
{
    /// <summary>客户orgid.</summary>
    public string? Customerid { get; init; }
    /// <summary>Absent: discounts; <c>price</c>: sale prices.</summary>
    public string? Kv { get; init; }
    /// <summary>供应商筛选.</summary>
    public string? Providerid { get; init; }
    /// <summary>模糊查询的产品名称.</summary>
    public string? Productname { get; init; }
    /// <summary>区间查询 起始折扣.</summary>
    public string? StartDiscount { get; init; }
    /// <summary>区间查询 结束折扣.</summary>
    public string? EndDiscount { get; init; }
    /// <summary>专属分类.</summary>
    public string? Classify { get; init; }
}

/// <summary>A row of PRV-06; discounts or unit prices (元) by <c>kv</c>.</summary>
public sealed record CustomerPriceRow(string Productid, string Productname, string Providerid, string? Providername,
    string Classify, string Salemode, string Kv, decimal? Floor, decimal? Unified, decimal? Customer,
    string? ApvState, string? ConfigId, decimal? Effective, string Source);

public sealed class ListCustomerPricesValidator : AbstractValidator<ListCustomerPrices>
{
    public ListCustomerPricesValidator()
    {
        RuleFor(x => x.Customerid).Required().MaxChars(32);
        RuleFor(x => x.Kv).OneOf([PriceKinds.Price]);
        RuleFor(x => x.Providerid).MaxChars(32);
        RuleFor(x => x.Productname).MaxChars(100);
        RuleFor(x => x.Classify).MaxChars(100);
        RuleFor(x => x.StartDiscount).OptionalDecimal(0m, 4);
        RuleFor(x => x.EndDiscount).OptionalDecimal(0m, 4);
    }
}

public sealed class ListCustomerPricesHandler(IKbossDbContext db, PriceResolver prices, PricingCatalog catalog)
    : IQueryHandler<ListCustomerPrices, Reply<IReadOnlyList<CustomerPriceRow>>>
{
    public async ValueTask<Reply<IReadOnlyList<CustomerPriceRow>>> Handle(ListCustomerPrices q, CancellationToken ct)
    {
        var customer = q.Customerid.Trimmed();
        await prices.EnsureCanPriceForAsync(customer, ct);
        var owner = await prices.PricingOrgAsync(customer, ct);
        var kv = q.Kv.TrimmedOrNull() ?? PriceKinds.Discount;
        string[] modes = kv == PriceKinds.Price ? [SaleModes.FloorPrice] : PricingParams.DiscountModes;
        var products = await catalog.ForOrgAsync(owner, modes, q.Providerid.TrimmedOrNull(),
            q.Productname.TrimmedOrNull(), ct);
        var ids = products.Select(p => p.Product.Id).ToList();
        var configs = (await db.CustomerProductConfigs.AsNoTracking()
                .Where(c => c.CustomerId == customer && c.Kv == kv && ids.Contains(c.ProductId)).ToListAsync(ct))
            .ToLookup(c => c.ProductId);
        var (start, end) = (PricingParams.Decimal(q.StartDiscount), PricingParams.Decimal(q.EndDiscount));
        var rows = new List<CustomerPriceRow>();
        foreach (var p in products.Where(p => PricingParams.ClassifyMatches(p.Product.Classify, q.Classify)))
        {
            var mine = configs[p.Product.Id].OrderByDescending(c => c.UpdateTime).ToList();
            var unified = kv == PriceKinds.Price ? p.Unified?.Price : p.Unified?.Discount;
            var rate = SalePricing.Effective(new PriceLayers(p.Product.SaleMode, unified,
                mine.Select(c => c.ToPriceConfig()).ToList()));
            var effective = kv == PriceKinds.Price ? rate.Value : rate.Value ?? 1m;
            if (kv == PriceKinds.Discount && !PricingParams.InRange(effective, start, end)) continue;
            var latest = mine.FirstOrDefault();
            rows.Add(new CustomerPriceRow(p.Product.Id, p.Product.Name, p.Product.ProviderId, p.ProviderName,
                p.Product.Classify, p.Product.SaleMode, kv, p.Floor, unified, latest?.Value, latest?.ApvState,
                latest?.Id, effective, rate.Source));
        }
        return Reply.Ok("查询成功", (IReadOnlyList<CustomerPriceRow>)rows);
    }
}
