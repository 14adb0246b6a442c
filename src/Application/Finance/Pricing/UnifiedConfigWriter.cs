using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Finance;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Pricing;

/// <summary>Parameters shared by PRV-05 and <c>shoujia_guanli_jia</c>.</summary>
public abstract record UnifiedConfigFields
{
    /// <summary>运营所属机构id (an org the caller may act on).</summary>
    public string? BidOrgid { get; init; }
    /// <summary>供应商id.</summary>
    public string? Providerid { get; init; }
    /// <summary>产品id: comma-separated (or a JSON array).</summary>
    public string? Productid { get; init; }
}

/// <summary>Rules shared by the two unified setters.</summary>
public abstract class UnifiedConfigFieldsValidator<T> : AbstractValidator<T> where T : UnifiedConfigFields
{
    protected UnifiedConfigFieldsValidator()
    {
        RuleFor(x => x.BidOrgid).Required().MaxChars(32);
        RuleFor(x => x.Providerid).Required().MaxChars(32);
        RuleFor(x => x.Productid).Required().MaxChars(32 * 200)
            .Must(v => PricingParams.Ids(v).Count is > 0 and <= 200).WithMessage("productid 格式错误");
    }
}

/// <summary>The reply of the unified setters: how many products were set.</summary>
/// <param name="Count">Products set.</param>
public sealed record CountData(int Count);

/// <summary>
/// Writes unified discounts / prices (PRV-05, <c>shoujia_guanli_jia</c>; finance.md §3.2, §4.5): every listed
/// product must be a live product of <c>providerid</c> of the right sale mode; each value is checked against the org's
/// cost floor (<c>售价不能低于底价</c>); one row per (org, product) is created or updated, in one transaction (all or
/// nothing), audited.
/// </summary>
public sealed class UnifiedConfigWriter(IKbossDbContext db, ICurrentUser user, OrgAccess orgs, PriceResolver prices)
{
    /// <summary>Sets <paramref name="value"/> as the unified discount (<paramref name="byUnit"/> false) or price.</summary>
    public async Task<Reply<CountData>> SetAsync(UnifiedConfigFields c, decimal value, string? productName,
        bool byUnit, CancellationToken ct)
    {
        var org = await orgs.ResolveAsync(c.BidOrgid, ct);
        var providerId = c.Providerid.Trimmed();
        var ids = PricingParams.Ids(c.Productid);
        var products = await db.Products.AsNoTracking().Where(p => p.ProviderId == providerId && ids.Contains(p.Id))
            .ToListAsync(ct);
        if (products.Count != ids.Count) throw BusinessException.NotFound(PriceResolver.ProductNotFoundMessage);
        if (products.Any(p => SalePricing.IsPricedByUnit(p.SaleMode) != byUnit))
            throw RequestValidationException.For("productid", byUnit ? "只有底价产品可以配置统一售价" : "底价产品请配置统一售价");
        var rows = await db.UnifiedPriceConfigs.Where(u => u.BidOrgid == org && ids.Contains(u.ProductId))
            .ToDictionaryAsync(u => u.ProductId, ct);
        foreach (var product in products)
        {
            var floor = await prices.FloorAsync(org, product, ct);
            if (!rows.TryGetValue(product.Id, out var row))
            {
                row = UnifiedPriceConfig.Open(org, providerId, product.Id);
                db.UnifiedPriceConfigs.Add(row);
            }
            var name = productName ?? product.Name;
            (byUnit ? row.SetPrice(value, floor, name) : row.SetDiscount(value, floor, name)).OrThrow();
        }
        db.AuditEntries.Add(Audit.Entry(user, byUnit ? "finance.unified_price.set" : "finance.unified_discount.set",
            "unified_price_config", org, new { providerid = providerId, productids = ids, value }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw BusinessException.Conflict("配置正被并发修改,请稍后重试");
        }
        return Reply.Ok("操作成功", new CountData(products.Count));
    }
}
