using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Mediator;

namespace Kboss.Application.Finance.Pricing;

/// <summary>
/// PRV-05 <c>GET /product/discount_guanli_jia.dspy</c> 运营配置统一普通折扣 (spec 10-provider.md; finance.md §3.2):
/// the unified ordinary discount (0, 1] of the org's customers for discount and rebate products; calling again
/// updates. Below the org's cost discount → <c>售价不能低于底价</c>.
/// </summary>
public sealed record SetUnifiedDiscount : UnifiedConfigFields, ICommand<Reply<CountData>>
{
    /// <summary>统一折扣.</summary>
    public string? Discount { get; init; }
    /// <summary>Product name to store (default: the product's).</summary>
    public string? Productname { get; init; }
}

public sealed class SetUnifiedDiscountValidator : UnifiedConfigFieldsValidator<SetUnifiedDiscount>
{
    public SetUnifiedDiscountValidator()
    {
        RuleFor(x => x.Discount).Required().OptionalDecimal(0m, 4);
        RuleFor(x => x.Productname).MaxChars(200);
    }
}

public sealed class SetUnifiedDiscountHandler(UnifiedConfigWriter writer)
    : ICommandHandler<SetUnifiedDiscount, Reply<CountData>>
{
    public async ValueTask<Reply<CountData>> Handle(SetUnifiedDiscount c, CancellationToken ct) =>
        await writer.SetAsync(c, PricingParams.Decimal(c.Discount)!.Value, c.Productname.TrimmedOrNull(), false, ct);
}
