using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Mediator;

namespace Kboss.Application.Finance.Pricing;

/// <summary>
/// <c>GET /product/shoujia_guanli_jia.dspy</c> 运营配置统一售价 (kboss addition, finance.md §6 #20: the spec has the
/// query PRV-08 but no setter): the unified unit price (元, 2 decimals) of floor-price products for the org's
/// customers. Below the org's floor price → <c>售价不能低于底价</c>.
/// </summary>
public sealed record SetUnifiedPrice : UnifiedConfigFields, ICommand<Reply<CountData>>
{
    /// <summary>统一售价 per unit, 元.</summary>
    public string? Price { get; init; }
}

public sealed class SetUnifiedPriceValidator : UnifiedConfigFieldsValidator<SetUnifiedPrice>
{
    public SetUnifiedPriceValidator() => RuleFor(x => x.Price).Required().OptionalDecimal(0m, 2);
}

public sealed class SetUnifiedPriceHandler(UnifiedConfigWriter writer) : ICommandHandler<SetUnifiedPrice, Reply<CountData>>
{
    public async ValueTask<Reply<CountData>> Handle(SetUnifiedPrice c, CancellationToken ct) =>
        await writer.SetAsync(c, PricingParams.Decimal(c.Price)!.Value, null, true, ct);
}
