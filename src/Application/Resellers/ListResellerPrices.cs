using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Application.Finance.Pricing;
using Kboss.Domain.Catalog;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Resellers;

/// <summary>A product of RSL-02: configured (with its child row) or not yet configured (ids and rate null).</summary>
/// <param name="ZiBiaoId">子表id, the RSL-03 key (configured rows).</param>
/// <param name="Productid">产品id.</param>
/// <param name="Productname">产品名称.</param>
/// <param name="Providerid">供应商id.</param>
/// <param name="Classify">专属分类.</param>
/// <param name="Discount">折扣 (mode 0).</param>
/// <param name="Price">底价 per unit, 元 (mode 2).</param>
/// <param name="RebateRate">回佣比例 (mode 1).</param>
/// <param name="Salemode">The queried mode.</param>
public sealed record ResellerPriceRow(string? ZiBiaoId, string Productid, string Productname, string Providerid,
    string? Classify, decimal? Discount, decimal? Price, decimal? RebateRate, string Salemode);

/// <summary>
/// RSL-02 <c>GET /product/reseller_discount_config_get.dspy</c> 分销商产品折扣配置查 (spec 16-reseller.md; finance.md
/// §3.4): <c>flag</c> 1 (default) — the products configured for reseller <c>bid_orgid</c> in <c>salemode</c>, with
/// <c>zi_biao_id</c>; <c>range</c> <c>"0.9,0.98"</c> keeps discounts in the inclusive range (mode 0); <c>flag</c> 0 —
/// the seller's products of that mode not configured for the reseller in any mode. By name, at most 1000 rows.
/// </summary>
public sealed record ListResellerPrices : IQuery<Reply<IReadOnlyList<ResellerPriceRow>>>
{
    /// <summary>卖方机构id.</summary>
    public string? OfferOrgid { get; init; }
    /// <summary>分销商机构id.</summary>
    public string? BidOrgid { get; init; }
    /// <summary>销售模式: 0 折扣, 1 回佣, 2 底价.</summary>
    public string? Salemode { get; init; }
    /// <summary>1 已配置 (default), 0 未配置.</summary>
    public string? Flag { get; init; }
    /// <summary>折扣范围 <c>min,max</c>.</summary>
    public string? Range { get; init; }
}

public sealed class ListResellerPricesValidator : AbstractValidator<ListResellerPrices>
{
    public ListResellerPricesValidator()
    {
        RuleFor(x => x.OfferOrgid).Required().MaxChars(32);
        RuleFor(x => x.BidOrgid).Required().MaxChars(32);
        RuleFor(x => x.Salemode).Required().OneOf(SaleModes.All);
        RuleFor(x => x.Flag).OneOf(["0", "1"]);
        RuleFor(x => x.Range).MaxChars(100).Must(v => ResellerPriceParams.Range(v) is not null)
            .WithMessage("range参数错误");
    }
}

public sealed class ListResellerPricesHandler(IKbossDbContext db, OrgAccess orgs, ResellerAccess resellers,
    PricingCatalog catalog) : IQueryHandler<ListResellerPrices, Reply<IReadOnlyList<ResellerPriceRow>>>
{
    public async ValueTask<Reply<IReadOnlyList<ResellerPriceRow>>> Handle(ListResellerPrices q, CancellationToken ct)
    {
        var offer = await orgs.ResolveAsync(q.OfferOrgid, ct);
        var reseller = (await resellers.FindAsync(q.BidOrgid, ct)).Org;
        if (reseller.OwnerOrgId != offer) throw Common.BusinessException.NotFound(ResellerAccess.NotFoundMessage);
        var mode = q.Salemode!.Trim();
        var configured = from s in db.SaleProtocols.AsNoTracking()
                         where s.OfferOrgid == offer && s.BidOrgid == reseller.Id
                         join r in db.ProductSaleConfigs.AsNoTracking() on s.Id equals r.ProtocolId
                         select new { Row = r, s.Salemode };
        List<ResellerPriceRow> rows;
        if (q.Flag.TrimmedOrDefault("1") == "1")
        {
            rows = await (from x in configured
                          where x.Salemode == mode
                          join p in db.Products.AsNoTracking() on x.Row.ProductId equals p.Id
                          orderby p.Name, p.Id
                          select new ResellerPriceRow(x.Row.Id, p.Id, p.Name, p.ProviderId, p.Classify,
                              x.Row.Discount, x.Row.Price, x.Row.RebateRate, mode))
                .Take(PricingCatalog.MaxRows).ToListAsync(ct);
            var (min, max) = ResellerPriceParams.Range(q.Range)!.Value;
            if (mode == SaleModes.Discount) rows = rows.Where(r => PricingParams.InRange(r.Discount, min, max)).ToList();
        }
        else
        {
            var modes = ResellerPriceParams.ProductModes(mode);
            var taken = configured.Select(x => x.Row.ProductId);
            rows = await catalog.Sellable(offer).Where(p => modes.Contains(p.SaleMode) && !taken.Contains(p.Id))
                .OrderBy(p => p.Name).ThenBy(p => p.Id).Take(PricingCatalog.MaxRows)
                .Select(p => new ResellerPriceRow(null, p.Id, p.Name, p.ProviderId, p.Classify, null, null, null, mode))
                .ToListAsync(ct);
        }
        return Reply.Ok("查询成功", (IReadOnlyList<ResellerPriceRow>)rows);
    }
}

internal static class FlagText
{
    /// <summary>The trimmed value, or <paramref name="fallback"/> when empty.</summary>
    public static string TrimmedOrDefault(this string? value, string fallback) =>
        string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();
}
