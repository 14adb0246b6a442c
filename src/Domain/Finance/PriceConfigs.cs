using Kboss.Domain.Common;

namespace Kboss.Domain.Finance;

/// <summary>
/// 运营统一折扣 / 统一售价 (finance.md §2.6): the default discount (discount and rebate products) or unit price
/// (floor-price products) an operator org (<c>bid_orgid</c>) gives all its customers for one product. One live row
/// per (org, product); set through PRV-05 / <c>shoujia_guanli_jia</c>, floored by the org's cost (§4.5 row 4).
/// </summary>
public sealed class UnifiedPriceConfig : Entity, ISoftDeletable
{
    private UnifiedPriceConfig()
    {
    }

    /// <summary>运营所属机构id.</summary>
    public string BidOrgid { get; private init; } = "";
    /// <summary>供应商id.</summary>
    public string ProviderId { get; private init; } = "";
    /// <summary>产品id.</summary>
    public string ProductId { get; private init; } = "";
    /// <summary>Product name as given (display/search).</summary>
    public string? ProductName { get; private set; }
    /// <summary>统一折扣 (0, 1].</summary>
    public decimal? Discount { get; private set; }
    /// <summary>统一售价 per unit, 元.</summary>
    public decimal? Price { get; private set; }
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;

    /// <summary>An empty row of <paramref name="bidOrgid"/> for one product.</summary>
    public static UnifiedPriceConfig Open(string bidOrgid, string providerId, string productId) =>
        new() { BidOrgid = bidOrgid, ProviderId = providerId, ProductId = productId };

    /// <summary>Sets the unified discount under <see cref="SalePricing.CheckDiscount"/>.</summary>
    public Result SetDiscount(decimal discount, decimal? costDiscount, string? productName)
    {
        var check = SalePricing.CheckDiscount(discount, costDiscount);
        if (!check.Ok) return check;
        Discount = discount;
        ProductName = productName ?? ProductName;
        return Result.Done;
    }

    /// <summary>Sets the unified unit price under <see cref="SalePricing.CheckUnitPrice"/>.</summary>
    public Result SetPrice(decimal price, decimal? floorPrice, string? productName)
    {
        var check = SalePricing.CheckUnitPrice(price, floorPrice);
        if (!check.Ok) return check;
        Price = price;
        ProductName = productName ?? ProductName;
        return Result.Done;
    }
}

/// <summary><c>kv</c> of a customer configuration (finance.md §2.7).</summary>
public static class PriceKinds
{
    /// <summary>客户折扣.</summary>
    public const string Discount = "discount";
    /// <summary>客户售价 (floor-price products).</summary>
    public const string Price = "price";
}

/// <summary>
/// 客户折扣底价 / 客户售价 (finance.md §2.7): a discount or unit price a salesperson proposes for one customer and
/// product. It starts pending and is in force only once approved; a rejected one never is; a newer proposal leaves the
/// previous approved one in force until it is approved itself (§4.5 row 3).
/// </summary>
public sealed class CustomerProductConfig : Entity, ISoftDeletable
{
    /// <summary>Approving or rejecting a configuration that is no longer pending.</summary>
    public const string NotPendingMessage = "该配置不在审批中";

    private CustomerProductConfig()
    {
    }

    /// <summary>客户orgid.</summary>
    public string CustomerId { get; private init; } = "";
    /// <summary>供应商id.</summary>
    public string ProviderId { get; private init; } = "";
    /// <summary>产品id.</summary>
    public string ProductId { get; private init; } = "";
    /// <summary><see cref="PriceKinds"/>.</summary>
    public string Kv { get; private init; } = PriceKinds.Discount;
    /// <summary>Discount (kv discount) or unit price in 元 (kv price).</summary>
    public decimal Value { get; private init; }
    /// <summary>Who proposed it.</summary>
    public string SalemanId { get; private init; } = "";
    /// <summary><see cref="ApprovalStates"/>.</summary>
    public string ApvState { get; private set; } = ApprovalStates.Pending;
    /// <summary>Approval instance id once sent.</summary>
    public string? ApvId { get; private set; }
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;

    /// <summary>
    /// A pending proposal, checked like a unified value against <paramref name="floor"/> (the owner org's cost
    /// discount or floor price; null: none).
    /// </summary>
    public static Result<CustomerProductConfig> Propose(string customerId, string providerId, string productId,
        string kv, decimal value, decimal? floor, string salemanId)
    {
        var check = kv == PriceKinds.Price ? SalePricing.CheckUnitPrice(value, floor) : SalePricing.CheckDiscount(value, floor);
        if (check.Failure is { } failure) return failure;
        return new CustomerProductConfig
        {
            CustomerId = customerId, ProviderId = providerId, ProductId = productId, Kv = kv, Value = value,
            SalemanId = salemanId,
        };
    }

    /// <summary>Stores the approval instance id.</summary>
    public void AwaitApproval(string apvId) => ApvId = apvId;

    /// <summary>Pending → approved (in force).</summary>
    public Result Approve() => Decide(ApprovalStates.Approved);

    /// <summary>Pending → rejected (never in force).</summary>
    public Result Reject() => Decide(ApprovalStates.Rejected);

    private Result Decide(string state)
    {
        if (ApvState != ApprovalStates.Pending) return new Failure(FailureKind.Conflict, NotPendingMessage);
        ApvState = state;
        return Result.Done;
    }

    /// <summary>The pricing view of this row.</summary>
    public CustomerPriceConfig ToPriceConfig() => new(ApvState, Value, UpdateTime);
}

/// <summary>
/// 子表 (zi_biao) of a sale protocol (finance.md §2.5): the discount (salemode 0) or floor unit price (salemode 2)
/// the seller (<c>offer_orgid</c>) gives the buyer for one product — the buyer's cost, hence the floor of every price
/// the buyer configures (§4.5). Written by the reseller/protocol endpoints (module 16); read here.
/// </summary>
public sealed class ProductSaleConfig : Entity, ISoftDeletable
{
    /// <summary>销售协议id.</summary>
    public string ProtocolId { get; set; } = "";
    /// <summary>产品id.</summary>
    public string ProductId { get; set; } = "";
    /// <summary>Cost discount.</summary>
    public decimal? Discount { get; set; }
    /// <summary>Cost (floor) unit price, 元.</summary>
    public decimal? Price { get; set; }
    /// <summary>回佣比例 [0, 1) of a rebate-mode row (kboss addition, finance.md §4.7; null: 0).</summary>
    public decimal? RebateRate { get; set; }
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;

    /// <summary>Stores <paramref name="rate"/> (checked by <see cref="SalePricing.CheckResellerRate"/>).</summary>
    public void SetRate(ResellerRate rate)
    {
        Discount = rate.Mode == Catalog.SaleModes.Discount ? rate.Value : null;
        Price = rate.Mode == Catalog.SaleModes.FloorPrice ? rate.Value : null;
        RebateRate = rate.Mode == Catalog.SaleModes.Rebate ? rate.Value : null;
    }

    /// <summary>This row's rate under a protocol of sale mode <paramref name="mode"/>.</summary>
    public ResellerRate RateIn(string mode) => new(mode, mode switch
    {
        Catalog.SaleModes.Discount => Discount,
        Catalog.SaleModes.FloorPrice => Price,
        _ => RebateRate,
    });
}
