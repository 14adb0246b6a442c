using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Catalog;
using Kboss.Domain.Finance;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Pricing;

/// <summary>A product an org sells, with its provider name, the org's unified row and the org's cost floor.</summary>
/// <param name="Product">The product.</param>
/// <param name="ProviderName">供应商名称.</param>
/// <param name="Unified">The org's unified row, if any.</param>
/// <param name="Floor">The org's cost discount or floor price (null: none).</param>
public sealed record PricedProduct(Product Product, string? ProviderName, UnifiedPriceConfig? Unified, decimal? Floor);

/// <summary>
/// The products an org prices (finance.md §3.2 PRV-06/07/08): live products of the providers that signed a live sale
/// protocol with the org (<c>offer_orgid</c> = provider org, <c>bid_orgid</c> = the org), of the given sale modes,
/// filtered by provider and a fuzzy name, by name, at most <see cref="MaxRows"/>; each with the org's unified row and
/// cost floor.
/// </summary>
public sealed class PricingCatalog(IKbossDbContext db)
{
    /// <summary>Most products listed.</summary>
    public const int MaxRows = 1000;

    /// <summary>Live products of the providers that signed a live sale protocol with <paramref name="org"/>.</summary>
    public IQueryable<Product> Sellable(string org)
    {
        var providers = db.Providers.Where(v => db.SaleProtocols.Any(s => s.BidOrgid == org && s.OfferOrgid == v.OrgId))
            .Select(v => v.Id);
        return db.Products.AsNoTracking().Where(p => providers.Contains(p.ProviderId));
    }

    /// <summary>The products of <paramref name="org"/> (see the class summary).</summary>
    public async Task<List<PricedProduct>> ForOrgAsync(string org, string[] modes, string? providerId, string? name,
        CancellationToken ct)
    {
        var query = Sellable(org).Where(p => modes.Contains(p.SaleMode));
        if (providerId is not null) query = query.Where(p => p.ProviderId == providerId);
        if (name is not null) query = query.Where(p => p.Name.Contains(name));
        var rows = await query.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(MaxRows)
            .Select(p => new { P = p, Provider = db.Providers.Where(v => v.Id == p.ProviderId).Select(v => v.Name).FirstOrDefault() })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.P.Id).ToList();
        var unified = await db.UnifiedPriceConfigs.AsNoTracking()
            .Where(u => u.BidOrgid == org && ids.Contains(u.ProductId)).ToDictionaryAsync(u => u.ProductId, ct);
        var costs = await (from s in db.SaleProtocols.AsNoTracking()
                           where s.BidOrgid == org
                           join c in db.ProductSaleConfigs.AsNoTracking() on s.Id equals c.ProtocolId
                           where ids.Contains(c.ProductId)
                           select new { c.ProductId, c.Discount, c.Price }).ToListAsync(ct);
        return rows.Select(r =>
        {
            var byUnit = SalePricing.IsPricedByUnit(r.P.SaleMode);
            var floor = costs.Where(c => c.ProductId == r.P.Id).Select(c => byUnit ? c.Price : c.Discount).Max();
            return new PricedProduct(r.P, r.Provider, unified.GetValueOrDefault(r.P.Id), floor);
        }).ToList();
    }
}
