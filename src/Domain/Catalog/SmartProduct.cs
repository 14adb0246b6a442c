using Kboss.Domain.Common;

namespace Kboss.Domain.Catalog;

/// <summary>
/// 智算产品: a sales-maintained GPU/AI compute offer. Every field is free text as in the legacy wire (numbers sent by
/// clients are stored as their text). Customers see the fields up to <see cref="Address"/>; sales also see the rents,
/// terms, remark and type. spec: 24-smart-compute-products.md; analysis/catalog.md §2.13, §3.6.
/// </summary>
public sealed class SmartProduct : Entity, ISoftDeletable
{
    /// <summary>Product/server model (e.g. HGX-A800-80G-Nvlink).</summary>
    public string ProductModel { get; set; } = "";
    /// <summary>Location (e.g. 嘉兴平湖).</summary>
    public string Location { get; set; } = "";
    /// <summary>Scale (e.g. number of servers).</summary>
    public string Scale { get; set; } = "";
    /// <summary>Lead time / availability (e.g. 已售).</summary>
    public string Leadtime { get; set; } = "";
    /// <summary>Last update date (server-set, platform date).</summary>
    public DateOnly UpdateDate { get; set; }
    /// <summary>Brand.</summary>
    public string Brand { get; set; } = "";
    /// <summary>Resource type (e.g. 裸金属).</summary>
    public string ResourceType { get; set; } = "";
    /// <summary>Card type × count (e.g. A800(80G)*8).</summary>
    public string CardType { get; set; } = "";
    /// <summary>Card interface (e.g. SXM4).</summary>
    public string CardInterface { get; set; } = "";
    /// <summary>CPU.</summary>
    public string Cpu { get; set; } = "";
    /// <summary>Memory.</summary>
    public string Memory { get; set; } = "";
    /// <summary>System disk.</summary>
    public string SystemDisk { get; set; } = "";
    /// <summary>Data disk.</summary>
    public string DataDisk { get; set; } = "";
    /// <summary>Data network.</summary>
    public string DataNetwork { get; set; } = "";
    /// <summary>Card network.</summary>
    public string CardNetwork { get; set; } = "";
    /// <summary>Public bandwidth.</summary>
    public string OuterBandwidth { get; set; } = "";
    /// <summary>Shared storage.</summary>
    public string SharedStorage { get; set; } = "";
    /// <summary>Address.</summary>
    public string Address { get; set; } = "";
    /// <summary>Test/trial terms (sales only).</summary>
    public string TestClaim { get; set; } = "";
    /// <summary>Yearly rent (wire name <c>yearly_rant</c>, typo kept; sales only).</summary>
    public string YearlyRant { get; set; } = "";
    /// <summary>Quarterly rent (sales only).</summary>
    public string QuarterlyRent { get; set; } = "";
    /// <summary>Monthly rent (sales only).</summary>
    public string MonthlyRent { get; set; } = "";
    /// <summary>Remark (sales only).</summary>
    public string Remark { get; set; } = "";
    /// <summary>Type code (sales only; the example sends 13).</summary>
    public string Type { get; set; } = "";
    /// <summary>Creator.</summary>
    public string UserId { get; set; } = "";
    /// <summary>Owning org (the creator's; empty when unknown: admins only). ADR 0017.</summary>
    public string OrgId { get; set; } = "";
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;
}

/// <summary>Column lengths of <see cref="SmartProduct"/>.</summary>
public static class SmartProductLimits
{
    /// <summary>Specification texts (model, card type, cpu, memory, disks, networks, address, remark, location).</summary>
    public const int Long = 500;
    /// <summary>Short texts (scale, lead time, brand, rents, …).</summary>
    public const int Short = 100;
}
