using Kboss.Domain.Catalog;
using Kboss.Domain.Common;

namespace Kboss.Domain.Finance;

/// <summary><c>apv_state</c> of a customer price configuration (finance.md §2.7).</summary>
public static class ApprovalStates
{
    /// <summary>Pending approval: never used for prices.</summary>
    public const string Pending = "0";
    /// <summary>Approved: in force.</summary>
    public const string Approved = "1";
    /// <summary>Rejected: never used for prices.</summary>
    public const string Rejected = "2";
}

/// <summary>Where an effective discount or unit price came from (<c>source</c> of <c>/get_discount</c>).</summary>
public static class PriceSources
{
    /// <summary>The customer's approved configuration.</summary>
    public const string Customer = "customer";
    /// <summary>The owner org's unified discount / sale price.</summary>
    public const string Unified = "unified";
    /// <summary>No configuration: list price (discount 1.0).</summary>
    public const string Default = "default";
}

/// <summary>A customer's configured discount or unit price and its approval state.</summary>
/// <param name="ApvState"><see cref="ApprovalStates"/>.</param>
/// <param name="Value">Discount (0, 1] or unit price (元) depending on the product's sale mode.</param>
/// <param name="UpdatedAt">When it was last changed; the latest approved one is in force.</param>
public sealed record CustomerPriceConfig(string ApvState, decimal Value, DateTime UpdatedAt);

/// <summary>The layers that decide a customer's price of one product (finance.md §4.5).</summary>
/// <param name="SaleMode"><see cref="SaleModes"/> of the product (0 discount, 1 rebate, 2 floor price).</param>
/// <param name="Unified">Unified discount (sale modes 0/1) or unified unit price (mode 2) of the owner org.</param>
/// <param name="Customer">The customer's configurations of the same kind (any approval state).</param>
public sealed record PriceLayers(string SaleMode, decimal? Unified, IReadOnlyList<CustomerPriceConfig> Customer);

/// <summary>The discount or unit price in force and its source.</summary>
/// <param name="Value">Discount multiplier, or unit price in 元 (floor-price products); null: the list price.</param>
/// <param name="Source"><see cref="PriceSources"/>.</param>
public sealed record EffectiveRate(decimal? Value, string Source);

/// <summary>A priced line.</summary>
/// <param name="Amount">Amount charged in 元 (2 decimals, half away from zero).</param>
/// <param name="Rate">The discount or unit price used.</param>
public sealed record SalePrice(decimal Amount, EffectiveRate Rate);

/// <summary>A sale as reseller economics sees it (finance.md §4.7): the purchase line a bill (or its refund) is of.</summary>
/// <param name="Amount">折后价格 the customer paid for the purchase, 元.</param>
/// <param name="ProviderAmt">原价 of the purchase (null: unknown, the amount is used).</param>
/// <param name="Quantity">Quantity of the purchase (null: 1).</param>
public sealed record ResellerLine(decimal Amount, decimal? ProviderAmt, int? Quantity);

/// <summary>An operator→reseller rate of one product (the protocol child row, finance.md §2.5).</summary>
/// <param name="Mode"><see cref="SaleModes"/> of the protocol.</param>
/// <param name="Value">Discount (mode 0), floor unit price in 元 (mode 2) or rebate rate (mode 1, null: 0).</param>
public sealed record ResellerRate(string Mode, decimal? Value);

/// <summary>
/// The sale price of a product for a customer (finance.md §4.5), the one rule every place that shows or charges a
/// price uses: the approved customer configuration wins over the owner org's unified one, which wins over the list
/// price; pending and rejected configurations are ignored (the previous approved one stays in force). Discount and
/// rebate products: <c>round2(L × d)</c>; floor-price products: <c>round2(unit × quantity)</c>. Floors are checked when
/// a value is configured (<see cref="CheckDiscount"/>, <see cref="CheckUnitPrice"/>), never clamped at order time.
/// </summary>
public static class SalePricing
{
    /// <summary>A configured price below the cost (E_BELOW_FLOOR).</summary>
    public const string BelowFloorMessage = "售价不能低于底价";
    /// <summary>A discount outside (0, 1].</summary>
    public const string BadDiscountMessage = "折扣必须大于0且不大于1";
    /// <summary>A unit price that is not positive.</summary>
    public const string BadPriceMessage = "售价必须大于0";

    /// <summary>True for products priced by a unit price (salemode 2) rather than a discount.</summary>
    public static bool IsPricedByUnit(string saleMode) => saleMode == SaleModes.FloorPrice;

    /// <summary>The discount or unit price in force: approved customer value &gt; unified &gt; none (list price).</summary>
    public static EffectiveRate Effective(PriceLayers layers)
    {
        var approved = layers.Customer.Where(c => c.ApvState == ApprovalStates.Approved)
            .OrderByDescending(c => c.UpdatedAt).FirstOrDefault();
        if (approved is not null) return new EffectiveRate(approved.Value, PriceSources.Customer);
        if (layers.Unified is { } unified) return new EffectiveRate(unified, PriceSources.Unified);
        return new EffectiveRate(null, PriceSources.Default);
    }

