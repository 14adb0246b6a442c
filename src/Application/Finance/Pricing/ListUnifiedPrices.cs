using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Catalog;
using Kboss.Domain.Common;
using Mediator;

namespace Kboss.Application.Finance.Pricing;

/// <summary>
/// PRV-08 <c>GET /product/shoujia_guanli_cha.dspy</c> 运营查询统一售价配置 (spec 10-provider.md; finance.md §3.2): the
/// floor-price products of the org's providers with the org's cost (<c>floor_price</c>) and unified sale price
/// (<c>price</c>, null when not set).
/// </summary>
public sealed record ListUnifiedPrices : IQuery<Reply<IReadOnlyList<UnifiedPriceRow>>>
{
    /// <summary>运营所在orgid.</summary>
    public string? BidOrgid { get; init; }
    /// <summary>要查询的供应商id.</summary>
    public string? Providerid { get; init; }
    /// <summary>产品名称模糊查询.</summary>
    public string? Keyword { get; init; }
    /// <summary>专属分类.</summary>
    public string? Classify { get; init; }
    /// <summary>Alias of <see cref="Keyword"/>.</summary>
    public string? Productname { get; init; }
}

/// <summary>A row of PRV-08.</summary>
public sealed record UnifiedPriceRow(string? Id, string Productid, string Productname, string Providerid,
    string? Providername, string Classify, decimal? FloorPrice, decimal? Price);

public sealed class ListUnifiedPricesValidator : AbstractValidator<ListUnifiedPrices>
{
    public ListUnifiedPricesValidator()
    {
        RuleFor(x => x.BidOrgid).Required().MaxChars(32);
        RuleFor(x => x.Providerid).MaxChars(32);
        RuleFor(x => x.Keyword).MaxChars(100);
        RuleFor(x => x.Productname).MaxChars(100);
        RuleFor(x => x.Classify).MaxChars(100);
    }
}

public sealed class ListUnifiedPricesHandler(OrgAccess orgs, PricingCatalog catalog)
    : IQueryHandler<ListUnifiedPrices, Reply<IReadOnlyList<UnifiedPriceRow>>>
{
    public async ValueTask<Reply<IReadOnlyList<UnifiedPriceRow>>> Handle(ListUnifiedPrices q, CancellationToken ct)
    {
        var org = await orgs.ResolveAsync(q.BidOrgid, ct);
        var products = await catalog.ForOrgAsync(org, [SaleModes.FloorPrice], q.Providerid.TrimmedOrNull(),
            PricingParams.Name(q.Keyword, q.Productname), ct);
        IReadOnlyList<UnifiedPriceRow> rows = products
            .Where(p => PricingParams.ClassifyMatches(p.Product.Classify, q.Classify))
            .Select(p => new UnifiedPriceRow(p.Unified?.Id, p.Product.Id, p.Product.Name, p.Product.ProviderId,
                p.ProviderName, p.Product.Classify, p.Floor, p.Unified?.Price))
            .ToList();
        return Reply.Ok("查询成功", rows);
    }
}
