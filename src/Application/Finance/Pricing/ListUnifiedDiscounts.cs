using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Mediator;

namespace Kboss.Application.Finance.Pricing;

/// <summary>
/// PRV-07 <c>GET /product/discount_guanli_cha.dspy</c> 运营查询统一折扣配置 (spec 10-provider.md; finance.md §3.2):
/// the discount and rebate products of the org's providers with the org's unified discount (null when not set) and its
/// cost discount (<c>floor_discount</c>); filters inclusive (<c>keyword</c> or <c>productname</c>, discount range on the
/// unified discount, <c>classify</c> with <c>未配置</c> for none).
/// </summary>
public sealed record ListUnifiedDiscounts : IQuery<Reply<IReadOnlyList<UnifiedDiscountRow>>>
{
    /// <summary>当前机构id.</summary>
    public string? BidOrgid { get; init; }
    /// <summary>供应商筛选.</summary>
    public string? Providerid { get; init; }
    /// <summary>产品名称模糊查询.</summary>
    public string? Keyword { get; init; }
    /// <summary>起始折扣.</summary>
    public string? StartDiscount { get; init; }
    /// <summary>结束折扣.</summary>
    public string? EndDiscount { get; init; }
    /// <summary>专属分类.</summary>
    public string? Classify { get; init; }
    /// <summary>Alias of <see cref="Keyword"/> (finance.md §6 #19).</summary>
    public string? Productname { get; init; }
}

/// <summary>A row of PRV-07.</summary>
public sealed record UnifiedDiscountRow(string? Id, string Productid, string Productname, string Providerid,
    string? Providername, string Classify, string Salemode, decimal? Discount, decimal? FloorDiscount);

public sealed class ListUnifiedDiscountsValidator : AbstractValidator<ListUnifiedDiscounts>
{
    public ListUnifiedDiscountsValidator()
    {
        RuleFor(x => x.BidOrgid).Required().MaxChars(32);
        RuleFor(x => x.Providerid).MaxChars(32);
        RuleFor(x => x.Keyword).MaxChars(100);
        RuleFor(x => x.Productname).MaxChars(100);
        RuleFor(x => x.Classify).MaxChars(100);
        RuleFor(x => x.StartDiscount).OptionalDecimal(0m, 4);
        RuleFor(x => x.EndDiscount).OptionalDecimal(0m, 4);
    }
}

public sealed class ListUnifiedDiscountsHandler(OrgAccess orgs, PricingCatalog catalog)
    : IQueryHandler<ListUnifiedDiscounts, Reply<IReadOnlyList<UnifiedDiscountRow>>>
{
    public async ValueTask<Reply<IReadOnlyList<UnifiedDiscountRow>>> Handle(ListUnifiedDiscounts q, CancellationToken ct)
    {
        var org = await orgs.ResolveAsync(q.BidOrgid, ct);
        var (start, end) = (PricingParams.Decimal(q.StartDiscount), PricingParams.Decimal(q.EndDiscount));
        var products = await catalog.ForOrgAsync(org, PricingParams.DiscountModes, q.Providerid.TrimmedOrNull(),
            PricingParams.Name(q.Keyword, q.Productname), ct);
        IReadOnlyList<UnifiedDiscountRow> rows = products
            .Where(p => PricingParams.ClassifyMatches(p.Product.Classify, q.Classify)
                        && PricingParams.InRange(p.Unified?.Discount, start, end))
            .Select(p => new UnifiedDiscountRow(p.Unified?.Id, p.Product.Id, p.Product.Name, p.Product.ProviderId,
                p.ProviderName, p.Product.Classify, p.Product.SaleMode, p.Unified?.Discount, p.Floor))
            .ToList();
        return Reply.Ok("查询成功", rows);
    }
}