    /// <summary>
    /// Prices a line of list price <paramref name="listAmount"/> (元, provider price × quantity/duration) and
    /// <paramref name="quantity"/> units. Refused: negative list amount, quantity &lt; 1.
    /// </summary>
    public static Result<SalePrice> Price(PriceLayers layers, decimal listAmount, int quantity)
    {
        if (listAmount < 0) return new Failure(FailureKind.InvalidArgument, "原价不能为负");
        if (quantity < 1) return new Failure(FailureKind.InvalidArgument, "数量必须大于 0");
        var rate = Effective(layers);
        var amount = (IsPricedByUnit(layers.SaleMode), rate.Value) switch
        {
            (_, null) => listAmount,
            (true, { } unit) => unit * quantity,
            (false, { } discount) => listAmount * discount,
        };
        return new SalePrice(Money.Round2(amount), rate);
    }

    /// <summary>
    /// Checks a discount being configured: in (0, 1] and not below <paramref name="costDiscount"/> (the operator's
    /// cost discount, or a reseller's own cost; null: no floor).
    /// </summary>
    public static Result CheckDiscount(decimal discount, decimal? costDiscount)
    {
        if (discount <= 0 || discount > 1) return new Failure(FailureKind.InvalidArgument, BadDiscountMessage, "discount");
        if (discount < costDiscount) return new Failure(FailureKind.Conflict, BelowFloorMessage);
        return Result.Done;
    }

    /// <summary>discount and price both given to RSL-01 (E_BOTH).</summary>
    public const string BothGivenMessage = "discount和price不能同时填写";
    /// <summary>A rebate rate outside [0, 1).</summary>
    public const string BadRebateMessage = "回佣比例必须不小于0且小于1";

    /// <summary>
    /// The sale mode of an operator→reseller row from the values given (finance.md §3.4 RSL-01): a discount → 0 折扣,
    /// a floor price → 2 底价, neither → 1 回佣; both → refused (<see cref="BothGivenMessage"/>).
    /// </summary>
    public static Result<string> ResellerMode(decimal? discount, decimal? price) => (discount, price) switch
    {
        (not null, not null) => new Failure(FailureKind.InvalidArgument, BothGivenMessage, "price"),
        (not null, null) => SaleModes.Discount,
        (null, not null) => SaleModes.FloorPrice,
        _ => SaleModes.Rebate,
    };

    /// <summary>
    /// Checks a reseller's rate for a product of sale mode <paramref name="productSaleMode"/> (finance.md §4.5 row 4,
    /// §3.4 RSL-01): a discount only for discount-priced products and a floor price only for floor-price products,
    /// each under the same rules as any configured price and not below <paramref name="floor"/> — the seller's own
    /// cost of the product (<see cref="CheckDiscount"/>, <see cref="CheckUnitPrice"/>); a rebate rate in [0, 1),
    /// and on a discount-priced product 1 − rate not below the cost discount.
    /// </summary>
    public static Result CheckResellerRate(ResellerRate rate, string productSaleMode, decimal? floor)
    {
        var byUnit = IsPricedByUnit(productSaleMode);
        return rate switch
        {
            { Mode: SaleModes.Discount } when byUnit =>
                new Failure(FailureKind.InvalidArgument, "底价产品请配置底价(price)", "discount"),
            { Mode: SaleModes.Discount, Value: { } d } => CheckDiscount(d, floor),
            { Mode: SaleModes.FloorPrice } when !byUnit =>
                new Failure(FailureKind.InvalidArgument, "折扣产品请配置折扣(discount)", "price"),
            { Mode: SaleModes.FloorPrice, Value: { } f } => CheckUnitPrice(f, floor),
            { Mode: SaleModes.Rebate, Value: >= 0m and < 1m and var r } when !byUnit && 1m - r < floor =>
                new Failure(FailureKind.Conflict, BelowFloorMessage), // the operator keeps 1 − r of the list price
            { Mode: SaleModes.Rebate, Value: null or (>= 0m and < 1m) } => Result.Done,
            { Mode: SaleModes.Rebate } => new Failure(FailureKind.InvalidArgument, BadRebateMessage, "rebate_rate"),
            _ => new Failure(FailureKind.InvalidArgument, "销售模式错误", "salemode"),
        };
    }

    /// <summary>
    /// What a reseller owes the operator for <paramref name="purchase"/> (finance.md §4.7), 元, 2 decimals:
    /// discount <c>round2(原价 × d)</c>, floor price <c>round2(f × quantity)</c>, rebate <c>round2(amount × (1 − r))</c>;
    /// no rate: the amount the customer paid (no margin). A refund passes its purchase and
    /// <paramref name="share"/> = refund amount / purchase amount (the cost is given back pro rata); callers sign it.
    /// </summary>
    public static decimal ResellerCost(ResellerLine purchase, ResellerRate? rate, decimal share = 1m)
    {
        var full = rate switch
        {
            { Mode: SaleModes.Discount, Value: { } d } => (purchase.ProviderAmt ?? purchase.Amount) * d,
            { Mode: SaleModes.FloorPrice, Value: { } f } => f * (purchase.Quantity ?? 1),
            { Mode: SaleModes.Rebate } r => purchase.Amount * (1m - (r.Value ?? 0m)),
            _ => purchase.Amount,
        };
        return share == 1m ? Money.Round2(full) : Money.Round2(Money.Round2(full) * share);
    }

    /// <summary>Checks a unit price being configured: &gt; 0, whole 分, not below <paramref name="floorPrice"/>.</summary>
    public static Result CheckUnitPrice(decimal price, decimal? floorPrice)
    {
        if (price <= 0 || !Money.IsWholeFen(price) || price > Money.Max)
            return new Failure(FailureKind.InvalidArgument, BadPriceMessage, "price");
        if (price < floorPrice) return new Failure(FailureKind.Conflict, BelowFloorMessage);
        return Result.Done;
    }
}
