using Kboss.Domain.Common;

namespace Kboss.Domain.Marketplace;

/// <summary>公司类别: a company type publishers pick (<c>company_type</c>). spec: 04-marketplace.md; analysis/catalog.md §2.7.</summary>
public sealed class CompanyCategory : Entity, ISoftDeletable, ISiteRow
{
    /// <summary>公司类型 name (<c>company_category</c> on the wire).</summary>
    public string Name { get; set; } = "";
    /// <summary>Site the category belongs to (<c>url_link</c>, stored trimmed; empty when not given).</summary>
    public string UrlLink { get; set; } = "";
    /// <summary>Owning org (the creator's org).</summary>
    public string OrgId { get; set; } = "";
    /// <summary>Creator.</summary>
    public string? UserId { get; set; }
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;
}

/// <summary>
/// 所属类别: a node of the product category tree. <see cref="Priority"/> sorts ascending (1 first);
/// <see cref="Permission"/> <c>"0"</c> hides the node and its sub-tree from customers on the publish page;
/// <see cref="CartFlag"/> <c>"1"</c> shows the CPU/GPU inputs (else null). analysis/catalog.md §2.8, §4.6.
/// </summary>
public sealed class ProductCategory : Entity, ISoftDeletable, ISiteRow
{
    /// <summary>Category name (<c>product_category</c> on add, <c>name</c> in the tree).</summary>
    public string Name { get; set; } = "";
    /// <summary>Parent node; null for a root.</summary>
    public string? ParentId { get; set; }
    /// <summary>Site (<c>url_link</c>), empty when not given.</summary>
    public string UrlLink { get; set; } = "";
    /// <summary>Owning org.</summary>
    public string OrgId { get; set; } = "";
    /// <summary>Creator.</summary>
    public string? UserId { get; set; }
    /// <summary>展示优先级: 1 is shown first.</summary>
    public int Priority { get; set; } = 1;
    /// <summary><c>"1"</c> customers see it when publishing; <c>"0"</c> they do not.</summary>
    public string Permission { get; set; } = "1";
    /// <summary><c>"1"</c> show the CPU/GPU inputs; null hide them.</summary>
    public string? CartFlag { get; set; }
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;

    /// <summary>Normalises a <c>cart_flag</c> value: <c>"1"</c> stays, anything else means null (analysis §6 #16).</summary>
    public static string? NormalizeCartFlag(string? value) => value?.Trim() == "1" ? "1" : null;
}
