using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Pricing;

/// <summary>
/// PRV-04 <c>GET /product/provider_product_search.dspy</c> 供应商产品查询 (spec 10-provider.md; finance.md §3.2, §6
/// #17): the live products of the provider behind protocol <c>protocolid</c> (its <c>offer_orgid</c>) with the cost
/// discount / floor price of the protocols between the same two orgs (<c>zi_biao_id</c> names the child row). The caller
/// must be able to act on the protocol's buyer org (403). Filters: fuzzy <c>productname</c>, inclusive discount range
/// (rows with a discount only), <c>classify</c> (<c>未配置</c>: none). <c>classify_list</c> sits next to <c>data</c>:
/// <c>未配置</c> then the provider's categories, sorted, computed before the filters.
/// </summary>
public sealed record SearchProviderProducts : IQuery<Reply<IReadOnlyList<ProviderProductRow>>>
{
    /// <summary>供应商给当前机构签的协议id.</summary>
    public string? Protocolid { get; init; }
    /// <summary>产品名称.</summary>
    public string? Productname { get; init; }
    /// <summary>起始折扣.</summary>
    public string? StartDiscount { get; init; }
    /// <summary>结束折扣.</summary>
    public string? EndDiscount { get; init; }
    /// <summary>专属分类.</summary>
    public string? Classify { get; init; }
}

/// <summary>A row of PRV-04.</summary>
public sealed record ProviderProductRow(string Productid, string Productname, string Classify, string Providerid,
    string Salemode, decimal? Discount, decimal? Price, string? ZiBiaoId);

public sealed class SearchProviderProductsValidator : AbstractValidator<SearchProviderProducts>
{
    public SearchProviderProductsValidator()
    {
        RuleFor(x => x.Protocolid).Required().MaxChars(32);
        RuleFor(x => x.Productname).MaxChars(100);
        RuleFor(x => x.Classify).MaxChars(100);
        RuleFor(x => x.StartDiscount).OptionalDecimal(0m, 4);
        RuleFor(x => x.EndDiscount).OptionalDecimal(0m, 4);
    }
}

public sealed class SearchProviderProductsHandler(IKbossDbContext db, OrgAccess orgs)
    : IQueryHandler<SearchProviderProducts, Reply<IReadOnlyList<ProviderProductRow>>>
{
    public async ValueTask<Reply<IReadOnlyList<ProviderProductRow>>> Handle(SearchProviderProducts q, CancellationToken ct)
    {
        var id = q.Protocolid.Trimmed();
        var protocol = await db.SaleProtocols.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct)
                       ?? throw BusinessException.NotFound("协议不存在");
        if (!await orgs.CanActOnAsync(protocol.BidOrgid, ct)) throw new ForbiddenException("无权查看该协议的产品");
        var providers = db.Providers.Where(v => v.OrgId == protocol.OfferOrgid).Select(v => v.Id);
        var products = await db.Products.AsNoTracking().Where(p => providers.Contains(p.ProviderId))
            .OrderBy(p => p.Name).ThenBy(p => p.Id).Take(PricingCatalog.MaxRows).ToListAsync(ct);
        var ids = products.Select(p => p.Id).ToList();
        var children = (await (from s in db.SaleProtocols.AsNoTracking()
                               where s.OfferOrgid == protocol.OfferOrgid && s.BidOrgid == protocol.BidOrgid
                               join c in db.ProductSaleConfigs.AsNoTracking() on s.Id equals c.ProtocolId
                               where ids.Contains(c.ProductId)
                               select c).ToListAsync(ct))
            .GroupBy(c => c.ProductId).ToDictionary(g => g.Key, g => g.OrderBy(c => c.CreateAt).First());
        var classifies = products.Select(p => p.Classify).Where(v => !string.IsNullOrWhiteSpace(v) && v != PricingParams.Unconfigured)
            .Distinct().Order(StringComparer.Ordinal).Prepend(PricingParams.Unconfigured).ToList();
        var (start, end) = (PricingParams.Decimal(q.StartDiscount), PricingParams.Decimal(q.EndDiscount));
        var name = q.Productname.TrimmedOrNull();
        IReadOnlyList<ProviderProductRow> rows = products
            .Select(p => (P: p, C: children.GetValueOrDefault(p.Id)))
            .Where(x => (name is null || x.P.Name.Contains(name, StringComparison.OrdinalIgnoreCase))
                        && PricingParams.ClassifyMatches(x.P.Classify, q.Classify)
                        && PricingParams.InRange(x.C?.Discount, start, end))
            .Select(x => new ProviderProductRow(x.P.Id, x.P.Name, x.P.Classify, x.P.ProviderId, x.P.SaleMode,
                x.C?.Discount, x.C?.Price, x.C?.Id))
            .ToList();
        return Reply.Ok("供应商产品查找成功", rows) with { ClassifyList = classifies };
    }
}
