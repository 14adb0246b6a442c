using Kboss.Domain.Common;

namespace Kboss.Domain.Catalog;

/// <summary>
/// 产品模板: a named specification pattern of an operating org for a provider (<c>productid</c> holds the provider id
/// when created through add, analysis §6 #3). spec: 03-product-catalog.md; analysis/catalog.md §2.1.
/// </summary>
public sealed class SpecificationTemplate : Entity, ISoftDeletable
{
    /// <summary>运营机构id: owning org.</summary>
    public string OrgId { get; set; } = "";
    /// <summary>模板名称.</summary>
    public string PatternName { get; set; } = "";
    /// <summary>给哪个供应商添加的id / 产品id (wire <c>productid</c>, filtered by <c>providerid</c>).</summary>
    public string ProductId { get; set; } = "";
    /// <summary>模板内容, stored verbatim.</summary>
    public string SpecPattern { get; set; } = "";
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;
}

/// <summary>规格数据: concrete spec values of a product. analysis/catalog.md §2.2.</summary>
public sealed class SpecificData : Entity, ISoftDeletable
{
    /// <summary>Product the data belongs to.</summary>
    public string ProductId { get; set; } = "";
    /// <summary>Org of the operator that wrote it (rights on later changes).</summary>
    public string OrgId { get; set; } = "";
    /// <summary>规格数据, stored verbatim.</summary>
    public string SpecData { get; set; } = "";
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;
}

/// <summary>
/// 供应商: a supplier of products. Minimal here (catalog needs the pinyin <see cref="Prefix"/>); the provider module
/// (analysis/finance.md §2.3) adds its settlement and key fields.
/// </summary>
public sealed class Provider : Entity, ISoftDeletable
{
    /// <summary>Org of the provider.</summary>
    public string OrgId { get; set; } = "";
    /// <summary>供应商名称.</summary>
    public string Name { get; set; } = "";
    /// <summary>供应商拼音前缀 (<c>prefix</c> of <c>provider_product_group</c>), compared case-insensitively (stored lower case).</summary>
    public string Prefix { get; set; } = "";
    /// <summary>描述.</summary>
    public string? Description { get; set; }
    /// <summary>状态.</summary>
    public string? State { get; set; }
    /// <summary>销售方式 (see <see cref="SaleModes"/>).</summary>
    public string? SaleMode { get; set; }
    /// <summary>起效日期.</summary>
    public DateOnly? StartDate { get; set; }
    /// <summary>失效日期.</summary>
    public DateOnly? EndDate { get; set; }
    /// <summary>Products of the provider.</summary>
    public List<Product> Products { get; set; } = [];
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;
}

/// <summary>
/// A provider product exactly as <c>provider_product_group</c> returns it (20 fields). Finance, lease and vendor
/// areas build on it (analysis/catalog.md §2.3; analysis/finance.md §2.8: no list price lives here).
/// </summary>
public sealed class Product : Entity, ISoftDeletable
{
    /// <summary>供应商 id.</summary>
    public string ProviderId { get; set; } = "";
    /// <summary>The provider.</summary>
    public Provider? Provider { get; set; }
    /// <summary>The provider's own product id (供应商自带的产品pid).</summary>
    public string ProviderPid { get; set; } = "";
    /// <summary>Product name.</summary>
    public string Name { get; set; } = "";
    /// <summary>Description (nullable).</summary>
    public string? Description { get; set; }
    /// <summary>Label (nullable).</summary>
    public string? Label { get; set; }
    /// <summary>Product group, one of <see cref="ProductGroups.All"/> or another name.</summary>
    public string ProductGroup { get; set; } = "";
    /// <summary>Product type.</summary>
    public string PType { get; set; } = "";
    /// <summary>专属分类 for batch discounts (<c>未配置</c> when none).</summary>
    public string Classify { get; set; } = "";
    /// <summary>State.</summary>
    public string State { get; set; } = "";
    /// <summary>Effective date.</summary>
    public DateOnly? EffectDate { get; set; }
    /// <summary>Expiry date.</summary>
    public DateOnly? ExpireDate { get; set; }
    /// <summary>Sale mode (<see cref="SaleModes"/>).</summary>
    public string SaleMode { get; set; } = SaleModes.Discount;
    /// <summary>Product code.</summary>
    public string ProductCode { get; set; } = "";
    /// <summary>Spec note (bundle composition of combination products).</summary>
    public string SpecNote { get; set; } = "";
    /// <summary>Region/area.</summary>
    public string ProductArea { get; set; } = "";
    /// <summary>Spec pattern (template content) attached to the product.</summary>
    public string SpecificPattern { get; set; } = "";
    /// <summary>运营所在机构id: the operator/reseller org that sells the product.</summary>
    public string ResellerOrgId { get; set; } = "";
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;
}

/// <summary>Values of <c>salemode</c> (16-reseller.md: 折扣产品:0 回佣产品:1 底价产品:2).</summary>
public static class SaleModes
{
    /// <summary>折扣产品.</summary>
    public const string Discount = "0";
    /// <summary>回佣产品.</summary>
    public const string Rebate = "1";
    /// <summary>底价产品.</summary>
    public const string FloorPrice = "2";
    /// <summary>Every value.</summary>
    public static readonly string[] All = [Discount, Rebate, FloorPrice];
}

/// <summary>The 15 product groups, in the documented key order of <c>provider_product_group</c>.</summary>
public static class ProductGroups
{
    /// <summary>Group names in doc order.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        "大数据平台", "泛CDN", "AI能力引擎", "云与业务安全", "网络", "边缘计算", "计算", "云原生平台",
        "数据库", "智能内容科技", "智慧城市", "存储", "SME企业服务", "视频云平台", "智能短信",
    ];
}

/// <summary>
/// 未来网络 price table row: price and distance class of a university–supercomputing-centre link with a route count
/// and bandwidth. Business data (seeded, operator-editable), not a rule. analysis/catalog.md §2.4, §4.9.
/// </summary>
public sealed class WlwlParameter : Entity, ISoftDeletable
{
    /// <summary>高校.</summary>
    public string HighSchool { get; set; } = "";
    /// <summary>超算中心.</summary>
    public string ChaosuanCenter { get; set; } = "";
    /// <summary>路由数.</summary>
    public string RouteNum { get; set; } = "";
    /// <summary>宽带 (bandwidth).</summary>
    public string Broadband { get; set; } = "";
    /// <summary>List price.</summary>
    public decimal Price { get; set; }
    /// <summary>Distance class (e.g. 长距离).</summary>
    public string Distance { get; set; } = "";
    /// <summary>Display order ("ordered as stored").</summary>
    public int Sort { get; set; }
    /// <summary>Owning org (the org that added the row; null: the platform's table, admins only). ADR 0017.</summary>
    public string? OrgId { get; set; }
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;
}

/// <summary>首页产品树 node. Roots have a null <see cref="ParentId"/>; siblings sort by <see cref="Priority"/> ascending. analysis §2.5, §4.5.</summary>
public sealed class HomepageCategoryNode : Entity, ISoftDeletable, Kboss.Domain.Marketplace.ISiteRow
{
    /// <summary>Site (<c>url_link</c>, trimmed).</summary>
    public string UrlLink { get; set; } = "";
    /// <summary>Owning org (the creator's).</summary>
    public string OrgId { get; set; } = "";
    /// <summary>Creator.</summary>
    public string? UserId { get; set; }
    /// <summary>Parent node; null for a root (<c>"0"</c> or empty on the wire).</summary>
    public string? ParentId { get; set; }
    /// <summary>优先级, ascending.</summary>
    public int Priority { get; set; }
    /// <summary>名称.</summary>
    public string Name { get; set; } = "";
    /// <summary>icon链接.</summary>
    public string? Icon { get; set; }
    /// <summary>来源 (e.g. 佳杰).</summary>
    public string? Source { get; set; }
    /// <summary>跳转链接.</summary>
    public string? ListUrl { get; set; }
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;
}

/// <summary>立即咨询: a "consult now" lead. analysis/catalog.md §2.6.</summary>
public sealed class UserInquiry : Entity, ISoftDeletable
{
    /// <summary>Site where the lead was made.</summary>
    public string UrlLink { get; set; } = "";
    /// <summary>Org whose sales staff follow the lead up (owner of the related item or of the site's content); null: platform (admin).</summary>
    public string? OrgId { get; set; }
    /// <summary>1 商品 / 2 需求.</summary>
    public string? PublishType { get; set; }
    /// <summary>Related item id.</summary>
    public string? RelateId { get; set; }
    /// <summary>Message.</summary>
    public string? Content { get; set; }
    /// <summary>Inquiry type (free text).</summary>
    public string? CustomType { get; set; }
    /// <summary>Contact name.</summary>
    public string Name { get; set; } = "";
    /// <summary>Phone.</summary>
    public string Phone { get; set; } = "";
    /// <summary>Company.</summary>
    public string? Company { get; set; }
    /// <summary>Email.</summary>
    public string? Email { get; set; }
    /// <summary>销售回访: <c>"0"</c> not yet, <c>"1"</c> followed up.</summary>
    public string Feedback { get; set; } = "0";
    /// <summary>Session user when logged in.</summary>
    public string? UserId { get; set; }
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;
}

/// <summary>
/// A purchased resource (instance) of a customer, shaped like finance's bill (analysis/finance.md §2.1): customer org,
/// order/line, product, provider and the provider-side resource id; the finance work links bills to it.
/// </summary>
public sealed class CustomerResource : Entity, ISoftDeletable
{
    /// <summary>Customer org.</summary>
    public string CustomerId { get; set; } = "";
    /// <summary>Owning user.</summary>
    public string UserId { get; set; } = "";
    /// <summary>Order id (order module).</summary>
    public string? OrderId { get; set; }
    /// <summary>Order line id.</summary>
    public string? OrderGoodsId { get; set; }
    /// <summary>Product.</summary>
    public string? ProductId { get; set; }
    /// <summary>Provider.</summary>
    public string? ProviderId { get; set; }
    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";
    /// <summary>Instance id on the provider side.</summary>
    public string? InstanceId { get; set; }
    /// <summary>Resource status (<see cref="ResourceStatuses"/>).</summary>
    public string Status { get; set; } = ResourceStatuses.Running;
    /// <summary>Expiry instant (UTC); null for pay-as-you-go.</summary>
    public DateTime? ExpireTime { get; set; }
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;
}

/// <summary>Values of a resource's <c>status</c>.</summary>
public static class ResourceStatuses
{
    /// <summary>Running.</summary>
    public const string Running = "running";
    /// <summary>Stopped.</summary>
    public const string Stopped = "stopped";
    /// <summary>Expired.</summary>
    public const string Expired = "expired";
}

/// <summary>Pure rules of the catalog.</summary>
public static class CatalogRules
{
    /// <summary>Whole days left until <paramref name="expire"/>: <c>ceil((expire − now) / 24 h)</c> (analysis §3.1.19).</summary>
    public static int DaysLeft(DateTime expire, DateTime now) => (int)Math.Ceiling((expire - now).TotalDays);

    /// <summary>
    /// <c>discount_price</c> of a wlwl row: price × discount, rounded to 2 decimals (trailing zeros dropped on the wire).
    /// </summary>
    public static decimal DiscountPrice(decimal price, decimal discount) => Math.Round(price * discount, 2, MidpointRounding.AwayFromZero);
}
